"""The Vietnamese alphabet as data: letters, vowel marks and the five tones.

Collation, syllable checking and the legacy-encoding tables all need to take a
letter apart into "base letter" (a, ă, â, …, đ) and "tone"; this module is the
one place that knows how, so the other modules agree with each other.
"""

from __future__ import annotations

import unicodedata

# Tone numbers follow the order used for sorting: no tone, huyền, hỏi, ngã, sắc, nặng —
# CLDR/ICU "vi" collation (unicode-org/icu icu4c/source/data/coll/vi.txt:
# "&̀<<̉<<̃<<́<<̣", i.e. grave < hook above < tilde < acute < dot below) and Vietnamese
# dictionaries. Other modules use the names, never the numbers.
NO_TONE = 0
HUYEN = 1
HOI = 2
NGA = 3
SAC = 4
NANG = 5

TONE_MARKS: dict[str, int] = {
    "\u0300": HUYEN,  # combining grave
    "\u0301": SAC,  # combining acute
    "\u0309": HOI,  # combining hook above
    "\u0303": NGA,  # combining tilde
    "\u0323": NANG,  # combining dot below
}
TONE_MARK_BY_TONE: dict[int, str] = {tone: mark for mark, tone in TONE_MARKS.items()}

# Marks that make a different letter (ă, â, ơ…), as opposed to tones.
_LETTER_MARKS: dict[tuple[str, str], str] = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}

VOWELS = "aăâeêioôơuưy"
"""The twelve vowel letters, the only ones that carry a tone."""

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
"""The 29 letters of the Vietnamese alphabet, in order."""

COLLATION_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
"""Alphabet order extended with f, j, w, z, which occur in loanwords and ethnic names."""


def compose(base: str, tone: int = NO_TONE) -> str:
    """Return the NFC letter for a lowercase base letter (e.g. "ơ") and a tone number."""
    if tone == NO_TONE:
        return base
    return unicodedata.normalize("NFC", base + TONE_MARK_BY_TONE[tone])


def _all_letters() -> tuple[str, ...]:
    letters = []
    for base in VOWELS:
        for tone in range(6):
            letters.append(compose(base, tone))
    letters.append("đ")
    return tuple(letters)


LOWER_LETTERS: tuple[str, ...] = tuple(ch for ch in _all_letters() if not ch.isascii())
"""The 67 lowercase letters that are not plain ASCII (à, á, …, đ, …, ỹ)."""

UPPER_LETTERS: tuple[str, ...] = tuple(ch.upper() for ch in LOWER_LETTERS)
"""The 67 uppercase counterparts of LOWER_LETTERS."""


def _build_letter_parts() -> dict[str, tuple[str, int]]:
    parts: dict[str, tuple[str, int]] = {}
    for ch in "abcdefghijklmnopqrstuvwxyz":
        parts[ch] = (ch, NO_TONE)
        parts[ch.upper()] = (ch, NO_TONE)
    for ch in LOWER_LETTERS + UPPER_LETTERS:
        parts[ch] = split_marks(ch)
    return parts


def split_marks(ch: str) -> tuple[str, int]:
    """Split one character into (lowercase base letter, tone) using its decomposition.

    Marks that are neither a Vietnamese vowel mark nor a tone (cedilla, diaeresis…) are
    dropped, so "ç" gives ("c", NO_TONE); this is meant for ordering and folding, not for
    deciding whether a character is Vietnamese (use LETTER_PARTS for that).
    """
    if ch in "đĐ":
        return ("đ", NO_TONE)
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0].lower()
    tone = NO_TONE
    for mark in decomposed[1:]:
        if mark in TONE_MARKS:
            tone = TONE_MARKS[mark]
        else:
            base = _LETTER_MARKS.get((base, mark), base)
    return (base, tone)


LETTER_PARTS: dict[str, tuple[str, int]] = _build_letter_parts()
"""Every Vietnamese letter (ASCII a–z too, both cases) -> (lowercase base letter, tone).

Characters missing from this mapping are not Vietnamese letters.
"""
