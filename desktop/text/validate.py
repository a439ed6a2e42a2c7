"""Checking and normalising the 12-digit identifiers of a member.

Both the party card number (số thẻ đảng viên) and the citizen id (số CCCD) have 12
digits and may start with 0. Excel stores them as numbers and drops that zero
(093012345678 becomes 93012345678, or 9.3012345678E+10 when shown), so importers pass
whatever the cell holds and get the 12-digit text back.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

ID_LENGTH = 12

_DIGITS = frozenset("0123456789")
# Characters people and spreadsheets put between digit groups.
_SEPARATORS = re.compile(r"[\s.,\-_]")
_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+")


def digits_only(s: str | None) -> str:
    """Keep only the ASCII digits of `s`: "0291 234.567" -> "0291234567"."""
    if not s:
        return ""
    return "".join(ch for ch in s if ch in _DIGITS)


def _scientific_digits(text: str) -> str | None:
    """Digits of a number written in scientific notation, unless some may be lost."""
    text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if number != number.to_integral_value():
        return None
    digits = str(int(number))
    # Excel shows "9.30123E+10" once a number is too wide for its column: the digits
    # after the sixth are rounded away and would come back as zeros. Only a mantissa
    # that spells out every digit is trusted (an id ending in 0 must be retyped).
    mantissa = text.lower().split("e")[0]
    if len(digits_only(mantissa).lstrip("0")) != len(digits):
        return None
    return digits


def _raw_digits(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if value >= 0 else None
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value) or value < 0 or not value.is_integer():
            return None
        return str(int(value))
    if isinstance(value, str):
        text = value.strip()
        if _SCIENTIFIC.fullmatch(text):
            return _scientific_digits(text)
        text = _SEPARATORS.sub("", text)
        if text and all(ch in _DIGITS for ch in text):
            return text
    return None


def _normalize_id(value: object, label: str) -> str:
    digits = _raw_digits(value)
    if digits is not None and len(digits) == ID_LENGTH - 1:
        # Exactly one leading zero lost to Excel; more than one cannot be told apart
        # from a typing mistake.
        digits = "0" + digits
    if digits is None or len(digits) != ID_LENGTH:
        shown = "chưa nhập" if value is None or value == "" else f"giá trị: {value}"
        message = f"{label} phải có {ID_LENGTH} chữ số ({shown})"
        if isinstance(value, str) and _SCIENTIFIC.fullmatch(value.strip()):
            message += "; Excel đã làm tròn số này, hãy nhập lại đủ các chữ số"
        raise ValueError(message)
    return digits


def normalize_card_number(value: str | int | float | None) -> str:
    """The 12-digit party card number from a cell value; ValueError if impossible.

    Spaces, dots and other group separators are removed and a single leading zero
    dropped by Excel is restored: 93012345678 -> "093012345678".
    """
    return _normalize_id(value, "Số thẻ đảng viên")


def normalize_citizen_id(value: str | int | float | None) -> str:
    """The 12-digit citizen id (CCCD) from a cell value; ValueError if impossible."""
    return _normalize_id(value, "Số CCCD")
