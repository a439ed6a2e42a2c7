"""The column mapping table: which column of the file holds which field (ghép cột).

Each column of the file gets a list of our fields plus "(bỏ qua)"; a field can sit on
one column only, so choosing it for a second column frees the first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.services.members.import_columns import ALL_COLUMNS
from desktop.services.members.import_layout import column_name

IGNORE = "(bỏ qua)"


class MappingTable(QTableWidget):
    """Emits ``mapping_changed(mapping)`` (field -> 0-based column) after a user change."""

    mapping_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(["Cột trong tệp", "Nhập vào"])
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # "K: Số thẻ đảng viên" whole, wrapped if need be, never "K: Số thẻ đản…".
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        self._updating = False

    def set_columns(self, headers: list[str], mapping: dict[str, int]) -> None:
        self._updating = True
        by_column = {column: field for field, column in mapping.items()}
        self.setRowCount(len(headers))
        self.combos = []
        for column, text in enumerate(headers):
            label = f"{column_name(column)}: {text}" if text else f"{column_name(column)}: (trống)"
            item = QTableWidgetItem(label)
            item.setToolTip(label)
            self.setItem(column, 0, item)
            combo = QComboBox()
            combo.addItem(IGNORE, "")
            for spec in ALL_COLUMNS:
                combo.addItem(spec.header + (" (*)" if spec.required else ""), spec.field)
            chosen = by_column.get(column, "")
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(lambda _i, c=column: self._changed(c))
            self.setCellWidget(column, 1, combo)
            self.combos.append(combo)
        self.resizeRowsToContents()
        self._updating = False

    def mapping(self) -> dict[str, int]:
        return {
            combo.currentData(): column
            for column, combo in enumerate(self.combos)
            if combo.currentData()
        }

    def choose(self, column: int, field: str) -> None:
        """Set one column's field, as the user would (used by tests and shortcuts)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def _changed(self, column: int) -> None:
        if self._updating:
            return
        field = self.combos[column].currentData()
        if field:
            self._updating = True
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == field:
                    combo.setCurrentIndex(0)
            self._updating = False
        self.mapping_changed.emit(self.mapping())
