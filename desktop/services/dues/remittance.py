"""Nộp đảng phí lên cấp trên: collected, kept by the cell (trích để lại), remitted.

Collected is what was handed over in the months of the period (by the payment's date), so
a prepayment is remitted with the month it was collected in. The share kept is the
cell's choice within the pack's range (``settings.retention``), per month's pack, rounded
as that pack says; the rest goes upward.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import DomainError
from desktop.models import DuesPayment, DuesRemittance
from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues import settings
from desktop.services.dues.actions import remember
from desktop.services.dues.common import Month, first_day, last_day, month_text, months_between
from desktop.storage.database import Database
from desktop.text import clean_spaces


@dataclass(frozen=True)
class RemittanceMonth:
    month: Month
    collected: int
    share: Decimal
    kept: int
    remitted: int
    retention_text: str
    source: str


@dataclass(frozen=True)
class RemittanceSummary:
    first: Month
    last: Month
    months: tuple[RemittanceMonth, ...]
    recorded_on: date | None = None

    @property
    def collected(self) -> int:
        return sum(m.collected for m in self.months)

    @property
    def kept(self) -> int:
        return sum(m.kept for m in self.months)

    @property
    def remitted(self) -> int:
        return sum(m.remitted for m in self.months)

    @property
    def period_text(self) -> str:
        if self.first == self.last:
            return f"tháng {month_text(self.first)}"
        return f"từ tháng {month_text(self.first)} đến tháng {month_text(self.last)}"


def summary_in(session: Session, first: Month, last: Month) -> RemittanceSummary:
    if last < first:
        raise DomainError("Tháng cuối trước tháng đầu.")
    out = []
    for month in months_between(first, last):
        collected = session.scalar(
            select(func.coalesce(func.sum(DuesPayment.amount), 0)).where(
                DuesPayment.voided_at.is_(None),
                DuesPayment.paid_on >= first_day(month),
                DuesPayment.paid_on <= last_day(month),
            )
        )
        pack = pack_for_month(month)
        choice = settings.retention(session, pack)
        kept = pack.rounding.apply(Decimal(collected) * choice.share)
        out.append(RemittanceMonth(month, int(collected), choice.share, kept, collected - kept,
                                   choice.text, pack.retention.source))
    recorded = session.scalar(
        select(DuesRemittance.remitted_on).where(
            DuesRemittance.voided_at.is_(None),
            DuesRemittance.first_month == first_day(first),
            DuesRemittance.last_month == first_day(last),
        ).order_by(DuesRemittance.id.desc()).limit(1)
    )
    return RemittanceSummary(first, last, tuple(out), recorded)


def remittance_summary(db: Database, first: Month, last: Month) -> RemittanceSummary:
    with db.session() as session:
        return summary_in(session, first, last)


def record_remittance(db: Database, first: Month, last: Month, remitted_on: date,
                      collector: str) -> int:
    """Ghi đã nộp cấp trên the figures of the period as they stand now."""
    with db.session() as session:
        figures = summary_in(session, first, last)
        row = DuesRemittance(
            first_month=first_day(first), last_month=first_day(last),
            collected=figures.collected, kept=figures.kept, remitted=figures.remitted,
            remitted_on=remitted_on, collector=clean_spaces(collector),
        )
        session.add(row)
        session.flush()
        remember(session, f"Ghi nộp đảng phí lên cấp trên {figures.period_text}",
                 remittances=[row.id])
        return row.id
