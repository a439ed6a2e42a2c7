"""Chương trình mẫu: the cell's own order of business, used by newly planned meetings."""

from __future__ import annotations

from datetime import date

from desktop.services.meetings import plan as service
from desktop.services.meetings.agenda import default_templates
from desktop.ui.meetings.page import MeetingsPage


def open_dialog(qtbot, ctx):
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.template_button.click()
    dialog = page.template_dialog
    assert dialog is not None and dialog.isVisible()
    return page, dialog


def row_of(dialog, code: str) -> int:
    return next(i for i, line in enumerate(dialog.agenda.lines()) if line.code == code)


def test_an_edited_template_persists_and_a_new_meeting_uses_it(qtbot, ctx):
    _page, dialog = open_dialog(qtbot, ctx)
    assert dialog.kind.currentData() == "thuong_ky"
    dialog.agenda.list.setCurrentRow(row_of(dialog, "dues"))
    dialog.agenda.remove_button.click()
    dialog.agenda.list.item(row_of(dialog, "news")).setText("Thông tin thời sự trong xã")
    dialog.save_button.click()

    titles = [i.title for i in service.agenda_template(ctx.db, "thuong_ky")]
    assert "Thu đảng phí" not in titles
    assert "Thông tin thời sự trong xã" in titles
    meeting = service.plan_meeting(ctx.db, "thuong_ky", 2026, 4, date(2026, 4, 10))
    agenda = [i.title for i in service.get_meeting(ctx.db, meeting).agenda]
    assert "Thông tin thời sự trong xã" in agenda and "Thu đảng phí" not in agenda
    dialog.reject()


def test_a_required_line_cannot_be_removed(qtbot, ctx, answers):
    _page, dialog = open_dialog(qtbot, ctx)
    dialog.set_kind("chuyen_de")
    dialog.agenda.list.setCurrentRow(row_of(dialog, "theme"))
    dialog.agenda.remove_button.click()
    assert any(line.code == "theme" for line in dialog.agenda.lines())
    assert "bắt buộc" in answers.texts()
    dialog.reject()


def test_reset_asks_first_and_restores_the_default(qtbot, ctx, answers):
    _page, dialog = open_dialog(qtbot, ctx)
    dialog.set_kind("bat_thuong")
    dialog.agenda.list.setCurrentRow(row_of(dialog, "discussion"))
    dialog.agenda.remove_button.click()
    dialog.save_button.click()
    default = [i.title for i in default_templates()["bat_thuong"]]
    assert [i.title for i in service.agenda_template(ctx.db, "bat_thuong")] != default

    answers.reply = False
    dialog.reset_button.click()
    assert "mặc định" in answers.questions[-1]
    assert [i.title for i in service.agenda_template(ctx.db, "bat_thuong")] != default
    answers.reply = True
    dialog.reset_button.click()
    assert [i.title for i in service.agenda_template(ctx.db, "bat_thuong")] == default
    assert [line.title for line in dialog.agenda.lines()] == default
    dialog.reject()
