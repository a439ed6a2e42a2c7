"""Months and money as the dues part handles them: (year, month) pairs, whole đồng."""

from __future__ import annotations

import calendar
import re
from datetime import date

from desktop.errors import DomainError
from desktop.rules.dues_model import Month, month_text

__all__ = ["Month", "month_text", "first_day", "last_day", "add_months", "months_between",
           "month_of", "parse_month", "money", "quarter_months"]


def first_day(month: Month) -> date:
    return date(month[0], month[1], 1)


def last_day(month: Month) -> date:
    return date(month[0], month[1], calendar.monthrange(*month)[1])


def month_of(day: date) -> Month:
    return day.year, day.month


def add_months(month: Month, count: int) -> Month:
    index = month[0] * 12 + month[1] - 1 + count
    return index // 12, index % 12 + 1


def months_between(first: Month, last: Month) -> list[Month]:
    """Every month from ``first`` to ``last``, both included."""
    out, month = [], first
    while month <= last:
        out.append(month)
        month = add_months(month, 1)
    return out


def quarter_months(year: int, quarter: int) -> tuple[Month, Month]:
    if not 1 <= quarter <= 4:
        raise DomainError(f"Quý phải từ 1 đến 4 (đang có: {quarter}).")
    return (year, quarter * 3 - 2), (year, quarter * 3)


def parse_month(text: str) -> Month:
    """"2026-03" or "03/2026" as (2026, 3); a Vietnamese ``DomainError`` otherwise."""
    text = (text or "").strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if match:
        a, b = match.groups()
        year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
        if 1 <= month <= 12:
            return year, month
    raise DomainError(f"Tháng phải có dạng YYYY-MM, ví dụ 2026-03 (đang có: {text or 'trống'}).")


def money(amount: int | None) -> str:
    """54322 → "54.322" (đồng, "." between thousands as Vietnamese papers write it)."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(int(amount)):,}".replace(",", ".")
