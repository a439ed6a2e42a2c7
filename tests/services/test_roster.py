"""The roster at a date (danh sách đảng viên): who is listed, in which order, the counts."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member, delete_member
from desktop.services.members.roster import build_roster, is_ethnic_minority, is_religious
from desktop.services.members.status import MemberStatus
from desktop.text import PartialDate

TODAY = date(2026, 3, 5)


def member(db, name: str, admitted: date | None, official: date | None = None, **fields) -> int:
    fields.setdefault("birth_date", PartialDate(1950))
    data = MemberData(full_name=name, admitted_on=admitted, official_on=official, **fields)
    return create_member(db, data, today=TODAY)


def event(db, member_id: int, kind: str, when: date, **extra) -> None:
    add_event(db, member_id, EventData(kind=kind, happened_on=when, **extra), today=TODAY)


def names(entries) -> list[str]:
    return [e.full_name for e in entries]


def test_roster_is_numbered_in_vietnamese_name_order(db):
    for name in ("Lữ Văn Ổn", "Nguyễn Thị Mỹ", "Đỗ Văn Đức", "Đặng Thị Bắc", "Lê Thị Dung"):
        member(db, name, date(2000, 1, 1), date(2001, 1, 1))
    member(db, "Nguyễn Văn Đức", date(2000, 1, 1), date(2001, 1, 1))

    roster = build_roster(db, TODAY)

    assert names(roster.entries) == [
        "Đặng Thị Bắc",
        "Lê Thị Dung",
        "Đỗ Văn Đức",
        "Nguyễn Văn Đức",
        "Nguyễn Thị Mỹ",
        "Lữ Văn Ổn",
    ]
    assert [e.number for e in roster.entries] == [1, 2, 3, 4, 5, 6]


def test_counts_follow_the_status_on_the_chosen_date(db):
    probation = member(db, "Trần Văn Ắt", date(2024, 1, 10))
    event(db, probation, "chinh_thuc", date(2025, 1, 15))
    leaving = member(db, "Võ Văn Chuyển", date(1990, 1, 1), date(1991, 1, 1))
    event(db, leaving, "chuyen_di", date(2025, 6, 1))
    member(db, "Phạm Văn An", date(1990, 1, 1), date(1991, 1, 1))

    in_2024 = build_roster(db, date(2024, 6, 1)).counts
    in_2026 = build_roster(db, TODAY).counts

    assert (in_2024.total, in_2024.official, in_2024.probationary) == (3, 2, 1)
    assert (in_2026.total, in_2026.official, in_2026.probationary) == (2, 2, 0)


def test_member_admitted_after_the_date_is_not_yet_listed(db):
    member(db, "Phạm Văn An", date(1990, 1, 1), date(1991, 1, 1))
    member(db, "Đỗ Văn Đức", date(2025, 9, 1))

    assert names(build_roster(db, date(2025, 8, 31)).entries) == ["Phạm Văn An"]
    assert len(build_roster(db, TODAY).entries) == 2


def test_member_without_any_date_is_still_listed(db):
    member(db, "Lê Văn Ữ", None)

    roster = build_roster(db, TODAY)

    assert names(roster.entries) == ["Lê Văn Ữ"]
    assert roster.entries[0].status == MemberStatus.UNKNOWN


def test_exempted_member_is_listed_and_counted_in_the_total(db):
    exempted = member(db, "Trần Văn Ắt", date(1970, 1, 1), date(1971, 1, 1))
    event(db, exempted, "mien_sinh_hoat", date(2024, 1, 10))
    member(db, "Phạm Văn An", date(1990, 1, 1), date(1991, 1, 1))

    roster = build_roster(db, TODAY)

    assert "Trần Văn Ắt" in names(roster.entries)
    assert (roster.counts.total, roster.counts.exempted, roster.counts.official) == (2, 1, 2)


def test_transferred_deceased_and_deleted_members_are_not_listed(db):
    kept = member(db, "Phạm Văn An", date(1990, 1, 1), date(1991, 1, 1))
    gone = member(db, "Võ Văn Chuyển", date(1990, 1, 1), date(1991, 1, 1))
    event(db, gone, "chuyen_di", date(2025, 6, 1))
    dead = member(
        db, "Hồ Văn Mất", date(1960, 1, 1), date(1961, 1, 1), birth_date=PartialDate(1940)
    )
    event(db, dead, "tu_tran", date(2025, 8, 1))
    deleted = member(db, "Ngô Văn Xóa", date(1990, 1, 1), date(1991, 1, 1))
    delete_member(db, deleted)

    roster = build_roster(db, TODAY)

    assert [e.member_id for e in roster.entries] == [kept]
    assert roster.counts.total == 1


def test_temporarily_attached_members_are_listed_apart_and_not_in_the_total(db):
    member(db, "Phạm Văn An", date(1990, 1, 1), date(1991, 1, 1))
    guest = member(db, "Huỳnh Thị Tạm", date(2015, 4, 4), date(2016, 4, 4), gender="nu")
    event(db, guest, "chuyen_den", date(2025, 10, 1), temporary=True)
    away = member(db, "Bùi Văn Xa", date(1990, 1, 1), date(1991, 1, 1))
    event(db, away, "chuyen_di", date(2025, 10, 1), temporary=True)

    roster = build_roster(db, TODAY)

    assert names(roster.temporary_entries) == ["Huỳnh Thị Tạm"]
    assert roster.temporary_entries[0].number == 1
    # Temporarily away is still on this cell's roll.
    assert names(roster.entries) == ["Phạm Văn An", "Bùi Văn Xa"]
    assert (roster.counts.total, roster.counts.temporary_here, roster.counts.female) == (2, 1, 0)


def test_female_minority_and_religious_counts(db):
    member(db, "Đặng Thị Bắc", date(1990, 1, 1), date(1991, 1, 1), gender="nu")
    member(db, "Trần Văn Ắt", date(1990, 1, 1), date(1991, 1, 1), ethnicity="Khmer")
    member(db, "Lê Thị Dung", date(1990, 1, 1), date(1991, 1, 1), gender="nu", ethnicity="KINH")
    member(db, "Nguyễn Thị Mỹ", date(1990, 1, 1), date(1991, 1, 1), gender="nu", religion="Cao Đài")
    member(db, "Đỗ Văn Đức", date(1990, 1, 1), date(1991, 1, 1), religion="không")

    counts = build_roster(db, TODAY).counts

    assert (counts.female, counts.ethnic_minority, counts.religious) == (3, 1, 1)


@pytest.mark.parametrize(
    ("ethnicity", "minority"),
    [
        ("Kinh", False),
        ("kinh", False),
        (" KINH ", False),
        ("", False),
        ("Khmer", True),
        ("Hoa", True),
        ("Ê Đê", True),
    ],
)
def test_ethnic_minority_ignores_case_and_accents(ethnicity, minority):
    assert is_ethnic_minority(ethnicity) is minority


@pytest.mark.parametrize(
    ("religion", "religious"),
    [
        ("Không", False),
        ("không", False),
        ("KHONG", False),
        ("Không có", False),
        ("", False),
        ("Phật giáo", True),
        ("Công giáo", True),
        ("Hòa Hảo", True),
    ],
)
def test_religious_means_a_religion_other_than_none(religion, religious):
    assert is_religious(religion) is religious


def test_roster_carries_the_cell_and_the_secretary(db):
    save_cell(db, CellInfo("Ấp Thạnh Lợi", "Đảng bộ xã Vị Thủy", "Vị Thủy", ""))
    member(db, "Đặng Thị Bắc", date(1990, 1, 1), date(1991, 1, 1), party_post="bi_thu")
    member(db, "Lữ Văn Ổn", date(1990, 1, 1), date(1991, 1, 1), party_post="pho_bi_thu")

    roster = build_roster(db, TODAY)

    assert roster.cell.name == "Ấp Thạnh Lợi"
    assert roster.on == TODAY
    assert roster.secretary_name == "Đặng Thị Bắc"
    assert [e.party_post_label for e in roster.entries] == ["Bí thư", "Phó Bí thư"]


def test_entries_hold_printed_values(db):
    member(
        db,
        "Nguyễn Thị Mỹ",
        date(2005, 8, 19),
        date(2006, 8, 19),
        gender="nu",
        birth_date=PartialDate(1980, 2, 5),
        card_number="012345678901",
    )

    entry = build_roster(db, TODAY).entries[0]

    assert entry.gender_label == "Nữ"
    assert entry.birth == "05/02/1980"
    assert (entry.admitted_on, entry.official_on) == ("19/8/2005", "19/8/2006")
    assert entry.card_number == "012345678901"
    assert entry.status_label == "Chính thức"


def test_no_secretary_gives_an_empty_name(db):
    member(db, "Phạm Văn An", date(1990, 1, 1), date(1991, 1, 1))

    assert build_roster(db, TODAY).secretary_name == ""
