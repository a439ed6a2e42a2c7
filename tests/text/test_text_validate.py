"""Tests for desktop.text.validate."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.text.validate import digits_only, normalize_card_number, normalize_citizen_id


def test_digits_only_keeps_ascii_digits():
    assert digits_only("0291 234.567-8") == "02912345678"
    assert digits_only("") == ""
    assert digits_only(None) == ""


@pytest.mark.parametrize(
    "value",
    [
        "093012345678",
        " 093 012 345 678 ",
        "093.012.345.678",
        "093-012-345-678",
        93012345678,
        93012345678.0,
        9.3012345678e10,
        "93012345678",
        "9.3012345678E+10",
        "9,3012345678E+10",
    ],
)
def test_card_number_is_normalised_to_twelve_digits(value):
    assert normalize_card_number(value) == "093012345678"


def test_twelve_digit_numbers_without_leading_zero_are_kept():
    assert normalize_card_number(193012345678) == "193012345678"
    assert normalize_card_number(9.30123456789e11) == "930123456789"


@pytest.mark.parametrize(
    "value",
    ["", None, "12345", "0930123456789", "09301234567a", 93012345678.5, -93012345678,
     True, float("nan"), 3012345678, [93012345678]],
)  # fmt: skip
def test_card_number_with_wrong_length_or_content_is_refused(value):
    with pytest.raises(ValueError, match="Số thẻ đảng viên phải có 12 chữ số"):
        normalize_card_number(value)


def test_number_rounded_by_excel_is_refused_with_a_hint():
    with pytest.raises(ValueError, match="Excel đã làm tròn"):
        normalize_card_number("9.30123E+10")


def test_citizen_id_follows_the_same_rules_with_its_own_message():
    assert normalize_citizen_id(93012345678) == "093012345678"
    assert normalize_citizen_id("093 012 345 678") == "093012345678"
    with pytest.raises(ValueError, match="Số CCCD phải có 12 chữ số"):
        normalize_citizen_id("12345")


@given(st.from_regex(r"0?[1-9][0-9]{10}", fullmatch=True).filter(lambda s: len(s) == 12))
def test_numbers_that_lost_their_leading_zero_in_excel_come_back(text):
    assert normalize_card_number(int(text)) == text
    assert normalize_card_number(float(int(text))) == text
    assert normalize_citizen_id(text) == text
