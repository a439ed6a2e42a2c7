"""The commitment window: writing items under the year's sections, the live warning about
the study topic, copying last year's items, progress notes, the year-end self-assessment,
and the question before closing with unsaved changes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.meetings import plan as meeting_service
from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentItemData,
    add_progress,
    get_commitment,
    save_commitment,
)
from desktop.ui.commitments import commitment_dialog
from desktop.ui.commitments.commitment_dialog import CommitmentDialog

YEAR = 2026


@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    """A window left with changes is closed at teardown: answer "Không lưu", never block."""
    monkeypatch.setattr(commitment_dialog, "ask_save", lambda parent: commitment_dialog.DISCARD)


@pytest.fixture
def dialog_for(qtbot, ctx):
    def make(member_id: int, year: int = YEAR) -> CommitmentDialog:
        dialog = CommitmentDialog(ctx, member_id, year)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def type_item(dialog: CommitmentDialog, section_code: str, text: str, type_text) -> None:
    dialog.tree.setCurrentItem(dialog.tree.section_row(section_code))
    dialog.add_button.click()
    type_text(dialog.text, text)


def test_writing_items_in_two_sections_stores_the_commitment(dialog_for, ctx, roster, type_text):
    dialog = dialog_for(roster["an"])
    assert dialog.written_on.text() == "05/3/2026"  # a new commitment is dated today
    type_item(dialog, "tu_tuong", "Đọc báo Nhân Dân mỗi ngày", type_text)
    type_item(dialog, "lam_theo", "Vận động bà con làm đường giao thông nông thôn", type_text)
    dialog.topic_box.setChecked(True)
    dialog.acknowledged_on.setText("10/3/2026")
    dialog.save_button.click()

    stored = get_commitment(ctx.db, roster["an"], YEAR)
    assert stored is not None
    assert [(i.section_code, i.text, i.topic_linked) for i in stored.items] == [
        ("tu_tuong", "Đọc báo Nhân Dân mỗi ngày", False),
        ("lam_theo", "Vận động bà con làm đường giao thông nông thôn", True),
    ]
    assert (stored.written_on, stored.acknowledged_on) == (date(2026, 3, 5), date(2026, 3, 10))
    assert not dialog.has_unsaved_changes()
    assert "(1 nội dung)" in dialog.tree.section_row("tu_tuong").text(0)


def test_topic_warning_shows_before_saving_and_goes_when_an_item_is_ticked(
    dialog_for, roster, type_text
):
    dialog = dialog_for(roster["an"])
    type_item(dialog, "dao_duc", "Giữ gìn đoàn kết trong khu dân cư", type_text)
    assert not dialog.warning.isHidden()
    assert "chuyên đề" in dialog.warning.text()
    # The tick in the list works as well as the box beside the text.
    row = dialog.tree.current_row()
    row.setCheckState(1, Qt.CheckState.Checked)
    assert dialog.warning.isHidden()
    assert dialog.topic_box.isChecked()
    dialog.topic_box.setChecked(False)
    assert not dialog.warning.isHidden()


def test_an_emptied_stored_item_is_refused_in_vietnamese_next_to_the_list(dialog_for, ctx, roster):
    save_commitment(
        ctx.db,
        roster["an"],
        YEAR,
        CommitmentData(date(2026, 3, 1), None, [CommitmentItemData("tu_tuong", "Học tập")]),
    )
    dialog = dialog_for(roster["an"])
    dialog.text.setPlainText("")
    dialog.save_button.click()
    assert not dialog.error.isHidden()
    assert "đang để trống" in dialog.error.text()
    assert get_commitment(ctx.db, roster["an"], YEAR).items[0].text == "Học tập"


def test_a_new_line_left_empty_is_dropped_not_refused(dialog_for, ctx, roster, type_text):
    dialog = dialog_for(roster["an"])
    type_item(dialog, "tu_tuong", "Đọc báo", type_text)
    dialog.tree.setCurrentItem(dialog.tree.section_row("ky_luat"))
    dialog.add_button.click()
    assert dialog.save()
    assert len(get_commitment(ctx.db, roster["an"], YEAR).items) == 1


def test_moving_and_removing_items_keeps_the_order_saved(dialog_for, ctx, roster, type_text):
    dialog = dialog_for(roster["an"])
    for text in ("Một", "Hai", "Ba"):
        type_item(dialog, "nhiem_vu", text, type_text)
    assert not dialog.down_button.isEnabled()  # "Ba" is last
    dialog.up_button.click()
    dialog.up_button.click()
    assert not dialog.up_button.isEnabled()
    dialog.tree.setCurrentItem(dialog.tree.item_rows()[1])  # "Một"
    dialog.remove_button.click()
    dialog.save()
    assert [i.text for i in get_commitment(ctx.db, roster["an"], YEAR).items] == ["Ba", "Hai"]


def test_copying_last_years_items(dialog_for, ctx, roster):
    save_commitment(
        ctx.db,
        roster["an"],
        YEAR - 1,
        CommitmentData(
            date(2025, 3, 1),
            None,
            [
                CommitmentItemData("tu_tuong", "Đọc báo", topic_linked=False),
                CommitmentItemData("lam_theo", "Trồng cây xanh", True, "dat"),
            ],
        ),
    )
    dialog = dialog_for(roster["an"])
    assert dialog.copy_button.isEnabled()
    dialog.copy_button.click()
    items = dialog.tree.items()
    assert [(i.section_code, i.text) for i in items] == [
        ("tu_tuong", "Đọc báo"),
        ("lam_theo", "Trồng cây xanh"),
    ]
    # This year's topic and results are still to be decided.
    assert not any(i.topic_linked or i.self_assessment for i in items)
    assert not dialog.copy_button.isEnabled()
    assert dialog.has_unsaved_changes()


def test_copy_button_is_off_without_last_years_commitment(dialog_for, roster):
    assert not dialog_for(roster["binh"]).copy_button.isEnabled()


def test_self_assessment_is_stored_per_item(dialog_for, ctx, roster):
    save_commitment(
        ctx.db,
        roster["an"],
        YEAR,
        CommitmentData(
            date(2026, 3, 1),
            None,
            [CommitmentItemData("tu_tuong", "Đọc báo"), CommitmentItemData("lam_theo", "Cây")],
        ),
    )
    dialog = dialog_for(roster["an"])
    rows = dialog.tree.item_rows()
    dialog.tree.setCurrentItem(rows[0])
    dialog.assessment.setCurrentIndex(dialog.assessment.findData("vuot"))
    dialog.assessment_note.setPlainText("Đọc cả báo Cần Thơ")
    dialog.tree.setCurrentItem(rows[1])
    dialog.assessment.setCurrentIndex(dialog.assessment.findData("chua_dat"))
    assert rows[0].text(2) == "Vượt mức"
    dialog.save()
    stored = get_commitment(ctx.db, roster["an"], YEAR)
    assert [(i.self_assessment, i.self_assessment_note) for i in stored.items] == [
        ("vuot", "Đọc cả báo Cần Thơ"),
        ("chua_dat", ""),
    ]
    assert stored.assessed


def test_progress_notes_are_added_with_a_meeting_and_deleted_after_asking(
    dialog_for, ctx, roster, answers
):
    meeting = meeting_service.plan_meeting(ctx.db, "thuong_ky", 2026, 2, date(2026, 2, 10))
    meeting_service.save_minutes(
        ctx.db, meeting, meeting_service.MinutesData(held_on=date(2026, 2, 10))
    )
    save_commitment(
        ctx.db,
        roster["an"],
        YEAR,
        CommitmentData(date(2026, 1, 5), None, [CommitmentItemData("tu_tuong", "Đọc báo")]),
    )
    dialog = dialog_for(roster["an"])
    assert dialog.progress.add_button.isEnabled()
    note_dialog = dialog.progress.add_note()
    assert note_dialog.day.text() == "05/3/2026"  # today by default
    assert note_dialog.meeting.count() == 2  # "(không gắn…)" and the February meeting
    note_dialog.text.setPlainText("Đã đọc báo đều đặn")
    note_dialog.meeting.setCurrentIndex(1)
    note_dialog.save_button.click()

    item = get_commitment(ctx.db, roster["an"], YEAR).items[0]
    assert [(p.noted_on, p.text, p.meeting_id) for p in item.progress] == [
        (date(2026, 3, 5), "Đã đọc báo đều đặn", meeting)
    ]
    assert dialog.progress.list.topLevelItemCount() == 1
    assert dialog.progress.list.topLevelItem(0).text(2) == "Sinh hoạt tháng 2/2026"

    dialog.progress.list.setCurrentItem(dialog.progress.list.topLevelItem(0))
    answers.reply = False
    dialog.progress.delete_button.click()
    assert len(get_commitment(ctx.db, roster["an"], YEAR).items[0].progress) == 1
    answers.reply = True
    dialog.progress.delete_button.click()
    assert "Đã đọc báo đều đặn" in answers.questions[-1]
    assert get_commitment(ctx.db, roster["an"], YEAR).items[0].progress == ()
    assert dialog.progress.list.topLevelItemCount() == 0


def test_progress_waits_until_a_new_item_is_saved(dialog_for, roster, type_text):
    dialog = dialog_for(roster["an"])
    type_item(dialog, "tu_tuong", "Đọc báo", type_text)
    assert not dialog.progress.add_button.isEnabled()
    assert "chưa được lưu" in dialog.progress.hint.text()
    dialog.save()
    assert dialog.progress.add_button.isEnabled()


def test_progress_note_needs_its_text(dialog_for, ctx, roster):
    save_commitment(
        ctx.db,
        roster["an"],
        YEAR,
        CommitmentData(None, None, [CommitmentItemData("tu_tuong", "Đọc báo")]),
    )
    note_dialog = dialog_for(roster["an"]).progress.add_note()
    note_dialog.save_button.click()
    assert note_dialog.isVisible()
    assert "nội dung tiến độ" in note_dialog.error.text()
    note_dialog.reject()


def test_removing_an_item_with_progress_asks_first(dialog_for, ctx, roster, answers):
    save_commitment(
        ctx.db,
        roster["an"],
        YEAR,
        CommitmentData(None, None, [CommitmentItemData("tu_tuong", "Đọc báo")]),
    )
    item_id = get_commitment(ctx.db, roster["an"], YEAR).items[0].id
    add_progress(ctx.db, item_id, date(2026, 2, 1), "Đã đọc")
    dialog = dialog_for(roster["an"])
    answers.reply = False
    assert not dialog.remove_item()
    assert "1 ghi chép tiến độ" in answers.questions[0]
    assert len(dialog.tree.items()) == 1


def test_closing_with_unsaved_changes_asks_and_can_save(
    dialog_for, ctx, roster, type_text, monkeypatch
):
    asked = []

    def reply(answer):
        def ask_save(parent):
            asked.append(parent)
            return answer

        return ask_save

    dialog = dialog_for(roster["an"])
    dialog.reject()  # nothing typed: closes without a question
    assert asked == [] and not dialog.isVisible()

    dialog = dialog_for(roster["an"])
    type_item(dialog, "tu_tuong", "Đọc báo", type_text)
    monkeypatch.setattr(commitment_dialog, "ask_save", reply(commitment_dialog.CANCEL))
    dialog.close_button.click()
    assert dialog.isVisible() and len(asked) == 1
    monkeypatch.setattr(commitment_dialog, "ask_save", reply(commitment_dialog.SAVE))
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert get_commitment(ctx.db, roster["an"], YEAR).items[0].text == "Đọc báo"


def test_closing_without_saving_keeps_the_stored_commitment(
    dialog_for, ctx, roster, type_text, monkeypatch
):
    dialog = dialog_for(roster["an"])
    type_item(dialog, "tu_tuong", "Đọc báo", type_text)
    monkeypatch.setattr(commitment_dialog, "ask_save", lambda parent: commitment_dialog.DISCARD)
    dialog.reject()
    assert not dialog.isVisible()
    assert get_commitment(ctx.db, roster["an"], YEAR) is None


def test_ctrl_s_saves(dialog_for, ctx, roster, type_text, qtbot):
    dialog = dialog_for(roster["an"])
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_item(dialog, "tu_tuong", "Đọc báo", type_text)
    qtbot.keyClick(dialog.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_commitment(ctx.db, roster["an"], YEAR) is not None


def test_every_alt_letter_in_the_window_is_used_once(dialog_for, roster):
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    dialog = dialog_for(roster["an"])
    texts = [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.title() for w in dialog.findChildren(QGroupBox)]
    letters = [m.lower() for t in texts for m in re.findall(r"&(\w)", t.replace("&&", ""))]
    assert letters and len(letters) == len(set(letters)), sorted(letters)
