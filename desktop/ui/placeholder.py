"""A plain page for a part of the app that is not built yet (phần đang xây dựng).

It says so honestly and tells what the part will do, so that the secretary sees the
whole plan of the product without meeting buttons that do nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.style import heading
from desktop.ui.widgets import notice_label

NOT_BUILT = "Phần này đang được xây dựng và sẽ có trong phiên bản sau."


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.notice = notice_label(NOT_BUILT)
        self.description = QLabel(description)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(heading(title))
        layout.addWidget(self.notice)
        layout.addWidget(self.description)
        layout.addStretch(1)


# The parts still to come, in the words the secretary uses (DOMAIN.md §3–6).
REVIEWS_TEXT = (
    "Phần «Kiểm điểm và xếp loại» sẽ giúp kiểm điểm, đánh giá, xếp loại chất lượng đảng viên "
    "cuối năm theo quy định của từng năm (mẫu 2A, 2B, 2C; thang 100 điểm từ năm 2025), ghi "
    "kết quả biểu quyết của chi bộ, cảnh báo các trường hợp đặc biệt (bị kỷ luật trong năm, "
    "miễn sinh hoạt, mới kết nạp) và tỷ lệ hoàn thành xuất sắc nhiệm vụ, rồi in danh sách đề "
    "nghị xếp loại gửi cấp ủy cấp trên."
)
