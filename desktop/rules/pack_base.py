"""What every rule pack shares: the documents it rests on, and one checked way to read it.

Rating packs (``rating_loader``) and dues packs (``dues_rules``) are JSON files a secretary
or a maintainer may edit by hand; every fault stops with a Vietnamese message naming the
file and the field, e.g. ``Tệp quy định …/2025.json, mục "bands[1].level": …``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.rules import RuleFileError


@dataclass(frozen=True)
class Source:
    """A document a pack rests on (văn bản căn cứ)."""

    code: str
    title: str
    date: str
    note: str = ""
    verify: bool = False


class PackReader:
    """Typed access to a pack's JSON values, raising errors that name the file and field.

    A pack's own reader adds the kinds of value only it has (numbers, rates, months…).
    """

    # Whether an optional text written as only spaces reads as "" (dues packs) or is a
    # fault (rating packs, which have always refused it).
    BLANK_OPTIONAL_TEXT = True

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, message: str) -> RuleFileError:
        return RuleFileError(f'Tệp quy định {self.path}, mục "{field}": {message}')

    def get(self, obj: Any, key: str, field: str) -> Any:
        if not isinstance(obj, dict) or key not in obj:
            raise self.fail(field, "thiếu mục này.")
        return obj[key]

    def text(self, obj: Any, key: str, field: str, *, required: bool = True) -> str:
        value = obj.get(key) if isinstance(obj, dict) else None
        if value is None and not required:
            return ""
        blank_is_fault = required or not self.BLANK_OPTIONAL_TEXT
        if not isinstance(value, str) or (blank_is_fault and not value.strip()):
            raise self.fail(field, f"phải là một chuỗi chữ không rỗng (đang có: {value!r}).")
        return value.strip()

    def flag(self, obj: Any, key: str, field: str, default: bool = False) -> bool:
        value = obj.get(key, default) if isinstance(obj, dict) else default
        if not isinstance(value, bool):
            raise self.fail(field, f"phải là true hoặc false (đang có: {value!r}).")
        return value

    def items(self, obj: Any, key: str, field: str, *, allow_empty: bool = False) -> list:
        value = self.get(obj, key, field)
        if not isinstance(value, list) or (not value and not allow_empty):
            raise self.fail(field, "phải là một danh sách không rỗng.")
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{field}[{index}]", "phải là một đối tượng JSON.")
        return value

    def sources(self, data: dict) -> tuple[Source, ...]:
        """The pack's ``sources``: code, title, date, an optional note and ``verify``."""
        out = []
        for i, item in enumerate(self.items(data, "sources", "sources")):
            f = f"sources[{i}]"
            out.append(
                Source(
                    code=self.text(item, "code", f"{f}.code"),
                    title=self.text(item, "title", f"{f}.title"),
                    date=self.text(item, "date", f"{f}.date"),
                    note=self.text(item, "note", f"{f}.note", required=False),
                    verify=self.flag(item, "verify", f"{f}.verify"),
                )
            )
        return tuple(out)
