"""Deleting a meeting into "Đã xóa", listing those, restoring one, or removing it for good.

A deleted meeting keeps its row and everything under it (agenda, attendance, guests,
minutes, tasks, the task reviews held at it) with ``deleted_at`` set: after a restart it is
listed in "Đã xóa" and comes back whole on restore. Every list and count of meetings keeps
to the live ones (``common.LIVE``). Approved minutes are the cell's record: such a meeting
is never deleted (docs/domain.md §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Meeting, MeetingTask, TaskReview
from desktop.errors import DomainError, NotFound
from desktop.services.meetings.common import (
    MeetingKind,
    MeetingState,
    check_one_regular,
    load_meeting,
    meeting_date,
    short_label,
)
from desktop.services.meetings.tasks import reapply_latest
from desktop.storage.database import Database


@dataclass(frozen=True)
class DeletedMeeting:
    """A meeting in "Đã xóa": what it was and when it was deleted."""

    id: int
    label: str  # "Thường kỳ tháng 3/2026"
    day: date  # held, else planned, else the month's first day
    state_label: str
    deleted_at: datetime


def delete_meeting(db: Database, meeting_id: int) -> None:
    """Move a meeting whose minutes are not approved to "Đã xóa" (the GUI asks first)."""
    with db.session() as session:
        meeting = load_meeting(session, meeting_id)
        if meeting.state == MeetingState.APPROVED:
            raise DomainError("Biên bản đã được thông qua; không xóa được buổi sinh hoạt này.")
        meeting.deleted_at = datetime.now()
        session.flush()
        _reapply_reviewed_at(session, meeting.id)


def list_deleted_meetings(db: Database) -> list[DeletedMeeting]:
    """The meetings in "Đã xóa", the most recently deleted first."""
    with db.session() as session:
        rows = session.scalars(
            select(Meeting)
            .where(Meeting.deleted_at.is_not(None))
            .order_by(Meeting.deleted_at.desc(), Meeting.id.desc())
        ).all()
        return [
            DeletedMeeting(
                m.id, short_label(m), meeting_date(m), MeetingState(m.state).label, m.deleted_at
            )
            for m in rows
        ]


def restore_meeting(db: Database, meeting_id: int) -> None:
    """Bring a deleted meeting back with all it held; refused when its month now has
    another regular meeting (one a month), saying which."""
    with db.session() as session:
        meeting = _load_deleted(session, meeting_id)
        if meeting.kind == MeetingKind.REGULAR.value:
            try:
                check_one_regular(session, meeting.year, meeting.month, meeting.id)
            except DomainError as clash:
                raise DomainError(
                    f"Không khôi phục được buổi {short_label(meeting)}: {clash} "
                    "Hãy xóa buổi thường kỳ đang có của tháng đó trước, nếu muốn dùng lại "
                    "buổi đã xóa."
                ) from clash
        if meeting.number and _number_taken(session, meeting):
            meeting.number = ""  # a fresh number is given when its minutes are saved again
        meeting.deleted_at = None
        session.flush()
        _reapply_reviewed_at(session, meeting.id)


def purge_meeting(db: Database, meeting_id: int) -> None:
    """Remove a meeting in "Đã xóa" for good, with everything under it ("Xóa hẳn")."""
    with db.session() as session:
        session.delete(_load_deleted(session, meeting_id))


def _load_deleted(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.deleted_at is None:
        raise NotFound("Không tìm thấy buổi sinh hoạt này trong mục Đã xóa.")
    return meeting


def _number_taken(session: Session, meeting: Meeting) -> bool:
    return (
        session.scalar(
            select(Meeting.id)
            .where(
                Meeting.id != meeting.id,
                Meeting.number == meeting.number,
                Meeting.deleted_at.is_(None),
            )
            .limit(1)
        )
        is not None
    )


def _reapply_reviewed_at(session: Session, meeting_id: int) -> None:
    """Earlier tasks reviewed at this meeting show the latest review at a live meeting."""
    tasks = session.scalars(
        select(MeetingTask)
        .join(TaskReview, TaskReview.task_id == MeetingTask.id)
        .where(TaskReview.meeting_id == meeting_id)
    ).all()
    for task in tasks:
        reapply_latest(session, task)
