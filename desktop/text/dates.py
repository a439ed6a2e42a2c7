"""Dates as Vietnamese documents write them, and reading dates from user input or Excel.

Printing follows Hướng dẫn 36-HD/VPTW (DOMAIN §7): the day always has two digits,
the month only for January and February ("ngày 05 tháng 3 năm 2026", "25/02/2022").
Old records sometimes know only the year (or month and year) of a birth or an
admission, hence `PartialDate`. Reading is strictly day-first: Vietnamese never writes
month/day, so "03/04/2020" is 3 April and nothing is guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.text.normalize import clean_spaces
from desktop.text.search import fold

YEAR_MIN = 1900
YEAR_MAX = 2100
"""Years accepted from input; anything outside is a typing or Excel mistake here."""


def month_text(month: int) -> str:
    """The month as printed: two digits for January and February only ("01", "3")."""
    return f"{month:02d}" if month <= 2 else str(month)


def short_date(d: date) -> str:
    """Body-text date: "02/4/2022", "25/02/2022", "05/01/2025"."""
    return f"{d.day:02d}/{month_text(d.month)}/{d.year}"


def long_date(d: date) -> str:
    """Date in words as in a document's date line: "ngày 05 tháng 3 năm 2026"."""
    return f"ngày {d.day:02d} tháng {month_text(d.month)} năm {d.year}"


def place_date_line(place: str | None, d: date) -> str:
    """The italic line under the header: "Vị Thanh, ngày 05 tháng 3 năm 2026".

    Without a place the line starts with a capital: "Ngày 05 tháng 3 năm 2026".
    """
    place = clean_spaces(place)
    if not place:
        return "N" + long_date(d)[1:]
    return f"{place}, {long_date(d)}"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date of which possibly only the year, or the month and year, are known.

    Sorting puts an unknown month or day before the known ones of the same year
    ("1950" < "1950-01" < "1950-01-01"), which keeps mixed lists in a sensible order.
    """

    year: int = field(compare=False)
    month: int | None = field(default=None, compare=False)
    day: int | None = field(default=None, compare=False)
    # Fields holding None cannot be compared with ints, so ordering and equality go
    # through this key instead.
    _key: tuple[int, int, int] = field(init=False, repr=False, compare=True)

    def __post_init__(self) -> None:
        _check_int(self.year, "Năm")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"Năm không hợp lệ: {self.year}")
        if self.month is not None:
            _check_int(self.month, "Tháng")
            if not 1 <= self.month <= 12:
                raise ValueError(f"Tháng không hợp lệ: {self.month}")
        if self.day is not None:
            _check_int(self.day, "Ngày")
            if self.month is None:
                raise ValueError("Có ngày thì phải có tháng")
            try:
                date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(
                    f"Ngày không hợp lệ: {self.day:02d}/{self.month:02d}/{self.year}"
                ) from None
        object.__setattr__(self, "_key", (self.year, self.month or 0, self.day or 0))

    @property
    def is_complete(self) -> bool:
        """True when day, month and year are all known."""
        return self.day is not None

    def to_date(self) -> date | None:
        """The full date, or None when the day or month is unknown."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def iso(self) -> str:
        """ISO 8601 text, as short as what is known: "1950", "1950-03", "1950-03-07"."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self) -> str:
        """As printed in body text: "07/3/1950", "3/1950" or "1950"."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{month_text(self.month)}/{self.year}"
        return f"{self.day:02d}/{month_text(self.month)}/{self.year}"

    @classmethod
    def from_iso(cls, s: str) -> PartialDate:
        """Inverse of `iso`; raises ValueError for anything else."""
        match = _ISO_PARTIAL.fullmatch(s.strip()) if isinstance(s, str) else None
        if match is None:
            raise ValueError(f"Ngày không đúng dạng ISO: {s!r}")
        year, month, day = match.groups()
        return cls(int(year), _int_or_none(month), _int_or_none(day))

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        """A complete PartialDate from a date (or datetime: the time is dropped)."""
        return cls(d.year, d.month, d.day)


def _check_int(value: object, label: str) -> None:
    # bool is an int subclass; True as a month is always a bug.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{label} phải là số nguyên: {value!r}")


def _int_or_none(text: str | None) -> int | None:
    return None if text is None else int(text)


_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# A time part, as left by str(datetime) or a spreadsheet export, is ignored.
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})" + _TIME)
_DAY_FIRST_SHORT_YEAR = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{2}")
_YEAR_FIRST = re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})" + _TIME)
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR_ONLY = re.compile(r"\d{4}")
# "ngày 05 tháng 3 năm 2026", matched on the folded text.
_IN_WORDS = re.compile(r"(?:ngay\s*(\d{1,2})\s*)?thang\s*(\d{1,2})\s*nam\s*(\d{4})")

# Excel's 1900 date system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, has a
# 29 February 1900 as day 60; from day 61 on, day n is 1899-12-30 + n.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31


def _from_excel_serial(value: float, original: object) -> PartialDate:
    if math.isnan(value) or math.isinf(value) or value < 1 or value > _EXCEL_MAX_SERIAL:
        raise ValueError(f"Ngày không hợp lệ: {original}")
    serial = int(value)  # the fraction is the time of day
    if serial == _EXCEL_FAKE_LEAP_DAY:
        raise ValueError(f"Ngày không hợp lệ: {original} (29/02/1900 không có thật)")
    if serial < _EXCEL_FAKE_LEAP_DAY:
        serial += 1
    d = _EXCEL_EPOCH + timedelta(days=serial)
    return _make(d.year, d.month, d.day, str(original))


def _make(year: int, month: int | None, day: int | None, original: str) -> PartialDate:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"Năm phải trong khoảng {YEAR_MIN}–{YEAR_MAX}: {original}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"Tháng không hợp lệ: {original}")
    try:
        return PartialDate(year, month, day)
    except ValueError:
        raise ValueError(f"Ngày không hợp lệ: {original}") from None


def _parse_text(text: str) -> PartialDate:
    if match := _DAY_FIRST.fullmatch(text):
        day, _, month, year = match.groups()
        return _make(int(year), int(month), int(day), text)
    if match := _YEAR_FIRST.fullmatch(text):
        year, _, month, day = match.groups()
        return _make(int(year), int(month), int(day), text)
    if _DAY_FIRST_SHORT_YEAR.fullmatch(text):
        raise ValueError(f"Năm phải ghi đủ 4 chữ số (ví dụ 05/3/1992): {text}")
    if match := _MONTH_YEAR.fullmatch(text):
        month, year = match.groups()
        return _make(int(year), int(month), None, text)
    if match := _YEAR_MONTH.fullmatch(text):
        year, month = match.groups()
        return _make(int(year), int(month), None, text)
    if _YEAR_ONLY.fullmatch(text):
        return _make(int(text), None, None, text)
    if match := _IN_WORDS.fullmatch(fold(text)):
        day, month, year = match.groups()
        return _make(int(year), int(month), _int_or_none(day), text)
    raise ValueError(f"Không đọc được ngày: {text} (hãy ghi ngày/tháng/năm, ví dụ 05/3/2020)")


def parse_date(value: object) -> PartialDate | None:
    """Read a date from user input or an Excel cell; None for an empty value.

    Accepts date/datetime objects, Excel serial numbers (1900 date system), and text
    "dd/mm/yyyy", "d/m/yyyy", "d-m-yyyy", "dd.mm.yyyy", "yyyy-mm-dd", "mm/yyyy",
    "yyyy" and "ngày 05 tháng 3 năm 2026". A whole number from 1900 to 2100 is read
    as a year, not as an Excel serial: rosters type birth years as numbers, while
    serials in that range would be dates in 1905 that no record here can hold.
    Two-digit years are refused as ambiguous. Raises ValueError with a Vietnamese
    message for anything invalid.
    """
    if value is None:
        return None
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime | date):
        return PartialDate.from_date(value)
    if isinstance(value, bool):
        raise ValueError(f"Ngày không hợp lệ: {value}")
    if isinstance(value, int | float):
        if float(value).is_integer() and YEAR_MIN <= value <= YEAR_MAX:
            return PartialDate(int(value))
        return _from_excel_serial(float(value), value)
    if not isinstance(value, str):
        raise ValueError(f"Ngày không hợp lệ: {value!r}")
    text = clean_spaces(value)
    if not text:
        return None
    return _parse_text(text)
