"""Accent- and case-insensitive search keys, for the search boxes.

The roster search runs on every keystroke over thousands of names, so the folding
table is built once at import and applied with str.translate. Callers fold each
haystack once (e.g. when a member is loaded) and call `matches` per keystroke.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from desktop.text.translation import dense_table

_LATIN_RANGES = (range(0x00C0, 0x0250), range(0x1E00, 0x1F00))


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for block in _LATIN_RANGES:
        for code in block:
            ch = chr(code)
            stripped = "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
            ).lower()
            if stripped != ch:
                table[code] = stripped
    # Đ has a stroke, not a combining mark, so NFD leaves it alone; eth is its
    # look-alike typed by mistake.
    for ch in "đĐðÐ":
        table[ord(ch)] = "d"
    # Decomposed input (some Unikey settings, macOS) carries the marks separately.
    for code in range(0x0300, 0x0370):
        table[code] = None
    return table


_FOLD_TABLE = dense_table(_build_fold_table())


def fold(s: str | None) -> str:
    """Search key: lowercase, without diacritics, "đ" -> "d", single spaces.

    >>> fold("Nguyễn  Văn Ánh")
    'nguyen van anh'
    """
    if not s:
        return ""
    if not s.isascii():
        s = s.translate(_FOLD_TABLE)
    return " ".join(s.lower().split())


@lru_cache(maxsize=256)
def _query_tokens(query: str) -> tuple[str, ...]:
    return tuple(fold(query).split())


def matches(query: str, folded_haystack: str) -> bool:
    """True if every word of `query` occurs somewhere in `folded_haystack`.

    The haystack must already be folded with `fold`; the query is folded here, so
    "nguyen a" and "Nguyễn A" both find "nguyen van anh". An empty query matches
    everything.
    """
    return all(token in folded_haystack for token in _query_tokens(query or ""))
