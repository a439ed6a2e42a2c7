"""What the printed meeting papers say: plain data built by the meeting services.

Printing (``desktop/printing``) renders these and nothing else, so a PDF, a .docx and a
preview can never disagree, and every number on paper is computed, never typed.
Vietnamese terms: chương trình sinh hoạt (agenda), thông báo (notice), biên bản (minutes),
sổ biên bản (minutes book).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from desktop.services.cell.details import CellInfo


@dataclass(frozen=True)
class PersonRef:
    """A named person with the role to print after the name, e.g. "Bí thư chi bộ"."""

    name: str
    role: str = ""


@dataclass(frozen=True)
class AbsentEntry:
    name: str
    reason: str = ""  # empty for vắng không lý do


@dataclass(frozen=True)
class AttendanceSummary:
    """Điểm danh, computed from the roster at the meeting date."""

    total: int  # đảng viên of the cell on the roll (incl. exempted)
    official: int
    probationary: int
    exempted: int  # miễn công tác và sinh hoạt đảng: listed apart, not expected
    temporary_here: int  # sinh hoạt tạm thời: attend here, counted apart
    expected: int  # who should attend: total - exempted + temporary_here
    present: int
    present_official: int  # the base for the resolution vote
    absent_excused: tuple[AbsentEntry, ...] = ()
    absent_unexcused: tuple[AbsentEntry, ...] = ()
    exempted_names: tuple[str, ...] = ()
    # Added by the meeting services: members on the roll who attend another cell for a
    # while (giới thiệu sinh hoạt tạm thời đi) are not expected here either, so in fact
    # expected = total - exempted - away + temporary_here.
    away: int = 0
    away_names: tuple[str, ...] = ()
    not_marked: int = 0  # expected members not yet marked (a draft roll)
    present_temporary: int = 0  # of those present, members attached here for a while


@dataclass(frozen=True)
class Remark:
    speaker: str
    text: str


@dataclass(frozen=True)
class MinutesItem:
    """One agenda item as it happened: who presented, what was said, what was concluded."""

    number: int
    title: str
    presenter: str = ""
    content: str = ""
    conclusion: str = ""
    remarks: tuple[Remark, ...] = ()
    code: str = ""  # the agenda template's code, e.g. "study"


@dataclass(frozen=True)
class Vote:
    """Biểu quyết: counts, and the number of voters they are checked against."""

    in_favour: int
    against: int
    other: int
    voters: int  # official members present

    @property
    def passed(self) -> bool:
        return self.in_favour * 2 > self.voters


@dataclass(frozen=True)
class TaskLine:
    assignee: str
    description: str
    due_on: date | None = None


@dataclass(frozen=True)
class TaskReview:
    """A task of an earlier meeting reviewed at this one (kiểm điểm việc thực hiện)."""

    assignee: str
    description: str
    due_on: date | None = None
    done_on: date | None = None  # None: not done yet
    note: str = ""


@dataclass(frozen=True)
class RatingResultLine:
    """One member's rating voted at the meeting (chi bộ đề xuất mức xếp loại)."""

    name: str
    level: str  # the level's full name
    votes_for: int | None = None
    votes_total: int | None = None


@dataclass(frozen=True)
class RatingResults:
    """Kết quả đánh giá, xếp loại chất lượng đảng viên voted at a rating meeting."""

    year: int
    lines: tuple[RatingResultLine, ...]
    counts: tuple[tuple[str, int], ...]  # (level name, members proposed at it here)
    quota_line: str = ""  # the rules' arithmetic for the whole year, "" without a quota
    quota_source: str = ""
    quota_exceeded: bool = False


@dataclass(frozen=True)
class DocumentMeta:
    """Header data of every meeting paper."""

    cell: CellInfo
    issued_on: date
    number: str = ""  # e.g. "05" — printed as "Số 05-BB/CB"; blank for drafts
    draft: bool = False
    type_code: str = ""  # loại văn bản of an issued agenda or notice ("CTr", "TB")


@dataclass(frozen=True)
class MinutesDocument:
    """Biên bản sinh hoạt chi bộ (docs/domain.md §3 layout)."""

    meta: DocumentMeta
    subtitle: str  # "sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
    held_on: date
    start_time: time | None
    end_time: time | None
    place: str
    chair: PersonRef
    secretary: PersonRef
    guests: tuple[PersonRef, ...]
    attendance: AttendanceSummary
    study_topic: str  # the current chuyên đề title ("" when none)
    study_section: str  # the section studied at this meeting
    items: tuple[MinutesItem, ...]
    resolution: str
    vote: Vote | None
    tasks: tuple[TaskLine, ...]
    minutes_read_at: time | None
    approved: bool
    corrections: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)  # shown on screen, not printed
    theme: str = ""  # chuyên đề meetings: the theme and who prepared it
    theme_presenter: str = ""
    task_reviews: tuple[TaskReview, ...] = ()  # earlier tasks reviewed at this meeting
    rating_results: RatingResults | None = None  # when members were rated at this meeting


@dataclass(frozen=True)
class AgendaDocument:
    """Chương trình sinh hoạt chi bộ."""

    meta: DocumentMeta
    subtitle: str
    planned_on: date | None
    start_time: time | None
    place: str
    items: tuple[MinutesItem, ...]  # title + presenter only
    study_topic: str
    study_section: str
    theme: str = ""
    theme_presenter: str = ""
    secretary_name: str = ""
    recipients: tuple[str, ...] = ()  # nơi nhận; "- Lưu chi bộ." is added when printing


@dataclass(frozen=True)
class NoticeDocument:
    """Thông báo: time, place and content sent to members and the superior's cadre."""

    meta: DocumentMeta
    subtitle: str
    planned_on: date | None
    start_time: time | None
    place: str
    content_lines: tuple[str, ...]
    recipients: tuple[str, ...]
    secretary_name: str
    # e.g. sent later than the rule's "documents at least one day before"; not printed.
    warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class MinutesBook:
    """Sổ biên bản: a year's minutes in one volume with a contents page."""

    cell: CellInfo
    year: int
    minutes: tuple[MinutesDocument, ...]
