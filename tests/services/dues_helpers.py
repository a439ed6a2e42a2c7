"""Members and dues classes for the dues tests, made through the services."""

from __future__ import annotations

from datetime import date

from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues import settings
from desktop.services.dues.assignments import AssignmentData, set_assignment
from desktop.services.members.registry import MemberData, create_member
from desktop.text.dates import PartialDate

TODAY = date(2026, 12, 2)


def add_member(db, name: str, *, gender: str = "nam", birth=PartialDate(1980, 5, 1),
               admitted=date(2000, 5, 19)) -> int:
    data = MemberData(full_name=name, gender=gender, birth_date=birth, admitted_on=admitted,
                      official_on=date(admitted.year + 1, admitted.month, admitted.day))
    return create_member(db, data, TODAY)


def assign(db, member_id: int, starts, code: str, base: int | None = None, **extra) -> int:
    return set_assignment(db, member_id, AssignmentData(starts, code, base, **extra))


def set_zones(db) -> None:
    settings.set_zone(db, pack_for_month((2026, 2)), "II")
    settings.set_zone(db, pack_for_month((2025, 1)), "con_lai")
