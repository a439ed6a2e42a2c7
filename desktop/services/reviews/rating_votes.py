"""The base of the rating votes (số đảng viên chính thức để tính phiếu xếp loại).

The cell votes each member's rating like any resolution: more than half of the cell's
official members less the listed exclusions (services.meetings.vote_base). When the vote
is linked to the rating meeting the roll of that meeting is used; otherwise the roll at
the day of the vote, where absences are not known.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Meeting, Member, Rating
from desktop.services.meetings.roster import sheet_rows
from desktop.services.meetings.vote_base import VoteBase, meeting_vote_base, roll_vote_base
from desktop.services.members.registry import live_member_events
from desktop.services.members.status import derive_status


def vote_base_for(
    session: Session, year: int, meeting_id: int | None, day: date, cache: dict | None = None
) -> VoteBase:
    """The base for a rating vote at ``meeting_id`` (or on ``day`` when not linked)."""
    cache = {} if cache is None else cache
    key = meeting_id if meeting_id is not None else day
    if key not in cache:
        suspended = _suspended_ids(session, year)
        meeting = session.get(Meeting, meeting_id) if meeting_id is not None else None
        if meeting is not None:
            cache[key] = meeting_vote_base(sheet_rows(session, meeting), suspended=suspended)
        else:
            cache[key] = _roll_base(session, day, suspended)
    return cache[key]


def _suspended_ids(session: Session, year: int) -> set[int]:
    return set(
        session.scalars(select(Rating.member_id).where(Rating.year == year, Rating.suspended))
    )


def _roll_base(session: Session, day: date, suspended: Iterable[int]) -> VoteBase:
    members = session.execute(
        select(Member.id, Member.full_name).where(Member.deleted_at.is_(None))
    ).all()
    events = live_member_events(session)
    suspended = set(suspended)
    roll, names = {}, set()
    for member in members:
        info = derive_status(events.get(member.id, ()), day)
        name = member.full_name if member.full_name not in roll else f"{member.full_name} ({member.id})"
        roll[name] = (info.status, info.is_official)
        if member.id in suspended:
            names.add(name)
    return roll_vote_base(roll, suspended=names)
