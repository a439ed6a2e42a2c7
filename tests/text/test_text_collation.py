"""Tests for desktop.text.collation: Vietnamese alphabetical order."""

import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vietnamese_samples import LOWER, UPPER

from desktop.text.collation import name_sort_key, split_name, word_sort_key


def _sorted_words(words):
    return sorted(words, key=word_sort_key)


def _shuffled(items):
    items = list(items)
    random.Random(7).shuffle(items)
    return items


def test_letters_follow_the_vietnamese_alphabet():
    alphabet = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    assert _sorted_words(_shuffled(alphabet)) == alphabet


def test_tones_follow_the_dictionary_order():
    # no tone, huyền, hỏi, ngã, sắc, nặng (CLDR/ICU "vi": ̀ << ̉ << ̃ << ́ << ̣)
    words = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert _sorted_words(_shuffled(words)) == words


def test_base_letters_are_compared_before_tones():
    # All "ma…" before "mă…", whatever the tones.
    assert _sorted_words(["mắt", "mạn", "mát", "man"]) == ["man", "mạn", "mát", "mắt"]
    assert _sorted_words(["đa", "dạ", "da"]) == ["da", "dạ", "đa"]


def test_case_does_not_matter_at_the_first_level():
    assert _sorted_words(["b", "A", "á", "B"]) == ["A", "á", "B", "b"]
    assert word_sort_key("ĐỨC")[0] == word_sort_key("đức")[0]


def test_shorter_word_comes_first():
    assert _sorted_words(["anh", "an", "a"]) == ["a", "an", "anh"]


def test_text_is_compared_word_by_word():
    assert _sorted_words(["lề a", "lê b", "lê"]) == ["lê", "lê b", "lề a"]


def test_decomposed_input_sorts_like_composed():
    for word in ["Nguyễn", "Đặng", "ửng"]:
        assert word_sort_key(unicodedata.normalize("NFD", word)) == word_sort_key(word)


def test_digits_sort_before_letters():
    assert _sorted_words(["a", "1", "Z9"]) == ["1", "a", "Z9"]


def test_empty_text_sorts_first():
    assert _sorted_words(["a", "", None]) == ["", None, "a"]


@given(st.lists(st.text(alphabet=st.sampled_from(LOWER + UPPER + list("abcdxyz "))), max_size=6))
def test_word_order_is_total_and_consistent(words):
    once = _sorted_words(words)
    assert _sorted_words(list(reversed(once))) == once


@given(st.text(alphabet=st.sampled_from(LOWER + list("abcdeghiklmnopqrstuvxy "))))
def test_case_never_changes_the_letter_order(text):
    assert word_sort_key(text.upper())[0] == word_sort_key(text)[0]


def test_names_sort_by_given_name_then_family_and_middle_names():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Anh"]
    assert sorted(names, key=name_sort_key) == [
        "Lê Văn An",
        "Nguyễn Thị An",
        "Đỗ Anh",
        "Trần Văn Bình",
    ]


def test_given_name_with_tone_sorts_after_the_same_letters_without():
    names = ["Lê Ánh", "Lê Anh", "Lê Ảnh", "Lê Ấn"]
    assert sorted(names, key=name_sort_key) == ["Lê Anh", "Lê Ảnh", "Lê Ánh", "Lê Ấn"]


def test_family_names_compare_in_vietnamese_order():
    names = ["Đỗ Văn An", "Dương Văn An", "Âu Văn An", "Ân Văn An", "An Văn An"]
    assert sorted(names, key=name_sort_key) == [
        "An Văn An",
        "Ân Văn An",
        "Âu Văn An",
        "Dương Văn An",
        "Đỗ Văn An",
    ]


def test_name_key_ignores_extra_spaces_and_case():
    assert name_sort_key("  NGUYỄN  VĂN   AN ")[0] == name_sort_key("Nguyễn Văn An")[0]


def test_a_single_word_name_sorts_before_longer_names_with_that_given_name():
    assert sorted(["Lê An", "An"], key=name_sort_key) == ["An", "Lê An"]


@pytest.mark.parametrize(
    ("full_name", "parts"),
    [
        ("Nguyễn Văn Thắng", ("Nguyễn Văn", "Thắng")),
        ("  Đỗ   Anh ", ("Đỗ", "Anh")),
        ("Tôn Nữ Thị Ngọc Hân", ("Tôn Nữ Thị Ngọc", "Hân")),
        ("An", ("", "An")),
        ("", ("", "")),
        (None, ("", "")),
    ],
)
def test_split_name_returns_ho_dem_and_ten(full_name, parts):
    assert split_name(full_name) == parts


ICU_ORDER = Path(__file__).with_name("vi_given_names_icu_order.txt")


def test_given_names_sort_as_icus_vi_collator_does():
    # The expected order was made once with PyICU (see the file's header); the app does
    # not depend on ICU. Tên are single words, where word-by-word order and ICU agree.
    lines = ICU_ORDER.read_text(encoding="utf-8").splitlines()
    expected = [line for line in lines if line and not line.startswith("#")]
    assert len(expected) > 100
    assert _sorted_words(_shuffled(expected)) == expected


def test_the_issues_pairs_put_sac_after_hoi_and_nga():
    assert _sorted_words(["Ánh", "Ảnh"]) == ["Ảnh", "Ánh"]
    assert _sorted_words(["Thắng", "Thẳng"]) == ["Thẳng", "Thắng"]
    assert _sorted_words(["Quý", "Quỷ", "Quỹ", "Quỳ", "Quy"]) == ["Quy", "Quỳ", "Quỷ", "Quỹ", "Quý"]
    people = ["Trần Văn Thắng", "Lê Thị Thẳng", "Ngô Ánh", "Võ Ảnh"]
    assert sorted(people, key=name_sort_key) == ["Võ Ảnh", "Ngô Ánh", "Lê Thị Thẳng", "Trần Văn Thắng"]
