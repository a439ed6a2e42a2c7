"""The items of one commitment (các nội dung cam kết) grouped under the year's sections.

Each section of the template is a bold row; its items sit beneath it with a tick for
"làm theo chuyên đề" and the year-end self-assessment. The tree holds the items being
edited (``CommitmentItemData``); the dialog saves them all at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from desktop.services.reviews.commitments import CommitmentItemData, ItemResult, SectionTemplate
from desktop.ui.commitments.wrapping import WrappingDelegate

HEADERS = ("Nội dung cam kết", "Làm theo\nchuyên đề", "Tự đánh giá")
COL_TEXT, COL_TOPIC, COL_SELF = range(3)
NOT_ASSESSED = "Chưa đánh giá"


def assessment_label(code: str) -> str:
    return ItemResult(code).label if code else ""


def shown_text(text: str) -> str:
    return text.strip() or "(chưa ghi nội dung)"


class SectionRow(QTreeWidgetItem):
    def __init__(self, section: SectionTemplate) -> None:
        super().__init__()
        self.section = section
        font = self.font(COL_TEXT)
        font.setBold(True)
        self.setFont(COL_TEXT, font)
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.refresh()

    def refresh(self) -> None:
        count = self.childCount()
        suffix = f" ({count} nội dung)" if count else " (chưa có nội dung)"
        self.setText(COL_TEXT, f"{self.section.number}. {self.section.title}{suffix}")


class ItemRow(QTreeWidgetItem):
    """One commitment item; ``item`` is edited in place and saved by the dialog."""

    def __init__(self, item: CommitmentItemData) -> None:
        super().__init__()
        self.item = item
        self.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        self.refresh()

    def refresh(self) -> None:
        self.setText(COL_TEXT, shown_text(self.item.text))
        self.setCheckState(
            COL_TOPIC, Qt.CheckState.Checked if self.item.topic_linked else Qt.CheckState.Unchecked
        )
        self.setText(COL_SELF, assessment_label(self.item.self_assessment))
        self.setToolTip(COL_SELF, self.item.self_assessment_note)


class ItemTree(QTreeWidget):
    """``items_changed`` fires after anything in an item changes (text, tick, order)."""

    items_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sections: list[SectionRow] = []
        self._filling = False
        self.setColumnCount(len(HEADERS))
        self.setHeaderLabels(HEADERS)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(WrappingDelegate(self, COL_TEXT))
        self.setAccessibleName("Các nội dung cam kết")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TOPIC, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SELF, QHeaderView.ResizeMode.ResizeToContents)
        self.itemChanged.connect(self._item_changed)

    # --- filling and reading -------------------------------------------------------

    def fill(self, sections: tuple[SectionTemplate, ...], items: list[CommitmentItemData]) -> None:
        self._filling = True
        try:
            self.clear()
            self.sections = []
            by_code = {}
            for section in sections:
                row = SectionRow(section)
                self.addTopLevelItem(row)
                row.setFirstColumnSpanned(True)
                self.sections.append(row)
                by_code[section.code] = row
            for item in items:
                # An item of a section the template no longer has goes to the last one,
                # so nothing the member wrote is hidden.
                parent = by_code.get(item.section_code) or self.sections[-1]
                parent.addChild(ItemRow(item))
            for row in self.sections:
                row.refresh()
            self.expandAll()
        finally:
            self._filling = False

    def items(self) -> list[CommitmentItemData]:
        """Every item in the order shown, each with the section it sits under."""
        found = []
        for section in self.sections:
            for number in range(section.childCount()):
                row = section.child(number)
                row.item.section_code = section.section.code
                found.append(row.item)
        return found

    def current_row(self) -> ItemRow | None:
        current = self.currentItem()
        return current if isinstance(current, ItemRow) else None

    def current_section(self) -> SectionRow | None:
        current = self.currentItem()
        if isinstance(current, SectionRow):
            return current
        if isinstance(current, ItemRow):
            return current.parent()
        return self.sections[0] if self.sections else None

    def section_row(self, code: str) -> SectionRow:
        return next(s for s in self.sections if s.section.code == code)

    def item_rows(self) -> list[ItemRow]:
        return [s.child(n) for s in self.sections for n in range(s.childCount())]

    # --- editing -------------------------------------------------------------------

    def add_item(self, section: SectionRow | None = None, text: str = "") -> ItemRow | None:
        section = section or self.current_section()
        if section is None:
            return None
        row = ItemRow(CommitmentItemData(section.section.code, text))
        self._filling = True
        section.addChild(row)
        section.refresh()
        self._filling = False
        self.setCurrentItem(row)
        self.items_changed.emit()
        return row

    def remove_item(self, row: ItemRow) -> None:
        section = row.parent()
        index = section.indexOfChild(row)
        self._filling = True
        section.takeChild(index)
        section.refresh()
        self._filling = False
        if section.childCount():
            self.setCurrentItem(section.child(min(index, section.childCount() - 1)))
        else:
            self.setCurrentItem(section)
        self.items_changed.emit()

    def move_item(self, row: ItemRow, step: int) -> bool:
        """Up (-1) or down (+1) within its section; False at the section's edge."""
        section = row.parent()
        index = section.indexOfChild(row)
        target = index + step
        if not 0 <= target < section.childCount():
            return False
        self._filling = True
        section.takeChild(index)
        section.insertChild(target, row)
        self._filling = False
        self.setCurrentItem(row)
        self.items_changed.emit()
        return True

    def refresh_row(self, row: ItemRow) -> None:
        self._filling = True
        row.refresh()
        self._filling = False
        self.items_changed.emit()

    def _item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if self._filling or not isinstance(row, ItemRow) or column != COL_TOPIC:
            return
        row.item.topic_linked = row.checkState(COL_TOPIC) == Qt.CheckState.Checked
        self.items_changed.emit()
