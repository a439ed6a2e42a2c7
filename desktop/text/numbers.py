"""Numbers and percentages in Vietnamese style: "33.923", "85,12%".

Formatting goes through Babel with the vi_VN locale; loading a locale is slow, so it
is loaded once, on first use.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_decimal

LOCALE_NAME = "vi_VN"


@lru_cache(maxsize=1)
def vi_locale() -> Locale:
    """The vi_VN Babel locale, loaded once."""
    return Locale.parse(LOCALE_NAME)


def _pattern(max_decimals: int) -> str:
    return "#,##0" + ("." + "#" * max_decimals if max_decimals > 0 else "")


def _round_half_up(value: Decimal, decimals: int) -> Decimal:
    # Babel rounds half to even (85,125 -> 85,12); reports are checked by hand, and
    # people round half up.
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _to_decimal(n: int | float | Decimal) -> Decimal:
    if isinstance(n, bool) or not isinstance(n, int | float | Decimal):
        raise TypeError(f"not a number: {n!r}")
    # Going through str() keeps what the float looks like (0.1, not 0.1000000000000000055).
    return n if isinstance(n, Decimal) else Decimal(str(n))


def format_number(n: int | float | Decimal, max_decimals: int = 3) -> str:
    """Format with "." between thousands and "," before decimals: 33923 -> "33.923".

    Decimals are rounded half up to at most `max_decimals` and trailing zeros dropped:
    85.12 -> "85,12", 2.0 -> "2".
    """
    value = _round_half_up(_to_decimal(n), max_decimals)
    return format_decimal(value, format=_pattern(max_decimals), locale=vi_locale())


def format_percent(x: int | float | Decimal, digits: int = 2) -> str:
    """Format a fraction as a percentage: 0.8512 -> "85,12%", 0.2 -> "20%".

    At most `digits` decimals, rounded half up, trailing zeros dropped.
    """
    value = _round_half_up(_to_decimal(x) * 100, digits)
    return format_decimal(value, format=_pattern(digits), locale=vi_locale()) + "%"
