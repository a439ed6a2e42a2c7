"""Tests for desktop.text.search."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vietnamese_samples import LOWER, PARAGRAPH, UPPER

from desktop.text.search import fold, matches


def test_fold_strips_accents_case_and_extra_spaces():
    assert fold("Nguyễn Văn Ánh") == "nguyen van anh"
    assert fold("  TRẦN   THỊ\u00a0HỒNG ") == "tran thi hong"


def test_fold_turns_d_stroke_into_d():
    assert fold("Đỗ Đức đạt") == "do duc dat"


def test_fold_handles_decomposed_input():
    assert fold(unicodedata.normalize("NFD", "Nguyễn Văn Ánh")) == "nguyen van anh"


def test_fold_reduces_every_vietnamese_letter_to_ascii():
    folded = fold("".join(LOWER + UPPER))
    assert folded.isascii()
    assert folded == folded.lower()
    assert len(folded) == 134


def test_fold_of_nothing_is_empty():
    assert fold(None) == ""
    assert fold("") == ""


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=st.sampled_from(LOWER + UPPER + list("abcxyz ABC"))))
def test_fold_gives_the_same_key_for_nfc_and_nfd(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@pytest.mark.parametrize(
    "query",
    ["nguyen van a", "Nguyễn A", "nguyen a", "anh", "VAN", "nguyễn  văn", "", "   "],
)
def test_matches_finds_names_whatever_accents_and_order_of_parts(query):
    assert matches(query, fold("Nguyễn Văn Ánh"))


@pytest.mark.parametrize("query", ["tran", "nguyen b", "anhh"])
def test_matches_requires_every_word_of_the_query(query):
    assert not matches(query, fold("Nguyễn Văn Ánh"))


def test_d_in_the_query_finds_d_stroke():
    assert matches("do duc", fold("Đỗ Đức"))
    assert matches("đ", fold("Đỗ Đức"))


def test_matches_tolerates_a_none_query():
    assert matches(None, fold("Lê Thị Hoa"))  # type: ignore[arg-type]


def test_folding_a_long_text_keeps_its_words():
    assert fold(PARAGRAPH).count(" ") == PARAGRAPH.count(" ")
