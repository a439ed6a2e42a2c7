"""The home page's figures (trang "Việc cần làm"): the month at a glance, as plain data.

Read in one pass when the app opens: the next meeting, the reminders (probation, Party
badges, unexcused absences, unpaid dues), the review season's progress, the last backup
and the last export. No printing or spreadsheet library is loaded here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from desktop.models import ExportRecord
from desktop.services.meetings.common import MeetingState
from desktop.services.meetings.year import year_overview
from desktop.services.reviews.gaps import RatingGaps
from desktop.storage.backup import list_backups
from desktop.storage.database import Database


@dataclass(frozen=True)
class NextMeeting:
    """The next regular meeting (buổi sinh hoạt thường kỳ sắp tới), planned or not."""

    year: int
    month: int
    meeting_id: int | None  # None: not planned yet
    title: str
    state_label: str
    planned_on: date | None


@dataclass(frozen=True)
class HomeReminder:
    kind: str  # "probation" | "badge" | "absence" | "dues"
    message: str


@dataclass(frozen=True)
class HomeSummary:
    today: date
    next_meeting: NextMeeting | None
    reminders: tuple[HomeReminder, ...]
    review: RatingGaps | None  # the review season's progress
    last_backup: datetime | None
    last_export: tuple[str, datetime] | None  # (file name, when)
    notes: tuple[str, ...] = field(default_factory=tuple)  # parts that could not be read
    sample: bool = False  # the sample cell (dữ liệu mẫu) is open


def next_meeting(db: Database, today: date) -> NextMeeting | None:
    """This month's regular meeting if not held yet, else the next month's."""
    for year in (today.year, today.year + 1):
        overview = year_overview(db, year)
        first_month = today.month if year == today.year else 1
        for status in overview.months[first_month - 1 :]:
            regular = status.regular
            if regular is None:
                return NextMeeting(
                    year, status.month, None,
                    f"Sinh hoạt chi bộ thường kỳ tháng {status.month} năm {year}",
                    status.state_label, None,
                )
            if regular.state == MeetingState.PLANNED:
                return NextMeeting(
                    year, status.month, regular.id, regular.title,
                    regular.state_label, regular.planned_on,
                )
    return None


def collect_reminders(db: Database, today: date) -> list[HomeReminder]:
    from desktop.services.dues.arrears import dues_reminders
    from desktop.services.members.reminders import reminders

    found = [HomeReminder(r.kind, f"Đồng chí {r.full_name}: {r.message}")
             for r in reminders(db, today)]
    found += [HomeReminder("absence", f"Đồng chí {f.full_name}: {f.message}")
              for f in year_overview(db, today.year).flagged]
    found += [HomeReminder("dues", r.message) for r in dues_reminders(db, today)]
    return found


def review_progress(db: Database, year: int, today: date) -> RatingGaps:
    from desktop.services.reviews.gaps import rating_gaps

    return rating_gaps(db, year, today)


def season_year(db: Database, today: date) -> int:
    """The review year shown: the latest year with review records, else this year."""
    from desktop.services.reviews.ratings import review_years

    years = [y for y in review_years(db) if y <= today.year]
    return max(years) if years else today.year


def last_export(db: Database) -> tuple[str, datetime] | None:
    with db.session() as session:
        record = session.scalars(
            select(ExportRecord).order_by(ExportRecord.created_at.desc(),
                                          ExportRecord.id.desc()).limit(1)
        ).first()
        return (record.name, record.created_at) if record else None


def home_summary(db: Database, backups_dir: Path | None, today: date) -> HomeSummary:
    """Everything the home page shows, each part read once; a part that fails says so."""
    notes: list[str] = []

    def attempt(what: str, read, default=None):
        try:
            return read()
        except Exception as error:  # noqa: BLE001 - one broken part must not hide the rest
            notes.append(f"Không đọc được {what}: {error}")
            return default

    meeting = attempt("buổi sinh hoạt sắp tới", lambda: next_meeting(db, today))
    found = attempt("các việc cần nhắc", lambda: collect_reminders(db, today), [])
    review = attempt("tiến độ kiểm điểm",
                     lambda: review_progress(db, season_year(db, today), today))
    backups = attempt("danh sách bản sao lưu",
                      lambda: list_backups(backups_dir) if backups_dir else [], [])
    newest = max((b.made_at for b in backups), default=None)
    export = attempt("nhật ký xuất dữ liệu", lambda: last_export(db))
    from desktop.services.demo.marker import is_sample_data

    sample = bool(attempt("thông tin chi bộ", lambda: is_sample_data(db), False))
    return HomeSummary(today, meeting, tuple(found), review, newest, export, tuple(notes),
                       sample)
