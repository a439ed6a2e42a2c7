"""What the dues papers print, gathered in one place (no ReportLab here).

The month's list, the year's ledger and the remittance note share a head: the cell, its
secretary (bí thư) and its treasurer, who collects and signs beside the secretary.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.models import DuesMonthClosing, Member, PartyPost
from desktop.rules.dues_model import DuesPack
from desktop.services.cell.details import CellInfo, get_cell
from desktop.services.dues import settings
from desktop.services.dues.common import Month, last_day, money
from desktop.services.dues.ledger import MonthSheet, YearSheet, month_sheet_in, year_sheet_in
from desktop.services.dues.remittance import RemittanceSummary, summary_in
from desktop.storage.database import Database


@dataclass(frozen=True)
class DuesHead:
    cell: CellInfo
    secretary_name: str
    treasurer_name: str


@dataclass(frozen=True)
class MonthPaper:
    head: DuesHead
    sheet: MonthSheet
    issued_on: date


@dataclass(frozen=True)
class YearPaper:
    """``closed``: December is locked, so the year's ledger is final and reprints as issued
    (dated the day it was locked); otherwise it is a running report of ``issued_on``."""

    head: DuesHead
    sheet: YearSheet
    issued_on: date
    closed: bool = False


@dataclass(frozen=True)
class RemittancePaper:
    head: DuesHead
    summary: RemittanceSummary
    issued_on: date


def _head(db: Database, session) -> DuesHead:
    secretary = session.scalar(
        select(Member.full_name).where(
            Member.deleted_at.is_(None), Member.party_post == PartyPost.SECRETARY.value
        ).limit(1)
    )
    return DuesHead(get_cell(db), secretary or "", settings.treasurer(session))


def month_paper(db: Database, month: Month, issued_on: date | None = None) -> MonthPaper:
    with db.session() as session:
        head = _head(db, session)
        sheet = month_sheet_in(session, month)
    return MonthPaper(head, sheet, issued_on or min(date.today(), last_day(month)))


def year_paper(db: Database, year: int, issued_on: date | None = None) -> YearPaper:
    with db.session() as session:
        head = _head(db, session)
        sheet = year_sheet_in(session, year)
        locked_at = session.scalar(
            select(DuesMonthClosing.closed_at).where(DuesMonthClosing.month == date(year, 12, 1))
        )
    if locked_at is not None:
        return YearPaper(head, sheet, issued_on or locked_at.date(), closed=True)
    return YearPaper(head, sheet, issued_on or date.today())


def remittance_paper(db: Database, first: Month, last: Month,
                     issued_on: date | None = None) -> RemittancePaper:
    with db.session() as session:
        head = _head(db, session)
        summary = summary_in(session, first, last)
    when = issued_on or summary.recorded_on or min(date.today(), last_day(last))
    return RemittancePaper(head, summary, when)


def basis_lines(packs: list[DuesPack]) -> list[str]:
    """The rules the amounts follow, as the paper cites them."""
    return [f"Căn cứ: {pack.title} (áp dụng từ tháng {pack.starts[1]:02d}/{pack.starts[0]})."
            for pack in packs if pack is not None]


UNCONFIRMED_RATES = "Một số mức chưa đối chiếu văn bản gốc (xem tệp quy định đảng phí)."


def unconfirmed_rates_note(packs: list[DuesPack]) -> str:
    """For the secretary on the Đảng phí page, not for the paper: which rates the rule
    packs still mark as read from a secondary source (``verify``)."""
    if any(c.verify or "chưa xác nhận" in c.source
           for pack in packs if pack is not None for c in pack.classes):
        return UNCONFIRMED_RATES
    return ""


def amount_text(amount: int | None) -> str:
    return money(amount) if amount else ""
