"""The study round (học tập, quán triệt chuyên đề) as a table, one member a row.

Members who still have to study are tinted light orange so the secretary sees at a
glance whom to remind or to schedule for a make-up session (học bù).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.topics.study_round import StudyStatus
from desktop.text import short_date

COLUMNS = ("TT", "Họ và tên", "Tình trạng học tập", "Ngày", "Hình thức")
COL_NUMBER, COL_NAME, COL_STATUS, COL_DATE, COL_WAY = range(5)
MISSING_BACKGROUND = QColor("#ffe3c2")


class StudyModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[StudyStatus] = []

    def set_rows(self, rows: list[StudyStatus]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, member_id: int) -> int:
        for number, row in enumerate(self.rows):
            if row.member_id == member_id:
                return number
        return -1

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NUMBER:
                return str(index.row() + 1)
            if column == COL_NAME:
                return row.full_name
            if column == COL_STATUS:
                return row.status_label
            if column == COL_DATE:
                return short_date(row.studied_on) if row.studied_on else ""
            if column == COL_WAY:
                return row.way_label
        if role == Qt.ItemDataRole.BackgroundRole and not row.studied:
            return QBrush(MISSING_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.member_status_label, row.note]
            return "\n".join(p for p in parts if p) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NUMBER, COL_DATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
