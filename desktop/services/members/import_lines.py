"""Which lines of a roster file are members: names, titles, stray notes and the sample.

A roster kept in Excel holds more than members: section titles merged across the table,
notes, a line with only "Đã chuyển đi". These tests tell them apart, for ``plan_import``.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.errors import DomainError
from desktop.services.members.import_cells import is_blank
from desktop.services.members.import_columns import ALL_COLUMNS, label_for
from desktop.services.members.import_layout import column_name, is_heading
from desktop.text import PartialDate, clean_spaces, fold, normalize_card_number, parse_date

# A line without a name is a member with the name missing (rejected, reported) when it
# holds one of these; otherwise it is a stray note or a section title (skipped).
IDENTIFYING = ("card_number", "citizen_id", "birth_date", "admitted_on", "official_on", "phone")


def only_name(values: dict[str, object]) -> bool:
    return all(is_blank(v) for f, v in values.items() if f != "full_name")


def checked_mapping(mapping: dict[str, int], width: int) -> dict[str, int]:
    known = {spec.field for spec in ALL_COLUMNS}
    for name, column in mapping.items():
        if name not in known:
            raise DomainError(f"Không có trường “{name}” để nhập.")
        if not 0 <= column < max(width, 1):
            raise DomainError(f"Tệp không có cột {column_name(column)} (cho {label_for(name)}).")
    return dict(mapping)


def raw_name(values: dict[str, object]) -> str:
    if not is_blank(values.get("full_name")):
        return clean_spaces(str(values["full_name"]))
    parts = [values.get("family_name"), values.get("given_name")]
    return clean_spaces(" ".join(str(p) for p in parts if not is_blank(p)))


def shown(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, datetime | date):
        return PartialDate.from_date(value).display()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_spaces(str(value))


def is_member_line(values: dict[str, object]) -> bool:
    """A name with a readable birth date, card number or gender beside it."""
    if not raw_name(values):
        return False
    for name, check in (("birth_date", parse_date), ("card_number", normalize_card_number)):
        if not is_blank(values.get(name)):
            try:
                if check(values[name]):
                    return True
            except ValueError:
                pass
    gender = values.get("gender")
    return not is_blank(gender) and fold(str(gender)).strip(" .") in ("nam", "nu")


def looks_like_member(values: dict[str, object]) -> bool:
    filled = [f for f, v in values.items() if not is_blank(v)]
    return any(f in IDENTIFYING for f in filled) or len(filled) >= 2


def is_title_line(grid, r: int, mapping: dict[str, int], values, name: str) -> bool:
    """A section title ("I. Đảng viên chính thức", "Tổ 1" merged across the table)."""
    if not name:
        return False
    others = [f for f, v in values.items() if not is_blank(v) and f != "full_name"]
    if "full_name" in mapping:
        rng = grid.merged_range(r, mapping["full_name"])
        if rng and rng[3] > rng[1] and not others:
            return True
    return not others and is_heading(name)

