"""Phân công nhiệm vụ and its review (kiểm điểm việc thực hiện) at the following meetings.

A task assigned at one meeting comes back at every later meeting until it is reported
done, so nothing assigned is forgotten. Each meeting keeps its own review of the task
(``TaskReview``): approved minutes still say what was reported then, even after a later
meeting reviews the task again; the task itself carries its latest state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.models import Meeting, MeetingTask, TaskReview
from desktop.errors import DomainError, NotFound
from desktop.services.meetings.common import (
    ensure_unlocked,
    load_meeting,
    meeting_date,
    member_names,
    short_label,
)
from desktop.storage.database import Database


@dataclass(frozen=True)
class TaskInfo:
    id: int
    meeting_id: int
    meeting_label: str  # "Thường kỳ tháng 3/2026": where it was assigned
    assignee_id: int | None
    assignee_name: str
    description: str
    due_on: date | None
    done_on: date | None
    review_note: str
    reviewed_meeting_id: int | None
    overdue: bool = False  # past its due date at the meeting it is shown for, not done


def open_tasks_before(db: Database, meeting_id: int) -> list[TaskInfo]:
    """Tasks of earlier meetings to review here: not yet done, or reviewed at this one."""
    with db.session() as session:
        return open_tasks(session, load_meeting(session, meeting_id))


def review_task(
    db: Database, task_id: int, meeting_id: int, done_on: date | None, note: str
) -> None:
    """Record at ``meeting_id`` whether the task is done (``done_on``) and how it went."""
    with db.session() as session:
        meeting = load_meeting(session, meeting_id)
        ensure_unlocked(meeting)
        task = session.get(MeetingTask, task_id)
        if task is None:
            raise NotFound("Không tìm thấy nhiệm vụ này.")
        origin = load_meeting(session, task.meeting_id)
        if not _earlier(origin, meeting):
            raise DomainError("Chỉ kiểm điểm nhiệm vụ được giao ở buổi sinh hoạt trước.")
        review = session.scalar(
            select(TaskReview).where(
                TaskReview.task_id == task.id, TaskReview.meeting_id == meeting.id
            )
        )
        if review is None:
            review = TaskReview(task_id=task.id, meeting_id=meeting.id)
            session.add(review)
        review.done_on = done_on
        review.note = (note or "").strip()
        session.flush()
        _apply_latest(session, task)


def reapply_latest(session: Session, task: MeetingTask) -> None:
    """After a meeting is deleted or restored, the task shows its latest live review."""
    _apply_latest(session, task)


def _apply_latest(session: Session, task: MeetingTask) -> None:
    """The task shows the state reported at the latest meeting that reviewed it."""
    reviews = session.execute(
        select(TaskReview, Meeting)
        .join(Meeting, Meeting.id == TaskReview.meeting_id)
        .where(TaskReview.task_id == task.id, Meeting.deleted_at.is_(None))
    ).all()
    if not reviews:
        task.done_on, task.review_note, task.reviewed_meeting_id = None, "", None
        return
    latest, meeting = max(reviews, key=lambda pair: _order(pair[1]))
    task.done_on = latest.done_on
    task.review_note = latest.note
    task.reviewed_meeting_id = meeting.id


def open_tasks(session: Session, meeting: Meeting) -> list[TaskInfo]:
    """Earlier meetings' tasks not yet done, or reviewed at this meeting — each shown with
    what was reported here (nothing yet when this meeting has not reviewed it)."""
    here = {
        r.task_id: r
        for r in session.scalars(select(TaskReview).where(TaskReview.meeting_id == meeting.id))
    }
    candidates = session.scalars(
        select(MeetingTask)
        .join(Meeting, Meeting.id == MeetingTask.meeting_id)
        .where(
            Meeting.id != meeting.id,
            Meeting.deleted_at.is_(None),
            or_(MeetingTask.done_on.is_(None), MeetingTask.id.in_(here)),
        )
    ).all()
    origins = {
        m.id: m
        for m in session.scalars(
            select(Meeting).where(Meeting.id.in_({t.meeting_id for t in candidates}))
        )
    }
    earlier = [t for t in candidates if _earlier(origins[t.meeting_id], meeting)]
    earlier.sort(key=lambda t: (_order(origins[t.meeting_id]), t.id))
    infos = task_infos(session, earlier, origins, on=meeting_date(meeting))
    return [_as_reviewed_at(info, here.get(info.id), meeting.id) for info in infos]


def _as_reviewed_at(info: TaskInfo, review: TaskReview | None, meeting_id: int) -> TaskInfo:
    if review is None:
        return info  # not done (else it would not be listed) and not reviewed here yet
    return replace(
        info,
        done_on=review.done_on,
        review_note=review.note,
        reviewed_meeting_id=meeting_id,
        overdue=info.overdue and review.done_on is None,
    )


def task_infos(
    session: Session,
    tasks: Iterable[MeetingTask],
    origins: dict[int, Meeting] | None = None,
    on: date | None = None,
) -> list[TaskInfo]:
    tasks = list(tasks)
    names = member_names(session, (t.assignee_id for t in tasks))
    origins = origins or {}
    infos = []
    for task in tasks:
        origin = origins.get(task.meeting_id) or session.get(Meeting, task.meeting_id)
        infos.append(
            TaskInfo(
                id=task.id,
                meeting_id=task.meeting_id,
                meeting_label=short_label(origin),
                assignee_id=task.assignee_id,
                assignee_name=names.get(task.assignee_id, ""),
                description=task.description,
                due_on=task.due_on,
                done_on=task.done_on,
                review_note=task.review_note,
                reviewed_meeting_id=task.reviewed_meeting_id,
                overdue=bool(on and task.due_on and task.done_on is None and task.due_on < on),
            )
        )
    return infos


def _order(meeting: Meeting) -> tuple:
    return (meeting_date(meeting), meeting.id)


def _earlier(first: Meeting, second: Meeting) -> bool:
    return _order(first) < _order(second)
