"""The roll (điểm danh) as a table: one row a member, three choice columns and a reason."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.services.meetings.plan import AttendanceRow, Presence

COLUMNS = ("TT", "Họ và tên", "Có mặt (1)", "Vắng có lý do (2)", "Vắng không lý do (3)", "Lý do")
COL_NUMBER, COL_NAME, COL_PRESENT, COL_EXCUSED, COL_UNEXCUSED, COL_REASON = range(6)
CHOICES = {
    COL_PRESENT: Presence.PRESENT.value,
    COL_EXCUSED: Presence.EXCUSED.value,
    COL_UNEXCUSED: Presence.UNEXCUSED.value,
}
# The header over the three narrow choice columns, on two lines so the names have room.
HEADERS = ("TT", "Họ và tên", "Có mặt\n(1)", "Vắng có\nlý do (2)", "Vắng không\nlý do (3)", "Lý do")
CHOSEN, NOT_CHOSEN = "●", "○"


class AttendanceModel(QAbstractTableModel):
    """Expected members only; ``changed`` fires on every mark so counts follow live."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AttendanceRow] = []
        self.read_only = False

    def set_rows(self, rows: list[AttendanceRow]) -> None:
        self.beginResetModel()
        self.rows = [r for r in rows if r.expected]
        self.endResetModel()

    def entries(self) -> list[tuple[int, str | None, str]]:
        return [(r.member_id, r.presence, r.reason) for r in self.rows]

    def set_presence(self, row: int, presence: str | None) -> None:
        if self.read_only or not 0 <= row < len(self.rows):
            return
        old = self.rows[row]
        label = Presence(presence).label if presence else old.presence_label
        reason = "" if presence == Presence.PRESENT else old.reason
        self.rows[row] = replace(old, presence=presence, presence_label=label, reason=reason)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.changed.emit()

    def mark_all_present(self) -> None:
        """Everyone not yet marked is present, in one model update and one ``changed``
        (a signal per row froze a 1,000-member cell for seconds)."""
        if self.read_only:
            return
        present = Presence.PRESENT
        marked = False
        for row, old in enumerate(self.rows):
            if old.presence is None:
                self.rows[row] = replace(
                    old, presence=present.value, presence_label=present.label, reason=""
                )
                marked = True
        if marked:
            last = self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.changed.emit()

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_NUMBER:
                return str(index.row() + 1)
            if column == COL_NAME:
                return row.full_name + ("" if row.is_official else " (dự bị)")
            if column in CHOICES:
                return CHOSEN if row.presence == CHOICES[column] else NOT_CHOSEN
            return row.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and column in CHOICES:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and column in CHOICES:
            chosen = row.presence == CHOICES[column]
            return f"{COLUMNS[column]}: {'đã chọn' if chosen else 'chưa chọn'}"
        return None

    def flags(self, index):
        flags = super().flags(index)
        if index.column() == COL_REASON and not self.read_only:
            row = self.rows[index.row()]
            if row.presence in (Presence.EXCUSED, Presence.UNEXCUSED):
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.column() != COL_REASON or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        self.rows[index.row()] = replace(self.rows[index.row()], reason=str(value).strip())
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True
