"""Cell meetings (sinh hoạt chi bộ): plan, list, read and delete; the one import point.

docs/domain.md §3: one regular meeting (thường kỳ) a month, thematic (chuyên đề) and
extraordinary (bất thường) meetings as needed. The agenda comes from the cell's template;
the study item names the section of the current topic. The rest of the meeting services
live in the ``meeting_*`` modules and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy.orm import Session

from desktop.models import AgendaItem, Meeting, Topic, TopicSection
from desktop.errors import DomainError
from desktop.services.meetings.agenda import (
    STUDY,
    THEME,
    AgendaTemplateItem,
    agenda_template,
    build_agenda,
    default_templates,
    reset_agenda_template,
    retitle,
    set_agenda_template,
    template_items,
)
from desktop.services.meetings.attendance import (
    GuestData,
    attendance_sheet,
    attendance_summary,
    set_attendance,
    set_guests,
    unexcused_absences,
)
from desktop.services.meetings.checks import minutes_warnings
from desktop.services.meetings.common import (
    MeetingKind,
    MeetingState,
    Presence,
    check_member,
    check_one_regular,
    ensure_unlocked,
    load_meeting,
    meeting_date,
    meetings_of_year,
    month_label,
    parse_kind,
)
from desktop.services.meetings.deleted import (
    DeletedMeeting,
    delete_meeting,
    list_deleted_meetings,
    purge_meeting,
    restore_meeting,
)
from desktop.services.meetings.minutes import (
    ItemMinutes,
    MinutesData,
    RemarkData,
    TaskData,
    approve_minutes,
    correct_minutes,
    save_minutes,
)
from desktop.services.meetings.print_data import (
    agenda_document,
    minutes_book,
    minutes_document,
    notice_document,
)
from desktop.services.meetings.records import (
    MeetingDetail,
    MeetingSummary,
    meeting_detail,
    meeting_summary,
)
from desktop.services.meetings.roster import AttendanceRow
from desktop.services.meetings.study import (
    StudySection,
    section_info,
    suggest,
    suggest_study_section,
)
from desktop.services.meetings.tasks import TaskInfo, open_tasks_before, review_task
from desktop.services.meetings.year import MonthStatus, YearOverview, year_overview
from desktop.storage.database import Database
from desktop.text import clean_spaces, short_date

__all__ = [
    "AgendaEntry",
    "DeletedMeeting",
    "AgendaTemplateItem",
    "AttendanceRow",
    "GuestData",
    "ItemMinutes",
    "MeetingDetail",
    "MeetingKind",
    "MeetingState",
    "MeetingSummary",
    "MinutesData",
    "MonthStatus",
    "Presence",
    "RemarkData",
    "StudySection",
    "TaskData",
    "TaskInfo",
    "YearOverview",
    "agenda_document",
    "agenda_template",
    "approve_minutes",
    "attendance_sheet",
    "attendance_summary",
    "correct_minutes",
    "delete_meeting",
    "list_deleted_meetings",
    "purge_meeting",
    "restore_meeting",
    "find_meeting",
    "get_meeting",
    "list_meetings",
    "minutes_book",
    "minutes_document",
    "minutes_warnings",
    "notice_document",
    "open_tasks_before",
    "plan_meeting",
    "reset_agenda_template",
    "review_task",
    "save_minutes",
    "set_agenda_template",
    "set_attendance",
    "set_guests",
    "set_meeting_agenda",
    "suggest_study_section",
    "unexcused_absences",
    "update_meeting_plan",
    "year_overview",
]


@dataclass(frozen=True)
class AgendaEntry:
    """One line of a meeting's own agenda; ``id`` keeps an existing line and its minutes."""

    title: str
    code: str = ""
    id: int | None = None


def plan_meeting(
    db: Database,
    kind: str,
    year: int,
    month: int,
    planned_on: date | None = None,
    start_time: time | None = None,
    place: str = "",
    topic_section_id: int | None = None,
    theme: str = "",
    theme_presenter_id: int | None = None,
    combined_with_thematic: bool = False,
) -> int:
    """A new meeting in the "planned" state, its agenda built from the cell's template.

    Without a section, a regular meeting studies the next unstudied section of the topic
    current at its date.
    """
    meeting_kind = parse_kind(kind)
    _check_period(year, month, planned_on)
    with db.session() as session:
        if meeting_kind == MeetingKind.REGULAR:
            check_one_regular(session, year, month, None)
        check_member(session, theme_presenter_id, "người chuẩn bị chuyên đề")
        combined = combined_with_thematic and meeting_kind == MeetingKind.REGULAR
        meeting = Meeting(
            kind=meeting_kind.value,
            year=year,
            month=month,
            state=MeetingState.PLANNED.value,
            planned_on=planned_on,
            start_time=start_time,
            place=clean_spaces(place),
            combined_with_thematic=combined,
            theme=clean_spaces(theme),
            theme_presenter_id=theme_presenter_id,
        )
        items = template_items(session, meeting_kind.value)
        if topic_section_id is not None:
            _check_section(session, topic_section_id)
        elif any(i.code == STUDY for i in items):
            found = suggest(session, meeting_date(meeting))
            topic_section_id = found.section_id if found else None
        meeting.topic_section_id = topic_section_id
        section = section_info(session, topic_section_id)
        meeting.agenda = build_agenda(
            items,
            section_title=section.section_title if section else "",
            theme=meeting.theme,
            theme_presenter_id=theme_presenter_id,
            with_theme=combined,
            theme_title=_theme_title(session),
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def update_meeting_plan(
    db: Database,
    meeting_id: int,
    *,
    year: int,
    month: int,
    planned_on: date | None = None,
    start_time: time | None = None,
    place: str = "",
    topic_section_id: int | None = None,
    theme: str = "",
    theme_presenter_id: int | None = None,
    combined_with_thematic: bool = False,
) -> None:
    """Replace the plan's fields (a None section means none: ask ``suggest_study_section``)."""
    _check_period(year, month, planned_on)
    with db.session() as session:
        meeting = load_meeting(session, meeting_id, full=True)
        ensure_unlocked(meeting)
        regular = meeting.kind == MeetingKind.REGULAR
        if regular:
            check_one_regular(session, year, month, meeting.id)
        check_member(session, theme_presenter_id, "người chuẩn bị chuyên đề")
        if topic_section_id is not None:
            _check_section(session, topic_section_id)
        meeting.year, meeting.month, meeting.planned_on = year, month, planned_on
        meeting.start_time, meeting.place = start_time, clean_spaces(place)
        meeting.topic_section_id = topic_section_id
        meeting.theme, meeting.theme_presenter_id = clean_spaces(theme), theme_presenter_id
        combined = combined_with_thematic and regular
        if regular and combined != meeting.combined_with_thematic:
            _toggle_theme_item(session, meeting, combined)
        meeting.combined_with_thematic = combined
        section = section_info(session, topic_section_id)
        retitle(
            meeting.agenda,
            section.section_title if section else "",
            meeting.theme,
            theme_presenter_id,
        )


def set_meeting_agenda(db: Database, meeting_id: int, items: list[AgendaEntry]) -> None:
    """This meeting's own agenda: reorder, retitle, add or drop lines (not the required ones)."""
    with db.session() as session:
        meeting = load_meeting(session, meeting_id, full=True)
        ensure_unlocked(meeting)
        existing = {item.id: item for item in meeting.agenda}
        rows = []
        for entry in items:
            title = clean_spaces(entry.title)
            if not title:
                raise DomainError("Mỗi mục của chương trình phải có tên.")
            row = existing.get(entry.id) if entry.id is not None else None
            if row is None:
                row = AgendaItem(code=clean_spaces(entry.code), title=title)
            row.title = title
            row.position = len(rows) + 1
            rows.append(row)
        codes = {row.code for row in rows}
        for item in default_templates()[meeting.kind]:
            if item.required and item.code not in codes:
                raise DomainError(f'Mục "{item.title}" là bắt buộc, không bỏ được.')
        kept = {row.id for row in rows if row.id is not None}
        for remark in meeting.remarks:
            if remark.agenda_item_id is not None and remark.agenda_item_id not in kept:
                remark.agenda_item_id = None
        meeting.agenda[:] = rows


def get_meeting(db: Database, meeting_id: int) -> MeetingDetail:
    with db.session() as session:
        return meeting_detail(session, load_meeting(session, meeting_id, full=True))


def list_meetings(db: Database, year: int) -> list[MeetingSummary]:
    with db.session() as session:
        return [meeting_summary(session, m) for m in meetings_of_year(session, year)]


def find_meeting(db: Database, year: int, month: int, kind: str = "thuong_ky") -> int:
    """The meeting of that kind in that month (the earliest, if several)."""
    meeting_kind = parse_kind(kind)
    with db.session() as session:
        for meeting in meetings_of_year(session, year):
            if meeting.month == month and meeting.kind == meeting_kind:
                return meeting.id
    raise DomainError(f"Chưa có buổi sinh hoạt {meeting_kind.words} {month_label(year, month)}.")


def _check_period(year: int, month: int, planned_on: date | None) -> None:
    if not 1 <= month <= 12:
        raise DomainError("Tháng phải từ 1 đến 12.")
    if not 1900 <= year <= 2100:
        raise DomainError("Năm không hợp lệ.")
    if planned_on is not None and (planned_on.year, planned_on.month) != (year, month):
        raise DomainError(
            f"Ngày dự kiến {short_date(planned_on)} không thuộc {month_label(year, month)}."
        )


def _check_section(session: Session, section_id: int) -> None:
    section = session.get(TopicSection, section_id)
    if section is None or session.get(Topic, section.topic_id).deleted_at is not None:
        raise DomainError("Không tìm thấy nội dung chuyên đề được chọn.")


def _theme_title(session: Session) -> str:
    for item in template_items(session, MeetingKind.THEMATIC.value):
        if item.code == THEME:
            return item.title
    return "Trình bày chuyên đề"


def _toggle_theme_item(session: Session, meeting: Meeting, combined: bool) -> None:
    rows = list(meeting.agenda)
    if combined:
        after = next((i for i, r in enumerate(rows) if r.code == STUDY), len(rows) - 1)
        rows.insert(after + 1, AgendaItem(code=THEME, title=_theme_title(session)))
    else:
        dropped = {r.id for r in rows if r.code == THEME}
        rows = [r for r in rows if r.code != THEME]
        for remark in meeting.remarks:
            if remark.agenda_item_id in dropped:
                remark.agenda_item_id = None
    for position, row in enumerate(rows, start=1):
        row.position = position
    meeting.agenda[:] = rows
