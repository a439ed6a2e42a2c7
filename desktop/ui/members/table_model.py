"""The members table (danh sách đảng viên) over cached ``MemberRow`` records.

Rows come sorted the Vietnamese way from the service; filtering keeps that order and
only rebuilds a list of row indices, so typing in the search box over 10,000 members
costs one ``matches`` call per row and no re-sorting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.members.registry import MemberRow
from desktop.services.members.status import MemberStatus
from desktop.text.dates import short_date
from desktop.text.search import matches

COLUMNS = (
    "TT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Ngày vào Đảng",
    "Tình trạng",
    "Chức vụ",
    "Số thẻ đảng viên",
    "Điện thoại",
)
# Two-line headers keep the narrow columns narrow, so all nine fit beside the menu.
HEADER_LINES = (
    "TT",
    "Họ và tên",
    "Giới\ntính",
    "Ngày sinh",
    "Ngày vào\nĐảng",
    "Tình trạng",
    "Chức vụ",
    "Số thẻ\nđảng viên",
    "Điện thoại",
)
COL_NUMBER, COL_NAME, COL_GENDER, COL_BIRTH, COL_ADMITTED, COL_STATUS = range(6)
COL_POST, COL_CARD, COL_PHONE = 6, 7, 8
_CENTERED = {COL_NUMBER, COL_GENDER, COL_BIRTH, COL_ADMITTED, COL_CARD}

# Status filter of the combo box: (key, label, test). The first one is the default.
STATUS_FILTERS: tuple[tuple[str, str, Callable[[MemberStatus], bool]], ...] = (
    ("on_roll", "Đang sinh hoạt", lambda s: s.on_roll),
    ("official", "Chính thức", lambda s: s == MemberStatus.OFFICIAL),
    ("probationary", "Dự bị", lambda s: s == MemberStatus.PROBATIONARY),
    ("exempted", "Miễn sinh hoạt", lambda s: s == MemberStatus.EXEMPTED),
    (
        "temporary",
        "Sinh hoạt tạm thời",
        lambda s: s in (MemberStatus.TEMPORARY_HERE, MemberStatus.TEMPORARY_AWAY),
    ),
    ("transferred", "Đã chuyển đi", lambda s: s == MemberStatus.TRANSFERRED_OUT),
    ("gone", "Từ trần / xóa tên", lambda s: s in (MemberStatus.DECEASED, MemberStatus.REMOVED)),
    ("all", "Tất cả", lambda s: True),
)
_FILTER_TESTS = {key: test for key, _label, test in STATUS_FILTERS}

_OFF_ROLL_COLOUR = QColor("#6b6b6b")


def status_text(row: MemberRow) -> str:
    text = row.status.label
    if row.works_far_away:
        text += ", đi xa"  # short so the column stays narrow; the tooltip says it in full
    return text


class MembersTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._in_status: list[int] = []  # indices passing the status filter
        self._visible: list[int] = []  # of those, the ones matching the search
        self._status_key = STATUS_FILTERS[0][0]
        self._query = ""

    # --- data in -------------------------------------------------------------------

    def set_rows(self, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_status()
        self._apply_query()
        self.endResetModel()

    def set_status_filter(self, key: str) -> None:
        if key not in _FILTER_TESTS:
            raise KeyError(key)
        self.beginResetModel()
        self._status_key = key
        self._apply_status()
        self._apply_query()
        self.endResetModel()

    def set_query(self, query: str) -> None:
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._apply_query()
        self.endResetModel()

    def _apply_status(self) -> None:
        test = _FILTER_TESTS[self._status_key]
        self._in_status = [i for i, row in enumerate(self._rows) if test(row.status)]

    def _apply_query(self) -> None:
        query, rows = self._query, self._rows
        if not query.strip():
            self._visible = self._in_status
        else:
            self._visible = [i for i in self._in_status if matches(query, rows[i].search_key)]

    # --- data out ------------------------------------------------------------------

    @property
    def status_filter(self) -> str:
        return self._status_key

    @property
    def query(self) -> str:
        return self._query

    def visible_count(self) -> int:
        return len(self._visible)

    def filtered_total(self) -> int:
        """How many members the status filter lets through, before the search."""
        return len(self._in_status)

    def on_roll_count(self) -> int:
        return sum(1 for row in self._rows if row.status.on_roll)

    def row_at(self, row: int) -> MemberRow | None:
        if 0 <= row < len(self._visible):
            return self._rows[self._visible[row]]
        return None

    def row_of(self, member_id: int) -> int:
        """Visible row of a member, or -1 when filtered out or absent."""
        for position, index in enumerate(self._visible):
            if self._rows[index].id == member_id:
                return position
        return -1

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self._visible)

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt's name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADER_LINES[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[self._visible[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.status.on_roll:
            return QBrush(_OFF_ROLL_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._display(row, index.row(), column)
            if column == COL_NAME and row.residence:
                text += f"\nNơi cư trú: {row.residence}"
            if column == COL_STATUS and row.works_far_away:
                text = f"{row.status.label}; đi làm ăn xa"
            return text or None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _display(row: MemberRow, position: int, column: int) -> str:
        if column == COL_NUMBER:
            return str(position + 1)
        if column == COL_NAME:
            return row.full_name
        if column == COL_GENDER:
            return row.gender
        if column == COL_BIRTH:
            return row.birth
        if column == COL_ADMITTED:
            return short_date(row.admitted_on) if row.admitted_on else ""
        if column == COL_STATUS:
            return status_text(row)
        if column == COL_POST:
            return row.party_post
        if column == COL_CARD:
            return row.card_number
        if column == COL_PHONE:
            return row.phone
        return ""
