"""Who is behind with dues (nợ đảng phí), and the reminder at three unpaid months.

Điều lệ Đảng, Điều 8 khoản 1: a member who does not pay dues for three months in a year
without a good reason is considered for removal. A month counts once it has ended; a
month with nothing paid counts as unpaid, a month paid in part is listed as short.
The threshold and its wording come from the pack (``removal``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues.common import Month, first_day, last_day
from desktop.services.dues.ledger import YearSheet, year_sheet
from desktop.storage.database import Database


@dataclass(frozen=True)
class Arrears:
    member_id: int
    full_name: str
    unpaid: tuple[Month, ...]
    short: tuple[Month, ...]
    outstanding: int
    flagged: bool
    message: str


def ended_months(year: int, today: date) -> list[Month]:
    """The months of ``year`` that have ended by ``today``."""
    return [(year, m) for m in range(1, 13) if last_day((year, m)) < today]


def arrears(db: Database, year: int, today: date | None = None,
            sheet: YearSheet | None = None, member_ids: Iterable[int] | None = None) -> list[Arrears]:
    """Members with an unpaid or short month among the ended months of ``year`` (only
    among ``member_ids`` when given)."""
    today = today or date.today()
    months = ended_months(year, today)
    if not months:
        return []
    sheet = sheet or year_sheet(db, year, member_ids)
    pack = pack_for_month(months[-1])
    out = []
    for row in sheet.rows:
        unpaid, short, owed = [], [], 0
        for month in months:
            line = row.cells.get(month[1])
            if line is None:
                continue
            if line.state == "unpaid":
                unpaid.append(month)
            elif line.state == "partial":
                short.append(month)
            owed += line.outstanding
        if not unpaid and not short:
            continue
        flagged = len(unpaid) >= pack.removal_months
        listed = ", ".join(f"{m:02d}" for _, m in unpaid)
        message = f"Chưa nộp đảng phí {len(unpaid)} tháng năm {year}" + (
            f" (tháng {listed})" if unpaid else "")
        if short:
            message += f"; nộp thiếu tháng {', '.join(f'{m:02d}' for _, m in short)}"
        if flagged:
            message += f". {pack.removal.text} ({pack.removal.source})."
        out.append(Arrears(row.member_id, row.full_name, tuple(unpaid), tuple(short), owed,
                           flagged, message))
    out.sort(key=lambda a: (not a.flagged, -len(a.unpaid)))
    return out


@dataclass(frozen=True)
class DuesReminder:
    """A reminder for the home page and beside the absence reminders."""

    member_id: int
    full_name: str
    message: str
    source: str


# Above this many members who may be behind, the whole sheet is read (one IN list fewer).
_WHOLE_SHEET_FROM = 400


def possibly_flagged(db: Database, year: int, today: date) -> list[int] | None:
    """The live members who may be at the unpaid-month threshold: those with fewer paid
    ended months than the threshold allows (a month with anything paid is never
    "unpaid"). Counted in SQL from the live payments, so that the dues of the members
    who have paid are not computed month by month; None: read every member."""
    from sqlalchemy import func, select

    from desktop.models import DuesPayment, DuesPaymentMonth, Member

    months = ended_months(year, today)
    if not months:
        return []
    allowed = len(months) - pack_for_month(months[-1]).removal_months
    paid_month = (
        select(DuesPayment.member_id)
        .join(DuesPaymentMonth, DuesPaymentMonth.payment_id == DuesPayment.id)
        .where(
            DuesPayment.voided_at.is_(None),
            DuesPaymentMonth.month >= first_day(months[0]),
            DuesPaymentMonth.month <= last_day(months[-1]),
        )
        .group_by(DuesPayment.member_id, DuesPaymentMonth.month)
        .having(func.sum(DuesPaymentMonth.amount) > 0)
    ).subquery()
    with db.session() as session:
        paid_months = dict(session.execute(
            select(paid_month.c.member_id, func.count()).group_by(paid_month.c.member_id)
        ).tuples().all())
        live = session.scalars(select(Member.id).where(Member.deleted_at.is_(None))).all()
    found = [member for member in live if paid_months.get(member, 0) <= allowed]
    return None if len(found) > _WHOLE_SHEET_FROM else found


def dues_reminders(db: Database, today: date | None = None) -> list[DuesReminder]:
    """Members at or over the pack's unpaid-month threshold in the current year."""
    today = today or date.today()
    candidates = possibly_flagged(db, today.year, today)
    if candidates == []:
        return []
    found = []
    for item in arrears(db, today.year, today, member_ids=candidates):
        if item.flagged:
            pack = pack_for_month(item.unpaid[-1])
            found.append(DuesReminder(item.member_id, item.full_name,
                                      f"Đồng chí {item.full_name}: {item.message}",
                                      pack.removal.source))
    return found


def flag_lines(db: Database, year: int, today: date | None = None) -> list[str]:
    """The Điều 8 lines for ``year`` to show beside the absence warnings of the meetings."""
    from desktop.rules import RuleFileError

    try:
        found = arrears(db, year, today)
    except RuleFileError:
        return []
    return [f"Đồng chí {a.full_name}: {a.message}" for a in found if a.flagged]
