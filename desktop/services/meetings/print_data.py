"""What the meeting papers print (biên bản, chương trình, thông báo, sổ biên bản), filled
from the meeting records into the dataclasses of ``meeting_documents``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models import Cell, Meeting, MeetingTask, Member, Rating
from desktop.models import TaskReview as TaskReviewRow
from desktop.models.enums import PartyPost
from desktop.rules.meeting_rules import meeting_rules
from desktop.services.cell.details import CellInfo
from desktop.services.cell.numbering import NOTICE, PROGRAMME, paper_number
from desktop.services.cell.settings import read_recipients
from desktop.services.meetings.agenda import THEME
from desktop.services.meetings.checks import meeting_warnings
from desktop.services.meetings.common import (
    MeetingState,
    Presence,
    load_meeting,
    meeting_date,
    meetings_of_year,
    member_names,
    member_role,
    subtitle,
)
from desktop.services.meetings.documents import (
    AgendaDocument,
    AttendanceSummary,
    DocumentMeta,
    MinutesBook,
    MinutesDocument,
    MinutesItem,
    NoticeDocument,
    PersonRef,
    RatingResultLine,
    RatingResults,
    Remark,
    TaskLine,
    TaskReview,
    Vote,
)
from desktop.services.meetings.roster import sheet_rows, summarize
from desktop.services.meetings.study import section_info
from desktop.services.members.status import MemberStatus, derive_status
from desktop.storage.database import Database
from desktop.text import short_date

# Lines of the order of business that a notice need not list: they happen at every meeting.
_PROCEDURAL = {
    "opening",
    "secretary",
    "roll_call",
    "adopt_agenda",
    "discussion",
    "resolution",
    "dues",
    "self_score",
    "read_minutes",
    "closing",
}


def minutes_document(db: Database, meeting_id: int) -> MinutesDocument:
    with db.session() as session:
        cell = _cell(session)
        return build_minutes(session, load_meeting(session, meeting_id, full=True), cell)


def minutes_book(db: Database, year: int) -> MinutesBook:
    """The year's written and approved minutes, in the order the meetings were held."""
    with db.session() as session:
        cell = _cell(session)
        written = [
            m
            for m in meetings_of_year(session, year)
            if m.state in (MeetingState.MINUTES_DONE, MeetingState.APPROVED)
        ]
        written.sort(key=lambda m: (meeting_date(m), m.start_time or m.id, m.id))
        return MinutesBook(cell, year, tuple(build_minutes(session, m, cell) for m in written))


def _issued_meta(
    session: Session, cell: CellInfo, meeting: Meeting, kind: str, code: str, today: date | None
) -> DocumentMeta:
    """A meeting's agenda or notice, numbered when first printed and dated that day, but
    never after the meeting itself; a reprint keeps both."""
    day = meeting.held_on or meeting.planned_on
    number = paper_number(
        session, kind, f"meeting:{meeting.id}", code, day, final=True, today=today
    )
    return DocumentMeta(cell, number.issued_on, number.number, type_code=number.type_code)


def agenda_document(db: Database, meeting_id: int, issued_on: date | None = None) -> AgendaDocument:
    with db.session() as session:
        cell = _cell(session)
        meeting = load_meeting(session, meeting_id, full=True)
        meta = _issued_meta(session, cell, meeting, "agenda", PROGRAMME, issued_on)
        section = section_info(session, meeting.topic_section_id)
        names = member_names(
            session, [i.presenter_id for i in meeting.agenda] + [meeting.theme_presenter_id]
        )
        return AgendaDocument(
            meta=meta,
            subtitle=subtitle(meeting),
            planned_on=meeting.held_on or meeting.planned_on,
            start_time=meeting.start_time,
            place=meeting.place,
            items=tuple(
                MinutesItem(n, i.title, names.get(i.presenter_id, i.presenter_name))
                for n, i in enumerate(meeting.agenda, start=1)
            ),
            study_topic=section.topic_title if section else "",
            study_section=section.section_title if section else "",
            theme=meeting.theme,
            theme_presenter=names.get(meeting.theme_presenter_id, ""),
            secretary_name=_cell_secretary(session, meeting_date(meeting)),
            recipients=tuple(read_recipients(session, "notice", cell.superior_name)),
        )


def notice_document(db: Database, meeting_id: int, issued_on: date | None = None) -> NoticeDocument:
    """Thông báo to the members and the superior's assigned cadre (docs/domain.md §3)."""
    rules = meeting_rules()
    with db.session() as session:
        cell = _cell(session)
        meeting = load_meeting(session, meeting_id, full=True)
        meta = _issued_meta(session, cell, meeting, "notice", NOTICE, issued_on)
        issued_on = meta.issued_on
        day = meeting.held_on or meeting.planned_on
        warnings = []
        if day is not None and (day - issued_on).days < rules.documents_before_days:
            warnings.append(
                f"Thông báo đề ngày {short_date(issued_on)}: chưa gửi trước buổi sinh hoạt "
                f"({short_date(day)}) ít nhất {rules.documents_before_days} ngày theo "
                f"{rules.source('documents_before_days').cite}."
            )
        return NoticeDocument(
            meta=meta,
            subtitle=subtitle(meeting),
            planned_on=day,
            start_time=meeting.start_time,
            place=meeting.place,
            content_lines=tuple(_notice_lines(session, meeting)),
            recipients=tuple(read_recipients(session, "notice", cell.superior_name)),
            secretary_name=_cell_secretary(session, meeting_date(meeting)),
            warnings=tuple(warnings),
        )


def _with_present_temporary(summary: AttendanceSummary, rows) -> AttendanceSummary:
    """The summary with how many of those present attend here only for a while."""
    temporary = MemberStatus.TEMPORARY_HERE.value
    count = sum(
        1 for r in rows if r.expected and r.presence == Presence.PRESENT and r.status == temporary
    )
    return replace(summary, present_temporary=count)


def build_minutes(session: Session, meeting: Meeting, cell: CellInfo) -> MinutesDocument:
    rows = sheet_rows(session, meeting)
    summary = _with_present_temporary(summarize(rows), rows)
    section = section_info(session, meeting.topic_section_id)
    # What this meeting said about each task, even if a later meeting reviewed it again.
    reviewed = session.execute(
        select(MeetingTask, TaskReviewRow)
        .join(TaskReviewRow, TaskReviewRow.task_id == MeetingTask.id)
        .where(TaskReviewRow.meeting_id == meeting.id)
        .order_by(MeetingTask.id)
    ).all()
    names = member_names(
        session,
        [meeting.chair_id, meeting.secretary_id]
        + [i.presenter_id for i in meeting.agenda]
        + [r.speaker_id for r in meeting.remarks]
        + [t.assignee_id for t in list(meeting.tasks) + [task for task, _ in reviewed]]
        + [meeting.theme_presenter_id],
    )
    approved = meeting.state == MeetingState.APPROVED
    votes = (meeting.votes_for, meeting.votes_against, meeting.votes_other)
    return MinutesDocument(
        meta=DocumentMeta(
            cell,
            meeting_date(meeting),
            number=meeting.number if approved else "",
            draft=not approved,
        ),
        subtitle=subtitle(meeting),
        held_on=meeting_date(meeting),
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        chair=PersonRef(names.get(meeting.chair_id, ""), member_role(session, meeting.chair_id)),
        secretary=PersonRef(
            names.get(meeting.secretary_id, ""), member_role(session, meeting.secretary_id)
        ),
        guests=tuple(
            PersonRef(g.name, ", ".join(filter(None, (g.position, g.organization))))
            for g in meeting.guests
        ),
        attendance=summary,
        study_topic=section.topic_title if section else "",
        study_section=section.section_title if section else "",
        items=_minutes_items(meeting, names),
        resolution=meeting.resolution,
        vote=None
        if all(v is None for v in votes)
        else Vote(*(v or 0 for v in votes), voters=summary.present_official),
        tasks=tuple(
            TaskLine(names.get(t.assignee_id, ""), t.description, t.due_on) for t in meeting.tasks
        ),
        minutes_read_at=meeting.minutes_read_at,
        approved=approved,
        corrections=tuple(
            f"Đính chính ngày {short_date(c.corrected_at.date())} ({c.reason}): "
            + "; ".join(c.changes.splitlines())
            for c in meeting.corrections
        ),
        warnings=tuple(meeting_warnings(session, meeting, rows=rows)),
        theme=meeting.theme,
        theme_presenter=names.get(meeting.theme_presenter_id, ""),
        task_reviews=tuple(
            TaskReview(names.get(t.assignee_id, ""), t.description, t.due_on, r.done_on, r.note)
            for t, r in reviewed
        ),
        rating_results=_rating_results(session, meeting),
    )


def _minutes_items(meeting: Meeting, names: dict[int, str]) -> tuple[MinutesItem, ...]:
    """Agenda items with their remarks; remarks tied to no item go under "Thảo luận"."""
    by_item: dict[int | None, list[Remark]] = {}
    for remark in meeting.remarks:
        speaker = names.get(remark.speaker_id, remark.speaker_name)
        by_item.setdefault(remark.agenda_item_id, []).append(Remark(speaker, remark.text))
    ids = [item.id for item in meeting.agenda]
    home = next((i.id for i in meeting.agenda if i.code == "discussion"), ids[-1] if ids else None)
    loose = [r for key, found in by_item.items() if key not in ids for r in found]
    items = []
    for number, item in enumerate(meeting.agenda, start=1):
        remarks = by_item.get(item.id, []) + (loose if item.id == home else [])
        items.append(
            MinutesItem(
                number=number,
                title=item.title,
                presenter=names.get(item.presenter_id, item.presenter_name),
                content=item.content,
                conclusion=item.conclusion,
                remarks=tuple(remarks),
                code=item.code,
            )
        )
    return tuple(items)


def _rating_results(session: Session, meeting: Meeting) -> RatingResults | None:
    """The ratings voted at this meeting, judged by the rules of their year."""
    year = session.scalar(select(Rating.year).where(Rating.meeting_id == meeting.id).limit(1))
    if year is None:
        return None
    # Only the year-end meeting votes ratings: the other minutes do without their module.
    from desktop.services.reviews.ratings import build_sheet

    sheet = build_sheet(session, year)
    rows = [r for r in sheet.rows if r.meeting_id == meeting.id and r.proposed_level]
    if not rows:
        return None
    pack = sheet.pack
    counts = tuple(
        (level.name, sum(1 for r in rows if r.proposed_level == level.code))
        for level in pack.levels
    )
    quota = sheet.quota_proposed if pack.quota else None
    return RatingResults(
        year=year,
        lines=tuple(
            RatingResultLine(
                r.member.full_name, pack.level(r.proposed_level).name, r.votes_for, r.votes_total
            )
            for r in rows
        ),
        counts=counts,
        quota_line=quota.explanation if quota else "",
        quota_source=quota.source if quota else "",
        quota_exceeded=bool(quota and quota.exceeded),
    )


def _notice_lines(session: Session, meeting: Meeting) -> list[str]:
    """The business of the meeting, one line each; time, place and the closing request
    are laid out by the printed notice itself."""
    names = member_names(session, [meeting.theme_presenter_id])
    lines = []
    for item in meeting.agenda:
        if item.code in _PROCEDURAL:
            continue
        presenter = names.get(meeting.theme_presenter_id) if item.code == THEME else None
        lines.append(f"{item.title} (đồng chí {presenter} chuẩn bị)" if presenter else item.title)
    return lines


def _cell_secretary(session: Session, on: date) -> str:
    """The bí thư on the roll at the date, who signs the notice."""
    members = session.scalars(
        select(Member)
        .where(Member.deleted_at.is_(None), Member.party_post == PartyPost.SECRETARY.value)
        .options(selectinload(Member.events))
    )
    for member in members:
        if derive_status(member.events, on).status.on_roll:
            return member.full_name
    return ""


def _cell(session: Session) -> CellInfo:
    cell = session.scalar(select(Cell).limit(1))
    if cell is None:
        return CellInfo()
    return CellInfo(cell.name, cell.superior_name, cell.place_name, cell.term)
