"""Who takes part in a year's review (đảng viên thuộc diện kiểm điểm, xếp loại).

The roster is taken at the review date (31 December, or today while the year is still
running) from the event history, so a past year keeps its own roster after later transfers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import EventKind, Member, PartyPost, ReviewGroup
from desktop.services.members.registry import live_member_events
from desktop.services.members.status import MemberStatus, derive_status
from desktop.text import name_sort_key


@dataclass(frozen=True)
class ReviewMember:
    """A member on the roll at the review date, with the facts the rules read."""

    id: int
    full_name: str
    birth_year: int | None
    gender: str
    card_number: str
    citizen_id: str
    party_post: str  # label, "" for none
    review_group: str  # "2A" | "2B" | "2C"
    status: MemberStatus
    admitted_on: date | None
    months_since_admission: int | None
    disciplined_in_year: tuple[str, ...]  # the discipline events' details, by date
    sort_key: tuple


def review_date(year: int, today: date | None = None) -> date:
    """31/12 of ``year``, or ``today`` while that year is still running."""
    today = today or date.today()
    return min(date(year, 12, 31), today) if year == today.year else date(year, 12, 31)


def whole_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def review_members(session: Session, year: int, today: date | None = None) -> list[ReviewMember]:
    """Members on the roll at the review date, in the roster's name order."""
    on = review_date(year, today)
    events_by_member = live_member_events(session)
    members = session.execute(
        select(
            Member.id,
            Member.full_name,
            Member.birth_date,
            Member.gender,
            Member.card_number,
            Member.citizen_id,
            Member.party_post,
            Member.review_group,
        ).where(Member.deleted_at.is_(None))
    )
    post_labels = {p.value: p.label for p in PartyPost}
    found: list[ReviewMember] = []
    for row in members:
        events = events_by_member.get(row.id, [])
        info = derive_status(events, on)
        if not info.status.on_roll:
            continue
        admitted = info.admitted_on
        discipline = tuple(
            (e.detail or "Kỷ luật") + f" ({e.happened_on:%d/%m/%Y})"
            for e in events
            if e.kind == EventKind.DISCIPLINE.value
            and e.happened_on is not None
            and e.happened_on.year == year
        )
        found.append(
            ReviewMember(
                id=row.id,
                full_name=row.full_name,
                birth_year=row.birth_date.year if row.birth_date else None,
                gender=row.gender,
                card_number=row.card_number or "",
                citizen_id=row.citizen_id or "",
                party_post=post_labels.get(row.party_post, ""),
                review_group=row.review_group or ReviewGroup.C.value,
                status=info.status,
                admitted_on=admitted,
                months_since_admission=whole_months(admitted, on) if admitted else None,
                disciplined_in_year=discipline,
                sort_key=name_sort_key(row.full_name),
            )
        )
    found.sort(key=lambda m: m.sort_key)
    return found
