"""One shape for the app's read-only tables: columns as data, rows as plain records.

A part's table model names its column titles (``HEADERS`` or ``headers()``) and says what
one cell shows for a role (``cell``); counting, headers, the row lookups and the guard
against a stale index are here once. Records are the services' frozen dataclasses, never
live ORM objects (docs/architecture.md, "From a click to a transaction to a paper").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class RecordTableModel(QAbstractTableModel):
    """A table over ``rows``; a subclass that filters overrides ``record_count`` and
    ``record`` (positions are then the visible rows)."""

    HEADERS: Sequence[str] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    # --- what a part gives ---------------------------------------------------------

    def headers(self) -> Sequence[str]:
        return self.HEADERS

    def cell(self, record: Any, position: int, column: int, role: int):
        """What ``record`` (shown at ``position``) shows in ``column`` for ``role``."""
        raise NotImplementedError

    # --- rows ----------------------------------------------------------------------

    def set_rows(self, rows: Iterable) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def record_count(self) -> int:
        return len(self.rows)

    def record(self, position: int):
        return self.rows[position]

    def row_at(self, position: int):
        return self.record(position) if 0 <= position < self.record_count() else None

    def row_of(self, member_id: int) -> int:
        """The position of the member's row, or -1 when it is not shown."""
        for position in range(self.record_count()):
            if self.record(position).member_id == member_id:
                return position
        return -1

    # --- Qt's model interface --------------------------------------------------------

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else self.record_count()

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if not index.isValid() or not 0 <= index.row() < self.record_count():
            return None
        return self.cell(self.record(index.row()), index.row(), index.column(), role)
