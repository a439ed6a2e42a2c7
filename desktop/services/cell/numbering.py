"""Document numbers (số văn bản) counted per type within the cấp ủy's term (nhiệm kỳ).

Hướng dẫn 36-HD/VPTW (2018), Điều 8: a document's number is "<số>-<loại>/<cơ quan>"
(12-BB/CB), and each type is numbered from 01 at the start of the term of the committee
that issues it, not from each January. The term starts are the dates of the cell's
congresses (đại hội chi bộ), kept as a cell setting; a date before any known congress is
counted within its calendar year, as the app did before terms were stored.

A paper is numbered when it is first issued and keeps that number and date for ever
(``IssuedPaper``), so that an old year reprints exactly as it went out. Drafts are not
numbered: they print "Dự thảo" with a blank number. A preview (``previewing``) shows the
number the paper would take without taking it: only printing or saving the paper issues it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import FieldError, ValidationError
from desktop.models import Cell, IssuedPaper
from desktop.services.cell.settings import read_recipients, read_setting, write_setting
from desktop.storage.database import Database
from desktop.text.dates import short_date

TERM_STARTS_KEY = "term_starts"
CELL_BODY = "CB"  # chi bộ

# Loại văn bản (Hướng dẫn 36-HD/VPTW, Phụ lục: tên loại văn bản viết tắt).
MINUTES = "BB"  # biên bản
REPORT = "BC"  # báo cáo
LIST = "DS"  # danh sách
NOTICE = "TB"  # thông báo
PROGRAMME = "CTr"  # chương trình


@dataclass(frozen=True)
class PaperNumber:
    """What the header prints: the number ("05", "" for a draft), type, body and date."""

    number: str
    type_code: str
    body_code: str
    issued_on: date | None
    draft: bool


def term_starts(session: Session) -> list[date]:
    """The congress dates that opened each term, oldest first."""
    text = read_setting(session, TERM_STARTS_KEY, "")
    return sorted(date.fromisoformat(part) for part in text.split(",") if part.strip())


def stored_term_starts(db: Database) -> list[date]:
    """``term_starts`` in its own session, for the settings page."""
    with db.session() as session:
        return term_starts(session)


def check_term_starts(starts: Iterable[date], today: date | None = None) -> list[date]:
    """The dates sorted, once each; ``ValidationError`` (in Vietnamese) when there is none
    or one is after ``today``."""
    days = sorted(set(starts))
    if not days:
        message = "Phải có ngày đại hội chi bộ mở đầu nhiệm kỳ để đánh số văn bản."
        raise ValidationError([FieldError("term_starts", message)])
    today = today or date.today()
    future = [day for day in days if day > today]
    if future:
        message = (
            f"Ngày đại hội {short_date(future[0])} chưa đến (hôm nay là {short_date(today)}). "
            "Chỉ ghi ngày đại hội đã diễn ra."
        )
        raise ValidationError([FieldError("term_starts", message)])
    return days


def set_term_starts(db: Database, starts: Iterable[date], today: date | None = None) -> None:
    """Store the dates of the cell's congresses (ngày đại hội chi bộ mở đầu mỗi nhiệm kỳ).

    A congress not held yet is refused: papers issued before it would be counted in a
    term that has not begun.
    """
    days = check_term_starts(starts, today)
    with db.session() as session:
        write_setting(session, TERM_STARTS_KEY, ",".join(day.isoformat() for day in days))


def count_window(session: Session, on: date) -> tuple[date, date | None]:
    """[start, end) of the numbering period that holds ``on``: its term, else its year."""
    starts = term_starts(session)
    earlier = [day for day in starts if day <= on]
    later = [day for day in starts if day > on]
    if earlier:
        return earlier[-1], (later[0] if later else None)
    start = date(on.year, 1, 1)
    end = date(on.year + 1, 1, 1)
    if later and later[0] < end:
        end = later[0]
    return start, end


def in_window(day: date | None, window: tuple[date, date | None]) -> bool:
    start, end = window
    return day is not None and day >= start and (end is None or day < end)


def next_number(
    numbers_and_days: Iterable[tuple[str | int | None, date | None]],
    window: tuple[date, date | None],
) -> str:
    """One more than the highest number used in the window, two digits ("05")."""
    highest = 0
    for number, day in numbers_and_days:
        text = str(number or "")
        if text.isdigit() and in_window(day, window):
            highest = max(highest, int(text))
    return f"{highest + 1:02d}"


# Set while a paper is built for the screen only (see ``previewing``).
_PREVIEW: ContextVar[bool] = ContextVar("paper_preview", default=False)


@contextmanager
def previewing() -> Iterator[None]:
    """Papers built inside show the next free number and the date they would be issued
    with, but nothing is stored: the secretary may look at a paper and close it without
    using up a number. A paper already issued still shows its own number."""
    token = _PREVIEW.set(True)
    try:
        yield
    finally:
        _PREVIEW.reset(token)


def _next_free(session: Session, type_code: str, body_code: str, issued_on: date) -> str:
    used = session.execute(
        select(IssuedPaper.number, IssuedPaper.issued_on).where(
            IssuedPaper.type_code == type_code, IssuedPaper.body_code == body_code
        )
    )
    return next_number(used, count_window(session, issued_on))


def issued_paper(session: Session, kind: str, subject: str) -> IssuedPaper | None:
    return session.scalars(
        select(IssuedPaper).where(IssuedPaper.kind == kind, IssuedPaper.subject == subject)
    ).first()


def issue(
    session: Session,
    kind: str,
    subject: str,
    type_code: str,
    issued_on: date,
    body_code: str = CELL_BODY,
) -> PaperNumber:
    """Number the paper (``kind`` of ``subject``) on first issue; later calls return the same."""
    row = issued_paper(session, kind, subject)
    if row is None:
        number = _next_free(session, type_code, body_code, issued_on)
        row = IssuedPaper(
            kind=kind,
            subject=subject,
            type_code=type_code,
            body_code=body_code,
            number=int(number),
            issued_on=issued_on,
        )
        session.add(row)
        session.flush()
    return PaperNumber(f"{row.number:02d}", row.type_code, row.body_code, row.issued_on, False)


def draft_number(type_code: str, body_code: str = CELL_BODY) -> PaperNumber:
    """A draft: "Dự thảo", the number left blank, no date of issue."""
    return PaperNumber("", type_code, body_code, None, True)


def paper_number(
    session: Session,
    kind: str,
    subject: str,
    type_code: str,
    act_on: date | None,
    *,
    final: bool,
    today: date | None = None,
    body_code: str = CELL_BODY,
) -> PaperNumber:
    """The number and date a paper prints with.

    Already issued: as issued. Final: issued now, dated the day of the act it records
    (``act_on``: the meeting, the proposal, the decision), never later than ``today``;
    while ``previewing``, the number it would take, not taken. Otherwise a draft.
    """
    row = issued_paper(session, kind, subject)
    if row is not None:
        return PaperNumber(f"{row.number:02d}", row.type_code, row.body_code, row.issued_on, False)
    if not final:
        return draft_number(type_code, body_code)
    today = today or date.today()
    day = min(act_on, today) if act_on is not None else today
    if _PREVIEW.get():
        number = _next_free(session, type_code, body_code, day)
        return PaperNumber(number, type_code, body_code, day, False)
    return issue(session, kind, subject, type_code, day, body_code)


# ---------------------------------------------------------------- a paper's issue


@dataclass(frozen=True)
class Issue:
    """Số, ngày and nơi nhận of one outgoing paper."""

    number: PaperNumber
    recipients: tuple[str, ...]

    @property
    def issued_on(self) -> date | None:
        return self.number.issued_on


def issue_of(
    db: Database,
    kind: str,
    subject: str,
    type_code: str,
    act_on: date | None,
    *,
    final: bool,
    today: date | None = None,
    recipients: str = "report",
) -> Issue:
    """``paper_number`` in its own transaction, with the cell's recipients of that kind."""
    with db.session() as session:
        number = paper_number(
            session, kind, subject, type_code, act_on, final=final, today=today
        )
        cell = session.scalars(select(Cell).limit(1)).first()
        lines = read_recipients(session, recipients, cell.superior_name if cell else "")
    return Issue(number, tuple(lines))
