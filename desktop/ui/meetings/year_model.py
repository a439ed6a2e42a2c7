"""The year of meetings (kế hoạch sinh hoạt cả năm) as a 12-row table, one row a month."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.meetings.plan import MeetingSummary, MonthStatus, YearOverview

COLUMNS = ("Tháng", "Thường kỳ", "Chuyên đề", "Khác")
COL_MONTH, COL_REGULAR, COL_THEMATIC, COL_OTHER = range(4)
_NOT_PLANNED_COLOUR = QColor("#6b6b6b")


def _other_text(meetings: list[MeetingSummary]) -> str:
    return "; ".join(f"{m.kind_label}: {m.state_label.lower()}" for m in meetings)


def _thematic_text(status: MonthStatus) -> str:
    parts = []
    if status.regular is not None and status.regular.combined_with_thematic:
        parts.append("Kết hợp với buổi thường kỳ")
    parts += [m.theme or m.state_label for m in status.others if m.kind == "chuyen_de"]
    return "; ".join(parts)


class YearModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.overview: YearOverview | None = None

    def set_overview(self, overview: YearOverview) -> None:
        self.beginResetModel()
        self.overview = overview
        self.endResetModel()

    def month(self, row: int) -> MonthStatus | None:
        if self.overview is None or not 0 <= row < len(self.overview.months):
            return None
        return self.overview.months[row]

    def meetings_of(self, row: int) -> list[MeetingSummary]:
        """The month's meetings, the regular one first."""
        status = self.month(row)
        if status is None:
            return []
        return ([status.regular] if status.regular else []) + list(status.others)

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        if (parent is not None and parent.isValid()) or self.overview is None:
            return 0
        return len(self.overview.months)

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        status = self.month(index.row())
        if status is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_MONTH:
                return f"Tháng {status.month}"
            if column == COL_REGULAR:
                return status.state_label
            if column == COL_THEMATIC:
                return _thematic_text(status)
            return _other_text([m for m in status.others if m.kind != "chuyen_de"])
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_REGULAR:
            if status.regular is None:
                return QBrush(_NOT_PLANNED_COLOUR)
        return None
