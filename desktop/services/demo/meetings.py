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
rule with nothing said about it (the warning itself is shown by the app at entry).

**Topics**: the catalogue is loaded and reduced to the national term-long topic and the
Hậu Giang topics (the cell lies in former Hậu Giang, now Cần Thơ). Those catalogue topics
do not cover every month of any demo year (the term-long topic ends in 2026 and has 10
sections), so the commune's own yearly topic is added, fictional like the cell, running
from the first demo month to the end of this year with one section per monthly meeting.
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
    StudyRecord,
    TopicSection,
)
from desktop.services.demo import meetings_text as say
from desktop.services.meetings import plan as mt
from desktop.services.demo.meetings_text import MONTHS, THEMES, MonthPlan, Theme
from desktop.errors import DomainError
from desktop.services.meetings.documents import AttendanceSummary
from desktop.services.meetings.roster import summarize
from desktop.services.topics.study_round import mark_studied, mark_studied_from_meeting
from desktop.services.topics.data import TopicData, TopicDocumentInfo, TopicSectionInfo
from desktop.services.topics.catalogue import (
    create_topic,
    delete_topic,
    ensure_seed_topics,
    list_topics,
    purge_topic,
)
from desktop.storage.database import Database
from desktop.text.dates import month_text

PLACE = "Nhà văn hóa ấp Tân Phú"
CHAIR = "Nguyễn Văn Thắng"  # Bí thư chi bộ
SECRETARY = "Lê Minh Tuấn"  # Chi ủy viên, thư ký of every meeting
DEPUTY = "Trần Thị Hồng Nhung"
GUEST = mt.GuestData("Lâm Văn Tài", "Đảng ủy viên", "Đảng ủy xã Long Thạnh")
COMMUNE_COMMITTEE = "Ban Thường vụ Đảng ủy xã Long Thạnh"
# Misses three meetings without reason (official, not exempted).
ABSENTEE = "Mai Văn Tài"
# Never study the topic: ill at the study round's meetings, and working far away.
ILL_EARLY = "Đỗ Đức Toàn"
FAR_AWAY = "Võ Thị Ngọc Hân"
# Studied the topic at the commune's conference before the cell meeting.
STUDIED_ABOVE = (CHAIR, DEPUTY, SECRETARY, "Đặng Thị Mỹ Hạnh")
STUDY_MEETINGS = 3  # the study round's first meeting and its two make-ups
GUEST_AT = (0, 5, 10)  # regular meetings the superior's cadre attends
# Rice harvests (Đông Xuân, Hè Thu, Thu Đông): the cell meets in the evening.
EVENING_MONTHS = (2, 3, 6, 7, 10, 11)
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


# The cell's congress (đại hội chi bộ) opening the term: mid-month, this many whole months
# before the demo year, so the demo's first minutes are not number 01 of the term.
MONTHS_BEFORE_DEMO = 7


def demo_congress(today: date) -> date:
    """The day the demo cell's term began (the term's minutes are numbered from it)."""
    year, month = demo_months(today)[0]
    month -= MONTHS_BEFORE_DEMO + 1
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 15)


def demo_months(today: date) -> list[tuple[int, int]]:
    """The demo year: (year, month) of the 12 months ending last month, oldest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(12):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        months.append((year, month))
    return months[::-1]


def load_demo_meetings(db: Database | SharedSession, today: date) -> None:
    """Write the demo year of meetings, all or nothing, into a cell whose members are
    already there (``load_demo`` calls it inside its own transaction)."""
    with db.session() as session:
        if session.scalar(select(func.count(Meeting.id))):
            raise DomainError(NOT_EMPTY)
        _DemoYear(session, today).build()


@dataclass(frozen=True)
class _Slot:
    """One meeting to hold: a regular one, or a thematic one when ``theme`` is set."""

    index: int  # the month's position in the demo year
    year: int
    month: int
    day: date
    start: time
    end: time
    theme: Theme | None = None

    @property
    def plan(self) -> MonthPlan:
        return MONTHS[self.month]


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


def _meeting_day(year: int, month: int, day: int) -> date:
    found = date(year, month, day)
    return found + timedelta(days=1) if found.weekday() == calendar.SUNDAY else found


def _plus(start: time, minutes: int) -> time:
    return (datetime.combine(date.min, start) + timedelta(minutes=minutes)).time()


def _start(month: int, daytime: time) -> time:
    return time(19) if month in EVENING_MONTHS else daytime


class _DemoYear:
    """Builds the demo year in date order through the services, in one session."""

    def __init__(self, session: Session, today: date) -> None:
        self.db, self.session, self.today = SharedSession(session), session, today
        self.months = demo_months(today)
        self.ids = {name: i for name, i in session.execute(select(Member.full_name, Member.id))}
        self.regular = [self._regular_slot(i, y, m) for i, (y, m) in enumerate(self.months)]
        self.flagged = self._flag_months()
        self.tasks: dict[int, _OpenTask] = {}
        self.numbers: dict[int, int] = {}
        self.admitted: set[str] = set()
        self.admissions: dict[int, list[str]] = {}
        self.notes: dict[int, list[str]] = {}
        self.topic_id = 0

    def build(self) -> None:
        self._roster_changes()
        self._topic()
        mark_studied(
            self.db,
            self.topic_id,
            [self.ids[name] for name in STUDIED_ABOVE],
            self.regular[0].day - timedelta(days=2),
            "cap_tren",
            note=say.STUDIED_ABOVE_NOTE,
        )
        for slot in sorted(self.regular + self._thematic_slots(), key=lambda s: s.day):
            if slot.theme is None:
                self._hold_regular(slot)
            else:
                self._hold_thematic(slot)
        last = calendar.monthrange(self.today.year, self.today.month)[1]
        wanted = max(_meeting_day(self.today.year, self.today.month, 5), self.today + timedelta(2))
        day = min(wanted, self.today.replace(day=last))
        start = _start(day.month, time(7, 30))
        mt.plan_meeting(self.db, "thuong_ky", day.year, day.month, day, start, PLACE)

    # ------------------------------------------------------------------ the calendar
    def _regular_slot(self, index: int, year: int, month: int) -> _Slot:
        start = _start(month, time(7, 30))
        minutes = 120
        return _Slot(index, year, month, _meeting_day(year, month, 5), start, _plus(start, minutes))

    def _thematic_slots(self) -> list[_Slot]:
        """One per quarter of the demo year, in its middle month when there; none in the
        current quarter."""
        current = (self.today.year, (self.today.month - 1) // 3)
        quarters: dict[tuple[int, int], list[int]] = {}
        for index, (year, month) in enumerate(self.months):
            quarters.setdefault((year, (month - 1) // 3), []).append(index)
        slots = []
        for quarter, indexes in quarters.items():
            if quarter == current:
                continue
            index = ([i for i in indexes if self.months[i][1] % 3 == 2] or indexes)[0]
            year, month = self.months[index]
            start = _start(month, time(14))
            day = _meeting_day(year, month, 20)
            theme = THEMES[quarter[1]]
            slots.append(_Slot(index, year, month, day, start, _plus(start, 90), theme))
        return slots

    def _flag_months(self) -> set[tuple[int, int]]:
        """Three months of one calendar year in which ABSENTEE stays away without reason:
        the year of last month, or the year before when last month is January or February."""
        year = self.months[-1][0]
        if sum(1 for y, _ in self.months if y == year) < 3:
            year -= 1
        of_year = [ym for ym in self.months if ym[0] == year]
        n = len(of_year)
        picks = (n - 2, n - 5, n - 8) if n >= 8 else (0, n // 2, n - 1)
        return {of_year[i] for i in picks}

    # ------------------------------------------------------------------ topics
    def _topic(self) -> None:
        """The catalogue reduced to the national and Hậu Giang topics, plus the commune's."""
        ensure_seed_topics(self.db)
        for topic in list_topics(self.db):
            key = topic.seed_key or ""
            if key and not (key.startswith("hau-giang-") or topic.level.value == "toan_khoa"):
                delete_topic(self.db, topic.id)
                purge_topic(self.db, topic.id)  # not the cell's: nothing to restore
        first = self.regular[0].day
        deadline = self.regular[STUDY_MEETINGS - 1].day
        deadline = deadline.replace(day=calendar.monthrange(deadline.year, deadline.month)[1])
        end_year = self.today.year
        period = f"năm {end_year}" if first.year == end_year else f"năm {first.year} – {end_year}"
        plan_document = TopicDocumentInfo(
            number="18-KH/ĐU",
            issuer=COMMUNE_COMMITTEE,
            issued_on=first.replace(day=1) - timedelta(days=6),
            title="Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
            + period,
        )
        self.topic_id = create_topic(
            self.db,
            TopicData(
                title=say.TOPIC_TITLE,
                level="dia_phuong",
                short_title=f"Chuyên đề {period} của Đảng ủy xã Long Thạnh",
                issuer=COMMUNE_COMMITTEE,
                start_year=first.year,
                start_month=first.month,
                end_year=end_year,
                study_deadline=deadline,
                note="Chuyên đề giả định của chi bộ mẫu, chỉ để dùng thử phần mềm.",
                documents=[plan_document],
                sections=[TopicSectionInfo(title) for title in say.TOPIC_SECTIONS],
            ),
        )

    # ------------------------------------------------------------------ one meeting
    def _hold_regular(self, slot: _Slot) -> None:
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
        self._record_study(meeting_id, slot, present)

    def _hold_thematic(self, slot: _Slot) -> None:
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
        guest = THEMES.index(theme) % 2 == 0
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

    def _take_roll(self, meeting_id: int, slot: _Slot) -> _Roll:
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
        self, meeting_id: int, slot: _Slot, roll: _Roll, minutes: _Minutes, guest: bool, kind: str
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
        read_at = _plus(slot.end, -10)
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
    def _record_study(self, meeting_id: int, slot: _Slot, present: set[str]) -> None:
        """The study round: first meeting and two make-ups, then newly admitted members."""
        if slot.index < STUDY_MEETINGS:
            mark_studied_from_meeting(self.db, self.topic_id, meeting_id)
            return
        studied = set(
            self.session.scalars(
                select(StudyRecord.member_id).where(StudyRecord.topic_id == self.topic_id)
            )
        )
        newcomers = [
            self.ids[name] for name in present & self.admitted if self.ids[name] not in studied
        ]
        if newcomers:
            mark_studied(
                self.db,
                self.topic_id,
                sorted(newcomers),
                slot.day,
                "hoc_bu",
                meeting_id,
                note=say.NEWCOMER_NOTE,
            )

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
