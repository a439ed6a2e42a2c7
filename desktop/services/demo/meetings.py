"""The sample cell's year of meetings (một năm sinh hoạt chi bộ mẫu) for "Chi bộ Ấp Tân Phú".

Everything is written through the meeting, topic and study-round services, so the demo
holds exactly what a secretary could have typed (only the approval time is set to the
meeting's own, not the clock's). The people, the hamlet's works and the local study topic
are invented; nothing is random. What is said lives in ``demo_meetings_text``.

**The demo year** is the 12 months ending last month (it spans two calendar years except
in January), so the app always has a full year of minutes to show; this month's regular
meeting is only planned. Each past month has a regular meeting (thường kỳ) with its
attendance, minutes, resolution, vote and tasks reviewed at the next meeting, all
approved; each past quarter has one thematic meeting (chuyên đề), the current quarter
none, so the year view shows it missing. One member misses three meetings of one calendar
year without reason (the year of last month, or the year before when last month is
January or February) so the year view flags him (Điều 8 Điều lệ Đảng). Every meeting lasts
at least the 90 minutes the rules ask: a short meeting would print minutes that break the
rule with nothing said about it (the warning itself is shown by the app at entry). The
calendar, and the year-end rating meeting marked in it, is ``meeting_calendar``.

**Topics** (``meeting_topic``): the national term-long topic, the Hậu Giang topics and
the commune's own yearly topic, fictional like the cell, one section per monthly meeting.
Its study round: the chi ủy studied it at the commune's conference (cấp trên), those
present at the first meeting studied it there (chi bộ), those absent made it up at the
next two meetings or, when newly admitted, at their first meeting (học bù); two members
never did, so the list of who still has to study is not empty.

**All or nothing**: ``load_demo_meetings`` runs every service call inside one database
session (see ``SharedSession``), so a failure rolls the whole demo back; ``load_demo``
passes its own session so the members and the meetings are one transaction.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import (
    AgendaItem,
    EventKind,
    Meeting,
    MeetingTask,
    Member,
    MemberEvent,
    TopicSection,
)
from desktop.services.demo import meetings_text as say
from desktop.services.demo.meeting_calendar import (
    MONTHS_BEFORE_DEMO,
    Slot,
    demo_congress,
    demo_months,
    flag_months,
    meeting_day,
    plus,
    regular_slots,
    start_at,
    thematic_slots,
)
from desktop.services.demo.meeting_topic import (
    COMMUNE_COMMITTEE,
    STUDY_MEETINGS,
    demo_topic,
    record_study,
)
from desktop.services.meetings import plan as mt
from desktop.errors import DomainError
from desktop.services.meetings.documents import AttendanceSummary
from desktop.services.meetings.roster import summarize
from desktop.services.topics.study_round import mark_studied
from desktop.storage.database import Database
from desktop.text.dates import month_text

# What the rest of the demo uses; the calendar itself lives in ``meeting_calendar``.
__all__ = ["ABSENTEE", "SharedSession", "demo_congress", "demo_months", "load_demo_meetings"]

PLACE = "Nhà văn hóa ấp Tân Phú"
CHAIR = "Nguyễn Văn Thắng"  # Bí thư chi bộ
SECRETARY = "Lê Minh Tuấn"  # Chi ủy viên, thư ký of every meeting
DEPUTY = "Trần Thị Hồng Nhung"
GUEST = mt.GuestData("Lâm Văn Tài", "Đảng ủy viên", "Đảng ủy xã Long Thạnh")
# Misses three meetings without reason (official, not exempted).
ABSENTEE = "Mai Văn Tài"
# Never study the topic: ill at the study round's meetings, and working far away.
ILL_EARLY = "Đỗ Đức Toàn"
FAR_AWAY = "Võ Thị Ngọc Hân"
# Studied the topic at the commune's conference before the cell meeting.
STUDIED_ABOVE = (CHAIR, DEPUTY, SECRETARY, "Đặng Thị Mỹ Hạnh")
GUEST_AT = (0, 5, 10)  # regular meetings the superior's cadre attends
PRESENT, EXCUSED, UNEXCUSED = "co_mat", "vang_co_ly_do", "vang_khong_ly_do"

NOT_EMPTY = "Dữ liệu đã có buổi sinh hoạt; chỉ nạp chi bộ mẫu vào thư mục dữ liệu trống."


class SharedSession:
    """A ``Database`` stand-in whose every ``session()`` is one outer session.

    Services open ``with db.session() as s:`` and commit once; through this object they
    all write into the caller's transaction instead, which commits or rolls back as one.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    @contextmanager
    def session(self) -> Iterator[Session]:
        yield self._session
        self._session.flush()


def load_demo_meetings(db: Database | SharedSession, today: date) -> None:
    """Write the demo year of meetings, all or nothing, into a cell whose members are
    already there (``load_demo`` calls it inside its own transaction)."""
    with db.session() as session:
        if session.scalar(select(func.count(Meeting.id))):
            raise DomainError(NOT_EMPTY)
        _DemoYear(session, today).build()


@dataclass
class _Minutes:
    contents: dict[str, tuple[str, str]]  # agenda code -> (presenter or "", what happened)
    remarks: list[mt.RemarkData]
    resolution: str
    votes_other: int = 0
    tasks: list[mt.TaskData] = field(default_factory=list)


@dataclass(frozen=True)
class _Roll:
    entries: list[tuple[int, str | None, str]]  # (member id, presence, reason)
    present: set[str]  # names
    summary: AttendanceSummary


@dataclass
class _OpenTask:
    late_note: str
    done_note: str
    reviews: int = 0


class _DemoYear:
    """Builds the demo year in date order through the services, in one session."""

    def __init__(self, session: Session, today: date) -> None:
        self.db, self.session, self.today = SharedSession(session), session, today
        self.months = demo_months(today)
        self.ids = {name: i for name, i in session.execute(select(Member.full_name, Member.id))}
        self.regular = regular_slots(today)
        self.flagged = flag_months(self.months)
        self.tasks: dict[int, _OpenTask] = {}
        self.numbers: dict[int, int] = {}
        self.admitted: set[str] = set()
        self.admissions: dict[int, list[str]] = {}
        self.notes: dict[int, list[str]] = {}
        self.topic_id = 0

    def build(self) -> None:
        self._roster_changes()
        self.topic_id = demo_topic(self.db, self.regular, self.today)
        mark_studied(
            self.db,
            self.topic_id,
            [self.ids[name] for name in STUDIED_ABOVE],
            self.regular[0].day - timedelta(days=2),
            "cap_tren",
            note=say.STUDIED_ABOVE_NOTE,
        )
        for slot in sorted(self.regular + thematic_slots(self.today), key=lambda s: s.day):
            if slot.theme is None:
                self._hold_regular(slot)
            else:
                self._hold_thematic(slot)
        last = calendar.monthrange(self.today.year, self.today.month)[1]
        wanted = max(meeting_day(self.today.year, self.today.month, 5), self.today + timedelta(2))
        day = min(wanted, self.today.replace(day=last))
        start = start_at(day.month, time(7, 30))
        mt.plan_meeting(self.db, "thuong_ky", day.year, day.month, day, start, PLACE)

    # ------------------------------------------------------------------ one meeting
    def _hold_regular(self, slot: Slot) -> None:
        plan = slot.plan
        meeting_id = mt.plan_meeting(
            self.db, "thuong_ky", slot.year, slot.month, slot.day, slot.start, PLACE
        )
        meeting = self.session.get(Meeting, meeting_id)
        section = self.session.get(TopicSection, meeting.topic_section_id)
        roll = self._take_roll(meeting_id, slot)
        present = roll.present
        self._review_tasks(meeting_id, slot.day)
        study = say.STUDY.format(section=section.title, lien_he=plan.lien_he)
        if slot.index == 0:
            study = f"{say.STUDY_ROUND_OPENED}\n{study}"
        notes = self.notes.get(slot.index, [])
        admitted = self.admissions.get(slot.index, [])
        contents = {
            "news": (CHAIR, plan.news),
            "last_month": (CHAIR, "\n".join([plan.last_month, *notes])),
            "study": (DEPUTY if DEPUTY in present else CHAIR, study),
            "next_month": (CHAIR, plan.next_month),
            "admission": (CHAIR if admitted else "", "\n".join(admitted) or say.NO_ADMISSION),
            "dues": ("", say.DUES.format(month=month_text(slot.month), year=slot.year)),
            "self_score": ("", say.SCORE_GOOD),
        }
        guest = slot.index in GUEST_AT
        minutes = _Minutes(
            contents,
            self._remarks(
                plan.remarks, present, say.guest_remark(plan.next_month) if guest else ""
            ),
            plan.resolution,
            votes_other=1 if plan.other_vote else 0,
            tasks=[
                mt.TaskData(t.description, self.ids[t.assignee], slot.day + timedelta(t.days))
                for t in plan.tasks
                if t.assignee in present
            ],
        )
        self._write(meeting_id, slot, roll, minutes, guest, "thường kỳ")
        specs = {t.description: t for t in plan.tasks}
        given = self.session.scalars(
            select(MeetingTask).where(MeetingTask.meeting_id == meeting_id)
        )
        for task in given:
            spec = specs[task.description]
            self.tasks[task.id] = _OpenTask(spec.late_note, spec.done_note)
        record_study(self.db, self.topic_id, slot, meeting_id, present & self.admitted, self.ids)

    def _hold_thematic(self, slot: Slot) -> None:
        theme = slot.theme
        assert theme is not None
        meeting_id = mt.plan_meeting(
            self.db,
            "chuyen_de",
            slot.year,
            slot.month,
            slot.day,
            slot.start,
            PLACE,
            theme=theme.title,
            theme_presenter_id=self.ids[theme.presenter],
        )
        roll = self._take_roll(meeting_id, slot)
        guest = say.THEMES.index(theme) % 2 == 0
        contents = {
            "theme": (theme.presenter, theme.content),
            "self_score": ("", say.SCORE_THEMATIC),
        }
        remarks = self._remarks(
            theme.remarks,
            roll.present,
            say.THEME_GUEST_REMARK.format(presenter=theme.presenter) if guest else "",
        )
        minutes = _Minutes(contents, remarks, theme.resolution)
        self._write(meeting_id, slot, roll, minutes, guest, "chuyên đề")

    def _take_roll(self, meeting_id: int, slot: Slot) -> _Roll:
        """Everyone expected, marked present or absent (with the reason)."""
        absent = {name: (EXCUSED, reason) for name, reason in slot.plan.absent}
        if slot.index < STUDY_MEETINGS:
            absent[ILL_EARLY] = (EXCUSED, "ốm, điều trị tại nhà")
        # Home for Tết only, unless Tết falls among the study round's meetings.
        if not (slot.month == 2 and slot.theme is None and slot.index >= STUDY_MEETINGS):
            absent[FAR_AWAY] = (EXCUSED, "đi làm ăn xa")
        absent["Đinh Văn Lộc"] = (EXCUSED, "ốm, tuổi cao")  # when still on the roll
        if (slot.year, slot.month) in self.flagged:
            absent[ABSENTEE] = (UNEXCUSED, "")
        rows, entries = [], []
        for row in mt.attendance_sheet(self.db, meeting_id):
            if row.expected:
                presence, reason = absent.get(row.full_name, (PRESENT, ""))
                entries.append((row.member_id, presence, reason))
                row = replace(row, presence=presence, reason=reason)
            rows.append(row)
        present = {r.full_name for r in rows if r.expected and r.presence == PRESENT}
        # Counted here from the marked sheet: saved with the minutes, not in a call of its own.
        return _Roll(entries, present, summarize(rows))

    def _remarks(self, spoken, present: set[str], guest_says: str) -> list[mt.RemarkData]:
        """Remarks of members present, then the guest's; all under "Thảo luận"."""
        remarks = [mt.RemarkData(text, self.ids[name]) for name, text in spoken if name in present]
        if guest_says:
            remarks.append(mt.RemarkData(guest_says, speaker_name=GUEST.name))
        return remarks

    def _write(
        self, meeting_id: int, slot: Slot, roll: _Roll, minutes: _Minutes, guest: bool, kind: str
    ) -> None:
        """Save the minutes with the roll, the procedural lines, vote and tasks, then approve."""
        summary = roll.summary
        agenda = self._agenda(meeting_id)
        contents = {
            "opening": (
                CHAIR,
                say.opening(
                    kind, slot.month, slot.year, *((GUEST.name, GUEST.position) if guest else ())
                ),
            ),
            "secretary": ("", say.SECRETARY_CHOSEN.format(name=SECRETARY)),
            "roll_call": (
                "",
                say.ROLL_CALL.format(present=summary.present, expected=summary.expected),
            ),
            "adopt_agenda": ("", say.AGENDA_ADOPTED),
            "resolution": (CHAIR, say.CONCLUDED),
            "read_minutes": (SECRETARY, say.MINUTES_READ),
            **minutes.contents,
        }
        discussion = agenda["discussion"]
        for remark in minutes.remarks:
            remark.agenda_item_id = discussion
        read_at = plus(slot.end, -10)
        mt.save_minutes(
            self.db,
            meeting_id,
            mt.MinutesData(
                chair_id=self.ids[CHAIR],
                secretary_id=self.ids[SECRETARY],
                held_on=slot.day,
                start_time=slot.start,
                end_time=slot.end,
                items=[
                    mt.ItemMinutes(agenda[code], self.ids.get(by), content=text)
                    for code, (by, text) in contents.items()
                    if code in agenda
                ],
                remarks=minutes.remarks,
                resolution=minutes.resolution,
                votes_for=summary.present_official - minutes.votes_other,
                votes_against=0,
                votes_other=minutes.votes_other,
                tasks=minutes.tasks,
                minutes_read_at=read_at,
                attendance=roll.entries,
                guests=[GUEST] if guest else [],
            ),
        )
        mt.approve_minutes(self.db, meeting_id, read_at, self._number(slot.year))
        # The service stamps the real clock; the demo's minutes were approved at the meeting.
        self.session.get(Meeting, meeting_id).approved_at = datetime.combine(slot.day, read_at)

    def _agenda(self, meeting_id: int) -> dict[str, int]:
        """The meeting's agenda item ids by template code (read directly: a full meeting
        record per meeting would double the demo's loading time)."""
        rows = self.session.execute(
            select(AgendaItem.code, AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)
        )
        return {code: item_id for code, item_id in rows}

    def _number(self, year: int) -> str:
        """Minutes numbers run through the term, across January (Hướng dẫn 36-HD/VPTW);
        the months between the congress and the demo year count as held (one regular
        meeting a month, one thematic a quarter)."""
        del year
        if not self.numbers:
            self.numbers[0] = MONTHS_BEFORE_DEMO + MONTHS_BEFORE_DEMO // 3
        self.numbers[0] += 1
        return f"{self.numbers[0]:02d}"

    def _review_tasks(self, meeting_id: int, day: date) -> None:
        """Tasks of earlier meetings: done, or late once and done at the meeting after."""
        for info in mt.open_tasks_before(self.db, meeting_id):
            task = self.tasks.get(info.id)
            if task is None:
                continue
            task.reviews += 1
            if task.late_note and task.reviews == 1:
                mt.review_task(self.db, info.id, meeting_id, None, task.late_note)
                continue
            done_on = min(info.due_on or day, day) - timedelta(days=1)
            if task.late_note:
                done_on = day - timedelta(days=6)
            mt.review_task(self.db, info.id, meeting_id, done_on, task.done_note)

    # ------------------------------------------------------------------ study and roll
    def _roster_changes(self) -> None:
        """Admissions and other roster changes of the year, told at the next regular meeting."""
        rows = self.session.execute(
            select(MemberEvent, Member.full_name)
            .join(Member, Member.id == MemberEvent.member_id)
            .where(MemberEvent.happened_on >= self.regular[0].day)
            .order_by(MemberEvent.happened_on, MemberEvent.id)
        ).all()
        for event, name in rows:
            slot = next((s for s in self.regular if s.day > event.happened_on), None)
            if slot is None:
                continue
            if event.kind == EventKind.ADMITTED:
                self.admitted.add(name)
                mentor = say.MENTORS.get(name, DEPUTY)
                text = say.admission(event, name, mentor, COMMUNE_COMMITTEE)
                self.admissions.setdefault(slot.index, []).append(text)
            elif note := say.roster_note(event, name):
                self.notes.setdefault(slot.index, []).append(note)
