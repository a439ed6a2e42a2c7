"""Tests for desktop.text.syllable."""

import re
import unicodedata

import pytest
from vietnamese_samples import PARAGRAPH

from desktop.text.syllable import is_syllable


def test_every_word_of_real_prose_is_a_syllable():
    words = re.findall(r"\w+", PARAGRAPH)
    assert [w for w in words if not is_syllable(w)] == []


@pytest.mark.parametrize(
    "word",
    ["Nguyễn", "NGUYỄN", "quốc", "giữa", "gì", "khuya", "khuỷu", "xoong", "người",
     "thuở", "yêu", "oách", "khuếch", "ngoằn", "tuần", "quyết", "a", "ở", "ừ"],
)  # fmt: skip
def test_unusual_but_real_syllables_are_accepted(word):
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    [
        "",
        "NguyÔn",  # TCVN3 as it stands
        "Vaên",  # VNI as it stands
        "nguyeãn",
        "Müller",
        "café",  # f is not a Vietnamese initial
        "bác2",
        "hóá",  # two tones
        "lămp",  # no final "mp"
        "aê",
    ],
)
def test_non_syllables_are_rejected(word):
    assert not is_syllable(word)


def test_stop_finals_take_only_sac_or_nang():
    assert is_syllable("các")
    assert is_syllable("hạt")
    assert not is_syllable("cac")
    assert not is_syllable("càc")
    assert not is_syllable("hảt")


def test_breve_and_circumflex_a_need_a_final_consonant():
    assert is_syllable("ăn")
    assert not is_syllable("ă")
    assert not is_syllable("mâ")


def test_decomposed_input_must_be_normalised_first():
    assert not is_syllable(unicodedata.normalize("NFD", "Nguyễn"))
