"""Backups (sao lưu) in Cài đặt: list them, make one now, restore one.

Restoring replaces everything typed since that backup, so the question says so and
says that the current data is itself backed up first (``restore_backup`` does it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.backup import BackupInfo, list_backups
from desktop.text.numbers import format_number
from desktop.ui import messages
from desktop.ui.context import UiContext

MANUAL_REASON = "thu-cong"
REASON_LABELS = {
    "": "Sao lưu",
    "khoi-dong": "Khi mở phần mềm",
    "thu-cong": "Sao lưu ngay (bấm tay)",
    "sau-nhap": "Sau khi nhập danh sách",
    "truoc-nang-cap": "Trước khi nâng cấp dữ liệu",
    "truoc-khoi-phuc": "Trước khi khôi phục bản cũ",
}


def reason_label(reason: str) -> str:
    return REASON_LABELS.get(reason, reason.replace("-", " ").capitalize())


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{format_number(size / 1024 / 1024, 1)} MB"
    return f"{format_number(max(1, round(size / 1024)))} KB"


class BackupsPanel(QGroupBox):
    """Emits ``restore_requested(path)`` once the user has confirmed a restore."""

    restore_requested = Signal(Path)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__("Sao lưu", parent)
        self.ctx = ctx
        self.backups: list[BackupInfo] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Thời điểm", "Lý do", "Dung lượng"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)

        self.backup_button = QPushButton("Sao lưu nga&y")
        self.restore_button = QPushButton("Khôi phục &bản này…")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        intro = QLabel(
            "Mỗi lần mở phần mềm, sau khi nhập danh sách và khi bấm «Sao lưu ngay», một bản "
            "sao lưu được lưu trong thư mục dữ liệu. Nên chép thêm thư mục dữ liệu ra USB."
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        ctx.workspace_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.backups = list_backups(self.ctx.workspace.backups_dir)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (
                info.made_at.strftime("%H:%M:%S ngày %d/%m/%Y"),
                reason_label(info.reason),
                size_text(info.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.backups))

    def backup_now(self) -> Path | None:
        try:
            path = self.ctx.workspace.backup(MANUAL_REASON)
        except Exception as exc:  # noqa: BLE001 - told to the user
            messages.show_exception(self, exc, "Chưa sao lưu được")
            return None
        self.reload()
        self.status.setText(f"Đã sao lưu vào tệp {path.name}.")
        self.status.show()
        return path

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        when = info.made_at.strftime("%H:%M ngày %d/%m/%Y")
        if not messages.ask(
            self,
            "Khôi phục bản sao lưu",
            f"Khôi phục dữ liệu về bản sao lưu lúc {when}?\n\n"
            "Mọi thay đổi sau thời điểm đó sẽ không còn trong dữ liệu đang dùng. Trước khi "
            "khôi phục, dữ liệu hiện tại được sao lưu lại một bản (lý do «Trước khi khôi phục "
            "bản cũ»), nên vẫn có thể quay lại nếu cần.",
            "Khôi phục",
            "Không khôi phục",
            danger=True,
        ):
            return
        self.restore_requested.emit(info.path)
