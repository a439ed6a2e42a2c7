"""The "Quá trình sinh hoạt" tab: events change the status shown in the members table."""

from __future__ import annotations

from datetime import date

from desktop.services.members.registry import get_member
from desktop.ui.members.event_dialog import EventDialog
from desktop.ui.members.form import MemberDialog
from desktop.ui.members.page import MembersPage


def status_in_table(page: MembersPage, member_id: int) -> str:
    page.status_combo.setCurrentIndex(page.status_combo.findText("Tất cả"))
    return page.model.index(page.model.row_of(member_id), 5).data()


def choose_kind(dialog: EventDialog, label: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findText(label))


def test_history_tab_is_shown_only_when_editing(qtbot, ctx, roster):
    new = MemberDialog(ctx)
    qtbot.addWidget(new)
    assert [new.tabs.tabText(i) for i in range(new.tabs.count())] == [
        "Thông tin cá nhân",
        "Đảng",
        "Trình độ – công tác",
    ]
    existing = MemberDialog(ctx, roster["an"])
    qtbot.addWidget(existing)
    assert existing.tabs.tabText(3) == "Quá trình sinh hoạt"
    labels = [
        existing.events_panel.table.item(r, 1).text()
        for r in range(existing.events_panel.table.rowCount())
    ]
    assert labels == ["Công nhận đảng viên chính thức", "Kết nạp"]


def test_adding_an_exemption_shows_miễn_sinh_hoạt_in_the_table(
    qtbot, ctx, roster, on_modal, type_text
):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    assert status_in_table(page, roster["an"]) == "Chính thức"
    dialog = MemberDialog(ctx, roster["an"], page)
    qtbot.addWidget(dialog)

    def fill(event_dialog: EventDialog) -> None:
        choose_kind(event_dialog, "Miễn công tác và sinh hoạt đảng")
        assert event_dialog.boxes["until"].isVisibleTo(event_dialog)
        assert not event_dialog.boxes["discipline"].isVisibleTo(event_dialog)
        type_text(event_dialog.happened_on, "01/3/2026")
        type_text(event_dialog.decision_number, "12-NQ/CB")
        event_dialog.accept()

    on_modal(EventDialog, fill)
    dialog.events_panel.add_event()
    assert status_in_table(page, roster["an"]) == "Miễn sinh hoạt"
    assert get_member(ctx.db, roster["an"]).events[-1].decision_number == "12-NQ/CB"


def test_discipline_needs_its_form_and_badge_needs_its_years(qtbot, ctx, roster, type_text):
    saved = []
    dialog = EventDialog(saved.append, today=date(2026, 3, 5))
    qtbot.addWidget(dialog)
    choose_kind(dialog, "Kỷ luật")
    assert dialog.boxes["discipline"].isVisibleTo(dialog)
    type_text(dialog.happened_on, "02/3/2026")
    dialog.accept()
    assert saved == []
    assert dialog.boxes["discipline"].error().startswith("Chọn hình thức kỷ luật")

    choose_kind(dialog, "Huy hiệu Đảng")
    assert dialog.boxes["badge_years"].isVisibleTo(dialog)
    assert not dialog.boxes["discipline"].isVisibleTo(dialog)
    dialog.accept()
    assert dialog.boxes["badge_years"].error().startswith("Huy hiệu Đảng phải là mốc")
    dialog.badge.setCurrentIndex(dialog.badge.findData(40))
    dialog.accept()
    assert saved[0].kind == "huy_hieu" and saved[0].badge_years == 40


def test_temporary_transfer_shows_the_planned_return_date(qtbot, ctx):
    dialog = EventDialog(lambda data: None, today=date(2026, 3, 5))
    qtbot.addWidget(dialog)
    choose_kind(dialog, "Chuyển sinh hoạt đi")
    assert dialog.boxes["temporary"].isVisibleTo(dialog)
    assert not dialog.boxes["until"].isVisibleTo(dialog)
    dialog.temporary.setChecked(True)
    assert dialog.boxes["until"].isVisibleTo(dialog)


def test_deleting_an_event_asks_and_can_be_undone(qtbot, ctx, roster, answers):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    assert status_in_table(page, roster["hoa"]) == "Miễn sinh hoạt"
    dialog = MemberDialog(ctx, roster["hoa"], page)
    qtbot.addWidget(dialog)
    panel = dialog.events_panel
    panel.table.selectRow(0)  # newest first: the exemption
    panel.delete_selected()
    assert answers.questions[-1] == (
        "Xóa sự kiện «Miễn công tác và sinh hoạt đảng» ngày 10/01/2025?"
    )
    assert status_in_table(page, roster["hoa"]) == "Chính thức"
    assert panel.undo_button.isVisibleTo(panel)

    panel.undo_button.click()
    assert status_in_table(page, roster["hoa"]) == "Miễn sinh hoạt"
    assert panel.table.rowCount() == 3


def test_admission_date_field_follows_an_admission_event_added_in_history(
    qtbot, ctx, roster, on_modal, type_text
):
    dialog = MemberDialog(ctx, roster["an"])
    qtbot.addWidget(dialog)
    panel = dialog.events_panel
    panel.table.selectRow(1)  # the kết nạp event

    def change(event_dialog: EventDialog) -> None:
        event_dialog.happened_on.setText("")
        type_text(event_dialog.happened_on, "20/5/2000")
        event_dialog.accept()

    on_modal(EventDialog, change)
    panel.edit_selected()
    assert dialog.editors["admitted_on"].text() == "20/5/2000"
    dialog.accept()
    assert get_member(ctx.db, roster["an"]).data.admitted_on == date(2000, 5, 20)


def test_admission_keeps_the_decision_and_the_ceremony_date(qtbot, ctx):
    from desktop.models import EventKind

    dialog = EventDialog(lambda data: None, today=date(2026, 3, 5))
    qtbot.addWidget(dialog)
    choose_kind(dialog, EventKind.ADMITTED.label)
    assert dialog.boxes["ceremony_on"].isVisibleTo(dialog)
    dialog.happened_on.setText("05/12/2025")
    dialog.ceremony_on.setText("22/12/2025")
    data, errors = dialog.event_data()
    assert errors == []
    assert (data.happened_on, data.ceremony_on) == (date(2025, 12, 5), date(2025, 12, 22))
    choose_kind(dialog, "Chuyển sinh hoạt đi")
    assert not dialog.boxes["ceremony_on"].isVisibleTo(dialog)
    assert dialog.event_data()[0].ceremony_on is None
