"""Tests for desktop.text.dates."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.text.dates import (
    PartialDate,
    long_date,
    parse_date,
    place_date_line,
    short_date,
)

# --- printing ------------------------------------------------------------------------


def test_month_has_two_digits_only_for_january_and_february():
    assert short_date(date(2025, 1, 5)) == "05/01/2025"
    assert short_date(date(2022, 2, 25)) == "25/02/2022"
    assert short_date(date(2022, 4, 2)) == "02/4/2022"
    assert short_date(date(2022, 12, 31)) == "31/12/2022"


def test_day_always_has_two_digits():
    assert short_date(date(2022, 3, 1)) == "01/3/2022"
    assert long_date(date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"


def test_long_date_follows_the_same_month_rule():
    assert long_date(date(2025, 1, 14)) == "ngày 14 tháng 01 năm 2025"
    assert long_date(date(2022, 2, 25)) == "ngày 25 tháng 02 năm 2022"
    assert long_date(date(2024, 11, 30)) == "ngày 30 tháng 11 năm 2024"


def test_place_date_line():
    assert place_date_line("Vị Thanh", date(2026, 3, 5)) == "Vị Thanh, ngày 05 tháng 3 năm 2026"
    assert place_date_line("  Vị  Thanh ", date(2025, 1, 14)) == (
        "Vị Thanh, ngày 14 tháng 01 năm 2025"
    )


def test_place_date_line_without_place_starts_with_a_capital():
    assert place_date_line("", date(2026, 3, 5)) == "Ngày 05 tháng 3 năm 2026"
    assert place_date_line(None, date(2026, 3, 5)) == "Ngày 05 tháng 3 năm 2026"


# --- PartialDate ---------------------------------------------------------------------


def test_partial_date_iso_is_as_short_as_what_is_known():
    assert PartialDate(1950).iso() == "1950"
    assert PartialDate(1950, 3).iso() == "1950-03"
    assert PartialDate(1950, 3, 7).iso() == "1950-03-07"


def test_partial_date_display_follows_the_printing_rule():
    assert PartialDate(1950).display() == "1950"
    assert PartialDate(1950, 3).display() == "3/1950"
    assert PartialDate(1950, 1).display() == "01/1950"
    assert PartialDate(1950, 3, 7).display() == "07/3/1950"


def test_partial_date_to_date_only_when_complete():
    assert PartialDate(1950, 3, 7).to_date() == date(1950, 3, 7)
    assert PartialDate(1950, 3).to_date() is None
    assert PartialDate(1950).to_date() is None
    assert PartialDate(1950, 3, 7).is_complete
    assert not PartialDate(1950, 3).is_complete


@pytest.mark.parametrize("text", ["1950", "1950-03", "1950-03-07", "2000-02-29"])
def test_from_iso_inverts_iso(text):
    assert PartialDate.from_iso(text).iso() == text


@pytest.mark.parametrize("text", ["", "50", "1950-3", "1950-03-07x", "07/03/1950", "1950-02-30"])
def test_from_iso_rejects_anything_else(text):
    with pytest.raises(ValueError):
        PartialDate.from_iso(text)


def test_from_date_accepts_datetime_and_drops_the_time():
    assert PartialDate.from_date(datetime(1992, 1, 1, 13, 30)) == PartialDate(1992, 1, 1)
    assert PartialDate.from_date(date(1992, 1, 1)) == PartialDate(1992, 1, 1)


def test_partial_dates_sort_with_unknown_parts_first():
    dates = [PartialDate(1950, 1, 1), PartialDate(1950), PartialDate(1949, 12, 31),
             PartialDate(1950, 1)]  # fmt: skip
    assert sorted(dates) == [
        PartialDate(1949, 12, 31),
        PartialDate(1950),
        PartialDate(1950, 1),
        PartialDate(1950, 1, 1),
    ]


def test_partial_dates_are_hashable_values():
    assert PartialDate(1950, 3) == PartialDate(1950, 3)
    assert PartialDate(1950) != PartialDate(1950, 1)
    assert len({PartialDate(1950, 3), PartialDate(1950, 3)}) == 1
    assert repr(PartialDate(1950, 3)) == "PartialDate(year=1950, month=3, day=None)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2020, 2, 30), "Ngày không hợp lệ: 30/02/2020"),
        ((2020, 13), "Tháng không hợp lệ: 13"),
        ((2020, None, 5), "Có ngày thì phải có tháng"),
        ((0,), "Năm không hợp lệ: 0"),
        ((2020, True), "Tháng phải là số nguyên"),
    ],
)
def test_partial_date_refuses_impossible_dates(args, message):
    with pytest.raises(ValueError, match=message):
        PartialDate(*args)


def test_partial_date_is_immutable():
    with pytest.raises(AttributeError):
        PartialDate(1950).year = 1951  # type: ignore[misc]


# --- parsing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07/03/1950", PartialDate(1950, 3, 7)),
        ("7/3/1950", PartialDate(1950, 3, 7)),
        ("7-3-1950", PartialDate(1950, 3, 7)),
        ("07.03.1950", PartialDate(1950, 3, 7)),
        ("1950-03-07", PartialDate(1950, 3, 7)),
        ("1950-03-07 00:00:00", PartialDate(1950, 3, 7)),
        ("1950-03-07T00:00:00", PartialDate(1950, 3, 7)),
        ("  07/3/1950  ", PartialDate(1950, 3, 7)),
        ("1950", PartialDate(1950)),
        ("03/1950", PartialDate(1950, 3)),
        ("3-1950", PartialDate(1950, 3)),
        ("1950-03", PartialDate(1950, 3)),
        ("ngày 05 tháng 3 năm 2026", PartialDate(2026, 3, 5)),
        ("Tháng 3 năm 2026", PartialDate(2026, 3)),
    ],
)
def test_parse_date_reads_the_usual_forms(text, expected):
    assert parse_date(text) == expected


def test_parse_date_is_day_first():
    assert parse_date("03/04/2020") == PartialDate(2020, 4, 3)
    with pytest.raises(ValueError, match="không hợp lệ: 12/25/2020"):
        parse_date("12/25/2020")


def test_parse_date_rejects_impossible_days_with_a_vietnamese_message():
    with pytest.raises(ValueError, match="Ngày không hợp lệ: 31/02/2020"):
        parse_date("31/02/2020")
    with pytest.raises(ValueError, match="Ngày không hợp lệ: 29/02/2023"):
        parse_date("29/02/2023")
    assert parse_date("29/02/2024") == PartialDate(2024, 2, 29)


@pytest.mark.parametrize("text", ["05/03/92", "5-3-92", "05.03.92"])
def test_two_digit_years_are_refused(text):
    with pytest.raises(ValueError, match="4 chữ số"):
        parse_date(text)


@pytest.mark.parametrize("text", ["1850", "2101", "07/03/1850", "13/2020"])
def test_out_of_range_years_and_months_are_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize("text", ["abc", "07/03", "07/03-1950", "1950/03/07/01", "33604"])
def test_unreadable_text_is_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_parse_date_of_nothing_is_none():
    assert parse_date(None) is None
    assert parse_date("") is None
    assert parse_date("   ") is None


def test_parse_date_accepts_date_objects():
    assert parse_date(date(1992, 1, 1)) == PartialDate(1992, 1, 1)
    assert parse_date(datetime(1992, 1, 1, 8, 0)) == PartialDate(1992, 1, 1)
    assert parse_date(PartialDate(1950)) == PartialDate(1950)


def test_excel_serial_numbers_use_the_1900_date_system():
    assert parse_date(33604) == PartialDate(1992, 1, 1)
    assert parse_date(33604.75) == PartialDate(1992, 1, 1)  # the fraction is the time
    assert parse_date(45658) == PartialDate(2025, 1, 1)
    assert parse_date(61) == PartialDate(1900, 3, 1)
    assert parse_date(59) == PartialDate(1900, 2, 28)
    assert parse_date(1) == PartialDate(1900, 1, 1)


def test_excel_serial_60_is_the_lotus_leap_day_that_never_was():
    with pytest.raises(ValueError):
        parse_date(60)


def test_whole_numbers_that_look_like_years_are_years():
    assert parse_date(1950) == PartialDate(1950)
    assert parse_date(1950.0) == PartialDate(1950)


@pytest.mark.parametrize("value", [0, -5, float("nan"), float("inf"), True, 10**9, [2020]])
def test_impossible_numbers_and_types_are_refused(value):
    with pytest.raises(ValueError):
        parse_date(value)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_printed_dates_read_back(d):
    expected = PartialDate.from_date(d)
    assert parse_date(short_date(d)) == expected
    assert parse_date(long_date(d)) == expected
    assert parse_date(expected.display()) == expected
    assert PartialDate.from_iso(expected.iso()) == expected


# Serials 1900–2100 are read as years (see parse_date), so start after them.
@given(st.dates(min_value=date(1906, 1, 1), max_value=date(2100, 12, 31)))
def test_excel_serials_count_days_from_1899_12_30(d):
    serial = (d - date(1899, 12, 30)).days
    assert parse_date(serial) == PartialDate.from_date(d)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_partial_date_order_agrees_with_date_order(a, b):
    assert (PartialDate.from_date(a) < PartialDate.from_date(b)) == (a < b)
