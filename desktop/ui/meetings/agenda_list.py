"""The agenda (chương trình sinh hoạt) as an editable list: add, rename, remove, move."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import messages

_CODE, _ID, _REQUIRED = (Qt.ItemDataRole.UserRole + n for n in range(3))


@dataclass(frozen=True)
class AgendaLine:
    title: str
    code: str = ""
    id: int = 0  # 0 for a line not saved yet
    required: bool = False


class AgendaList(QWidget):
    """Double-click or F2 renames a line; required lines cannot be removed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edited = False
        self.list = QListWidget()
        self.list.setAccessibleName("Chương trình sinh hoạt")
        self.add_button = QPushButton("Thêm &mục")
        self.remove_button = QPushButton("&Bỏ mục")
        self.up_button = QPushButton("Lên ↑")
        self.down_button = QPushButton("Xuống ↓")
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(+1))
        self.list.itemChanged.connect(self._changed)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_lines(self, lines: list[AgendaLine]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for line in lines:
            self._append(line)
        self.list.blockSignals(False)
        self.edited = False

    def _append(self, line: AgendaLine, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(line.title)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(_CODE, line.code)
        item.setData(_ID, line.id)
        item.setData(_REQUIRED, line.required)
        if line.required:
            item.setToolTip("Mục bắt buộc, không bỏ được")
        if row is None:
            self.list.addItem(item)
        else:
            self.list.insertItem(row, item)
        return item

    def lines(self) -> list[AgendaLine]:
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            found.append(
                AgendaLine(
                    item.text(),
                    str(item.data(_CODE) or ""),
                    int(item.data(_ID) or 0),
                    bool(item.data(_REQUIRED)),
                )
            )
        return found

    def _changed(self, _item) -> None:
        self.edited = True

    def add_line(self) -> None:
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        self.list.blockSignals(True)
        item = self._append(AgendaLine("Mục mới"), row)
        self.list.blockSignals(False)
        self.edited = True
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove_line(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        if item.data(_REQUIRED):
            messages.warn(self, "Không bỏ được", f"Mục «{item.text()}» là bắt buộc.")
            return
        self.list.takeItem(self.list.row(item))
        self.edited = True

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(target)
        self.edited = True

    def set_read_only(self, read_only: bool) -> None:
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not read_only)
        triggers = QListWidget.EditTrigger
        self.list.setEditTriggers(
            triggers.NoEditTriggers
            if read_only
            else triggers.DoubleClicked | triggers.EditKeyPressed
        )
