"""The member form: add through the dialog, errors under their field, nothing half-saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.services.members.registry import get_member, list_members
from desktop.ui.members.form import MemberDialog
from desktop.ui.members.page import MembersPage


def test_adding_a_member_through_the_dialog_saves_it(qtbot, ctx, type_text):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.editors["full_name"], "nguyễn  thị   mai")
    qtbot.keyClicks(dialog.editors["birth_date"], "07/3/1985")
    dialog.editors["gender"].setCurrentIndex(dialog.editors["gender"].findText("Nữ"))
    qtbot.keyClicks(dialog.editors["admitted_on"], "19/5/2010")
    qtbot.keyClicks(dialog.editors["card_number"], "001234567890")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = get_member(ctx.db, dialog.saved_id)
    assert detail.data.full_name == "Nguyễn Thị Mai"
    assert detail.data.gender == "nu"
    assert detail.data.birth_date.display() == "07/3/1985"
    assert detail.data.admitted_on == date(2010, 5, 19)
    assert detail.data.card_number == "001234567890"


def test_card_number_box_accepts_digits_only(qtbot, ctx):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.editors["card_number"], "12a-34 5678901234")
    assert dialog.editors["card_number"].text() == "123456789012"


def test_eleven_digit_card_shows_the_error_under_the_field_and_saves_nothing(qtbot, ctx, roster):
    dialog = MemberDialog(ctx, roster["an"])
    qtbot.addWidget(dialog)
    dialog.show()
    card = dialog.editors["card_number"]
    card.clear()
    qtbot.keyClicks(card, "01234567890")
    qtbot.keyClicks(dialog.editors["phone"], "1")  # another change that must not be saved
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    box = dialog.boxes["card_number"]
    assert box.error() == "Số thẻ đảng viên phải gồm đúng 12 chữ số (đang có: 01234567890)."
    assert dialog.tabs.currentIndex() == 1  # the "Đảng" tab, where the card number is
    assert dialog.focusWidget() is card
    assert card.text() == "01234567890"  # what was typed is still there
    saved = get_member(ctx.db, roster["an"]).data
    assert saved.card_number == "012345678901"
    assert saved.phone == "0912345678"

    qtbot.keyClicks(card, "1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert box.error() == ""
    saved = get_member(ctx.db, roster["an"]).data
    assert saved.card_number == "012345678901"[:11] + "1"
    assert saved.phone == "09123456781"


def test_every_wrong_field_shows_its_own_message(qtbot, ctx):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editors["birth_date"], "31/02/1980")
    qtbot.keyClicks(dialog.editors["admitted_on"], "2010")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.boxes["full_name"].error() == "Chưa nhập họ và tên."
    assert "31/02/1980" in dialog.boxes["birth_date"].error()
    assert dialog.boxes["admitted_on"].error() == (
        "Ngày vào Đảng phải ghi đủ ngày, tháng, năm (ví dụ 05/3/2020)."
    )
    assert dialog.tabs.currentIndex() == 0
    assert dialog.focusWidget() is dialog.editors["full_name"]
    assert list_members(ctx.db) == []


def test_a_birth_year_alone_is_accepted(qtbot, ctx, type_text):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.editors["full_name"], "Võ Văn Tám")
    qtbot.keyClicks(dialog.editors["birth_date"], "1948")
    dialog.accept()
    assert get_member(ctx.db, dialog.saved_id).data.birth_date.display() == "1948"


def test_same_card_as_another_member_is_reported_under_the_card_field(
    qtbot, ctx, roster, type_text
):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.editors["full_name"], "Phan Văn Tư")
    qtbot.keyClicks(dialog.editors["card_number"], "012345678901")
    dialog.accept()
    assert dialog.saved_id is None
    assert "Nguyễn Văn An" in dialog.boxes["card_number"].error()


def test_closing_a_changed_form_asks_before_discarding(qtbot, ctx, answers, type_text):
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.editors["full_name"], "Lâm Văn Ba")
    answers.reply = False
    dialog.reject()
    assert dialog.isVisible()
    assert answers.questions[-1].startswith("Những gì vừa nhập vào phiếu đảng viên")
    answers.reply = True
    dialog.reject()
    assert not dialog.isVisible()


def test_the_save_question_has_save_as_default_and_esc_goes_back(qtbot):
    from desktop.ui import messages

    box = messages.save_question_box(None, "Lưu?")
    qtbot.addWidget(box)
    assert box.defaultButton().text() == "&Lưu"
    assert box.escapeButton().text() == "&Quay lại"
    assert {b.text() for b in box.buttons()} == {"&Lưu", "&Không lưu", "&Quay lại"}


def test_esc_on_a_changed_plan_asks_and_can_save_it(qtbot, ctx, roster, answers):
    from PySide6.QtCore import Qt

    from desktop.services.meetings import plan as service
    from desktop.ui.meetings.plan_dialog import PlanDialog

    dialog = PlanDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.place.setText("Hội trường ấp")
    answers.save_choice = "cancel"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert "Kế hoạch buổi sinh hoạt chưa được lưu" in answers.questions[-1]
    answers.save_choice = "save"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert service.get_meeting(ctx.db, dialog.saved_id).place == "Hội trường ấp"


def test_esc_on_an_unchanged_plan_closes_without_asking(qtbot, ctx, roster, answers):
    from PySide6.QtCore import Qt

    from desktop.ui.meetings.plan_dialog import PlanDialog

    dialog = PlanDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not answers.questions


def test_every_tab_with_a_wrong_field_is_marked_until_it_is_put_right(qtbot, ctx, roster):
    """Issue 10 point 14: the form jumps to the first wrong tab; the others say so too."""
    from desktop.ui.members.form import TAB_ERROR_MARK
    from desktop.ui.members.form_fields import TAB_TITLES

    dialog = MemberDialog(ctx, roster["an"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["full_name"].clear()  # tab 0
    card = dialog.editors["card_number"]  # tab 1
    card.setText("0123")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 0
    assert dialog.tabs.tabText(0) == f"{TAB_TITLES[0]} {TAB_ERROR_MARK}"
    assert dialog.tabs.tabText(1) == f"{TAB_TITLES[1]} {TAB_ERROR_MARK}"
    assert dialog.tabs.tabText(2) == TAB_TITLES[2]
    assert not dialog.tabs.tabIcon(1).isNull()

    qtbot.keyClicks(card, "45678901")  # 12 digits now: the Đảng tab is right
    assert dialog.boxes["card_number"].error() == ""
    assert dialog.tabs.tabText(1) == TAB_TITLES[1]
    assert dialog.tabs.tabIcon(1).isNull()
    assert dialog.tabs.tabText(0) == f"{TAB_TITLES[0]} {TAB_ERROR_MARK}"
    dialog.editors["full_name"].setText("Nguyễn Văn An")
    assert dialog.tabs.tabText(0) == TAB_TITLES[0]
