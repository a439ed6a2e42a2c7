"""Thu đảng phí: recording payments, closing a month, corrections after closing.

Every call is one user action, saved whole or not at all, and remembered in
``DuesAction`` so that "Hoàn tác" (``desktop.services.dues.actions.undo_last``) can take
it back. A change that touches a closed month (khóa sổ) needs a reason and is logged in
``DuesCorrection`` with who, when, and the member-month before and after, as corrections
to approved minutes are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import DomainError, NotFound
from desktop.models import DuesCorrection, DuesMonthClosing, DuesPayment, DuesPaymentMonth, Member
from desktop.models.base import local_now
from desktop.services.dues.actions import remember
from desktop.services.dues.common import Month, first_day, money, month_of, month_text
from desktop.services.dues.due import DueCalculator
from desktop.services.dues.ledger import closed_months, month_sheet_in, paid_by_member_month
from desktop.storage.database import Database
from desktop.text import clean_spaces, short_date

CLOSED_NEEDS_REASON = "Tháng {months} đã khóa sổ: ghi lý do sửa để lưu vào sổ theo dõi sửa chữa."


@dataclass(frozen=True)
class PaymentData:
    """One payment: ``amount`` đồng for ``months`` (in order; several = đóng trước)."""

    member_id: int
    months: tuple[Month, ...]
    amount: int
    paid_on: date
    receipt_number: str = ""
    collector: str = ""
    note: str = ""


def record_payments(
    db: Database, payments: Sequence[PaymentData], *, by: str = "", reason: str = "",
    description: str = "",
) -> list[int]:
    """Save the payments as one action; returns their ids."""
    if not payments:
        return []
    for p in payments:
        _check(p)
    with db.session() as session:
        members = {p.member_id for p in payments}
        found = set(session.scalars(select(Member.id).where(Member.id.in_(members))))
        if members - found:
            raise NotFound("Không tìm thấy đảng viên.")
        touched = {(p.member_id, m) for p in payments for m in p.months}
        log = _CorrectionLog(session, touched, by=by, reason=reason)
        calc = DueCalculator(session, member_ids=members)
        ids = [_add(session, calc, p) for p in payments]
        log.write()
        text = description or (
            f"Ghi {len(ids)} lần nộp đảng phí" if len(ids) > 1 else "Ghi một lần nộp đảng phí"
        )
        remember(session, text, created=ids, corrections=log.ids)
        return ids


def mark_all_paid(
    db: Database, month: Month, paid_on: date, collector: str, *,
    except_ids: Iterable[int] = (), receipts: Mapping[int, str] | None = None,
    by: str = "", reason: str = "",
) -> int:
    """Đánh dấu đã nộp: everyone who still owes ``month`` pays what is outstanding, except
    ``except_ids``. Returns how many payments were recorded."""
    skip, receipts = set(except_ids), receipts or {}
    with db.session() as session:
        sheet = month_sheet_in(session, month)
    payments = [
        PaymentData(line.due.member_id, (month,), line.outstanding, paid_on,
                    receipts.get(line.due.member_id, ""), collector)
        for line in sheet.lines
        if line.outstanding > 0 and line.due.member_id not in skip
    ]
    record_payments(db, payments, by=by, reason=reason,
                    description=f"Đánh dấu đã nộp đảng phí tháng {month_text(month)} "
                    f"({len(payments)} đồng chí)")
    return len(payments)


def void_payment(db: Database, payment_id: int, *, by: str = "", reason: str = "") -> None:
    """Xóa a payment typed by mistake (kept as voided, so undo can restore it)."""
    with db.session() as session:
        payment = session.get(DuesPayment, payment_id)
        if payment is None or payment.voided_at is not None:
            raise NotFound("Không tìm thấy lần nộp này.")
        touched = {(payment.member_id, month_of(m.month)) for m in payment.months}
        log = _CorrectionLog(session, touched, by=by, reason=reason)
        payment.voided_at = local_now()
        session.flush()
        log.write()
        text = f"Xóa lần nộp {money(payment.amount)} đ ngày {short_date(payment.paid_on)}"
        remember(session, text,
                 voided=[payment.id], corrections=log.ids)


def close_month(db: Database, month: Month, by: str = "") -> None:
    """Khóa sổ tháng: later changes to it are logged as corrections."""
    with db.session() as session:
        if session.get(DuesMonthClosing, first_day(month)) is not None:
            raise DomainError(f"Tháng {month_text(month)} đã khóa sổ.")
        session.add(DuesMonthClosing(month=first_day(month), closed_by=clean_spaces(by)))
        session.flush()
        remember(session, f"Khóa sổ đảng phí tháng {month_text(month)}", closed=[month])


@dataclass(frozen=True)
class CorrectionRow:
    """One line of the corrections log (sổ theo dõi sửa chữa)."""

    made_at: datetime
    made_by: str
    month: Month
    full_name: str
    before: str
    after: str
    reason: str


def corrections(db: Database, year: int | None = None) -> list[CorrectionRow]:
    """The corrections log, newest first."""
    with db.session() as session:
        query = (
            select(DuesCorrection, Member.full_name)
            .outerjoin(Member, Member.id == DuesCorrection.member_id)
            .order_by(DuesCorrection.made_at.desc(), DuesCorrection.id.desc())
        )
        if year is not None:
            query = query.where(DuesCorrection.month >= date(year, 1, 1),
                                DuesCorrection.month <= date(year, 12, 1))
        return [
            CorrectionRow(c.made_at, c.made_by, month_of(c.month), name or "", c.before,
                          c.after, c.reason)
            for c, name in session.execute(query)
        ]


# ---------------------------------------------------------------- inside one action


def _check(p: PaymentData) -> None:
    if not isinstance(p.amount, int) or isinstance(p.amount, bool) or p.amount <= 0:
        raise DomainError("Số tiền nộp phải là số nguyên dương (đồng).")
    if not p.months:
        raise DomainError("Chọn ít nhất một tháng được nộp.")
    if len(set(p.months)) != len(p.months):
        raise DomainError("Một tháng được chọn hai lần.")


def _add(session: Session, calc: DueCalculator, p: PaymentData) -> int:
    months = sorted(p.months)
    paid = paid_by_member_month(session, months[0], months[-1], member_ids=(p.member_id,))
    member = next(m for m in calc.members if m.id == p.member_id)
    shares: list[int] = []
    left = p.amount
    for month in months:
        due = calc.due(member, month, calc.pack(month))
        owed = 0
        if due is not None and due.owes and not due.problem:
            owed = max(0, due.amount - paid.get((p.member_id, month), _NOTHING).amount)
        share = min(left, owed)
        shares.append(share)
        left -= share
    # More than is due (đóng cao hơn mức quy định, or a month whose amount is not known
    # yet) counts for the last month chosen.
    shares[-1] += left
    payment = DuesPayment(
        member_id=p.member_id, paid_on=p.paid_on, amount=p.amount,
        receipt_number=clean_spaces(p.receipt_number), collector=clean_spaces(p.collector),
        note=p.note.strip(),
    )
    payment.months = [
        DuesPaymentMonth(month=first_day(m), amount=s) for m, s in zip(months, shares, strict=True)
    ]
    session.add(payment)
    session.flush()
    return payment.id


class _Nothing:
    amount = 0


_NOTHING = _Nothing()


class _CorrectionLog:
    """Before and after of every closed member-month an action touches."""

    def __init__(self, session: Session, touched: set[tuple[int, Month]], *, by: str,
                 reason: str) -> None:
        self.session, self.by, self.reason = session, clean_spaces(by), reason.strip()
        self.ids: list[int] = []
        months = sorted({m for _, m in touched})
        closed = closed_months(session, months[0], months[-1]) if months else {}
        self.keys = sorted(k for k in touched if k[1] in closed)
        if self.keys and not self.reason:
            names = ", ".join(sorted({month_text(m) for _, m in self.keys}))
            raise DomainError(CLOSED_NEEDS_REASON.format(months=names))
        self.before = {k: self._describe(k) for k in self.keys}

    def _describe(self, key: tuple[int, Month]) -> str:
        member_id, month = key
        got = paid_by_member_month(self.session, month, month).get(key)
        if got is None or not got.amount:
            return "Chưa nộp"
        receipts = f", biên lai {got.text()}" if got.text() else ""
        day = f" ngày {short_date(got.paid_on)}" if got.paid_on else ""
        return f"Đã nộp {money(got.amount)} đ{day}{receipts}"

    def write(self) -> None:
        self.session.flush()
        for key in self.keys:
            row = DuesCorrection(
                month=first_day(key[1]), member_id=key[0], made_by=self.by,
                before=self.before[key], after=self._describe(key), reason=self.reason,
            )
            self.session.add(row)
            self.session.flush()
            self.ids.append(row.id)
