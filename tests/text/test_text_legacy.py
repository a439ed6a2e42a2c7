"""Tests for desktop.text.legacy: TCVN3 and VNI detection and conversion."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vietnamese_samples import LOWER, PARAGRAPH, UPPER

from desktop.text.legacy import (
    TCVN3_TO_UNICODE,
    UNICODE_TO_VNI,
    VNI_TO_UNICODE,
    detect_legacy,
    tcvn3_to_unicode,
    to_unicode,
    vni_to_unicode,
)

# --- encoders built by inverting the tables, as an old program would have typed ---

_TCVN3_ENCODE = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}


def tcvn3_encode(text: str) -> str:
    """Unicode -> TCVN3; capitals with a tone use the lowercase code, like .VnTimeH."""
    out = []
    for ch in text:
        if ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        elif ch.lower() in _TCVN3_ENCODE and not ch.isascii():
            out.append(_TCVN3_ENCODE[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def vni_encode(text: str) -> str:
    return "".join(UNICODE_TO_VNI.get(ch, ch) for ch in text)


# --- the tables against independent references ----------------------------------

# From the published TCVN 5712:1993 VN3 chart (the ABC ".VnTime" fonts), as bytes.
TCVN3_REFERENCE = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "đ": 0xAE,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
}  # fmt: skip

# VNI-Windows spellings, from the VNI chart (letters read through Windows-1252).
VNI_REFERENCE = {
    "á": "aù", "à": "aø", "ả": "aû", "ã": "aõ", "ạ": "aï",
    "ă": "aê", "ắ": "aé", "ằ": "aè", "ẳ": "aú", "ẵ": "aü", "ặ": "aë",
    "â": "aâ", "ấ": "aá", "ầ": "aà", "ẩ": "aå", "ẫ": "aã", "ậ": "aä",
    "é": "eù", "è": "eø", "ẻ": "eû", "ẽ": "eõ", "ẹ": "eï",
    "ê": "eâ", "ế": "eá", "ề": "eà", "ể": "eå", "ễ": "eã", "ệ": "eä",
    "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò",
    "ó": "où", "ò": "oø", "ỏ": "oû", "õ": "oõ", "ọ": "oï",
    "ô": "oâ", "ố": "oá", "ồ": "oà", "ổ": "oå", "ỗ": "oã", "ộ": "oä",
    "ơ": "ô", "ớ": "ôù", "ờ": "ôø", "ở": "ôû", "ỡ": "ôõ", "ợ": "ôï",
    "ú": "uù", "ù": "uø", "ủ": "uû", "ũ": "uõ", "ụ": "uï",
    "ư": "ö", "ứ": "öù", "ừ": "öø", "ử": "öû", "ữ": "öõ", "ự": "öï",
    "ý": "yù", "ỳ": "yø", "ỷ": "yû", "ỹ": "yõ", "ỵ": "î",
    "đ": "ñ",
    "Á": "AÙ", "Ấ": "AÁ", "Ă": "AÊ", "Đ": "Ñ", "Ơ": "Ô", "Ư": "Ö", "Ớ": "ÔÙ",
    "Ứ": "ÖÙ", "Ỉ": "Æ", "Ĩ": "Ó", "Ị": "Ò", "Ỵ": "Î", "Ô": "OÂ", "Ễ": "EÃ",
}  # fmt: skip


def test_tcvn3_table_matches_the_published_chart():
    expected = {chr(code): letter for letter, code in TCVN3_REFERENCE.items()}
    assert TCVN3_TO_UNICODE == expected


def test_tcvn3_table_covers_every_lowercase_letter_and_the_seven_capitals():
    assert len(TCVN3_TO_UNICODE) == 74
    assert set(TCVN3_TO_UNICODE.values()) == set(LOWER) | set("ĂÂÊÔƠƯĐ")


def test_vni_table_matches_the_published_chart():
    for letter, spelling in VNI_REFERENCE.items():
        assert UNICODE_TO_VNI[letter] == spelling, letter


def test_vni_table_covers_all_134_letters():
    assert set(UNICODE_TO_VNI) == set(LOWER) | set(UPPER)
    assert len(set(UNICODE_TO_VNI.values())) == 134


def test_vni_capitals_use_capital_marks():
    for lower, upper in zip(LOWER, UPPER, strict=True):
        assert UNICODE_TO_VNI[upper] == UNICODE_TO_VNI[lower].upper()


def test_every_vni_spelling_decodes_back():
    for letter, spelling in UNICODE_TO_VNI.items():
        assert VNI_TO_UNICODE.get(spelling, spelling) == letter


# --- round trips ---------------------------------------------------------------------


def test_tcvn3_round_trips_every_letter():
    text = " ".join(LOWER) + " Ă Â Ê Ô Ơ Ư Đ"
    assert tcvn3_to_unicode(tcvn3_encode(text)) == text


def test_tcvn3_capitals_with_tones_come_back_lowercase_without_case_fix():
    assert tcvn3_to_unicode(tcvn3_encode("".join(UPPER))) == "".join(
        ch if ch in "ĂÂÊÔƠƯĐ" else ch.lower() for ch in UPPER
    )


def test_vni_round_trips_every_letter():
    text = " ".join(LOWER + UPPER)
    assert vni_to_unicode(vni_encode(text)) == text


def test_paragraph_round_trips_through_both_encodings():
    assert to_unicode(tcvn3_encode(PARAGRAPH)) == PARAGRAPH
    assert to_unicode(vni_encode(PARAGRAPH)) == PARAGRAPH


def test_all_caps_paragraph_keeps_its_case_after_tcvn3():
    upper = PARAGRAPH.upper()
    assert to_unicode(tcvn3_encode(upper), fix_case=True) == upper


@given(st.text(alphabet=st.sampled_from(LOWER + UPPER + list("abcdeghiklmnopqrstuvxy .,-"))))
def test_vni_decode_inverts_encode_for_any_vietnamese_text(text):
    assert vni_to_unicode(vni_encode(text)) == text


@given(st.text(alphabet=st.sampled_from(LOWER + list("ĂÂÊÔƠƯĐABCDabcd0123 .,;()-"))))
def test_tcvn3_decode_inverts_encode_for_any_text_it_can_represent(text):
    assert tcvn3_to_unicode(tcvn3_encode(text)) == text


# --- realistic strings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("NguyÔn V¨n Th¾ng", "Nguyễn Văn Thắng"),
        ("TrÇn ThÞ Hång Nhung", "Trần Thị Hồng Nhung"),
        ("§ç V¨n §øc", "Đỗ Văn Đức"),
        ("Hä vµ tªn", "Họ và tên"),
        ("N÷", "Nữ"),
        ("Kh«ng", "Không"),
        ("PhËt gi¸o", "Phật giáo"),
        ("Th\xadêng trùc chi bé", "Thường trực chi bộ"),
        ("§¶ng céng s¶n ViÖt Nam", "Đảng cộng sản Việt Nam"),
    ],
)
def test_tcvn3_text_is_detected_and_converted(legacy, unicode):
    assert detect_legacy(legacy) == "tcvn3"
    assert to_unicode(legacy) == unicode


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Nguyeãn Vaên Thaéng", "Nguyễn Văn Thắng"),
        ("Ñoã Vaên Ñöùc", "Đỗ Văn Đức"),
        ("Traàn Thò Hoàng Nhung", "Trần Thị Hồng Nhung"),
        ("Hoï vaø teân", "Họ và tên"),
        ("Nöõ", "Nữ"),
        ("Ñaûng coäng saûn Vieät Nam", "Đảng cộng sản Việt Nam"),
        ("Ngöôøi", "Người"),
        ("NGUYEÃN VAÊN THAÉNG", "NGUYỄN VĂN THẮNG"),
    ],
)
def test_vni_text_is_detected_and_converted(legacy, unicode):
    assert detect_legacy(legacy) == "vni"
    assert to_unicode(legacy) == unicode


def test_all_caps_tcvn3_cell_is_restored_to_capitals():
    assert to_unicode("NGUYÔN V¡N TH¾NG", fix_case=True) == "NGUYỄN VĂN THẮNG"
    assert to_unicode("TRÇN THÞ HåNG NHUNG", fix_case=True) == "TRẦN THỊ HỒNG NHUNG"


def test_case_fix_can_be_turned_off():
    assert to_unicode("NGUYÔN V¡N TH¾NG", fix_case=False) == "NGUYễN VĂN THắNG"


def test_case_fix_applies_to_all_caps_words_inside_mixed_text():
    assert to_unicode("Hä tªn: NGUYÔN V¨n A") == "Họ tên: NGUYỄN Văn A"


def test_a_capitalised_word_is_not_mistaken_for_all_caps():
    assert to_unicode("Lª") == "Lê"
    assert to_unicode("§ç") == "Đỗ"


# --- detection must not fire on good data -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nguyen Van Thang",
        "Nguyễn Văn Thắng",
        "Đỗ",
        "ĐỖ VĂN ĐỨC",
        "Hà Tú Anh",
        "LÊ VÕ",
        "Lê Thúy",
        "Hoà Bình",
        "hoá học",
        "Có",
        "Tô Hoài",
        "café",
        "naïve",
        "Noël",
        "Müller",
        "España",
        "São Paulo",
        "Ørsted",
        "crème brûlée",
        "Zoë Saldaña",
        "25 ± 3 °C",
        "© 2020 ®",
        "«Bonjour»",
        "Jaén",
        "Citroën",
        PARAGRAPH,
        unicodedata.normalize("NFD", PARAGRAPH),
    ],
)
def test_detection_leaves_good_text_alone(text):
    assert detect_legacy(text) is None
    assert to_unicode(text) == unicodedata.normalize("NFC", text)


def test_mixed_evidence_is_not_converted():
    # "Hà" cannot be TCVN3 (it has no code for "à"), so the string is not converted.
    assert detect_legacy("Hà NguyÔn") is None


# Real syllables built from their parts, so that generated text is Vietnamese.
_INITIALS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh",
             "ph", "qu", "s", "t", "th", "tr", "v", "x"]  # fmt: skip
_OPEN_RHYMES = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "ai", "ao", "au", "ay", "âu",
                "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "ui",
                "ưa", "ưi", "ươi", "ưu", "iêu", "uôi", "uy"]  # fmt: skip
_CLOSED_RHYMES = ["an", "ăn", "ân", "ang", "ăng", "âng", "anh", "am", "em", "ên", "in",
                  "inh", "iên", "on", "ông", "ơn", "un", "ung", "ưng", "uôn", "ương",
                  "oan", "oang", "uân", "uyên", "yên"]  # fmt: skip
_STOP_RHYMES = ["ac", "ăc", "âc", "at", "ăt", "ât", "ap", "ach", "êt", "ich", "it", "iêt",
                "ôc", "ot", "ơt", "uc", "ưc", "uôc", "ươc", "oat", "uyêt"]  # fmt: skip
_MARKS = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def _place_tone(rhyme: str, mark: str) -> str:
    # The mark goes on the last vowel with a vowel mark, else on the first vowel;
    # exact placement rules do not matter for the property tested.
    vowels = [i for i, ch in enumerate(rhyme) if ch in "aăâeêioôơuưy"]
    marked = [i for i in vowels if rhyme[i] in "ăâêôơư"]
    index = marked[-1] if marked else vowels[0]
    return unicodedata.normalize("NFC", rhyme[: index + 1] + mark + rhyme[index + 1 :])


@st.composite
def syllables(draw):
    initial = draw(st.sampled_from(_INITIALS))
    kind = draw(st.sampled_from(["open", "closed", "stop"]))
    if kind == "stop":
        rhyme = draw(st.sampled_from(_STOP_RHYMES))
        mark = draw(st.sampled_from(["\u0301", "\u0323"]))
    else:
        rhyme = draw(st.sampled_from(_OPEN_RHYMES if kind == "open" else _CLOSED_RHYMES))
        mark = draw(st.sampled_from(_MARKS))
    # "qu" + "uy" or "gi" + "iêu" would double a letter no Vietnamese word doubles.
    if initial[-1:] == rhyme[:1] or (initial == "qu" and rhyme[0] in "uư"):
        initial = ""
    word = initial + _place_tone(rhyme, mark)
    case = draw(st.sampled_from(["lower", "title", "upper"]))
    return {"lower": word, "title": word.capitalize(), "upper": word.upper()}[case]


@given(st.lists(syllables(), min_size=1, max_size=8), st.sampled_from([" ", ", ", " - "]))
def test_detection_never_fires_on_vietnamese_text(words, separator):
    text = separator.join(words)
    assert detect_legacy(text) is None
    assert to_unicode(text) == text


_BEYOND_LATIN1 = [ch for ch in LOWER + UPPER if ord(ch) > 0xFF]


@given(
    st.text(alphabet=st.sampled_from(LOWER + UPPER + list("abcdeghiklmnopqrstuvxy .,"))),
    st.sampled_from(_BEYOND_LATIN1),
)
def test_detection_never_fires_on_text_with_letters_beyond_latin1(text, letter):
    assert detect_legacy(text + letter) is None
    assert detect_legacy(letter + text) is None


def test_detection_ignores_windows_1252_punctuation_in_legacy_text():
    assert to_unicode("\u201cNguyÔn V¨n Th¾ng\u201d") == "\u201cNguyễn Văn Thắng\u201d"


def test_conversion_output_is_nfc():
    result = to_unicode("NguyÔn V¨n Th¾ng")
    assert unicodedata.is_normalized("NFC", result)


def test_empty_and_none_give_empty_text():
    assert to_unicode("") == ""
    assert to_unicode(None) == ""


def test_a_cell_too_short_to_decide_is_left_alone_on_its_own():
    # "Tó" is also a possible Unicode word; alone, it cannot be told apart.
    assert detect_legacy("Tó") is None
    assert to_unicode("Tó") == "Tó"


def test_an_encoding_detected_for_a_whole_column_converts_ambiguous_cells():
    column = ["NguyÔn V¨n Tó", "Tó", "TrÇn ThÞ Hµ"]
    encoding = detect_legacy("\n".join(column))
    assert encoding == "tcvn3"
    assert [to_unicode(cell, encoding=encoding) for cell in column] == [
        "Nguyễn Văn Tú",
        "Tú",
        "Trần Thị Hà",
    ]


def test_a_forced_encoding_still_leaves_real_unicode_alone():
    assert to_unicode("Nguyễn Văn Tú", encoding="tcvn3") == "Nguyễn Văn Tú"


def test_an_unknown_encoding_is_a_programming_error():
    with pytest.raises(ValueError):
        to_unicode("abc", encoding="viscii")


def test_lone_accented_letters_are_never_taken_for_legacy_text():
    # Found by hypothesis: "â" alone decoded as TCVN3 "õ" and corrupted the cell.
    from desktop.text import clean

    assert clean("â0ê0ã") == "â0ê0ã"
    assert clean("â") == "â"
