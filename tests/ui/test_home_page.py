"""The "Việc cần làm" page: the first page, each line one click from its work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.main_window import (
    NAV_EXPORT,
    NAV_HOME,
    NAV_MEETINGS,
    NAV_MEMBERS,
    NAV_REVIEWS,
    NAV_SETTINGS,
    MainWindow,
)
from tests.ui.conftest import TODAY


@pytest.fixture
def window(qtbot, ctx):
    from desktop.services.demo.builder import load_demo

    load_demo(ctx.db, TODAY)
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    return window


def test_the_home_page_is_first_and_shown_at_start(window):
    assert window.nav.currentRow() == NAV_HOME
    assert window.pages.currentWidget() is window.home_page
    assert window.nav.item(0).text() == "Việc cần làm"


def test_it_shows_the_planned_meeting_and_opens_it_in_one_click(qtbot, window, monkeypatch):
    page = window.home_page
    assert "tháng 3 năm 2026" in page.meeting_label.text()
    assert not page.plan_button.isVisibleTo(page) and page.open_button.isVisibleTo(page)
    opened = []
    monkeypatch.setattr(window.meetings_page, "open_meeting", opened.append)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened == [page.summary.next_meeting.meeting_id]
    assert window.nav.currentRow() == NAV_MEETINGS


def test_an_unplanned_month_is_planned_in_one_click(qtbot, ctx, monkeypatch):
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    page = window.home_page
    assert "chưa lập kế hoạch" in page.meeting_label.text()
    assert page.plan_button.isVisibleTo(page)
    planned = []
    monkeypatch.setattr(window.meetings_page, "plan_next", lambda: planned.append(True))
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    assert planned == [True] and window.nav.currentRow() == NAV_MEETINGS


def test_reminders_and_review_gaps_name_the_members(window):
    page = window.home_page
    assert "Huy hiệu" in page.reminders_label.text()
    text = page.review_label.text()
    assert "chưa có bản tự kiểm điểm" in text and "Mai Văn Tài" in text


@pytest.mark.parametrize(
    "button, row",
    [("members_button", NAV_MEMBERS), ("review_button", NAV_REVIEWS),
     ("export_button", NAV_EXPORT), ("backup_button", NAV_SETTINGS)],
)
def test_each_part_is_one_click_from_its_page(qtbot, window, button, row):
    qtbot.mouseClick(getattr(window.home_page, button), Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == row


def test_a_backup_shows_on_the_home_page_when_it_is_shown_again(window, ctx):
    assert "Chưa có bản sao lưu" in window.home_page.safety_label.text()
    ctx.workspace.backup("thu")
    window.nav.setCurrentRow(NAV_MEMBERS)
    window.nav.setCurrentRow(NAV_HOME)
    assert "Sao lưu lần cuối" in window.home_page.safety_label.text()


def test_the_sample_cell_marks_every_paper_a_real_one_does_not(qtbot, ctx, window):
    from desktop.printing.paper_mark import paper_mark
    from desktop.services.cell.details import CellInfo, save_cell

    assert paper_mark() == "DỮ LIỆU MẪU"
    save_cell(ctx.db, CellInfo("Ấp Tân Hòa", "Đảng bộ xã Long Thạnh", "Long Thạnh", "2025–2030"))
    ctx.cell_changed.emit()
    assert paper_mark() == ""


def test_starting_a_real_cell_asks_backs_up_clears_and_asks_the_cells_details(
    qtbot, ctx, window, answers, monkeypatch
):
    from desktop.storage.backup import list_backups
    from desktop.ui.cell_form import CellInfoDialog
    from desktop.printing.paper_mark import paper_mark

    asked_details = []
    monkeypatch.setattr(CellInfoDialog, "exec", lambda self: asked_details.append(True) or 0)
    page = window.home_page
    assert page.sample_box.isVisibleTo(page) and window.real_cell_action.isVisible()
    qtbot.mouseClick(page.real_cell_button, Qt.MouseButton.LeftButton)
    assert "xóa" in answers.questions[-1]
    assert any("xoa-du-lieu-mau" in b.path.name for b in list_backups(ctx.workspace.backups_dir))
    assert ctx.workspace.is_empty() and asked_details == [True]
    assert paper_mark() == "" and not window.real_cell_action.isVisible()
    assert not page.sample_box.isVisibleTo(page)
    assert window.nav.currentRow() == NAV_HOME


def test_saying_no_keeps_the_sample(qtbot, ctx, window, answers):
    answers.reply = False
    window.real_cell_action.trigger()
    assert answers.questions and not ctx.workspace.is_empty()
    assert window.home_page.sample_box.isVisibleTo(window.home_page)


def test_a_long_list_of_reminders_shows_its_first_lines_and_all_on_request(qtbot, window):
    from dataclasses import replace

    from desktop.services.cell.home import HomeReminder
    from desktop.ui.home.page import SHOWN_REMINDERS

    page = window.home_page
    many = tuple(HomeReminder("badge", f"Đồng chí Số {n}: huy hiệu") for n in range(30))
    page.summary = replace(page.summary, reminders=many)
    page._show_reminders(page.summary)
    text = page.reminders_label.text()
    assert f"Số {SHOWN_REMINDERS - 1}:" in text and f"Số {SHOWN_REMINDERS}:" not in text
    assert f"Còn {30 - SHOWN_REMINDERS} việc cần nhắc khác" in text
    assert page.all_reminders_button.isVisibleTo(page)

    qtbot.mouseClick(page.all_reminders_button, Qt.MouseButton.LeftButton)

    assert "Số 29:" in page.reminders_label.text() and "Còn" not in page.reminders_label.text()
    assert not page.all_reminders_button.isVisibleTo(page)
