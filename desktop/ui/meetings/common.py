"""Small pieces the meeting screens share: member combos, time boxes, the date box reader."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QLineEdit, QTimeEdit

from desktop.text import parse_date, short_date

NOBODY = "(chưa chọn)"


def member_combo(people: list[tuple[int, str]], *, free_text: bool = False) -> QComboBox:
    """Members by name (data: id; 0 = nobody); ``free_text`` also accepts a typed name."""
    combo = QComboBox()
    combo.addItem(NOBODY, 0)
    for member_id, name in people:
        combo.addItem(name, member_id)
    if free_text:
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


def combo_member(combo: QComboBox) -> tuple[int | None, str]:
    """The chosen member id, or None and the name typed for someone else."""
    text = combo.currentText().strip()
    index = combo.currentIndex()
    if index > 0 and combo.itemText(index) == text:
        return int(combo.itemData(index)), ""
    found = combo.findText(text)
    if found > 0:
        return int(combo.itemData(found)), ""
    if not text or text == NOBODY:
        return None, ""
    return None, text


def set_combo_member(combo: QComboBox, member_id: int | None, name: str = "") -> None:
    index = combo.findData(member_id or 0)
    if member_id and index >= 0:
        combo.setCurrentIndex(index)
    elif name and combo.isEditable():
        combo.setCurrentIndex(-1)
        combo.setEditText(name)
    else:
        combo.setCurrentIndex(0)


def time_edit(optional: bool = True) -> QTimeEdit:
    """A 24-hour clock; when ``optional``, 0:00 shows "chưa ghi" and means no time."""
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    if optional:
        edit.setMinimumTime(QTime(0, 0))
        edit.setSpecialValueText("chưa ghi")
        edit.setTime(QTime(0, 0))
    return edit


def read_time(edit: QTimeEdit) -> time | None:
    value = edit.time()
    if edit.specialValueText() and value == edit.minimumTime():
        return None
    return time(value.hour(), value.minute())


def show_time(edit: QTimeEdit, value: time | None) -> None:
    edit.setTime(QTime(value.hour, value.minute) if value else edit.minimumTime())


def read_date(edit: QLineEdit, what: str) -> tuple[date | None, str]:
    """The date typed (a full day), or an error message naming ``what``."""
    text = edit.text().strip()
    if not text:
        return None, ""
    try:
        parsed = parse_date(text)
    except ValueError as exc:
        return None, f"{what}: {exc}"
    if parsed is None:
        return None, ""
    if parsed.day is None:
        return None, f"{what}: cần ghi đủ ngày, tháng, năm (ví dụ 05/3/2026)."
    return parsed.to_date(), ""


def show_date(edit: QLineEdit, value: date | None) -> None:
    edit.setText(short_date(value) if value else "")
