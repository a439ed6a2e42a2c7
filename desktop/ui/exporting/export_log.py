"""The export log (nhật ký xuất dữ liệu): what was written when, where, with its checksum.

The full SHA-256 is in the tooltip of the short one, so that the secretary can read it
out to the superior over the phone when a package is disputed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.packaging.ratings import ExportLogEntry, export_log
from desktop.storage.database import Database
from desktop.text import format_number
from desktop.ui.exporting.drive_picker import size_text

HEADERS = (
    "Thời gian",
    "Loại",
    "Năm",
    "Nơi ghi",
    "Tên gói",
    "Số tệp",
    "Dung lượng",
    "Mã kiểm tra",
    "Mật khẩu",
)
COL_TARGET, COL_NAME, COL_CHECKSUM = 3, 4, 7
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def row_texts(entry: ExportLogEntry) -> tuple[str, ...]:
    return (
        entry.created_at.strftime("%H:%M %d/%m/%Y"),
        entry.kind_label,
        str(entry.year) if entry.year else "",
        entry.target,
        entry.name,
        format_number(entry.file_count),
        size_text(entry.total_bytes),
        entry.sha256[:12],
        "có" if entry.encrypted else "không",
    )


class ExportLogTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.entries: list[ExportLogEntry] = []
        self.setHorizontalHeaderLabels(list(HEADERS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The two long texts share what is left; the full text is in their tooltips.
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setMinimumHeight(140)

    def reload(self, db: Database) -> None:
        self.entries = export_log(db)
        self.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            for column, text in enumerate(row_texts(entry)):
                item = QTableWidgetItem(text)
                if column in (5, 6):
                    item.setTextAlignment(RIGHT)
                if column == COL_CHECKSUM:
                    item.setToolTip(f"Mã kiểm tra đầy đủ (SHA-256): {entry.sha256}")
                elif column in (COL_TARGET, COL_NAME):
                    item.setToolTip(text)
                self.setItem(row, column, item)
