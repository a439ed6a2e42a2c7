"""Legacy Vietnamese encodings (TCVN3 and VNI) found in old Excel files.

Before Unicode, Vietnamese was typed with 8-bit fonts: TCVN3 (TCVN 5712:1993 VN3,
the ".VnTime" fonts of the ABC keyboard) or VNI-Windows ("VNI-Times"). Excel stored
those bytes as Windows-1252 characters, so a name shows as "NguyÔn V¨n Th¾ng" (TCVN3)
or "Nguyeãn Vaên Thaéng" (VNI). This module detects such text and converts it.

Detection is deliberately conservative, because converting good Unicode text by
mistake corrupts it: a string counts as legacy only when some of its words become
well-formed Vietnamese syllables after decoding while they are not Vietnamese as they
stand, and no word argues the other way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from desktop.text.alphabet import (
    HOI,
    HUYEN,
    LETTER_PARTS,
    LOWER_LETTERS,
    NANG,
    NGA,
    NO_TONE,
    SAC,
    compose,
    split_marks,
)
from desktop.text.syllable import is_syllable

TCVN3 = "tcvn3"
VNI = "vni"

# --- TCVN3 -------------------------------------------------------------------------
# One character per letter. Rows: the lowercase vowel, then its TCVN3 characters for
# no tone, huyền, sắc, hỏi, ngã, nặng (plain a/e/i/o/u/y are themselves ASCII).
_TCVN3_VOWEL_ROWS: tuple[tuple[str, str], ...] = (
    ("a", "a\xb5\xb8\xb6\xb7\xb9"),  # a µ ¸ ¶ · ¹
    ("ă", "\xa8\xbb\xbe\xbc\xbd\xc6"),  # ¨ » ¾ ¼ ½ Æ
    ("â", "\xa9\xc7\xca\xc8\xc9\xcb"),  # © Ç Ê È É Ë
    ("e", "e\xcc\xd0\xce\xcf\xd1"),  # e Ì Ð Î Ï Ñ
    ("ê", "\xaa\xd2\xd5\xd3\xd4\xd6"),  # ª Ò Õ Ó Ô Ö
    ("i", "i\xd7\xdd\xd8\xdc\xde"),  # i × Ý Ø Ü Þ
    ("o", "o\xdf\xe3\xe1\xe2\xe4"),  # o ß ã á â ä
    ("ô", "\xab\xe5\xe8\xe6\xe7\xe9"),  # « å è æ ç é
    ("ơ", "\xac\xea\xed\xeb\xec\xee"),  # ¬ ê í ë ì î
    ("u", "u\xef\xf3\xf1\xf2\xf4"),  # u ï ó ñ ò ô
    ("ư", "\xad\xf5\xf8\xf6\xf7\xf9"),  # soft hyphen õ ø ö ÷ ù
    ("y", "y\xfa\xfd\xfb\xfc\xfe"),  # y ú ý û ü þ
)
# The columns are in the tables' own order (TCVN3 rows list sắc before hỏi); tones are
# matched by name, so the sort order of the tone numbers (alphabet.py) does not matter here.
_TONE_COLUMNS = (NO_TONE, HUYEN, SAC, HOI, NGA, NANG)

# VN3 has capitals only for the seven letters without a tone; capitals with a tone
# were typed with the companion ".VnTimeH" font, which draws the lowercase codes as
# capitals (hence `to_unicode(..., fix_case=True)`).
_TCVN3_OTHERS: dict[str, str] = {
    "\xae": "đ",  # ®
    "\xa7": "Đ",  # §
    "\xa1": "Ă",  # ¡
    "\xa2": "Â",  # ¢
    "\xa3": "Ê",  # £
    "\xa4": "Ô",  # ¤
    "\xa5": "Ơ",  # ¥
    "\xa6": "Ư",  # ¦
}


def _build_tcvn3() -> dict[str, str]:
    table: dict[str, str] = dict(_TCVN3_OTHERS)
    for vowel, codes in _TCVN3_VOWEL_ROWS:
        for tone, code in zip(_TONE_COLUMNS, codes, strict=True):
            if code.isascii():
                continue
            table[code] = compose(vowel, tone)
    return table


TCVN3_TO_UNICODE: dict[str, str] = _build_tcvn3()
"""TCVN3 character (as read through Windows-1252) -> Unicode letter; 74 entries."""

_TCVN3_TRANSLATION = str.maketrans(TCVN3_TO_UNICODE)

# Vietnamese letters that exist in Latin-1 but have no code of their own in TCVN3:
# seeing one means the text is already Unicode.
_NOT_IN_TCVN3 = frozenset(
    ch for ch in map(chr, range(0xA0, 0x100)) if ch in LETTER_PARTS and ch not in TCVN3_TO_UNICODE
)

# --- VNI ---------------------------------------------------------------------------
# VNI-Windows writes a letter as an ASCII base followed by one mark character, except
# for a few letters that have a character of their own. Marks, in lowercase form:
_VNI_TONE = {SAC: "\xf9", HUYEN: "\xf8", HOI: "\xfb", NGA: "\xf5", NANG: "\xef"}  # ù ø û õ ï
_VNI_CIRCUMFLEX = {  # â á à å ã ä: circumflex alone or with a tone, on a/e/o
    NO_TONE: "\xe2", SAC: "\xe1", HUYEN: "\xe0", HOI: "\xe5", NGA: "\xe3", NANG: "\xe4",
}  # fmt: skip
_VNI_BREVE = {  # ê é è ú ü ë: breve alone or with a tone, on a only
    NO_TONE: "\xea", SAC: "\xe9", HUYEN: "\xe8", HOI: "\xfa", NGA: "\xfc", NANG: "\xeb",
}  # fmt: skip
_VNI_I = {SAC: "\xed", HUYEN: "\xec", HOI: "\xe6", NGA: "\xf3", NANG: "\xf2"}  # í ì æ ó ò
_VNI_O_HORN = "\xf4"  # ô: ơ, and the base that takes tone marks for ơ
_VNI_U_HORN = "\xf6"  # ö: ư, likewise
_VNI_D_STROKE = "\xf1"  # ñ: đ
_VNI_Y_NANG = "\xee"  # î: ỵ


def _vni_lower(base: str, tone: int) -> str:
    """VNI spelling of one lowercase letter given as (base letter, tone)."""
    if base == "đ":
        return _VNI_D_STROKE
    if base == "i":
        return "i" if tone == NO_TONE else _VNI_I[tone]
    if base == "y" and tone == NANG:
        return _VNI_Y_NANG
    if base in ("â", "ê", "ô"):
        return {"â": "a", "ê": "e", "ô": "o"}[base] + _VNI_CIRCUMFLEX[tone]
    if base == "ă":
        return "a" + _VNI_BREVE[tone]
    head = {"ơ": _VNI_O_HORN, "ư": _VNI_U_HORN}.get(base, base)
    return head if tone == NO_TONE else head + _VNI_TONE[tone]


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for letter in LOWER_LETTERS:
        spelling = _vni_lower(*split_marks(letter))
        table[letter] = spelling
        table[letter.upper()] = spelling.upper()
    return table


UNICODE_TO_VNI: dict[str, str] = _build_vni()
"""Each of the 134 non-ASCII Vietnamese letters -> its VNI-Windows spelling."""


def _build_vni_decoder() -> dict[str, str]:
    decoder = {spelling: letter for letter, spelling in UNICODE_TO_VNI.items()}
    # Text re-cased by Excel's PROPER/UPPER or by hand can pair a capital base with a
    # small mark or the reverse; the base letter decides the case.
    for spelling, letter in list(decoder.items()):
        if len(spelling) == 2:
            base, mark = spelling
            for variant in (base + mark.swapcase(), base.swapcase() + mark):
                result = letter.upper() if variant[0].isupper() else letter.lower()
                decoder.setdefault(variant, result)
    # Identity spellings (í, ì) add nothing and are left out.
    return {spelling: letter for spelling, letter in decoder.items() if spelling != letter}


VNI_TO_UNICODE: dict[str, str] = _build_vni_decoder()
"""VNI spelling (one or two characters, as read through Windows-1252) -> Unicode letter."""

_VNI_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True))
)


def _vni_replace(match: re.Match[str]) -> str:
    return VNI_TO_UNICODE[match.group()]


# --- conversion --------------------------------------------------------------------


def tcvn3_to_unicode(s: str) -> str:
    """Convert TCVN3 text (as read through Windows-1252) to NFC Unicode.

    Capitals with a tone come out lowercase, as TCVN3 stores them; see `to_unicode`.
    """
    return unicodedata.normalize("NFC", s.translate(_TCVN3_TRANSLATION))


def vni_to_unicode(s: str) -> str:
    """Convert VNI-Windows text (as read through Windows-1252) to NFC Unicode."""
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(_vni_replace, s))


_DECODERS: dict[str, Callable[[str], str]] = {TCVN3: tcvn3_to_unicode, VNI: vni_to_unicode}

# --- detection ---------------------------------------------------------------------

# What Excel shows for bytes 0x80–0x9F read as Windows-1252 (curly quotes, dashes…);
# they may sit in legacy text and are not evidence of Unicode.
_CP1252_EXTRAS = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))

# Letters and the Latin-1 characters legacy fonts use as letters (not NBSP).
_WORD = re.compile(r"[A-Za-z\u00a1-\u00ff]+")


def _could_be_legacy(s: str) -> bool:
    if s.isascii():
        return False
    if max(s) <= "\xff":
        return True
    # Any character beyond Windows-1252 (ă, ễ, a combining mark…) means real Unicode.
    return all(ch <= "\xff" or ch in _CP1252_EXTRAS for ch in s)


def _score(words: list[str], encoding: str) -> int:
    """Votes for `encoding`, or 0 when the evidence is missing or contradicted."""
    decode = _DECODERS[encoding]
    votes = against = unknown = 0
    for word in words:
        # A lone letter decodes to some valid one-letter syllable far too easily
        # ("â" would become "õ"): it is no evidence either way.
        if word.isascii() or len(word) < 2:
            continue
        if encoding == TCVN3 and any(ch in _NOT_IN_TCVN3 for ch in word):
            against += 1
            continue
        decoded = decode(word)
        valid_as_is = is_syllable(word)
        if decoded == word:
            # Nothing to decode: a Vietnamese word says nothing, a foreign one is noise.
            if not valid_as_is:
                unknown += 1
            continue
        valid_decoded = is_syllable(decoded)
        if valid_decoded and not valid_as_is:
            votes += 1
        elif valid_as_is and not valid_decoded:
            against += 1
        elif not valid_as_is:
            unknown += 1
    if against or votes <= unknown:
        return 0
    return votes


@lru_cache(maxsize=1024)
def detect_legacy(s: str) -> str | None:
    """Return "tcvn3" or "vni" if `s` looks like text in that legacy encoding, else None.

    Never fires on plain ASCII, on text with any character beyond Windows-1252 (so
    not on real Unicode Vietnamese such as "Đỗ" or "Nguyễn Văn Thắng"), nor on
    text whose words are already Vietnamese syllables; foreign words such as "Noël"
    or "Müller" do not decode to Vietnamese and do not count.
    """
    if not s or not _could_be_legacy(s):
        return None
    words = _WORD.findall(s)
    tcvn3_votes = _score(words, TCVN3)
    vni_votes = _score(words, VNI)
    if tcvn3_votes > vni_votes:
        return TCVN3
    if vni_votes > tcvn3_votes:
        return VNI
    return None


def _restore_case(source_words: list[str], converted_words: list[str]) -> list[str]:
    def ascii_letters(word: str) -> str:
        return "".join(ch for ch in word if ch.isascii() and ch.isalpha())

    everything = "".join(ascii_letters(w) for w in source_words)
    if len(everything) >= 2 and everything.isupper():
        return [w.upper() for w in converted_words]
    # Otherwise only words that are visibly capitals on their own: one capital letter
    # ("Lª") is just a capitalised word, not an all-caps one.
    result = []
    for source, converted in zip(source_words, converted_words, strict=True):
        letters = ascii_letters(source)
        result.append(converted.upper() if len(letters) >= 2 and letters.isupper() else converted)
    return result


_SPACE_SPLIT = re.compile(r"(\s+)")


def to_unicode(s: str | None, fix_case: bool = True, encoding: str | None = None) -> str:
    """Convert `s` from TCVN3 or VNI to NFC Unicode if it is detected as such.

    Text that is not detected as legacy is returned unchanged (in NFC). With
    `fix_case`, an all-caps source ("NGUYÔN V¡N TH¾NG") gives an all-caps result
    ("NGUYỄN VĂN THẮNG") although TCVN3 has no capitals with tones; single all-caps
    words inside mixed text are restored the same way.

    An importer that has detected the encoding of a whole column (by calling
    `detect_legacy` on its cells joined together) passes it as `encoding`, so that
    short cells too ambiguous to decide on their own ("Tó") are converted as well;
    text with characters beyond Windows-1252 is still left alone.
    """
    if not s:
        return ""
    if encoding is None:
        encoding = detect_legacy(s)
    elif encoding not in _DECODERS:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    elif not _could_be_legacy(s):
        encoding = None
    if encoding is None:
        return unicodedata.normalize("NFC", s)
    decode = _DECODERS[encoding]
    pieces = _SPACE_SPLIT.split(s)
    converted = [decode(p) for p in pieces]
    if fix_case:
        converted = _restore_case(pieces, converted)
    return "".join(converted)
