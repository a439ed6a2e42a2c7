"""The "Xuất dữ liệu" page: what leaves the PC (docs/domain.md §6).

First tab: the roster to Excel or paper, the year's ratings to the superior on a USB
stick, a backup and the handover package, each verified, a restore from them (through the
main window's restore, as in Cài đặt), and the export log (nhật ký xuất dữ liệu).
Second tab: the đảng ủy cơ sở's consolidation of its cells' packages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QTabWidget, QVBoxLayout, QWidget

from desktop.ui.context import UiContext
from desktop.ui.exporting import jobs
from desktop.ui.exporting.consolidation_page import ConsolidationPage
from desktop.ui.exporting.drive_picker import Volume
from desktop.ui.exporting.export_dialog import ExportDialog, open_export_dialog
from desktop.ui.exporting.export_log import ExportLogTable
from desktop.ui.exporting.restore import restore_from_stick
from desktop.ui.style import heading
from desktop.ui.widgets import ChoiceButton

TAB_SEND, TAB_CONSOLIDATE = range(2)


class ExportPage(QWidget):
    """Emits ``restore_requested(database_file)`` once the user confirmed a restore."""

    restore_requested = Signal(Path)

    def __init__(
        self, ctx: UiContext, export_action, print_action, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Where the drive list comes from; tests hand in a folder posing as a stick.
        self.volume_source: Callable[[], list[Volume]] | None = None
        self.dialog: ExportDialog | None = None

        self.export_button = ChoiceButton(
            "Xuất danh sách đảng viên ra tệp Excel hoặc CSV…",
            "Mọi đảng viên cùng các cột như khi nhập; mở được bằng Excel (Ctrl+E).",
        )
        self.print_button = ChoiceButton(
            "In danh sách đảng viên…",
            "Xem trước bản in khổ A4 theo thể thức văn bản của Đảng, rồi in hoặc lưu PDF (Ctrl+P).",
        )
        self.ratings_button = ChoiceButton(
            "Gửi kết quả xếp loại lên cấp trên…",
            "Danh sách đề nghị xếp loại (Excel, PDF) và tệp dữ liệu cho đảng ủy, chép ra USB "
            "và kiểm tra lại.",
        )
        self.backup_button = ChoiceButton(
            "Sao lưu ra USB…",
            "Toàn bộ dữ liệu thành một tệp trên USB, đọc lại để kiểm tra.",
        )
        self.handover_button = ChoiceButton(
            "Lập gói bàn giao…",
            "Khi thay bí thư: dữ liệu cùng các bản in của năm cho người nhận bàn giao.",
        )
        self.restore_button = ChoiceButton(
            "Khôi phục từ USB…",
            "Từ tệp sao lưu hoặc gói bàn giao; dữ liệu đang dùng được sao lưu lại trước.",
        )
        self.export_button.clicked.connect(export_action.trigger)
        self.print_button.clicked.connect(print_action.trigger)
        self.ratings_button.clicked.connect(lambda: self.open_job(jobs.RATINGS))
        self.backup_button.clicked.connect(lambda: self.open_job(jobs.BACKUP))
        self.handover_button.clicked.connect(lambda: self.open_job(jobs.HANDOVER))
        self.restore_button.clicked.connect(
            lambda: restore_from_stick(self, self.restore_requested.emit)
        )

        grid = QGridLayout()
        grid.setSpacing(12)
        buttons = (
            self.ratings_button,
            self.export_button,
            self.backup_button,
            self.print_button,
            self.handover_button,
            self.restore_button,
        )
        for index, button in enumerate(buttons):
            grid.addWidget(button, index // 2, index % 2)
        self.log = ExportLogTable()
        log_box = QGroupBox("Nhật ký xuất dữ liệu")
        QVBoxLayout(log_box).addWidget(self.log)
        send = QWidget()
        send_layout = QVBoxLayout(send)
        send_layout.setContentsMargins(0, 12, 0, 0)
        send_layout.setSpacing(12)
        send_layout.addLayout(grid)
        send_layout.addWidget(log_box, 1)

        self.consolidation = ConsolidationPage(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(send, "Xuất và gửi đi")
        self.tabs.addTab(self.consolidation, "Tổng hợp của đảng ủy cơ sở")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(heading("Xuất dữ liệu"))
        layout.addWidget(self.tabs, 1)
        ctx.workspace_changed.connect(self.reload_log)
        self.reload_log()

    def reload_log(self) -> None:
        self.log.reload(self.ctx.db)

    def open_job(self, job: jobs.ExportJob) -> ExportDialog:
        self.dialog = open_export_dialog(
            self.ctx, job, self, lambda _result: self.reload_log(), volumes=self.volume_source
        )
        return self.dialog
