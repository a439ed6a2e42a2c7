"""Theo dõi cả năm: the member × month grid and who is behind (Điều lệ Đảng, Điều 8)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.dues.arrears import arrears
from desktop.services.dues.common import money
from desktop.services.dues.ledger import NOTHING_DUE_MARK as NOTHING_DUE
from desktop.services.dues.ledger import UNPAID_MARK as UNPAID
from desktop.services.dues.ledger import YearSheet, year_sheet
from desktop.ui.context import UiContext
from desktop.ui.style import heading
from desktop.ui.widgets import ERROR_COLOUR, WARNING_COLOUR, coloured_label

_UNPAID_BACKGROUND = QColor("#f6dcdc")
_SHORT_BACKGROUND = QColor("#fbeccf")


class YearTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = ctx.today().year
        self.sheet: YearSheet | None = None
        self.previous_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        self.previous_button.setToolTip("Năm trước")
        self.next_button.setToolTip("Năm sau")
        self.previous_button.clicked.connect(lambda: self.show_year(self.year - 1))
        self.next_button.clicked.connect(lambda: self.show_year(self.year + 1))
        self.title = heading()
        self.warnings = coloured_label(ERROR_COLOUR)
        self.behind = coloured_label(WARNING_COLOUR)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Sổ theo dõi đảng phí cả năm")
        self.table.verticalHeader().hide()
        self.totals = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        self.title.setWordWrap(False)
        top.addWidget(self.title)
        top.addWidget(self.next_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warnings)
        layout.addWidget(self.behind)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def show_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        self.sheet = sheet = year_sheet(self.ctx.db, self.year)
        self.title.setText(f"Theo dõi thu, nộp đảng phí năm {self.year}")
        found = arrears(self.ctx.db, self.year, self.ctx.today(), sheet=sheet)
        flagged = [a.message and f"Đồng chí {a.full_name}: {a.message}" for a in found if a.flagged]
        others = [f"Đồng chí {a.full_name}: {a.message}." for a in found if not a.flagged]
        self.warnings.setText("\n".join(flagged))
        self.warnings.setVisible(bool(flagged))
        self.behind.setText("\n".join(others) if others else "Không có đồng chí nào chậm nộp.")
        heads = ["Họ và tên"] + [f"T{m}" for m in range(1, 13)] + ["Cả năm"]
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(sheet.rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(sheet.rows):
            self.table.setItem(r, 0, QTableWidgetItem(row.full_name))
            for month in range(1, 13):
                line = row.cells.get(month)
                item = QTableWidgetItem()
                if line is not None:
                    item.setText(money(line.paid.amount) if line.paid.amount
                                 else (UNPAID if line.due.owes else NOTHING_DUE))
                    item.setToolTip(line.due.exempt or line.due.problem or line.due.rate_text)
                    if line.state == "unpaid":
                        item.setBackground(_UNPAID_BACKGROUND)
                    elif line.state == "partial":
                        item.setBackground(_SHORT_BACKGROUND)
                item.setTextAlignment(right)
                self.table.setItem(r, month, item)
            total = QTableWidgetItem(money(row.total_paid))
            total.setTextAlignment(right)
            self.table.setItem(r, 13, total)
        header = self.table.horizontalHeader()
        # Measuring every row of a 1,000-member cell would take a second; 100 rows suffice.
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.totals.setText(f"Cả năm: phải nộp {money(sheet.total_due)} đồng, đã nộp "
                            f"{money(sheet.total_paid)} đồng. Ô đỏ: chưa nộp; ô vàng: nộp thiếu; "
                            f"\"{NOTHING_DUE}\": không phải nộp.")
