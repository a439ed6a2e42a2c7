"""The meetings page: the year at a glance, planning next month, deleting a meeting."""

from __future__ import annotations

from datetime import date

from desktop.services.meetings import plan as service
from desktop.services.topics.data import TopicData, TopicSectionInfo
from desktop.services.topics.catalogue import create_topic
from desktop.ui.meetings.page import MeetingsPage


def make_topic(db) -> int:
    return create_topic(
        db,
        TopicData(
            title="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026",
            level="tinh",
            start_year=2026,
            end_year=2026,
            sections=[
                TopicSectionInfo("Phần 1: Tinh thần đoàn kết"),
                TopicSectionInfo("Phần 2: Tự phê bình và phê bình"),
            ],
        ),
    )


def test_planning_next_month_takes_two_clicks_and_preselects_the_study_section(qtbot, ctx, roster):
    make_topic(ctx.db)
    first = service.plan_meeting(ctx.db, "thuong_ky", 2026, 3, date(2026, 3, 10))
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)

    page.plan_button.click()
    dialog = page.plan_dialog
    assert dialog is not None and dialog.isVisible()
    assert (dialog.month.value(), dialog.year.value()) == (4, 2026)
    # Section 1 is taken by March, so section 2 is suggested.
    assert dialog.section.currentText() == "Phần 2: Tự phê bình và phê bình"
    assert dialog.day.text() == "10/4/2026"
    dialog.save_button.click()

    planned = service.find_meeting(ctx.db, 2026, 4)
    assert planned != first
    assert service.get_meeting(ctx.db, planned).section_title.startswith("Phần 2")
    assert page.model.month(3).state_label == "Đã lập kế hoạch"


def test_plan_dialog_refuses_a_day_outside_the_month(qtbot, ctx, roster, answers):
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.plan_next()
    dialog.day.setText("05/5/2026")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "không thuộc tháng" in answers.texts()


def test_quarters_without_thematic_meeting_and_unexcused_absences_are_warned(qtbot, ctx, roster):
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    assert "Quý I chưa có sinh hoạt chuyên đề." in page.warnings_label.text()


def test_deleting_a_meeting_asks_first(qtbot, ctx, roster, answers):
    meeting = service.plan_meeting(ctx.db, "thuong_ky", 2026, 3)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.table.selectRow(2)
    answers.reply = False
    page.delete_button.click()
    assert service.get_meeting(ctx.db, meeting)
    answers.reply = True
    page.delete_button.click()
    assert page.model.month(2).regular is None
    assert "Xóa «Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026»" in answers.questions[0]


def test_the_main_window_shows_the_meetings_page_as_its_second_part(qtbot, ctx):
    from desktop.ui.main_window import NAV_MEETINGS, MainWindow

    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(NAV_MEETINGS)
    assert isinstance(window.pages.currentWidget(), MeetingsPage)


def test_the_agenda_is_on_paper_in_at_most_five_actions_from_the_meetings_page(
    qtbot, ctx, roster, monkeypatch
):
    """Issue 10 point 9: plan, save and print the agenda, counted as the secretary clicks."""
    from PySide6.QtWidgets import QDialog

    from desktop.ui import preview

    printed = []

    class AcceptingPrintDialog:
        def __init__(self, printer, parent):
            self.printer = printer

        def setWindowTitle(self, title):  # noqa: N802 - Qt's name
            pass

        def setMinMax(self, first, last):  # noqa: N802 - Qt's name
            pass

        def exec(self):
            actions.append("OK in the printer's window")
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preview, "QPrintDialog", AcceptingPrintDialog)
    monkeypatch.setattr(preview.PdfPreviewDialog, "print_to", lambda self, p: printed.append(self))
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    actions = []

    def click(button):
        actions.append(button.text())
        button.click()

    click(page.plan_button)
    dialog = page.plan_dialog
    click(dialog.save_agenda_button)

    def shown():
        return next((w for w in page.findChildren(preview.PdfPreviewDialog) if w.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=15_000)
    paper = shown()
    assert paper.title == "Chương trình sinh hoạt"
    month = service.get_meeting(ctx.db, dialog.saved_id).month
    assert paper.pdf_path.name == f"Chuong-trinh-thang-{month:02d}-2026.pdf"
    click(paper.print_button)
    assert printed == [paper]
    assert len(actions) <= 5, actions
    paper.reject()


def test_save_and_print_keeps_the_dialog_open_when_the_plan_is_wrong(qtbot, ctx, roster, answers):
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.plan_next()
    dialog.day.setText("05/5/2026")
    dialog.save_notice_button.click()
    assert dialog.isVisible() and dialog.print_task is None


def test_the_meetings_shortcut_puts_the_keyboard_on_the_years_list_not_on_the_year_button(
    qtbot, ctx, roster
):
    """Issue 10 point 10: Ctrl+2 (Ctrl+3 since the home page came first) left the focus on "◀"."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    from desktop.ui.main_window import NAV_MEETINGS, NAV_MEMBERS

    window.nav.setCurrentRow(NAV_MEMBERS)
    window.members_page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.members_page.table)
    key = Qt.Key(Qt.Key.Key_1.value + NAV_MEETINGS)  # Ctrl+1 … Ctrl+8 follow the navigation
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, MeetingsPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=2000)
