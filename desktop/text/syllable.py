"""Whether a word is a well-formed Vietnamese syllable.

Legacy-encoding detection leans on this: text that only becomes Vietnamese after
decoding ("NguyÔn" -> "Nguyễn") is evidence of TCVN3/VNI, while text that already is
Vietnamese must be left alone. The check is structural (initial consonant, vowel
cluster, final consonant, at most one tone, stop finals only with sắc or nặng), not a
dictionary lookup, so it accepts some syllables that no one uses.
"""

from __future__ import annotations

from functools import lru_cache

from desktop.text.alphabet import LETTER_PARTS, NANG, NO_TONE, SAC

# Longest first, so that "ngh" is tried before "ng" and "g".
_INITIALS: tuple[str, ...] = (
    "ngh", "ng", "gh", "gi", "ch", "kh", "nh", "ph", "th", "tr", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip

_FINALS: tuple[str, ...] = ("ch", "nh", "ng", "c", "m", "n", "p", "t", "")

_STOP_FINALS = frozenset({"c", "ch", "p", "t"})

_FINAL_REQUIRED = "final required"
_FINAL_FORBIDDEN = "no final"
_FINAL_OPTIONAL = "either"

# Vowel clusters (without tone) and whether a final consonant must, may or must not
# follow. Clusters ending in a semivowel (ai, ao, ươi…) never take a final consonant.
_NUCLEI: dict[str, str] = {
    "a": _FINAL_OPTIONAL, "ă": _FINAL_REQUIRED, "â": _FINAL_REQUIRED,
    "e": _FINAL_OPTIONAL, "ê": _FINAL_OPTIONAL, "i": _FINAL_OPTIONAL,
    "o": _FINAL_OPTIONAL, "ô": _FINAL_OPTIONAL, "ơ": _FINAL_OPTIONAL,
    "u": _FINAL_OPTIONAL, "ư": _FINAL_OPTIONAL, "y": _FINAL_OPTIONAL,
    "ai": _FINAL_FORBIDDEN, "ao": _FINAL_FORBIDDEN, "au": _FINAL_FORBIDDEN,
    "ay": _FINAL_FORBIDDEN, "âu": _FINAL_FORBIDDEN, "ây": _FINAL_FORBIDDEN,
    "eo": _FINAL_FORBIDDEN, "êu": _FINAL_FORBIDDEN, "iu": _FINAL_FORBIDDEN,
    "oi": _FINAL_FORBIDDEN, "ôi": _FINAL_FORBIDDEN, "ơi": _FINAL_FORBIDDEN,
    "ui": _FINAL_FORBIDDEN, "ưi": _FINAL_FORBIDDEN, "ưu": _FINAL_FORBIDDEN,
    "ia": _FINAL_FORBIDDEN, "ua": _FINAL_FORBIDDEN, "ưa": _FINAL_FORBIDDEN,
    "uơ": _FINAL_FORBIDDEN,
    "iê": _FINAL_REQUIRED, "yê": _FINAL_REQUIRED, "uô": _FINAL_REQUIRED,
    "ươ": _FINAL_REQUIRED, "oă": _FINAL_REQUIRED, "uâ": _FINAL_REQUIRED,
    "oo": _FINAL_REQUIRED, "uyê": _FINAL_REQUIRED,
    "oa": _FINAL_OPTIONAL, "oe": _FINAL_OPTIONAL, "uê": _FINAL_OPTIONAL,
    "uy": _FINAL_OPTIONAL,
    "iêu": _FINAL_FORBIDDEN, "yêu": _FINAL_FORBIDDEN, "oai": _FINAL_FORBIDDEN,
    "oay": _FINAL_FORBIDDEN, "oeo": _FINAL_FORBIDDEN, "uây": _FINAL_FORBIDDEN,
    "uôi": _FINAL_FORBIDDEN, "ươi": _FINAL_FORBIDDEN, "ươu": _FINAL_FORBIDDEN,
    "uya": _FINAL_FORBIDDEN, "uyu": _FINAL_FORBIDDEN,
}  # fmt: skip


def _structure_ok(base: str, tone: int) -> bool:
    for initial in _INITIALS:
        if not base.startswith(initial):
            continue
        rest = base[len(initial) :]
        for final in _FINALS:
            if not rest.endswith(final) or len(rest) == len(final):
                continue
            nucleus = rest[: len(rest) - len(final)]
            rule = _NUCLEI.get(nucleus)
            if rule is None:
                continue
            if final and rule == _FINAL_FORBIDDEN:
                continue
            if not final and rule == _FINAL_REQUIRED:
                continue
            if final in _STOP_FINALS and tone not in (SAC, NANG):
                continue
            return True
    return False


@lru_cache(maxsize=4096)
def is_syllable(word: str) -> bool:
    """True if `word` (NFC, any case) is a well-formed Vietnamese syllable.

    >>> is_syllable("Nguyễn"), is_syllable("NGUYÔN"), is_syllable("Vaên")
    (True, False, False)
    """
    base_letters = []
    tone = NO_TONE
    for ch in word:
        parts = LETTER_PARTS.get(ch)
        if parts is None:
            return False
        base, letter_tone = parts
        if letter_tone != NO_TONE:
            if tone != NO_TONE:
                return False
            tone = letter_tone
        base_letters.append(base)
    if not base_letters:
        return False
    return _structure_ok("".join(base_letters), tone)
