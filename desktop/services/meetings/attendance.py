"""Điểm danh and đại biểu dự: the roll of one meeting, its counts, its guests, and the
unexcused absences of the year (docs/domain.md §2: three months in a year without reason →
the cell considers removal, Điều lệ Đảng, Điều 8).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Attendance, Guest, Meeting
from desktop.errors import DomainError
from desktop.services.meetings.common import Presence, ensure_unlocked, load_meeting
from desktop.services.meetings.documents import AttendanceSummary
from desktop.services.meetings.roster import AttendanceRow, apply_attendance, sheet_rows, summarize
from desktop.services.meetings.state import refresh_state
from desktop.storage.database import Database
from desktop.text import clean_spaces


@dataclass(frozen=True)
class GuestData:
    """Đại biểu dự: name, position and the body they come from."""

    name: str
    position: str = ""
    organization: str = ""


def attendance_sheet(db: Database, meeting_id: int) -> list[AttendanceRow]:
    """Everyone on the roll at the meeting date plus temporarily attached members;
    exempted members and those attending elsewhere come last, not expected."""
    with db.session() as session:
        return sheet_rows(session, load_meeting(session, meeting_id))


def set_attendance(
    db: Database, meeting_id: int, entries: Iterable[tuple[int, str | None, str]]
) -> None:
    """Mark (member_id, presence, reason) entries; the meeting is then "held"."""
    with db.session() as session:
        meeting = load_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        apply_attendance(session, meeting, entries)
        refresh_state(session, meeting)


def attendance_summary(db: Database, meeting_id: int) -> AttendanceSummary:
    with db.session() as session:
        return summarize(sheet_rows(session, load_meeting(session, meeting_id)))


def set_guests(db: Database, meeting_id: int, guests: Iterable[GuestData]) -> None:
    """Replace the list of guests (e.g. the superior's assigned cadre)."""
    with db.session() as session:
        meeting = load_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        apply_guests(meeting, guests)


def apply_guests(meeting: Meeting, guests: Iterable[GuestData]) -> None:
    cleaned = []
    for guest in guests:
        name = clean_spaces(guest.name)
        if not name:
            raise DomainError("Mỗi đại biểu phải có họ và tên.")
        cleaned.append(
            Guest(
                name=name,
                position=clean_spaces(guest.position),
                organization=clean_spaces(guest.organization),
            )
        )
    meeting.guests[:] = cleaned


def unexcused_absences(db: Database, year: int) -> dict[int, int]:
    """Months of ``year`` in which each member missed a meeting without reason.

    Điều 8 counts months ("ba tháng trong năm"), so two meetings missed in one month
    count once.
    """
    with db.session() as session:
        return unexcused_months(session, year)


def unexcused_months(session: Session, year: int) -> dict[int, int]:
    months: dict[int, set[int]] = defaultdict(set)
    rows = session.execute(
        select(Attendance.member_id, Meeting.month)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(
            Meeting.year == year,
            Meeting.deleted_at.is_(None),
            Attendance.presence == Presence.UNEXCUSED.value,
        )
    )
    for member_id, month in rows:
        months[member_id].add(month)
    return {member_id: len(found) for member_id, found in months.items()}
