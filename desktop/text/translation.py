"""Fast str.translate tables.

str.translate accepts any indexable table. A list indexed by code point is looked up
faster than a dict, which matters for keys computed on every keystroke; code points
past the end of the list raise IndexError, which str.translate treats as "keep the
character".
"""

from __future__ import annotations

from collections.abc import Mapping


def dense_table(mapping: Mapping[int, str | None]) -> list[str | None]:
    """A list usable with str.translate that behaves exactly like `mapping`."""
    size = max(mapping) + 1 if mapping else 0
    table: list[str | None] = [chr(code) for code in range(size)]
    for code, replacement in mapping.items():
        table[code] = replacement
    return table
