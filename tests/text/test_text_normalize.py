"""Tests for desktop.text.normalize."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop.text.normalize import clean, clean_spaces, nfc


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Thắng")
    assert decomposed != "Nguyễn Văn Thắng"
    assert nfc(decomposed) == "Nguyễn Văn Thắng"


def test_nfc_turns_none_into_empty_text():
    assert nfc(None) == ""


def test_nfc_converts_non_text_with_str():
    assert nfc(12) == "12"


def test_clean_spaces_collapses_every_kind_of_whitespace():
    assert clean_spaces("  Nguyễn\u00a0Văn\t\tThắng\n ") == "Nguyễn Văn Thắng"
    assert clean_spaces("Lê\u202fThị\u2007Hoa") == "Lê Thị Hoa"


def test_clean_spaces_removes_zero_width_characters():
    assert clean_spaces("\ufeffNguyễn\u200b Văn") == "Nguyễn Văn"


def test_clean_spaces_keeps_the_soft_hyphen_that_tcvn3_uses_for_u_horn():
    assert clean_spaces("Th\xadêng") == "Th\xadêng"


def test_clean_spaces_of_nothing_is_empty():
    assert clean_spaces(None) == ""
    assert clean_spaces(" \t\n ") == ""


def test_clean_converts_legacy_text():
    assert clean("  NguyÔn  V¨n Th¾ng ") == "Nguyễn Văn Thắng"
    assert clean("Ñoã  Vaên Ñöùc") == "Đỗ Văn Đức"
    assert clean("NGUYÔN\u00a0V¡N TH¾NG") == "NGUYỄN VĂN THẮNG"


def test_clean_leaves_unicode_vietnamese_alone():
    assert clean("Đỗ Văn Đức") == "Đỗ Văn Đức"
    assert clean("Hà Tú Anh") == "Hà Tú Anh"


def test_clean_replaces_the_eth_look_alike_with_d_stroke():
    assert clean("\u00d0ỗ V\u0103n \u00f0ức") == "Đỗ Văn đức"


@given(st.text())
def test_clean_spaces_is_idempotent(text):
    once = clean_spaces(text)
    assert clean_spaces(once) == once
    assert once == once.strip()
    assert "  " not in once


@given(st.text())
def test_clean_is_idempotent_and_nfc(text):
    once = clean(text)
    assert unicodedata.is_normalized("NFC", once)
    assert clean(once) == once


def test_mark_separated_by_a_zero_width_space_still_composes():
    assert clean_spaces("Nguye\u0302\u200b\u0303n") == "Nguyễn"
