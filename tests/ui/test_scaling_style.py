"""Hit targets grow with the text (issue 10 point 2): spin and date arrows, checkboxes and
radio circles are at least 24 px at the largest text size (desktop/ui/scaling_style.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.style import DEFAULT_FONT_SIZE, FONT_SIZES, apply_font_size

MIN_TARGET = 24


@pytest.fixture
def largest(app):
    apply_font_size(FONT_SIZES[-1])
    yield
    apply_font_size(DEFAULT_FONT_SIZE)


def _arrows(box) -> list:
    option = QStyleOptionSpinBox()
    option.initFrom(box)
    option.rect = box.rect()
    option.subControls = QStyle.SubControl.SC_All
    style = box.style()
    return [
        style.subControlRect(QStyle.ComplexControl.CC_SpinBox, option, sub, box)
        for sub in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown)
    ]


def test_spin_and_date_arrows_are_whole_targets_at_the_largest_size(qtbot, largest):
    window = QWidget()
    layout = QVBoxLayout(window)
    boxes = [QSpinBox(), QDateEdit(QDate(2026, 3, 5))]
    for box in boxes:
        layout.addWidget(box)
    qtbot.addWidget(window)
    window.show()
    for box in boxes:
        up, down = _arrows(box)
        for arrow in (up, down):
            # Before: 25 × 20 (the box was 40 px tall, its halves 20).
            assert arrow.width() >= MIN_TARGET and arrow.height() >= MIN_TARGET, arrow
            assert box.rect().contains(arrow.center())
        assert not up.intersects(down)


def test_checkbox_and_radio_indicators_grow_with_the_text(qtbot, largest):
    for kind, element in (
        (QCheckBox, QStyle.SubElement.SE_CheckBoxIndicator),
        (QRadioButton, QStyle.SubElement.SE_RadioButtonIndicator),
    ):
        button = kind("Có mặt")
        qtbot.addWidget(button)
        button.show()
        option = QStyleOptionButton()
        option.initFrom(button)
        option.rect = button.rect()
        indicator = button.style().subElementRect(element, option, button)
        assert indicator.width() >= MIN_TARGET and indicator.height() >= MIN_TARGET, kind
        assert button.height() >= MIN_TARGET


def test_at_the_default_size_the_arrows_stay_modest(qtbot, app):
    box = QSpinBox()
    qtbot.addWidget(box)
    box.show()
    assert box.height() <= 34


@pytest.mark.parametrize("size", [DEFAULT_FONT_SIZE, FONT_SIZES[-1]])
def test_a_time_shows_whole_beside_the_wider_arrows(qtbot, app, size):
    # Before: the text field was 15 px wide, "19:00" showed as "1".
    from PySide6.QtCore import QTime

    from desktop.ui.meetings.common import time_edit

    apply_font_size(size)
    try:
        edit = time_edit()
        edit.setTime(QTime(19, 0))
        qtbot.addWidget(edit)
        edit.show()
        assert edit.lineEdit().width() >= edit.fontMetrics().horizontalAdvance("chưa ghi")
    finally:
        apply_font_size(DEFAULT_FONT_SIZE)
