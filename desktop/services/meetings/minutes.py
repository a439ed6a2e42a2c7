"""Biên bản sinh hoạt chi bộ: write the minutes as a draft, approve and lock them, and
change approved minutes only through a logged correction (đính chính) with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Meeting, MeetingTask, MinutesCorrection
from desktop.models import Remark as RemarkRow
from desktop.errors import DomainError
from desktop.services.cell.numbering import count_window, next_number
from desktop.services.meetings.attendance import GuestData, apply_guests
from desktop.services.meetings.common import (
    MeetingState,
    check_member,
    ensure_unlocked,
    load_meeting,
    meeting_date,
)
from desktop.services.meetings.corrections import describe_changes, snapshot
from desktop.services.meetings.roster import apply_attendance, freeze_attendance
from desktop.services.meetings.state import missing_parts, refresh_state
from desktop.storage.database import Database
from desktop.text import clean_spaces


@dataclass
class ItemMinutes:
    """What happened under one agenda item: who presented, what was said, the conclusion."""

    agenda_item_id: int
    presenter_id: int | None = None
    presenter_name: str = ""  # someone not in the roster, e.g. a guest
    content: str = ""
    conclusion: str = ""


@dataclass
class RemarkData:
    """Ý kiến thảo luận: a member (speaker_id) or a guest (speaker_name) and the words."""

    text: str
    speaker_id: int | None = None
    speaker_name: str = ""
    agenda_item_id: int | None = None


@dataclass
class TaskData:
    """Phân công: who does what by when; ``id`` keeps an existing task and its review."""

    description: str
    assignee_id: int | None = None
    due_on: date | None = None
    id: int | None = None


@dataclass
class MinutesData:
    chair_id: int | None = None
    secretary_id: int | None = None
    held_on: date | None = None  # defaults to the planned date
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""  # empty keeps the planned place
    items: list[ItemMinutes] = field(default_factory=list)  # items not listed stay as they are
    remarks: list[RemarkData] = field(default_factory=list)
    resolution: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_other: int | None = None
    tasks: list[TaskData] = field(default_factory=list)
    minutes_read_at: time | None = None
    # Optional parts, so that one save (or one correction) can also fix the roll and guests.
    attendance: list[tuple[int, str | None, str]] | None = None
    guests: list[GuestData] | None = None


def save_minutes(db: Database, meeting_id: int, data: MinutesData) -> None:
    """Save the minutes as they stand (a draft is fine) while they are not approved."""
    with db.session() as session:
        meeting = load_meeting(session, meeting_id, full=True)
        ensure_unlocked(meeting)
        apply_minutes(session, meeting, data)
        refresh_state(session, meeting)


def approve_minutes(
    db: Database, meeting_id: int, read_at: time, number: str | None = None
) -> None:
    """Approve ("biên bản đã được thông qua") at ``read_at``; the minutes lock from now on.

    The roll is frozen as it stands at the meeting date, and the minutes get the next
    number of the year unless one is given or already set.
    """
    with db.session() as session:
        meeting = load_meeting(session, meeting_id, full=True)
        if meeting.state == MeetingState.APPROVED:
            raise DomainError("Biên bản này đã được thông qua trước đó.")
        missing = missing_parts(session, meeting)
        if missing:
            raise DomainError("Chưa thông qua được biên bản:\n" + "\n".join(missing))
        meeting.minutes_read_at = read_at
        freeze_attendance(session, meeting)
        meeting.number = clean_spaces(number) or meeting.number or _next_number(session, meeting)
        meeting.state = MeetingState.APPROVED.value
        meeting.approved_at = datetime.now()


def correct_minutes(db: Database, meeting_id: int, data: MinutesData, reason: str) -> None:
    """Change approved minutes and log, with the reason, every field that changed."""
    reason = clean_spaces(reason)
    if not reason:
        raise DomainError("Phải ghi lý do đính chính biên bản.")
    with db.session() as session:
        meeting = load_meeting(session, meeting_id, full=True)
        if meeting.state != MeetingState.APPROVED:
            raise DomainError(
                "Biên bản chưa được thông qua: sửa và lưu trực tiếp, không cần đính chính."
            )
        before = snapshot(session, meeting)
        apply_minutes(session, meeting, data)
        missing = missing_parts(session, meeting)
        if missing:
            raise DomainError("Đính chính làm biên bản thiếu:\n" + "\n".join(missing))
        changes = describe_changes(before, snapshot(session, meeting))
        if not changes:
            raise DomainError("Không có thay đổi nào so với biên bản đã thông qua.")
        meeting.corrections.append(MinutesCorrection(reason=reason, changes="\n".join(changes)))


def apply_minutes(session: Session, meeting: Meeting, data: MinutesData) -> None:
    check_member(session, data.chair_id, "chủ trì")
    check_member(session, data.secretary_id, "thư ký")
    meeting.chair_id, meeting.secretary_id = data.chair_id, data.secretary_id
    meeting.held_on = data.held_on or meeting.held_on or meeting.planned_on
    meeting.start_time, meeting.end_time = data.start_time, data.end_time
    meeting.place = clean_spaces(data.place) or meeting.place
    _apply_items(session, meeting, data.items)
    _apply_remarks(session, meeting, data.remarks)
    meeting.resolution = (data.resolution or "").strip()
    for name in ("votes_for", "votes_against", "votes_other"):
        value = getattr(data, name)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise DomainError("Số phiếu biểu quyết phải là số nguyên không âm.")
        setattr(meeting, name, value)
    _apply_tasks(session, meeting, data.tasks)
    meeting.minutes_read_at = data.minutes_read_at
    if data.attendance is not None:
        apply_attendance(session, meeting, data.attendance)
    if data.guests is not None:
        apply_guests(meeting, data.guests)


def _apply_items(session: Session, meeting: Meeting, items: list[ItemMinutes]) -> None:
    by_id = {item.id: item for item in meeting.agenda}
    for entry in items:
        item = by_id.get(entry.agenda_item_id)
        if item is None:
            raise DomainError("Mục chương trình không thuộc buổi sinh hoạt này.")
        check_member(session, entry.presenter_id, "người trình bày")
        item.presenter_id = entry.presenter_id
        item.presenter_name = "" if entry.presenter_id else clean_spaces(entry.presenter_name)
        item.content = (entry.content or "").strip()
        item.conclusion = (entry.conclusion or "").strip()


def _apply_remarks(session: Session, meeting: Meeting, remarks: list[RemarkData]) -> None:
    agenda_ids = {item.id for item in meeting.agenda}
    rows = []
    for entry in remarks:
        text, name = (entry.text or "").strip(), clean_spaces(entry.speaker_name)
        if not text and entry.speaker_id is None and not name:
            continue  # an empty line left in the form
        if entry.agenda_item_id is not None and entry.agenda_item_id not in agenda_ids:
            raise DomainError("Ý kiến thảo luận gắn với một mục không thuộc buổi sinh hoạt này.")
        check_member(session, entry.speaker_id, "người phát biểu")
        rows.append(
            RemarkRow(
                position=len(rows) + 1,
                speaker_id=entry.speaker_id,
                speaker_name="" if entry.speaker_id else name,
                text=text,
                agenda_item_id=entry.agenda_item_id,
            )
        )
    meeting.remarks[:] = rows


def _apply_tasks(session: Session, meeting: Meeting, tasks: list[TaskData]) -> None:
    existing = {task.id: task for task in meeting.tasks}
    kept = []
    for entry in tasks:
        description = (entry.description or "").strip()
        if not description:
            if entry.assignee_id is None:
                continue
            raise DomainError("Mỗi nhiệm vụ được phân công phải ghi việc cần làm.")
        check_member(session, entry.assignee_id, "người nhận nhiệm vụ")
        task = existing.get(entry.id) if entry.id is not None else None
        if task is None:
            task = MeetingTask(description=description)
        task.description, task.assignee_id, task.due_on = (
            description,
            entry.assignee_id,
            entry.due_on,
        )
        kept.append(task)
    meeting.tasks[:] = kept


def _next_number(session: Session, meeting: Meeting) -> str:
    """The next minutes number within the cấp ủy's term (its year when no term is stored)."""
    others = session.scalars(select(Meeting).where(
            Meeting.id != meeting.id, Meeting.number != "", Meeting.deleted_at.is_(None)
        ))
    window = count_window(session, meeting_date(meeting))
    return next_number(((m.number, meeting_date(m)) for m in others), window)
