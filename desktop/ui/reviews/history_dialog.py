"""A member's ratings across years (lịch sử xếp loại), with the "5 năm liền" note."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews.history import rating_history, streak_note
from desktop.text import short_date
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.context import UiContext
from desktop.ui.style import heading
from desktop.ui.widgets import notice_label

HEADERS = ("Năm", "Mức xếp loại", "Căn cứ", "Quyết định")


class HistoryDialog(QDialog):
    def __init__(
        self, ctx: UiContext, member_id: int, name: str, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Lịch sử xếp loại — {name}")
        fit_to_screen(self, QSize(1000, 480))
        history = rating_history(ctx.db, member_id)
        self.table = QTableWidget(len(history.years), len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, entry in enumerate(history.years):
            decision = ""
            if entry.decided:
                parts = [f"số {entry.decision_number}" if entry.decision_number else ""]
                if entry.decision_date:
                    parts.append(f"ngày {short_date(entry.decision_date)}")
                decision = " ".join(p for p in parts if p)
            basis = (
                "Cấp trên quyết định" if entry.decided else "Chi bộ đề xuất (chưa có quyết định)"
            )
            for column, text in enumerate((str(entry.year), entry.level_name, basis, decision)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(len(HEADERS)):
            header.resizeSection(column, header.sectionSize(column) + 16)
        header.setStretchLastSection(True)
        self.empty_label = QLabel("Chưa có năm nào được xếp loại.")
        self.empty_label.setVisible(not history.years)
        # Counted up to the last decided year: the page's year may still await its decision.
        last = max((y.year for y in history.years if y.decided and y.year <= year), default=year)
        self.streak = streak_note(history, last)
        self.streak_label = notice_label(f"Đồng chí {name}: {self.streak}." if self.streak else "")
        self.streak_label.setVisible(bool(self.streak))
        close = QPushButton("Đó&ng")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(f"Lịch sử xếp loại — đồng chí {name}"))
        layout.addWidget(self.streak_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
