"""The preview table of an import plan: what will happen to each line of the file."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.members.importing import (
    DUPLICATE,
    NEW,
    POSSIBLE_DUPLICATE,
    REJECTED,
    ImportPlan,
    RowPlan,
)

PREVIEW_LIMIT = 200
# The reason comes last and takes the room that is left, wrapping, so it is never
# pushed out of sight; dates of admission are imported but not previewed.
HEADERS = ("Dòng", "Kết quả", "Họ và tên", "Ngày sinh", "Số thẻ đảng viên", "Lý do / đã sửa")
COL_NOTE = 5
OUTCOME_LABELS = {
    NEW: "Sẽ nhập",
    DUPLICATE: "Trùng, bỏ qua",
    REJECTED: "Lỗi",
    POSSIBLE_DUPLICATE: "Cần xác nhận",
}
OUTCOME_COLOURS = {
    NEW: "#e3f4e6",
    DUPLICATE: "#fff2cc",
    REJECTED: "#fbe0e0",
    POSSIBLE_DUPLICATE: "#ffe0b3",
}


def row_note(row: RowPlan) -> str:
    if row.outcome == REJECTED:
        return "; ".join(row.errors)
    if row.outcome in (DUPLICATE, POSSIBLE_DUPLICATE):
        return row.match_reason
    return ("Đã sửa: " + "; ".join(row.repairs)) if row.repairs else ""


class PlanPreviewModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[RowPlan] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.rows = list(plan.rows[:PREVIEW_LIMIT]) if plan else []
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NOTE:
            return self._text(row, COL_NOTE) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(OUTCOME_COLOURS.get(row.outcome, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1a1a1a"))
        return None

    @staticmethod
    def _text(row: RowPlan, column: int) -> str:
        data = row.data
        if column == 0:
            return str(row.row_number)
        if column == 1:
            return OUTCOME_LABELS.get(row.outcome, row.outcome)
        if column == 2:
            return row.name
        if column == COL_NOTE:
            return row_note(row)
        if data is None:
            return ""
        if column == 3:
            return data.birth_date.display() if data.birth_date else ""
        if column == 4:
            return data.card_number or ""
        return ""
