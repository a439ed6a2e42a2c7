"""Tests for desktop.text.numbers."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.text.numbers import format_number, format_percent, vi_locale


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (33923, "33.923"),
        (1234567, "1.234.567"),
        (0, "0"),
        (999, "999"),
        (85.12, "85,12"),
        (2.0, "2"),
        (1234.5, "1.234,5"),
        (-1234.5, "-1.234,5"),
        (Decimal("0.125"), "0,125"),
    ],
)
def test_format_number_uses_dots_for_thousands_and_comma_for_decimals(value, text):
    assert format_number(value) == text


def test_format_number_rounds_half_up():
    assert format_number(2.5, max_decimals=0) == "3"
    assert format_number(0.0125, max_decimals=3) == "0,013"


@pytest.mark.parametrize(
    ("fraction", "text"),
    [
        (0.8512, "85,12%"),
        (0.2, "20%"),
        (1, "100%"),
        (0, "0%"),
        (0.5, "50%"),
        (0.855, "85,5%"),
        (0.33333, "33,33%"),
    ],
)
def test_format_percent_drops_trailing_zeros(fraction, text):
    assert format_percent(fraction) == text


def test_format_percent_rounds_half_up_to_the_given_digits():
    assert format_percent(0.85125) == "85,13%"
    assert format_percent(0.123456, digits=3) == "12,346%"
    assert format_percent(0.126, digits=0) == "13%"


def test_format_refuses_non_numbers():
    with pytest.raises(TypeError):
        format_number("12")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_percent(True)


def test_locale_is_loaded_once():
    assert vi_locale() is vi_locale()


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_read_back_after_removing_the_dots(n):
    assert int(format_number(n).replace(".", "")) == n
