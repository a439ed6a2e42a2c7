"""The member registry: validation in Vietnamese, events behind the dates, undoable delete."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.models import EventKind
from desktop.errors import ValidationError
from desktop.services.members.events import EventData, add_event, delete_event
from desktop.services.members.registry import (
    MemberData,
    create_member,
    delete_member,
    get_member,
    list_members,
    restore_member,
    update_member,
    validate,
)
from desktop.services.members.reminders import add_months, reminders
from desktop.services.members.status import MemberStatus
from desktop.text.dates import PartialDate

TODAY = date(2026, 11, 23)


def member(**overrides) -> MemberData:
    base = dict(
        full_name="Nguyễn Văn Thắng",
        birth_date=PartialDate(1960, 4, 2),
        card_number="012345678901",
        admitted_on=date(1990, 5, 19),
        official_on=date(1991, 5, 19),
    )
    base.update(overrides)
    return MemberData(**base)


def fields_of(errors):
    return {e.field for e in errors}


def test_form_rules_name_the_wrong_field_in_vietnamese():
    errors = validate(
        member(
            full_name="",
            card_number="12345678901",
            citizen_id="abc",
            official_on=date(1989, 1, 1),
            birth_date=PartialDate(2030),
        ),
        TODAY,
    )
    assert fields_of(errors) == {
        "full_name",
        "card_number",
        "citizen_id",
        "official_on",
        "birth_date",
    }
    messages = " ".join(e.message for e in errors)
    assert "12 chữ số" in messages and "sau ngày vào Đảng" in messages


def test_dates_in_the_future_are_refused():
    errors = validate(member(admitted_on=date(2027, 1, 1), official_on=None), TODAY)
    assert "admitted_on" in fields_of(errors)


def test_new_member_is_cleaned_and_gets_admission_events(db):
    member_id = create_member(db, member(full_name="  TRẦN   THỊ HỒNG NHUNG "), TODAY)
    detail = get_member(db, member_id, TODAY)
    assert detail.data.full_name == "Trần Thị Hồng Nhung"
    assert [e.kind for e in detail.events] == [EventKind.ADMITTED, EventKind.OFFICIAL]
    assert detail.status == MemberStatus.OFFICIAL


def test_clearing_official_date_removes_the_recognition_event(db):
    member_id = create_member(db, member(), TODAY)
    data = get_member(db, member_id, TODAY).data
    data.official_on = None
    update_member(db, member_id, data, TODAY)
    detail = get_member(db, member_id, TODAY)
    assert detail.status == MemberStatus.PROBATIONARY
    assert [e.kind for e in detail.events] == [EventKind.ADMITTED]


def test_card_number_cannot_belong_to_two_members(db):
    create_member(db, member(), TODAY)
    with pytest.raises(ValidationError) as caught:
        create_member(db, member(full_name="Lê Văn Bình", birth_date=PartialDate(1970)), TODAY)
    assert caught.value.errors[0].field == "card_number"
    assert "Nguyễn Văn Thắng" in str(caught.value)


def test_deleted_member_disappears_and_undo_brings_them_back(db):
    member_id = create_member(db, member(), TODAY)
    delete_member(db, member_id)
    assert list_members(db, TODAY) == []
    restore_member(db, member_id)
    rows = list_members(db, TODAY)
    assert [r.full_name for r in rows] == ["Nguyễn Văn Thắng"]
    assert len(get_member(db, member_id, TODAY).events) == 2


def test_list_is_sorted_by_given_name_then_family_names(db):
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Anh", "Âu Văn Ăn"]
    for index, name in enumerate(names):
        create_member(db, member(full_name=name, card_number=f"0000000000{index:02d}"), TODAY)
    assert [r.full_name for r in list_members(db, TODAY)] == [
        "Lê Văn An",
        "Nguyễn Thị An",
        "Đỗ Anh",  # a < ă: "Anh" comes before "Ăn"
        "Âu Văn Ăn",
        "Trần Văn Bình",
    ]


def test_search_key_ignores_accents_and_case(db):
    create_member(db, member(full_name="Đặng Thị Bắc"), TODAY)
    row = list_members(db, TODAY)[0]
    assert "dang thi bac" in row.search_key


def test_event_history_changes_status_and_delete_hands_back_data(db):
    member_id = create_member(db, member(), TODAY)
    event_id = add_event(
        db, member_id, EventData(EventKind.EXEMPTED.value, date(2026, 1, 5)), TODAY
    )
    assert list_members(db, TODAY)[0].status == MemberStatus.EXEMPTED
    undo = delete_event(db, event_id)
    assert list_members(db, TODAY)[0].status == MemberStatus.OFFICIAL
    add_event(db, member_id, undo, TODAY)
    assert list_members(db, TODAY)[0].status == MemberStatus.EXEMPTED


def test_discipline_needs_a_form_and_badges_a_milestone(db):
    member_id = create_member(db, member(), TODAY)
    with pytest.raises(ValidationError) as caught:
        add_event(db, member_id, EventData(EventKind.DISCIPLINE.value, date(2026, 1, 5)), TODAY)
    assert "hình thức kỷ luật" in str(caught.value)
    with pytest.raises(ValidationError):
        add_event(
            db, member_id, EventData(EventKind.BADGE.value, date(2026, 1, 5), badge_years=33), TODAY
        )


def test_probation_reminder_in_months_eleven_and_twelve(db):
    admitted = date(2025, 12, 20)
    create_member(db, member(admitted_on=admitted, official_on=None), TODAY)
    assert reminders(db, date(2026, 10, 19)) == []
    soon = reminders(db, date(2026, 11, 20))
    assert [r.kind for r in soon] == ["probation"]
    assert soon[0].due_on == date(2026, 12, 20)
    assert "20/12/2026" in soon[0].message
    late = reminders(db, date(2027, 1, 5))
    assert "Đã hết 12 tháng dự bị" in late[0].message


def _admission_event(db, member_id):
    from desktop.models import MemberEvent

    with db.session() as session:
        return next(
            e.id
            for e in session.query(MemberEvent).filter_by(member_id=member_id)
            if e.kind == EventKind.ADMITTED
        )


def test_probation_runs_from_the_admission_ceremony_when_recorded(db):
    from desktop.services.members.events import EventData, update_event

    decided = date(2025, 12, 5)
    member_id = create_member(db, member(admitted_on=decided, official_on=None), TODAY)
    event_id = _admission_event(db, member_id)
    # Without the ceremony the decision date stands in, and the reminder says so.
    first = reminders(db, date(2026, 11, 20))
    assert first[0].due_on == date(2026, 12, 5)
    assert "chưa ghi ngày lễ kết nạp" in first[0].message
    update_event(
        db,
        event_id,
        EventData(EventKind.ADMITTED.value, decided, ceremony_on=date(2025, 12, 22)),
        TODAY,
    )
    soon = reminders(db, date(2026, 11, 25))
    assert soon[0].due_on == date(2026, 12, 22)  # Điều lệ Đảng Điều 5: from the ceremony
    assert "lễ kết nạp 22/12/2025" in soon[0].message
    assert "chưa ghi ngày lễ kết nạp" not in soon[0].message
    assert reminders(db, date(2026, 10, 21)) == []  # month 11 counted from the ceremony
    assert reminders(db, date(2026, 10, 22))[0].due_on == date(2026, 12, 22)
    # Both dates stay on the event: the decision and the ceremony.
    from desktop.models import MemberEvent

    with db.session() as session:
        event = session.get(MemberEvent, event_id)
        assert (event.happened_on, event.ceremony_on) == (decided, date(2025, 12, 22))


def test_a_ceremony_before_the_decision_is_refused(db):
    from desktop.services.members.events import EventData, update_event

    member_id = create_member(db, member(admitted_on=date(2025, 12, 5), official_on=None), TODAY)
    with pytest.raises(ValidationError, match="lễ kết nạp"):
        update_event(
            db,
            _admission_event(db, member_id),
            EventData(EventKind.ADMITTED.value, date(2025, 12, 5), ceremony_on=date(2025, 12, 1)),
            TODAY,
        )


def test_the_recognition_reminder_gives_the_two_thirds_of_the_official_members(db):
    for i in range(6):
        create_member(
            db,
            member(full_name=f"Đảng viên {i}", card_number=None, admitted_on=date(2000, 1, 1), official_on=date(2001, 1, 1)),
            TODAY,
        )
    create_member(db, member(full_name="Người mới", card_number=None, admitted_on=date(2025, 12, 20), official_on=None), TODAY)
    found = [r for r in reminders(db, date(2026, 11, 25)) if r.kind == "probation"]
    assert "ít nhất hai phần ba" in found[0].message
    assert "6 đảng viên chính thức của chi bộ → ít nhất 4 phiếu" in found[0].message


def test_badge_reminder_for_the_milestone_year_until_awarded(db):
    member_id = create_member(
        db, member(admitted_on=date(1996, 9, 2), official_on=date(1997, 9, 2)), TODAY
    )
    due = reminders(db, TODAY)
    assert [(r.kind, r.due_on) for r in due] == [("badge", date(2026, 9, 2))]
    assert "Huy hiệu 30 năm tuổi Đảng" in due[0].message
    add_event(
        db, member_id, EventData(EventKind.BADGE.value, date(2026, 9, 2), badge_years=30), TODAY
    )
    assert reminders(db, TODAY) == []


def test_months_are_added_without_overflowing_short_months():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 12, 20), 12) == date(2026, 12, 20)
