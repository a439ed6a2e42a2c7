"""The study round (học tập, quán triệt chuyên đề) as a table, one member a row.

Members who still have to study are tinted light orange so the secretary sees at a
glance whom to remind or to schedule for a make-up session (học bù).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.topics.study_round import StudyStatus
from desktop.text import short_date
from desktop.ui.table_model_base import RecordTableModel

COLUMNS = ("TT", "Họ và tên", "Tình trạng học tập", "Ngày", "Hình thức")
COL_NUMBER, COL_NAME, COL_STATUS, COL_DATE, COL_WAY = range(5)
MISSING_BACKGROUND = QColor("#ffe3c2")


class StudyModel(RecordTableModel):
    HEADERS = COLUMNS
    rows: list[StudyStatus]

    def cell(self, row: StudyStatus, position: int, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NUMBER:
                return str(position + 1)
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
