"""Normalising text that comes in from the keyboard or from imported files.

Everything the app stores is NFC with single spaces; `clean` is the one call an
importer makes on every cell, so that legacy TCVN3/VNI text is converted too.
"""

from __future__ import annotations

import unicodedata

from desktop.text.legacy import to_unicode

# Zero-width characters are invisible in a cell but break equality and search.
# The soft hyphen (U+00AD) is deliberately kept: in TCVN3 text it is the letter "ư".
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))

# Eth (Ð, ð) looks exactly like Đ and is a common slip with some fonts and keyboards;
# no text this app handles is Icelandic, so it is always meant as Đ.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def nfc(s: str | None) -> str:
    """Return `s` in Unicode NFC; None becomes "". Non-strings are converted with str()."""
    if s is None:
        return ""
    if not isinstance(s, str):
        s = str(s)
    if s.isascii():
        return s
    return unicodedata.normalize("NFC", s)


def clean_paragraphs(s: str | None) -> str:
    """``clean_spaces`` on each line, keeping the line breaks a member typed in a long answer."""
    return "\n".join(clean_spaces(line) for line in (s or "").splitlines()).strip()


def clean_spaces(s: str | None) -> str:
    """NFC, then turn every kind of whitespace into one plain space and strip the ends.

    Non-breaking spaces, tabs and line breaks inside an Excel cell all become a single
    space, and zero-width characters are removed.
    """
    if s is None:
        return ""
    if not isinstance(s, str):
        s = str(s)
    if not s.isascii():
        # Before NFC, so that a mark separated from its letter by one still composes.
        s = nfc(s.translate(_INVISIBLE))
    # str.split() without arguments splits on every Unicode whitespace, NBSP included.
    return " ".join(s.split())


def clean(s: str | None) -> str:
    """The cleaning an importer applies to every text cell.

    Spaces are cleaned as in `clean_spaces`, legacy TCVN3/VNI text is converted to
    Unicode when it is detected (the case of all-caps cells is restored), and the
    eth look-alike is replaced by Đ.
    """
    s = clean_spaces(s)
    if s.isascii():
        return s
    return to_unicode(s, fix_case=True).translate(_LOOKALIKES)
