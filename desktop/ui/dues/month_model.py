"""The month's dues list as a table: one row a member, a "Thu" mark the secretary toggles.

The mark is what "Lưu" will record as paid in full; marking everyone and then un-marking
the exceptions is the fast way (Space toggles the current row, A marks everyone).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from desktop.services.dues.common import money
from desktop.services.dues.ledger import LedgerLine
from desktop.text import short_date
from desktop.ui.table_model_base import RecordTableModel
from desktop.ui.widgets import WARNING_COLOUR

COLUMNS = ("Thu", "Họ và tên", "Đối tượng", "Mức căn cứ", "Tỷ lệ / mức", "Phải nộp", "Đã nộp",
           "Ngày nộp", "Biên lai", "Tình trạng")
COL_MARK, COL_NAME = 0, 1
MARKED, UNMARKED = "☑", "☐"
STATES = {"paid": "Đã nộp đủ", "partial": "Nộp thiếu", "unpaid": "Chưa nộp",
          "exempt": "Không phải nộp", "unknown": "Chưa tính được"}
_RIGHT = {3, 5, 6}


class MonthModel(RecordTableModel):
    HEADERS = COLUMNS
    marks_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.marked: set[int] = set()

    @property
    def lines(self) -> list[LedgerLine]:
        return self.rows

    def set_lines(self, lines: list[LedgerLine]) -> None:
        self.beginResetModel()
        self.rows = list(lines)
        self.marked = set()
        self.endResetModel()
        self.marks_changed.emit()
    def can_mark(self, row: int) -> bool:
        return 0 <= row < len(self.lines) and self.lines[row].outstanding > 0

    def toggle(self, row: int) -> None:
        if not self.can_mark(row):
            return
        member_id = self.lines[row].due.member_id
        self.marked ^= {member_id}
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.marks_changed.emit()

    def mark_all(self) -> None:
        self.marked = {line.due.member_id for line in self.lines if line.outstanding > 0}
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, len(COLUMNS) - 1))
        self.marks_changed.emit()

    def unmarked_owing(self) -> list[int]:
        return [line.due.member_id for line in self.lines
                if line.outstanding > 0 and line.due.member_id not in self.marked]

    def marked_total(self) -> int:
        return sum(line.outstanding for line in self.lines if line.due.member_id in self.marked)

    def cell(self, line: LedgerLine, position: int, column: int, role: int):
        due = line.due
        if role == Qt.ItemDataRole.DisplayRole:
            known = due.owes and not due.problem
            if column == COL_MARK:
                if not self.can_mark(position):
                    return ""
                return MARKED if due.member_id in self.marked else UNMARKED
            values = {
                1: due.full_name,
                2: due.class_name,
                3: money(due.base) if due.base else "",
                4: due.rate_text if known else (due.exempt or due.problem),
                5: money(due.amount) if known else "",
                6: money(line.paid.amount) if line.paid.amount else "",
                7: short_date(line.paid.paid_on) if line.paid.paid_on else "",
                8: line.paid.text(),
                9: STATES[line.state],
            }
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_MARK:
                return int(Qt.AlignmentFlag.AlignCenter)
            if column in _RIGHT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.state in ("unpaid", "partial", "unknown") and column == 9:
                return QColor(WARNING_COLOUR)
            if line.state == "exempt":
                return QColor("#707070")
        if role == Qt.ItemDataRole.ToolTipRole:
            return due.source or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_MARK:
            return "Đánh dấu thu" if due.member_id in self.marked else "Không thu"
        return None
