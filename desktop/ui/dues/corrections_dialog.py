"""Sổ theo dõi sửa chữa đảng phí: every change made to a closed month, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.dues.collect import corrections
from desktop.services.dues.common import month_text
from desktop.ui.context import UiContext

HEADINGS = ("Thời gian", "Người sửa", "Tháng", "Đồng chí", "Trước khi sửa", "Sau khi sửa",
            "Lý do")


class CorrectionsDialog(QDialog):
    def __init__(self, ctx: UiContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Sổ theo dõi sửa chữa đảng phí năm {year}")
        self.resize(1100, 500)
        rows = corrections(ctx.db, year)
        self.table = QTableWidget(len(rows), len(HEADINGS))
        self.table.setHorizontalHeaderLabels(HEADINGS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for r, row in enumerate(rows):
            values = (f"{row.made_at:%d/%m/%Y %H:%M}", row.made_by, month_text(row.month),
                      row.full_name, row.before, row.after, row.reason)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        close = QPushButton("Đó&ng")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        empty = "Chưa có sửa chữa nào sau khi khóa sổ." if not rows else ""
        if empty:
            layout.addWidget(QLabel(empty))
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
