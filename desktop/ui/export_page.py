"""The "Xuất dữ liệu" page: what leaves the PC (DOMAIN.md §6).

The roster export and print work today; the year-end package for the superior party
committee is still to come, and the page says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.placeholder import NOT_BUILT
from desktop.ui.style import heading
from desktop.ui.widgets import ChoiceButton, notice_label

COMING_TEXT = (
    "Cuối năm, phần này sẽ lập bộ hồ sơ gửi cấp ủy cấp trên trên USB: danh sách đề nghị "
    "xếp loại đảng viên (Excel và PDF), bảng tổng hợp của chi bộ, và một tệp để phần mềm "
    "của cấp trên tổng hợp nhiều chi bộ; tệp được kiểm tra lại sau khi chép. Phần này cũng "
    "sẽ lập gói bàn giao dữ liệu khi thay đổi bí thư chi bộ. "
)


class ExportPage(QWidget):
    def __init__(self, export_action, print_action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.export_button = ChoiceButton(
            "Xuất danh sách đảng viên ra tệp Excel hoặc CSV…",
            "Mọi đảng viên cùng các cột như khi nhập; mở được bằng Excel (Ctrl+E).",
        )
        self.print_button = ChoiceButton(
            "In danh sách đảng viên…",
            "Xem trước bản in khổ A4 theo thể thức văn bản của Đảng, rồi in hoặc lưu PDF (Ctrl+P).",
        )
        self.export_button.clicked.connect(export_action.trigger)
        self.print_button.clicked.connect(print_action.trigger)
        coming_title = QLabel("<b>Hồ sơ gửi cấp trên</b>")
        coming = notice_label(NOT_BUILT + " " + COMING_TEXT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(heading("Xuất dữ liệu"))
        layout.addWidget(self.export_button)
        layout.addWidget(self.print_button)
        layout.addSpacing(12)
        layout.addWidget(coming_title)
        layout.addWidget(coming)
        layout.addStretch(1)
