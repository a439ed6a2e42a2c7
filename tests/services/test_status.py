"""A member's status at any date follows from the dated event history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.models import EventKind
from desktop.services.members.status import MemberStatus, derive_status, party_age


@dataclass
class Ev:
    kind: str
    happened_on: date
    detail: str = ""
    temporary: bool = False
    until: date | None = None


ADMIT = Ev(EventKind.ADMITTED, date(2020, 5, 19))
OFFICIAL = Ev(EventKind.OFFICIAL, date(2021, 5, 19))


def status(events, on):
    return derive_status(events, on).status


def test_probationary_until_recognised_then_official():
    events = [OFFICIAL, ADMIT]  # order of entry must not matter
    assert status(events, date(2020, 5, 18)) == MemberStatus.NOT_YET
    assert status([], date(2020, 5, 18)) == MemberStatus.UNKNOWN
    assert status(events, date(2020, 12, 1)) == MemberStatus.PROBATIONARY
    info = derive_status(events, date(2022, 1, 1))
    assert info.status == MemberStatus.OFFICIAL and info.is_official
    assert info.admitted_on == date(2020, 5, 19)


def test_exemption_counts_until_it_ends():
    events = [ADMIT, OFFICIAL, Ev(EventKind.EXEMPTED, date(2023, 1, 10))]
    assert status(events, date(2023, 6, 1)) == MemberStatus.EXEMPTED
    assert derive_status(events, date(2023, 6, 1)).is_official
    ended = events + [Ev(EventKind.EXEMPTION_ENDED, date(2024, 1, 1))]
    assert status(ended, date(2024, 2, 1)) == MemberStatus.OFFICIAL
    limited = [ADMIT, OFFICIAL, Ev(EventKind.EXEMPTED, date(2023, 1, 10), until=date(2023, 12, 31))]
    assert status(limited, date(2024, 1, 1)) == MemberStatus.OFFICIAL


def test_temporary_transfers_away_and_back():
    away = Ev(EventKind.TRANSFER_OUT, date(2024, 3, 1), temporary=True, until=date(2024, 9, 1))
    events = [ADMIT, OFFICIAL, away]
    assert status(events, date(2024, 4, 1)) == MemberStatus.TEMPORARY_AWAY
    assert MemberStatus.TEMPORARY_AWAY.on_roll
    back = events + [Ev(EventKind.RETURNED, date(2024, 9, 2))]
    assert status(back, date(2024, 10, 1)) == MemberStatus.OFFICIAL


def test_members_who_left_are_off_the_roll():
    moved = [ADMIT, OFFICIAL, Ev(EventKind.TRANSFER_OUT, date(2024, 3, 1))]
    assert status(moved, date(2024, 3, 1)) == MemberStatus.TRANSFERRED_OUT
    died = [ADMIT, OFFICIAL, Ev(EventKind.DECEASED, date(2024, 3, 1))]
    assert status(died, date(2025, 1, 1)) == MemberStatus.DECEASED
    expelled = [ADMIT, OFFICIAL, Ev(EventKind.DISCIPLINE, date(2024, 3, 1), detail="Khai trừ")]
    assert status(expelled, date(2025, 1, 1)) == MemberStatus.REMOVED
    for state in (MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED, MemberStatus.REMOVED):
        assert not state.on_roll


def test_lighter_discipline_does_not_change_status():
    events = [ADMIT, OFFICIAL, Ev(EventKind.DISCIPLINE, date(2024, 3, 1), detail="Khiển trách")]
    assert status(events, date(2025, 1, 1)) == MemberStatus.OFFICIAL


def test_temporary_member_from_elsewhere():
    events = [Ev(EventKind.TRANSFER_IN, date(2025, 2, 1), temporary=True)]
    assert status(events, date(2025, 3, 1)) == MemberStatus.TEMPORARY_HERE


def test_party_age_counts_whole_years_from_admission():
    assert party_age(date(1995, 9, 2), date(2025, 9, 1)) == 29
    assert party_age(date(1995, 9, 2), date(2025, 9, 2)) == 30
    assert party_age(None, date(2025, 1, 1)) is None


def test_member_not_yet_in_the_cell_at_an_earlier_date_is_off_the_roll():
    later = [Ev(EventKind.ADMITTED, date(2025, 6, 1))]
    assert status(later, date(2025, 1, 1)) == MemberStatus.NOT_YET
    moved_in = [ADMIT, OFFICIAL, Ev(EventKind.TRANSFER_IN, date(2024, 8, 1))]
    assert status(moved_in, date(2024, 1, 1)) == MemberStatus.NOT_YET
    assert status(moved_in, date(2024, 9, 1)) == MemberStatus.OFFICIAL
    came_back = [
        ADMIT,
        OFFICIAL,
        Ev(EventKind.TRANSFER_OUT, date(2022, 1, 1)),
        Ev(EventKind.TRANSFER_IN, date(2024, 8, 1)),
    ]
    assert status(came_back, date(2021, 6, 1)) == MemberStatus.OFFICIAL
    assert not MemberStatus.NOT_YET.on_roll
