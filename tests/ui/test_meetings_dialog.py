"""The meeting window: roll call with live counts, minutes checks, approval and corrections,
printing the minutes."""

from __future__ import annotations

from datetime import date, time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTime

from desktop.services.meetings import plan as service
from desktop.ui.meetings import approval_tab, meeting_dialog
from desktop.ui.meetings.attendance_model import COL_EXCUSED, COL_REASON
from desktop.ui.meetings.meeting_dialog import MeetingDialog
from desktop.ui.meetings.meeting_print import write_minutes


@pytest.fixture(autouse=True)
def never_block_on_close(monkeypatch):
    """Closing a window with unsaved changes asks; no test may wait on that question."""
    monkeypatch.setattr(meeting_dialog, "ask_save", lambda parent: meeting_dialog.DISCARD)


@pytest.fixture
def meeting(ctx, roster) -> int:
    return service.plan_meeting(
        ctx.db, "thuong_ky", 2026, 3, date(2026, 3, 5), time(8, 0), "Nhà văn hóa ấp"
    )


@pytest.fixture
def window(qtbot, ctx, meeting) -> MeetingDialog:
    dialog = MeetingDialog(ctx, meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def row_of(dialog: MeetingDialog, name: str) -> int:
    return next(i for i, r in enumerate(dialog.attendance.model.rows) if r.full_name == name)


def fill_minutes(dialog: MeetingDialog, roster) -> None:
    dialog.attendance.model.mark_all_present()
    tab = dialog.minutes
    tab.chair.setCurrentIndex(tab.chair.findData(roster["an"]))
    tab.secretary.setCurrentIndex(tab.secretary.findData(roster["binh"]))
    tab.start.setTime(QTime(8, 0))
    tab.end.setTime(QTime(9, 45))


def test_absent_with_reason_updates_the_counts_line_and_is_saved(window, ctx, meeting, roster):
    assert "Có mặt: 0/3 đồng chí" in window.attendance.counts_text()
    window.attendance.model.mark_all_present()
    row = row_of(window, "Đặng Thị Dung")
    window.attendance.table.setCurrentIndex(window.attendance.model.index(row, 1))
    window.attendance.table.setFocus()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(window.attendance.table, Qt.Key.Key_2)
    model = window.attendance.model
    model.setData(model.index(row, COL_REASON), "Ốm")
    text = window.attendance.counts_text()
    assert "Có mặt: 2/3 đồng chí; vắng có lý do: 1 (đ/c Đặng Thị Dung — Ốm)" in text
    # The exempted and the transferred-away members are listed apart, not marked.
    assert "Trần Thị Hoa" in window.attendance.apart_label.text()
    assert model.data(model.index(row, COL_EXCUSED)) == "●"

    window.save_button.click()
    assert not window.dirty
    sheet = {r.full_name: r for r in service.attendance_sheet(ctx.db, meeting)}
    assert sheet["Đặng Thị Dung"].presence == "vang_co_ly_do"
    assert sheet["Đặng Thị Dung"].reason == "Ốm"
    assert sheet["Nguyễn Văn An"].presence == "co_mat"


def test_a_75_minute_meeting_shows_the_90_minute_warning(window):
    window.minutes.start.setTime(QTime(8, 0))
    window.minutes.end.setTime(QTime(9, 15))
    text = window.minutes.duration_label.text()
    assert "Kéo dài 75 phút" in text and "Ít hơn 90 phút" in text
    window.minutes.end.setTime(QTime(9, 45))
    assert "Ít hơn" not in window.minutes.duration_label.text()


def test_votes_not_matching_the_official_members_present_are_warned(window):
    window.attendance.model.mark_all_present()
    window.minutes.votes_for.setValue(5)
    assert "Tổng số phiếu 5 nhiều hơn số đảng viên có mặt 3" in window.minutes.vote_label.text()
    window.minutes.votes_for.setValue(3)
    window.minutes.votes_against.setValue(0)
    window.minutes.votes_other.setValue(0)
    assert window.minutes.vote_label.text() == ""


def test_approval_locks_the_minutes_and_a_correction_needs_a_reason(
    window, ctx, meeting, roster, answers, monkeypatch
):
    fill_minutes(window, roster)
    window.approval.read_at.setTime(QTime(9, 40))
    assert window.approve()
    assert "khóa" in answers.questions[-1]
    detail = service.get_meeting(ctx.db, meeting)
    assert detail.locked and detail.minutes_read_at == time(9, 40)
    assert not window.minutes.chair.isEnabled()
    assert window.minutes.resolution.isReadOnly()
    assert not window.save_button.isEnabled()
    assert window.approval.correct_button.isVisible()

    window.approval.correct_button.click()
    window.minutes.end.setTime(QTime(10, 0))
    monkeypatch.setattr(approval_tab, "ask_correction_reason", lambda parent: "")
    assert not window.save()
    assert "Phải ghi lý do" in answers.texts()
    monkeypatch.setattr(
        approval_tab, "ask_correction_reason", lambda parent: "Ghi nhầm giờ kết thúc"
    )
    assert window.save()
    corrections = service.get_meeting(ctx.db, meeting).corrections
    assert corrections[0].reason == "Ghi nhầm giờ kết thúc"
    assert "Giờ kết thúc: 9 giờ 45 → 10 giờ 00" in corrections[0].changes
    assert "Ghi nhầm giờ kết thúc" in window.approval.corrections.item(0).text()
    assert window.minutes.resolution.isReadOnly()


def test_closing_with_unsaved_changes_asks_and_can_save(window, ctx, meeting, monkeypatch):
    window.minutes.resolution.setPlainText("Chi bộ thống nhất phương hướng tháng 4.")
    assert window.has_unsaved_changes()
    monkeypatch.setattr(meeting_dialog, "ask_save", lambda parent: meeting_dialog.CANCEL)
    window.close_button.click()
    assert window.isVisible()
    monkeypatch.setattr(meeting_dialog, "ask_save", lambda parent: meeting_dialog.SAVE)
    window.close_button.click()
    assert not window.isVisible()
    assert service.get_meeting(ctx.db, meeting).resolution.startswith("Chi bộ thống nhất")


def test_printed_minutes_name_the_absent_member(window, ctx, meeting, roster, tmp_path):
    fill_minutes(window, roster)
    row = row_of(window, "Đặng Thị Dung")
    window.attendance.model.set_presence(row, "vang_khong_ly_do")
    assert window.save()
    pdf = write_minutes(ctx.db, meeting, tmp_path / "bb.pdf")
    # Lines wrap where the 14 pt body (HD 36) puts them: compare words, not line breaks.
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Đặng Thị Dung" in text


def test_print_button_opens_the_minutes_preview(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from desktop.ui.preview import PdfPreviewDialog

    window.print_button.click()

    def preview():
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)), None
        )

    qtbot.waitUntil(lambda: preview() is not None and preview().isVisible(), timeout=15_000)
    dialog = preview()
    assert dialog.title == "Biên bản"
    dialog.reject()


def test_approving_a_short_meeting_shows_the_duration_warning_again(
    window, ctx, meeting, roster, answers
):
    fill_minutes(window, roster)
    window.minutes.end.setTime(QTime(9, 15))  # 75 minutes
    window.approval.read_at.setTime(QTime(9, 10))
    window.approve()
    assert "Lưu ý:" in answers.questions[-1]
    assert "75 phút, ít hơn 90 phút" in answers.questions[-1]


def test_all_present_on_a_1000_member_roll_is_one_model_update(qtbot):
    # One update, not one per row (the time itself is measured by bench/, never asserted).
    from PySide6.QtWidgets import QTableView

    from desktop.services.meetings.roster import AttendanceRow
    from desktop.ui.meetings.attendance_model import AttendanceModel

    model = AttendanceModel()
    view = QTableView()  # a view attached, as in the window, repaints on every update
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    model.set_rows(
        [
            AttendanceRow(i, f"Đảng viên {i}", "chinh_thuc", "Chính thức", True, None, "")
            for i in range(1000)
        ]
    )
    model.set_presence(3, "vang_co_ly_do")
    changes = []
    model.changed.connect(lambda: changes.append(1))
    model.mark_all_present()
    assert len(changes) == 1
    assert [r.presence for r in model.rows].count("co_mat") == 999
    assert model.rows[3].presence == "vang_co_ly_do"


def test_typing_after_pressing_2_writes_the_reason(window, qtbot, type_text):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    table = window.attendance.table
    model = window.attendance.model
    row = row_of(window, "Đặng Thị Dung")
    table.setCurrentIndex(model.index(row, 1))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_2)
    type_text(table, "Ố")
    assert table.currentIndex().column() == COL_REASON
    editors = table.viewport().findChildren(QLineEdit)
    assert len(editors) == 1 and editors[0].text() == "Ố"
    type_text(editors[0], "m nằm viện")
    assert editors[0].text() == "Ốm nằm viện"
    table.commitData(editors[0])  # what Enter or leaving the cell does
    assert model.data(model.index(row, COL_REASON)) == "Ốm nằm viện"


def test_an_unheld_meeting_does_not_say_it_has_no_warnings(ctx, roster):
    """Issue 10 point 11: 'Không có cảnh báo nào' on a meeting not held yet misleads."""
    from desktop.ui.meetings.approval_tab import NOT_HELD_YET, no_warning_text

    planned = service.plan_meeting(ctx.db, "thuong_ky", 2026, 6)
    assert no_warning_text(service.get_meeting(ctx.db, planned)) == NOT_HELD_YET


def test_approved_minutes_are_read_at_full_contrast(window):
    """Issue 10 point 12: disabled fields of approved minutes were pale grey."""
    from PySide6.QtGui import QPalette

    tab = window.minutes
    tab.set_read_only(True)
    assert not tab.chair.isEnabled()
    palette = tab.chair.palette()
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        disabled = palette.color(QPalette.ColorGroup.Disabled, role)
        assert disabled == palette.color(QPalette.ColorGroup.Active, role)
        assert disabled.lightness() < 100  # dark on the light field


def test_a_long_agenda_item_wraps_instead_of_being_clipped(window, qtbot):
    """Issue 10 point 12: item 7 with the topic's title ran off the right edge."""
    from PySide6.QtWidgets import QListWidgetItem

    agenda = window.agenda_list
    window.tabs.setCurrentIndex(0)
    long_text = "7. Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: " + (
        "Sơ kết học tập và làm theo chuyên đề; nhân rộng gương người tốt, việc tốt " * 3
    )
    agenda.addItem(QListWidgetItem(long_text))
    window.resize(900, window.height())
    qtbot.waitUntil(lambda: agenda.viewport().width() < 900)
    agenda.doItemsLayout()
    rect = agenda.visualItemRect(agenda.item(agenda.count() - 1))
    assert rect.right() <= agenda.viewport().width()
    assert rect.height() >= 2 * agenda.fontMetrics().height()  # wrapped over lines
    assert agenda.horizontalScrollBar().maximum() == 0
