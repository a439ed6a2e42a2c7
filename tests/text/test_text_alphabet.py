"""Tests for desktop.text.alphabet."""

import unicodedata

from vietnamese_samples import LOWER, PARAGRAPH, UPPER

from desktop.text.alphabet import (
    HOI,
    HUYEN,
    LETTER_PARTS,
    LOWER_LETTERS,
    NANG,
    NGA,
    NO_TONE,
    SAC,
    UPPER_LETTERS,
    compose,
    split_marks,
)


def test_there_are_134_non_ascii_letters():
    assert len(LOWER_LETTERS) == len(UPPER_LETTERS) == 67
    assert set(LOWER_LETTERS) == set(LOWER)
    assert set(UPPER_LETTERS) == set(UPPER)


def test_sample_paragraph_uses_every_letter():
    text = PARAGRAPH.lower()
    assert [letter for letter in LOWER if letter not in text] == []


def test_letters_split_into_base_and_tone():
    assert split_marks("ễ") == ("ê", NGA)
    assert split_marks("Ặ") == ("ă", NANG)
    assert split_marks("ờ") == ("ơ", HUYEN)
    assert split_marks("Ứ") == ("ư", SAC)
    assert split_marks("ỷ") == ("y", HOI)
    assert split_marks("Đ") == ("đ", NO_TONE)


def test_compose_is_the_inverse_of_split():
    for letter in LOWER:
        assert compose(*split_marks(letter)) == letter


def test_letter_parts_cover_exactly_the_vietnamese_letters():
    assert "ñ" not in LETTER_PARTS
    assert "ç" not in LETTER_PARTS
    assert LETTER_PARTS["Q"] == ("q", NO_TONE)
    for letter in LOWER + UPPER:
        assert unicodedata.is_normalized("NFC", letter)
        assert letter in LETTER_PARTS
