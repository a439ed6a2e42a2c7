"""The cell's commitment table (bảng theo dõi cam kết) over ``CommitmentRow`` records.

Members who have not written yet are tinted light orange, like the study round, so the
secretary sees whom to remind; exempted members are greyed and marked "Được miễn".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from desktop.services.reviews.commitments import CommitmentRow
from desktop.text import short_date
from desktop.ui.table_model_base import RecordTableModel

# Two-line headers keep the narrow columns narrow, so all nine fit beside the menu.
HEADERS = (
    "TT",
    "Họ và tên",
    "Trạng thái",
    "Ngày viết",
    "Chi ủy\nxác nhận",
    "Số\nnội dung",
    "Làm theo\nchuyên đề",
    "Tự\nđánh giá",
    "Chi ủy\nđánh giá",
)
(
    COL_NUMBER,
    COL_NAME,
    COL_STATE,
    COL_WRITTEN,
    COL_ACKNOWLEDGED,
    COL_ITEMS,
    COL_TOPIC,
    COL_ASSESSED,
    COL_EVALUATION,
) = range(len(HEADERS))
_CENTERED = {COL_NUMBER, COL_WRITTEN, COL_ACKNOWLEDGED, COL_ITEMS, COL_TOPIC, COL_ASSESSED}
MISSING_BACKGROUND = QColor("#ffe3c2")
EXEMPTED_COLOUR = QColor("#6b6b6b")
NO_TOPIC_TIP = "Chưa có nội dung nào gắn với chuyên đề học tập và làm theo của năm."


class CommitmentTableModel(RecordTableModel):
    HEADERS = HEADERS
    rows: list[CommitmentRow]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.warning_icon = QIcon()

    def cell(self, row: CommitmentRow, position: int, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(position, row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TOPIC and _no_topic(row):
            return self.warning_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_EVALUATION and row.evaluation_comment:
                return row.evaluation_comment
            return "\n".join(row.warnings) or None
        if role == Qt.ItemDataRole.BackgroundRole and not row.written and not row.exempted:
            return QBrush(MISSING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and row.exempted and not row.written:
            return QBrush(EXEMPTED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _text(number: int, row: CommitmentRow, column: int) -> str:
        if column == COL_NUMBER:
            return str(number + 1)
        if column == COL_NAME:
            return row.full_name
        if column == COL_STATE:
            return row.state_label
        if not row.written:
            return ""
        if column == COL_WRITTEN:
            return short_date(row.written_on) if row.written_on else "chưa ghi"
        if column == COL_ACKNOWLEDGED:
            return short_date(row.acknowledged_on) if row.acknowledged_on else "chưa"
        if column == COL_ITEMS:
            return str(row.items)
        if column == COL_TOPIC:
            return str(row.topic_items)
        if column == COL_ASSESSED:
            return "Đã" if row.assessed else "Chưa"
        if column == COL_EVALUATION:
            return row.evaluation_label or "Chưa"
        return ""


def _no_topic(row: CommitmentRow) -> bool:
    return row.written and row.topic_items == 0
