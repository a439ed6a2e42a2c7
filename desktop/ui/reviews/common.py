"""Pieces the review-season screens share (kiểm điểm, xếp loại): level combos, vote boxes,
score text, and the base of the editing dialogs that ask before dropping unsaved changes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QSpinBox, QWidget

from desktop.rules.rating_model import RulePack
from desktop.errors import ValidationError
from desktop.ui import messages

SAVE, DISCARD, CANCEL = messages.SAVE, messages.DISCARD, messages.CANCEL
NOT_CHOSEN = "(chưa chọn)"
NOT_RECORDED = "chưa ghi"


def ask_save(parent: QWidget, text: str) -> str:
    """Lưu / Không lưu / Quay lại (messages.ask_save); tests replace this function."""
    return messages.ask_save(parent, text)


def level_combo(pack: RulePack, empty_text: str = NOT_CHOSEN) -> QComboBox:
    """The year's levels by full name (data: code; "" for none)."""
    combo = QComboBox()
    combo.addItem(empty_text, "")
    for level in pack.levels:
        combo.addItem(level.name, level.code)
    return combo


def set_level(combo: QComboBox, code: str) -> None:
    index = combo.findData(code or "")
    combo.setCurrentIndex(max(index, 0))


def short_level(pack: RulePack, code: str) -> str:
    if not code:
        return ""
    try:
        return pack.level(code).short_name
    except KeyError:
        return code


def level_name(pack: RulePack, code: str) -> str:
    if not code:
        return ""
    try:
        return pack.level(code).name
    except KeyError:
        return code


def vote_spin(maximum: int = 999) -> QSpinBox:
    """A count of votes; its lowest value reads "chưa ghi" and means not recorded."""
    spin = QSpinBox()
    spin.setRange(-1, maximum)
    spin.setSpecialValueText(NOT_RECORDED)
    spin.setValue(-1)
    return spin


def spin_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


def show_spin(spin: QSpinBox, value: int | None) -> None:
    spin.setValue(-1 if value is None else value)


def votes_text(votes_for: int | None, votes_total: int | None) -> str:
    if votes_for is None and votes_total is None:
        return ""
    return (
        f"{'?' if votes_for is None else votes_for}/{'?' if votes_total is None else votes_total}"
    )


def field_messages(exc: ValidationError) -> dict[str, str]:
    """Field name → its first message."""
    found: dict[str, str] = {}
    for error in exc.errors:
        found.setdefault(error.field, error.message)
    return found


class EditDialog(QDialog):
    """A dialog that edits one record: Ctrl+S saves, closing with changes asks first.

    Subclasses implement ``save() -> bool`` and call ``mark_dirty`` from their editors.
    ``changed`` fires after each successful save (the page reloads).
    """

    changed = Signal()
    UNSAVED_TEXT = "Có thay đổi chưa lưu. Lưu thay đổi?"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self.loading = False
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self.save)

    def mark_dirty(self, *_args) -> None:
        if not self.loading:
            self.dirty = True

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def save(self) -> bool:  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def save_and_close(self) -> None:
        if self.save():
            self.dirty = False
            self.accept()

    def reject(self) -> None:
        """Close (Esc, "Đóng", ×), asking first when something is unsaved."""
        if self.dirty:
            answer = ask_save(self, self.UNSAVED_TEXT)
            if answer == CANCEL or (answer == SAVE and not self.save()):
                return
        self.dirty = False
        super().reject()

    def discard(self) -> None:
        """Close without asking (the main window is closing and the user agreed)."""
        self.dirty = False
        super().reject()

    def show_errors(self, errors: dict[str, str], boxes: dict[str, object]) -> None:
        """Each error next to its field; score errors in the score panel; the rest below.

        ``boxes`` maps a field name to a widget with ``set_error(text)``; the dialog has
        ``self.scores`` (or None) and an ``self.error`` label for what has no field.
        """
        shown = set()
        scores = getattr(self, "scores", None)
        if scores is not None and scores.show_errors(errors):
            shown |= {k for k in errors if k.startswith("score:")}
        for name, box in boxes.items():
            box.set_error(errors.get(name, ""))
            if name in errors:
                shown.add(name)
        rest = [text for name, text in errors.items() if name not in shown]
        self.error.setText("\n".join(rest))
        self.error.setVisible(bool(rest))
