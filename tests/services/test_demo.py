"""The sample cell (chi bộ mẫu): a believable roster whose reminders work in any year."""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models import EventKind, Member, MemberEvent
from desktop.services.cell.details import CellInfo, get_cell, save_cell
from desktop.services.demo.builder import load_demo
from desktop.errors import DomainError
from desktop.services.members.events import EventData, validate_event
from desktop.services.members.registry import get_member, list_members, validate
from desktop.services.members.reminders import reminders
from desktop.services.members.status import MemberStatus
from desktop.text import proper_case_name

TODAY = date(2026, 11, 23)
# A leap day, New Year's Day and New Year's Eve move every relative date across a boundary.
OTHER_DAYS = (date(2028, 2, 29), date(2027, 1, 1), date(2030, 12, 31), date(2026, 5, 19))

EXPECTED_STATUSES = {
    MemberStatus.OFFICIAL: 18,
    MemberStatus.PROBATIONARY: 2,
    MemberStatus.EXEMPTED: 1,
    MemberStatus.TEMPORARY_HERE: 1,
    MemberStatus.TEMPORARY_AWAY: 1,
    MemberStatus.TRANSFERRED_OUT: 1,
    MemberStatus.DECEASED: 1,
}


def rows_by_name(db, today=TODAY):
    return {row.full_name: row for row in list_members(db, on=today)}


def details(db, today=TODAY):
    return [get_member(db, row.id, on=today) for row in list_members(db, on=today)]


@pytest.mark.parametrize("today", (TODAY, *OTHER_DAYS))
def test_demo_roster_has_every_status_the_secretary_meets(db, today):
    load_demo(db, today=today)

    counts = Counter(row.status for row in list_members(db, on=today))

    assert counts == EXPECTED_STATUSES
    assert len(list_members(db, on=today, include_off_roll=False)) == 22


def test_demo_sets_the_cell_header(db):
    load_demo(db, today=TODAY)

    assert get_cell(db) == CellInfo(
        "Ấp Tân Phú", "Đảng bộ xã Long Thạnh", "Long Thạnh", "2025 – 2030"
    )


def test_demo_loads_for_the_real_today(db):
    load_demo(db)

    assert len(list_members(db)) == 25


def test_demo_names_are_nfc_and_proper_case(db):
    load_demo(db, today=TODAY)

    for row in list_members(db, on=TODAY):
        assert unicodedata.is_normalized("NFC", row.full_name)
        assert proper_case_name(row.full_name) == row.full_name


def test_demo_card_numbers_and_citizen_ids_have_twelve_digits(db):
    load_demo(db, today=TODAY)

    members = details(db)
    cards = [m.data.card_number for m in members]
    citizen_ids = [m.data.citizen_id for m in members]
    assert all(len(c) == 12 and c.isdigit() for c in cards + citizen_ids)
    assert len(set(cards)) == len(cards) == 25
    assert len(set(citizen_ids)) == 25
    assert any(c.startswith("0") for c in cards), "some cards must need their leading zero"


@pytest.mark.parametrize("today", (TODAY, *OTHER_DAYS))
def test_demo_passes_the_same_checks_as_the_member_form(db, today):
    load_demo(db, today=today)

    for member in details(db, today):
        assert validate(member.data, today) == [], member.data.full_name
        for event in member.events:
            data = EventData(
                kind=event.kind.value,
                happened_on=event.happened_on,
                detail=event.detail,
                temporary=event.temporary,
                badge_years=event.badge_years,
                until=event.until,
            )
            assert validate_event(data, today) == [], (member.data.full_name, event)


def test_loading_the_demo_twice_is_refused_and_writes_nothing(db):
    load_demo(db, today=TODAY)
    with db.session() as s:
        before = (
            s.scalar(select(func.count(Member.id))),
            s.scalar(select(func.count(MemberEvent.id))),
        )

    with pytest.raises(DomainError) as refused:
        load_demo(db, today=TODAY)

    assert str(refused.value) == (
        "Dữ liệu đã có đảng viên; chỉ nạp chi bộ mẫu vào thư mục dữ liệu trống."
    )
    with db.session() as s:
        after = (
            s.scalar(select(func.count(Member.id))),
            s.scalar(select(func.count(MemberEvent.id))),
        )
    assert after == before


def test_demo_does_not_overwrite_a_cell_the_user_already_named(db):
    mine = CellInfo("Khu phố 4", "Đảng bộ phường Bình Thủy", "Bình Thủy", "2025 – 2030")
    save_cell(db, mine)

    with pytest.raises(DomainError, match="thư mục dữ liệu trống"):
        load_demo(db, today=TODAY)

    assert get_cell(db) == mine
    assert list_members(db, on=TODAY) == []


@pytest.mark.parametrize("today", (TODAY, *OTHER_DAYS))
def test_special_members_have_the_designed_status(db, today):
    load_demo(db, today=today)
    rows = rows_by_name(db, today)

    expected = {
        "Nguyễn Thị Thu Trang": MemberStatus.PROBATIONARY,
        "Trương Chí Cường": MemberStatus.PROBATIONARY,
        "Huỳnh Văn Bảy": MemberStatus.EXEMPTED,
        "Lê Văn Phúc": MemberStatus.TEMPORARY_AWAY,
        "Hồ Quang Vinh": MemberStatus.TEMPORARY_HERE,
        "Ngô Thanh Sơn": MemberStatus.TRANSFERRED_OUT,
        "Đinh Văn Lộc": MemberStatus.DECEASED,
        "Võ Thị Ngọc Hân": MemberStatus.OFFICIAL,
    }
    assert {name: rows[name].status for name in expected} == expected
    assert rows["Võ Thị Ngọc Hân"].works_far_away
    assert 300 < (today - rows["Nguyễn Thị Thu Trang"].admitted_on).days < 365
    assert 120 < (today - rows["Trương Chí Cường"].admitted_on).days < 180
    assert rows["Ngô Thanh Sơn"].status.on_roll is False
    assert rows["Lê Văn Phúc"].status.on_roll is True


@pytest.mark.parametrize("today", (TODAY, *OTHER_DAYS))
def test_demo_reminds_of_probation_and_of_badges_due_this_year(db, today):
    load_demo(db, today=today)

    found = reminders(db, today=today)

    probation = [r.full_name for r in found if r.kind == "probation"]
    badges = {r.full_name: r.message for r in found if r.kind == "badge"}
    assert probation == ["Nguyễn Thị Thu Trang"]
    assert "Sắp hết 12 tháng dự bị" in next(r.message for r in found if r.kind == "probation")
    assert set(badges) == {"Nguyễn Văn Thắng", "Phạm Thị Lan", "Võ Văn Hai", "Đỗ Đức Toàn"}
    assert "Huy hiệu 30 năm" in badges["Nguyễn Văn Thắng"]
    assert "Huy hiệu 55 năm" in badges["Đỗ Đức Toàn"]


def test_demo_history_has_badges_awards_discipline_and_exemption(db):
    load_demo(db, today=TODAY)
    by_name = {m.data.full_name: m for m in details(db)}

    def kinds(name):
        return [e.kind for e in by_name[name].events]

    nghia_badges = [e.badge_years for e in by_name["Châu Văn Nghĩa"].events if e.badge_years]
    assert nghia_badges == [30, 40]
    assert EventKind.AWARD in kinds("Nguyễn Văn Thắng")
    discipline = [e for e in by_name["Mai Văn Tài"].events if e.kind == EventKind.DISCIPLINE]
    assert [(e.detail, e.happened_on.year) for e in discipline] == [("Khiển trách", 2023)]
    exemption = next(e for e in by_name["Huỳnh Văn Bảy"].events if e.kind == EventKind.EXEMPTED)
    assert "miễn công tác và sinh hoạt đảng" in exemption.note
    away = next(e for e in by_name["Lê Văn Phúc"].events if e.kind == EventKind.TRANSFER_OUT)
    assert away.temporary and away.until > TODAY


def test_demo_roster_is_varied_like_a_real_hamlet(db):
    load_demo(db, today=TODAY)
    members = [m.data for m in details(db)]

    assert sum(m.gender == "nu" for m in members) == 9
    assert {"Kinh", "Khmer", "Hoa"} <= {m.ethnicity for m in members}
    assert {"Công giáo", "Phật giáo", "Cao Đài"} <= {m.religion for m in members}
    assert sum(m.birth_date.month is None for m in members) >= 3
    assert sorted(m.party_post for m in members if m.party_post) == [
        "bi_thu",
        "chi_uy_vien",
        "pho_bi_thu",
    ]
    groups = Counter(m.review_group for m in members)
    assert groups["2C"] > groups["2A"] + groups["2B"] and groups["2A"] and groups["2B"]
    assert all(m.residence.endswith("xã Long Thạnh, thành phố Cần Thơ") for m in members)
