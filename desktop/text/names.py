"""Writing people's names the way documents print them ("Nguyễn Văn Thắng").

Rosters arrive in ALL CAPS, all lowercase or with double spaces; names are stored in
proper case so that they print and sort consistently.
"""

from __future__ import annotations

import re

from desktop.text.normalize import clean_spaces

# Ethnic-minority names such as "H'Hen Niê" or a hyphenated given name capitalise
# each part.
_PART_SEPARATORS = re.compile(r"([-'’])")


def _capitalise(part: str) -> str:
    return part[:1].upper() + part[1:].lower()


def proper_case_name(s: str | None) -> str:
    """Clean spaces and write each word of a name with one capital letter.

    >>> proper_case_name("TRẦN THỊ HỒNG  NHUNG")
    'Trần Thị Hồng Nhung'
    """
    words = clean_spaces(s).split(" ")
    result = []
    for word in words:
        parts = _PART_SEPARATORS.split(word)
        result.append("".join(_capitalise(part) for part in parts))
    return " ".join(result)
