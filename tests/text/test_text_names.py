"""Tests for desktop.text.names."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vietnamese_samples import LOWER, UPPER

from desktop.text.names import proper_case_name


@pytest.mark.parametrize(
    ("raw", "proper"),
    [
        ("TRẦN THỊ HỒNG NHUNG", "Trần Thị Hồng Nhung"),
        ("đỗ  văn   đức", "Đỗ Văn Đức"),
        ("  nGUYỄN vĂN tHẮNG ", "Nguyễn Văn Thắng"),
        ("ĐẶNG ỨNG ƯNG", "Đặng Ứng Ưng"),
        ("h'hen niê", "H'Hen Niê"),
        ("nguyễn thị mai-anh", "Nguyễn Thị Mai-Anh"),
        ("", ""),
        (None, ""),
    ],
)
def test_proper_case_name_capitalises_each_word(raw, proper):
    assert proper_case_name(raw) == proper


def test_proper_case_name_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "ĐỖ VĂN ĐỨC")
    assert proper_case_name(decomposed) == "Đỗ Văn Đức"


@given(st.lists(st.text(alphabet=st.sampled_from(LOWER + UPPER + list("abcdNGHT")), min_size=1)))
def test_proper_case_name_is_idempotent_and_case_blind(words):
    name = " ".join(words)
    once = proper_case_name(name)
    assert proper_case_name(once) == once
    assert proper_case_name(name.upper()) == once
    assert proper_case_name(name.lower()) == once
