"""Vietnamese alphabetical order, for sorting names and other words.

Order is that of Vietnamese dictionaries: letters a < ă < â < b < … < d < đ < … < y,
compared first without tones and case; tones (none, huyền, hỏi, ngã, sắc, nặng, as in
CLDR/ICU "vi" and Vietnamese dictionaries) only break ties, then case. Multi-word text is compared word by word, so every "Lê …"
comes before every "Lề …". Names sort by tên (the last word), then họ đệm.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from desktop.text.alphabet import COLLATION_ORDER, split_marks
from desktop.text.translation import dense_table

# Letters are mapped into the Private Use Area so that they sort after digits and
# punctuation, in alphabet order, whatever their code points.
_RANK_BASE = 0xE000
_RANK: dict[str, str] = {
    letter: chr(_RANK_BASE + rank) for rank, letter in enumerate(COLLATION_ORDER)
}


def _build_tables() -> tuple[dict[int, str | None], dict[int, str | None]]:
    primary: dict[int, str | None] = {}
    tones: dict[int, str | None] = {}
    candidates = [range(0x20, 0x7F), range(0x00C0, 0x0250), range(0x1E00, 0x1F00)]
    for block in candidates:
        for code in block:
            ch = chr(code)
            if not ch.isalpha():
                # Digits and punctuation keep their place in the primary key and carry
                # no tone.
                tones[code] = None
                continue
            base, tone = split_marks(ch)
            if base in _RANK:
                primary[code] = _RANK[base]
                tones[code] = str(tone)
    # Combining marks left over after NFC sit on non-Vietnamese bases: ignore them.
    for code in range(0x0300, 0x0370):
        primary[code] = None
        tones[code] = None
    # Words are split after translation, so the space must survive it.
    tones[ord(" ")] = " "
    return primary, tones


_primary, _tones = _build_tables()
_PRIMARY_TABLE = dense_table(_primary)
_TONE_TABLE = dense_table(_tones)
del _primary, _tones


# Keys are flat strings so that sorting compares them in C: each word becomes its
# primary letters, _TONES_FOLLOW, its tones, _WORD_END. Both markers sort below any
# letter or tone digit, so a word that is a prefix of another ("an", "anh") and a name
# with fewer words sort first, exactly as comparing tuples word by word would.
_TONES_FOLLOW = "\x01"
_WORD_END = "\x02"


def _normalized(s: str | None) -> str:
    if not s:
        return ""
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
    return " ".join(s.split())


def _word_keys(s: str) -> list[str]:
    """One key per word of `s` (NFC, single spaces, not empty)."""
    primaries = s.translate(_PRIMARY_TABLE).split(" ")
    tones = s.translate(_TONE_TABLE).split(" ")
    return [f"{p}{_TONES_FOLLOW}{t}{_WORD_END}" for p, t in zip(primaries, tones, strict=True)]


# Sort keys are asked for again and again (each keystroke re-sorts the roster), and
# the same names come back, so they are cached.
@lru_cache(maxsize=16384)
def word_sort_key(s: str | None) -> tuple[str, str]:
    """Sort key putting text in Vietnamese dictionary order (see module docstring).

    The second element, the text itself, only breaks ties between texts that differ in
    case alone.

    >>> sorted(["ă", "b", "â", "a", "đ", "d"], key=word_sort_key)
    ['a', 'ă', 'â', 'b', 'd', 'đ']
    """
    text = _normalized(s)
    if not text:
        # Blank texts differ only in their spaces; the raw text keeps the order total.
        return ("", s or "")
    return ("".join(_word_keys(text)), text)


def split_name(full_name: str | None) -> tuple[str, str]:
    """Split a full name into (họ đệm, tên): tên is the last word.

    >>> split_name("  Nguyễn  Văn Thắng ")
    ('Nguyễn Văn', 'Thắng')
    """
    words = _normalized(full_name).split(" ")
    return (" ".join(words[:-1]), words[-1])


@lru_cache(maxsize=16384)
def name_sort_key(full_name: str | None) -> tuple[str, str]:
    """Sort key for a person's name: tên, then họ đệm word by word, then the exact text.

    >>> sorted(["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Anh"], key=name_sort_key)
    ['Lê Văn An', 'Nguyễn Thị An', 'Đỗ Anh', 'Trần Văn Bình']
    """
    s = _normalized(full_name)
    if not s:
        return ("", "")
    keys = _word_keys(s)
    return (keys[-1] + "".join(keys[:-1]), s)
