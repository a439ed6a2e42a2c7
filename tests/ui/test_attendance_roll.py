"""The roll call at the office screen's size (issue 10, points 2 and 8): every member is
reached by the arrow keys with the current row in view, names are whole, and the circles
to click grow with the text, at least 24 px at the largest size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.ui.meetings import meeting_dialog
from desktop.ui.meetings.attendance_model import COL_NAME, COL_PRESENT
from desktop.ui.style import DEFAULT_FONT_SIZE, FONT_SIZES, apply_font_size
from tests.ui.test_windows_fit import demo_ctx, demo_template, use_screen  # noqa: F401

MIN_TARGET = 24


@pytest.fixture
def roll(qtbot, demo_ctx, monkeypatch, request):  # noqa: F811 - the fixture above
    from desktop.ui.meetings.meeting_dialog import MeetingDialog

    monkeypatch.setattr(meeting_dialog, "ask_save", lambda parent: meeting_dialog.DISCARD)
    use_screen(monkeypatch, QSize(1366, 728))
    apply_font_size(request.param)
    from sqlalchemy import select

    from desktop.models.meeting import Meeting

    with demo_ctx.db.session() as session:
        meeting = session.scalars(select(Meeting.id).order_by(Meeting.id.desc())).first()
    dialog = MeetingDialog(demo_ctx, meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.attendance)
    QApplication.processEvents()
    yield dialog.attendance
    dialog.discard()
    apply_font_size(DEFAULT_FONT_SIZE)


SIZES = pytest.mark.parametrize("roll", [DEFAULT_FONT_SIZE, FONT_SIZES[-1]], indirect=True)


@SIZES
def test_every_member_is_reached_by_the_arrow_keys_and_stays_in_view(roll):
    table, model = roll.table, roll.model
    assert model.rowCount() == 21
    table.setFocus()
    table.setCurrentIndex(model.index(0, COL_PRESENT))
    viewport = table.viewport().rect()
    for row in range(1, model.rowCount()):
        QTest.keyClick(table, Qt.Key.Key_Down)
        assert table.currentIndex().row() == row
        assert viewport.contains(table.visualRect(table.currentIndex())), row
    QTest.keyClick(table, Qt.Key.Key_1)
    assert model.rows[-1].presence == "co_mat"
    for row in range(model.rowCount() - 2, -1, -1):
        QTest.keyClick(table, Qt.Key.Key_Up)
        assert viewport.contains(table.visualRect(table.currentIndex())), row


@SIZES
def test_the_roll_shows_more_than_a_handful_of_members(roll):
    table = roll.table
    shown = table.viewport().height() // table.rowHeight(0)
    # Before: 6 of 21 at the default size, 4 at the largest.
    assert shown >= (12 if QApplication.font().pointSize() == DEFAULT_FONT_SIZE else 5), shown


@SIZES
def test_names_are_whole(roll):
    table, model = roll.table, roll.model
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(model.data(model.index(r, COL_NAME))) for r in range(21))
    assert table.columnWidth(COL_NAME) >= widest


def _ink_box(image, cell: QRect) -> QRect:
    """The bounding box of what is drawn in ``cell`` apart from its background."""
    background = QColor(image.pixel(cell.left() + 2, cell.top() + 2))
    xs, ys = [], []
    for y in range(cell.top() + 1, cell.bottom()):
        for x in range(cell.left() + 1, cell.right()):
            colour = QColor(image.pixel(x, y))
            if abs(colour.lightness() - background.lightness()) > 60:
                xs.append(x)
                ys.append(y)
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


@pytest.mark.parametrize("roll", [FONT_SIZES[-1]], indirect=True)
def test_the_circles_are_at_least_24_px_at_the_largest_text_size(roll):
    table, model = roll.table, roll.model
    image = table.viewport().grab().toImage()
    cell = table.visualRect(model.index(1, COL_PRESENT))  # row 0 is the selected one
    ring = _ink_box(image, cell)
    # Before: the "○" character, about 15 px at the largest size.
    assert ring.width() >= MIN_TARGET and ring.height() >= MIN_TARGET, ring
    assert cell.height() >= MIN_TARGET and cell.width() >= MIN_TARGET


@pytest.mark.parametrize("roll", [DEFAULT_FONT_SIZE], indirect=True)
def test_a_click_on_a_circle_marks_and_the_chosen_one_is_filled(roll, qtbot):
    table, model = roll.table, roll.model
    index = model.index(2, COL_PRESENT)
    empty = _ink_box(table.viewport().grab().toImage(), table.visualRect(index))
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert model.rows[2].presence == "co_mat"
    table.setCurrentIndex(model.index(0, COL_PRESENT))  # the row not selected, to compare
    image = table.viewport().grab().toImage()
    cell = table.visualRect(index)
    centre = QColor(image.pixel(cell.center()))
    background = QColor(image.pixel(cell.left() + 2, cell.top() + 2))
    assert abs(centre.lightness() - background.lightness()) > 60  # filled: ●
    assert _ink_box(image, cell).size() == empty.size()
