"""Editing the items of a commitment in its window: the chosen item's text, tick and
self-assessment, adding, removing, moving, and starting from last year's items.

A mixin of ``CommitmentDialog`` (commitment_dialog.py), which builds the widgets these
methods use (``tree``, ``text``, ``topic_box``, ``assessment``, ``assessment_note``, the
item buttons) and loads and saves the whole commitment.
"""

from __future__ import annotations

from desktop.ui import messages
from desktop.ui.commitments.item_tree import ItemRow


class ItemEditing:
    """What happens to the items while the secretary types; nothing is stored here."""

    def _edit_current(self) -> None:
        """Enter on an item goes to its text; on a section it adds an item there."""
        if self.tree.current_row() is not None:
            self.text.setFocus()
        else:
            self.add_item()

    def _update_enabled(self) -> None:
        row = self.tree.current_row()
        self.remove_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row.parent().indexOfChild(row) > 0)
        self.down_button.setEnabled(
            row is not None and row.parent().indexOfChild(row) < row.parent().childCount() - 1
        )
        self.add_button.setEnabled(bool(self.tree.sections))

    # --- editing the chosen item ---------------------------------------------------

    def _text_changed(self) -> None:
        row = self.tree.current_row()
        if self._showing or row is None:
            return
        row.item.text = self.text.toPlainText()
        self.tree.refresh_row(row)

    def _topic_toggled(self, checked: bool) -> None:
        row = self.tree.current_row()
        if self._showing or row is None:
            return
        row.item.topic_linked = checked
        self.tree.refresh_row(row)

    def _assessment_changed(self) -> None:
        row = self.tree.current_row()
        if self._showing or row is None:
            return
        row.item.self_assessment = self.assessment.currentData() or ""
        row.item.self_assessment_note = self.assessment_note.toPlainText()
        self.tree.refresh_row(row)

    def _show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def add_item(self, text: str = "") -> ItemRow | None:
        row = self.tree.add_item(text=text if isinstance(text, str) else "")
        if row is not None:
            self.text.setFocus()
        return row

    def remove_item(self) -> bool:
        row = self.tree.current_row()
        if row is None:
            return False
        stored = {i.id: i for i in self.detail.items} if self.detail else {}
        notes = len(stored[row.item.id].progress) if row.item.id in stored else 0
        if notes and not messages.ask(
            self,
            "Bỏ nội dung cam kết",
            f"Nội dung này có {notes} ghi chép tiến độ; khi lưu, các ghi chép đó cũng bị xóa. "
            "Vẫn bỏ nội dung này?",
            "Bỏ nội dung",
            "Không bỏ",
            danger=True,
        ):
            return False
        self.tree.remove_item(row)
        self.tree.setFocus()
        return True

    def move_item(self, step: int) -> bool:
        row = self.tree.current_row()
        return row is not None and self.tree.move_item(row, step)

    def copy_previous_year(self) -> int:
        """Start from last year's items (texts and sections; the ticks and results are
        this year's to decide). Returns how many were copied."""
        previous = self._previous()
        if previous is None or self.tree.items():
            return 0
        codes = {s.section.code for s in self.tree.sections}
        for item in previous.items:
            section = item.section_code if item.section_code in codes else None
            target = self.tree.section_row(section) if section else self.tree.sections[-1]
            self.tree.add_item(target, item.text)
        rows = self.tree.item_rows()
        if rows:
            self.tree.setCurrentItem(rows[0])
        self.tree.setFocus()
        return len(previous.items)
