"""Plain records of cell meetings (buổi sinh hoạt chi bộ) handed to the GUI and the CLI.

No live ORM object leaves the meeting services: these are built inside the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from desktop.models import Meeting
from desktop.services.meetings.agenda import default_templates
from desktop.services.meetings.attendance import GuestData
from desktop.services.meetings.checks import meeting_warnings
from desktop.services.meetings.common import (
    MeetingKind,
    MeetingState,
    member_names,
    subtitle,
)
from desktop.services.meetings.documents import AttendanceSummary
from desktop.services.meetings.minutes import ItemMinutes, MinutesData, RemarkData, TaskData
from desktop.services.meetings.roster import AttendanceRow, sheet_rows, summarize
from desktop.services.meetings.study import section_info
from desktop.services.meetings.tasks import TaskInfo, open_tasks, task_infos


@dataclass(frozen=True)
class MeetingSummary:
    """One meeting in a list or in the year view."""

    id: int
    kind: str
    kind_label: str
    year: int
    month: int
    state: str
    state_label: str
    title: str  # "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
    planned_on: date | None
    held_on: date | None
    start_time: time | None
    place: str
    theme: str
    combined_with_thematic: bool
    section_title: str
    number: str


@dataclass(frozen=True)
class AgendaItemInfo:
    id: int
    position: int
    code: str
    title: str
    optional: bool
    presenter_id: int | None
    presenter_name: str  # the member's name, or the name typed for someone else
    content: str
    conclusion: str


@dataclass(frozen=True)
class RemarkInfo:
    id: int
    agenda_item_id: int | None
    speaker_id: int | None
    speaker_name: str
    text: str


@dataclass(frozen=True)
class CorrectionInfo:
    corrected_at: datetime
    reason: str
    changes: str  # one changed field per line


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    kind: str
    kind_label: str
    year: int
    month: int
    state: str
    state_label: str
    title: str
    number: str
    planned_on: date | None
    held_on: date | None
    start_time: time | None
    end_time: time | None
    place: str
    combined_with_thematic: bool
    chair_id: int | None
    secretary_id: int | None
    theme: str
    theme_presenter_id: int | None
    topic_section_id: int | None
    topic_title: str
    section_title: str
    resolution: str
    votes_for: int | None
    votes_against: int | None
    votes_other: int | None
    minutes_read_at: time | None
    approved_at: datetime | None
    agenda: list[AgendaItemInfo] = field(default_factory=list)
    attendance: list[AttendanceRow] = field(default_factory=list)
    summary: AttendanceSummary | None = None
    guests: list[GuestData] = field(default_factory=list)
    remarks: list[RemarkInfo] = field(default_factory=list)
    tasks: list[TaskInfo] = field(default_factory=list)
    open_tasks: list[TaskInfo] = field(default_factory=list)  # from earlier meetings
    corrections: list[CorrectionInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def locked(self) -> bool:
        return self.state == MeetingState.APPROVED

    def minutes_data(self) -> MinutesData:
        """The minutes as an editable form, for a draft save or a correction."""
        return MinutesData(
            chair_id=self.chair_id,
            secretary_id=self.secretary_id,
            held_on=self.held_on,
            start_time=self.start_time,
            end_time=self.end_time,
            place=self.place,
            items=[
                ItemMinutes(
                    i.id,
                    i.presenter_id,
                    "" if i.presenter_id else i.presenter_name,
                    i.content,
                    i.conclusion,
                )
                for i in self.agenda
            ],
            remarks=[
                RemarkData(
                    r.text,
                    r.speaker_id,
                    "" if r.speaker_id else r.speaker_name,
                    r.agenda_item_id,
                )
                for r in self.remarks
            ],
            resolution=self.resolution,
            votes_for=self.votes_for,
            votes_against=self.votes_against,
            votes_other=self.votes_other,
            tasks=[TaskData(t.description, t.assignee_id, t.due_on, t.id) for t in self.tasks],
            minutes_read_at=self.minutes_read_at,
            attendance=[
                (r.member_id, r.presence, r.reason)
                for r in self.attendance
                if r.expected and r.presence is not None
            ],
            guests=list(self.guests),
        )


def display_title(meeting: Meeting) -> str:
    text = subtitle(meeting)
    return text[:1].upper() + text[1:]


def meeting_summary(session: Session, meeting: Meeting) -> MeetingSummary:
    section = section_info(session, meeting.topic_section_id)
    kind = MeetingKind(meeting.kind)
    return MeetingSummary(
        id=meeting.id,
        kind=kind.value,
        kind_label=kind.label,
        year=meeting.year,
        month=meeting.month,
        state=meeting.state,
        state_label=MeetingState(meeting.state).label,
        title=display_title(meeting),
        planned_on=meeting.planned_on,
        held_on=meeting.held_on,
        start_time=meeting.start_time,
        place=meeting.place,
        theme=meeting.theme,
        combined_with_thematic=meeting.combined_with_thematic,
        section_title=section.section_title if section else "",
        number=meeting.number,
    )


def meeting_detail(session: Session, meeting: Meeting) -> MeetingDetail:
    section = section_info(session, meeting.topic_section_id)
    kind = MeetingKind(meeting.kind)
    rows = sheet_rows(session, meeting)
    optional = {i.code for i in default_templates()[kind.value] if i.optional}
    names = member_names(
        session,
        [i.presenter_id for i in meeting.agenda] + [r.speaker_id for r in meeting.remarks],
    )
    return MeetingDetail(
        id=meeting.id,
        kind=kind.value,
        kind_label=kind.label,
        year=meeting.year,
        month=meeting.month,
        state=meeting.state,
        state_label=MeetingState(meeting.state).label,
        title=display_title(meeting),
        number=meeting.number,
        planned_on=meeting.planned_on,
        held_on=meeting.held_on,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        combined_with_thematic=meeting.combined_with_thematic,
        chair_id=meeting.chair_id,
        secretary_id=meeting.secretary_id,
        theme=meeting.theme,
        theme_presenter_id=meeting.theme_presenter_id,
        topic_section_id=meeting.topic_section_id,
        topic_title=section.topic_title if section else "",
        section_title=section.section_title if section else "",
        resolution=meeting.resolution,
        votes_for=meeting.votes_for,
        votes_against=meeting.votes_against,
        votes_other=meeting.votes_other,
        minutes_read_at=meeting.minutes_read_at,
        approved_at=meeting.approved_at,
        agenda=[
            AgendaItemInfo(
                id=i.id,
                position=i.position,
                code=i.code,
                title=i.title,
                optional=i.code in optional,
                presenter_id=i.presenter_id,
                presenter_name=names.get(i.presenter_id, i.presenter_name),
                content=i.content,
                conclusion=i.conclusion,
            )
            for i in meeting.agenda
        ],
        attendance=rows,
        summary=summarize(rows),
        guests=[GuestData(g.name, g.position, g.organization) for g in meeting.guests],
        remarks=[
            RemarkInfo(
                r.id,
                r.agenda_item_id,
                r.speaker_id,
                names.get(r.speaker_id, r.speaker_name),
                r.text,
            )
            for r in meeting.remarks
        ],
        tasks=task_infos(session, meeting.tasks, {meeting.id: meeting}),
        open_tasks=open_tasks(session, meeting),
        corrections=[
            CorrectionInfo(c.corrected_at, c.reason, c.changes) for c in meeting.corrections
        ],
        warnings=meeting_warnings(session, meeting, rows=rows),
    )
