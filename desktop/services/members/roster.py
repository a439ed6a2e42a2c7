"""The cell's roster at a date (danh sách đảng viên): who is on the roll, in Vietnamese
name order, the members temporarily attached here, and the counts every report repeats
("Tổng số: 25 đồng chí (chính thức 23, dự bị 2); …").

Plain data only: the printed form is ``desktop.printing.members.roster``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.models import Gender, Member, PartyPost
from desktop.services.cell.details import CellInfo, get_cell
from desktop.services.members.registry import live_member_events
from desktop.services.members.status import MemberStatus, derive_status
from desktop.storage.database import Database
from desktop.text import fold, name_sort_key, short_date


@dataclass
class RosterEntry:
    """One line of the roster, every value already in its printed form."""

    number: int
    member_id: int
    full_name: str
    gender_label: str
    birth: str
    ethnicity: str
    religion: str
    hometown: str
    residence: str
    card_number: str
    admitted_on: str
    official_on: str
    status_label: str
    party_post_label: str
    occupation: str
    status: MemberStatus = MemberStatus.UNKNOWN
    is_official: bool = False
    is_female: bool = False


@dataclass
class RosterCounts:
    """Counts over the members on the roll; ``temporary_here`` are counted apart."""

    total: int = 0
    official: int = 0
    probationary: int = 0
    exempted: int = 0
    female: int = 0
    ethnic_minority: int = 0
    religious: int = 0
    temporary_here: int = 0


@dataclass
class Roster:
    cell: CellInfo
    on: date
    entries: list[RosterEntry]
    counts: RosterCounts
    temporary_entries: list[RosterEntry]
    secretary_name: str


_MEMBER_COLUMNS = (
    Member.id,
    Member.full_name,
    Member.gender,
    Member.birth_date,
    Member.ethnicity,
    Member.religion,
    Member.hometown,
    Member.residence,
    Member.card_number,
    Member.party_post,
    Member.occupation,
)


def build_roster(db: Database, on: date | None = None) -> Roster:
    """The roster on ``on`` (default today): statuses are derived from events up to then."""
    on = on or date.today()
    cell = get_cell(db)
    with db.session() as session:
        # Flat column queries instead of ORM objects: a 10 000-member roster stays fast.
        members = session.execute(select(*_MEMBER_COLUMNS).where(Member.deleted_at.is_(None))).all()
        by_member = live_member_events(session)

    on_roll: list[tuple[tuple, RosterEntry]] = []
    temporary: list[tuple[tuple, RosterEntry]] = []
    for member in members:
        # Members admitted or transferred in after ``on`` come out NOT_YET, off the roll.
        info = derive_status(by_member.get(member.id, ()), on)
        if info.status.on_roll:
            bucket = on_roll
        elif info.status == MemberStatus.TEMPORARY_HERE:
            bucket = temporary
        else:
            continue
        entry = _entry(member, info)
        bucket.append(((name_sort_key(member.full_name), member.id), entry))

    entries = _numbered(on_roll)
    temporary_entries = _numbered(temporary)
    counts = count_roster(entries, temporary_entries)
    secretary = next((e.full_name for e in entries if e.party_post_label == _SECRETARY_LABEL), "")
    return Roster(cell, on, entries, counts, temporary_entries, secretary)


_SECRETARY_LABEL = PartyPost.SECRETARY.label


def count_roster(entries: list[RosterEntry], temporary: list[RosterEntry]) -> RosterCounts:
    """Exempted members stay in the total; members not yet official count as dự bị."""
    official = sum(1 for e in entries if e.is_official)
    return RosterCounts(
        total=len(entries),
        official=official,
        probationary=len(entries) - official,
        exempted=sum(1 for e in entries if e.status == MemberStatus.EXEMPTED),
        female=sum(1 for e in entries if e.is_female),
        ethnic_minority=sum(1 for e in entries if is_ethnic_minority(e.ethnicity)),
        religious=sum(1 for e in entries if is_religious(e.religion)),
        temporary_here=len(temporary),
    )


def _entry(member, info) -> RosterEntry:
    return RosterEntry(
        number=0,
        member_id=member.id,
        full_name=member.full_name,
        gender_label=_label(Gender, member.gender),
        birth=member.birth_date.display() if member.birth_date else "",
        ethnicity=member.ethnicity or "",
        religion=member.religion or "",
        hometown=member.hometown or "",
        residence=member.residence or "",
        card_number=member.card_number or "",
        admitted_on=short_date(info.admitted_on) if info.admitted_on else "",
        official_on=short_date(info.official_on) if info.official_on else "",
        status_label=info.status.label,
        party_post_label=_label(PartyPost, member.party_post or ""),
        occupation=member.occupation or "",
        status=info.status,
        is_official=info.is_official,
        is_female=member.gender == Gender.FEMALE,
    )


def _label(enum, value: str) -> str:
    try:
        return enum(value).label
    except ValueError:
        return value


def _numbered(keyed: list[tuple[tuple, RosterEntry]]) -> list[RosterEntry]:
    keyed.sort(key=lambda pair: pair[0])
    entries = [entry for _, entry in keyed]
    for number, entry in enumerate(entries, start=1):
        entry.number = number
    return entries


def is_ethnic_minority(ethnicity: str) -> bool:
    """Dân tộc thiểu số: any recorded ethnicity other than Kinh."""
    key = fold(ethnicity).strip()
    return bool(key) and key != "kinh"


def is_religious(religion: str) -> bool:
    """Có đạo: a recorded religion other than "Không" (or "Không có", "không tôn giáo")."""
    key = fold(religion).strip()
    return bool(key) and key.split()[0] != "khong"
