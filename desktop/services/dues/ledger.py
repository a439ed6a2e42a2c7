"""The dues ledger as plain rows: the month's list and the year grid (sổ theo dõi).

Danh sách thu, nộp đảng phí tháng …: member, class, base, rate, due, paid, date, receipt.
Sổ theo dõi thu, nộp đảng phí năm …: member × 12 months, paid per month, with totals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import DuesMonthClosing, DuesPayment, DuesPaymentMonth
from desktop.rules.dues_model import DuesPack
from desktop.services.dues.common import Month, first_day, last_day, month_of, months_between
from desktop.services.dues.due import DueCalculator, MonthDue
from desktop.storage.database import Database

# How the year grid marks a month without a payment, on screen and on paper.
UNPAID_MARK, NOTHING_DUE_MARK = "–", "M"


@dataclass(frozen=True)
class Paid:
    """What was paid for one member-month, from every live payment."""

    amount: int = 0
    paid_on: date | None = None
    receipts: tuple[str, ...] = ()
    collectors: tuple[str, ...] = ()
    payment_ids: tuple[int, ...] = ()

    def text(self) -> str:
        return ", ".join(r for r in self.receipts if r)


@dataclass(frozen=True)
class LedgerLine:
    due: MonthDue
    paid: Paid

    @property
    def state(self) -> str:
        """ "paid" | "partial" | "unpaid" | "exempt" | "unknown" (amount not yet known)."""
        if not self.due.owes:
            return "exempt"
        if self.due.problem:
            return "paid" if self.paid.amount else "unknown"
        if self.paid.amount >= self.due.amount:
            return "paid"
        return "partial" if self.paid.amount else "unpaid"

    @property
    def outstanding(self) -> int:
        if not self.due.owes or self.due.problem:
            return 0
        return max(0, self.due.amount - self.paid.amount)


@dataclass
class MonthSheet:
    month: Month
    pack: DuesPack | None
    lines: list[LedgerLine]
    closed: bool
    closed_by: str = ""

    @property
    def total_due(self) -> int:
        return sum(line.due.amount for line in self.lines if line.due.owes)

    @property
    def total_paid(self) -> int:
        return sum(line.paid.amount for line in self.lines)


@dataclass
class YearRow:
    member_id: int
    full_name: str
    cells: dict[int, LedgerLine] = field(default_factory=dict)  # month number → line

    @property
    def total_due(self) -> int:
        return sum(c.due.amount for c in self.cells.values() if c.due.owes)

    @property
    def total_paid(self) -> int:
        return sum(c.paid.amount for c in self.cells.values())


@dataclass
class YearSheet:
    year: int
    rows: list[YearRow]
    packs: list[DuesPack]

    def month_paid(self, month: int) -> int:
        return sum(r.cells[month].paid.amount for r in self.rows if month in r.cells)

    def month_due(self, month: int) -> int:
        return sum(r.cells[month].due.amount for r in self.rows
                   if month in r.cells and r.cells[month].due.owes)

    @property
    def total_paid(self) -> int:
        return sum(r.total_paid for r in self.rows)

    @property
    def total_due(self) -> int:
        return sum(r.total_due for r in self.rows)


def paid_by_member_month(
    session: Session, first: Month, last: Month, member_ids: Iterable[int] | None = None
) -> dict[tuple[int, Month], Paid]:
    """Live payments for the months ``first``..``last``, by (member id, month); only those
    of ``member_ids`` when given (one payment being recorded need not read the cell's)."""
    query = (
        select(
            DuesPayment.id, DuesPayment.member_id, DuesPayment.paid_on,
            DuesPayment.receipt_number, DuesPayment.collector,
            DuesPaymentMonth.month, DuesPaymentMonth.amount,
        )
        .join(DuesPaymentMonth, DuesPaymentMonth.payment_id == DuesPayment.id)
        .where(
            DuesPayment.voided_at.is_(None),
            DuesPaymentMonth.month >= first_day(first),
            DuesPaymentMonth.month <= last_day(last),
        )
        .order_by(DuesPayment.paid_on, DuesPayment.id)
    )
    if member_ids is not None:
        query = query.where(DuesPayment.member_id.in_(list(member_ids)))
    rows = session.execute(query)
    out: dict[tuple[int, Month], Paid] = {}
    for r in rows:
        key = (r.member_id, month_of(r.month))
        old = out.get(key, Paid())
        out[key] = Paid(
            amount=old.amount + r.amount,
            paid_on=max(filter(None, (old.paid_on, r.paid_on))),
            receipts=old.receipts + ((r.receipt_number,) if r.receipt_number not in old.receipts else ()),
            collectors=old.collectors + ((r.collector,) if r.collector not in old.collectors else ()),
            payment_ids=old.payment_ids + (r.id,),
        )
    return out


def closed_months(session: Session, first: Month, last: Month) -> dict[Month, str]:
    rows = session.execute(
        select(DuesMonthClosing.month, DuesMonthClosing.closed_by).where(
            DuesMonthClosing.month >= first_day(first), DuesMonthClosing.month <= first_day(last)
        )
    )
    return {month_of(r.month): r.closed_by for r in rows}


def month_sheet_in(session: Session, month: Month, calc: DueCalculator | None = None) -> MonthSheet:
    calc = calc or DueCalculator(session)
    paid = paid_by_member_month(session, month, month)
    lines = [LedgerLine(due, paid.get((due.member_id, month), Paid())) for due in calc.month(month)]
    listed = {line.due.member_id for line in lines}
    # A payment kept for a member no longer listed (moved away) still shows in the month.
    for (member_id, _m), extra in paid.items():
        if member_id not in listed:
            name = next((m.full_name for m in calc.members if m.id == member_id), "")
            lines.append(LedgerLine(MonthDue(member_id, name, month, 0, exempt="Không còn sinh hoạt tại chi bộ"), extra))
    closed = closed_months(session, month, month)
    return MonthSheet(month, calc.pack(month), lines, month in closed, closed.get(month, ""))


def month_sheet(db: Database, month: Month) -> MonthSheet:
    """The month's list with what each member owes and paid."""
    with db.session() as session:
        return month_sheet_in(session, month)


def year_sheet_in(session: Session, year: int,
                  member_ids: Iterable[int] | None = None) -> YearSheet:
    """The year's sheet; only the rows of ``member_ids`` when given (the home page's
    reminder reads only the members who may be behind)."""
    calc = DueCalculator(session, member_ids=member_ids)
    months = months_between((year, 1), (year, 12))
    paid = paid_by_member_month(session, months[0], months[-1], member_ids)
    rows: dict[int, YearRow] = {}
    packs: list[DuesPack] = []
    for month in months:
        pack = calc.pack(month)
        if pack is not None and pack not in packs:
            packs.append(pack)
        for member in calc.members:
            due = calc.due(member, month, pack)
            got = paid.get((member.id, month))
            if due is None and got is None:
                continue
            if due is None:
                due = MonthDue(member.id, member.full_name, month, 0,
                               exempt="Không còn sinh hoạt tại chi bộ")
            row = rows.setdefault(member.id, YearRow(member.id, member.full_name))
            row.cells[month[1]] = LedgerLine(due, got or Paid())
    order = {m.id: i for i, m in enumerate(calc.members)}
    return YearSheet(year, sorted(rows.values(), key=lambda r: order[r.member_id]), packs)


def year_sheet(db: Database, year: int, member_ids: Iterable[int] | None = None) -> YearSheet:
    with db.session() as session:
        return year_sheet_in(session, year, member_ids)


def outstanding_for(db: Database, member_id: int, months: list[Month]) -> int:
    """What ``member_id`` still owes for ``months`` (the amount a prepayment suggests)."""
    if not months:
        return 0
    with db.session() as session:
        calc = DueCalculator(session, member_ids=[member_id])
        if not calc.members:
            return 0
        paid = paid_by_member_month(session, min(months), max(months))
        total = 0
        for month in months:
            due = calc.due(calc.members[0], month, calc.pack(month))
            if due is not None and due.owes and not due.problem:
                got = paid.get((member_id, month))
                total += max(0, due.amount - (got.amount if got else 0))
        return total
