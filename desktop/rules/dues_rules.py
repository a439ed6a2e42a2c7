"""Dues packs (chế độ đảng phí) read from ``resources/rules/dues/``, one file per period.

A month's dues are computed by the pack in force that month (Quyết định 342-QĐ/TW until
01/2026, Quy định 01-QĐ/TW from 02/2026), never by a year test in code. Every fault stops
with a Vietnamese message naming the file and the field, like the rating packs.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from desktop.paths import resource
from desktop.rules import RuleFileError, read_rule_file
from desktop.rules.pack_base import PackReader
from desktop.rules.dues_model import (
    AMOUNT_KINDS,
    ROUNDING_MODES,
    Amount,
    DuesClass,
    DuesPack,
    Exemption,
    Month,
    RatePhase,
    Reductions,
    Retention,
    RetentionOption,
    Rounding,
    Ruled,
    ZoneWage,
    month_text,
)

RETIREMENT_FILE = "retirement-age.json"
EXEMPTION_STATUSES = ("mien", "tam_thoi_di")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class _Reader(PackReader):
    """The pack reader, with the dues packs' rates, months and ruled texts."""

    def integer(self, obj: Any, key: str, field: str, *, minimum: int = 0) -> int:
        value = self.get(obj, key, field)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail(field, f"phải là số nguyên từ {minimum} trở lên (đang có: {value!r}).")
        return value

    def rate(self, obj: Any, key: str, field: str) -> Decimal:
        """A share written as a string ("0.005"): JSON floats would not be exact."""
        value = self.get(obj, key, field)
        if not isinstance(value, str):
            raise self.fail(field, f'phải viết trong dấu ngoặc kép, ví dụ "0.01" (đang có: {value!r}).')
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(field, f"không phải số hợp lệ ({value!r}).") from None
        if not number.is_finite() or not 0 <= number <= 1:
            raise self.fail(field, f"phải trong khoảng 0–1 (đang có: {value}).")
        return number

    def month(self, obj: Any, key: str, field: str, *, nullable: bool = False) -> Month | None:
        value = self.get(obj, key, field)
        if value is None and nullable:
            return None
        match = _MONTH.match(value) if isinstance(value, str) else None
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise self.fail(field, f'phải có dạng "YYYY-MM" (đang có: {value!r}).')
        return int(match.group(1)), int(match.group(2))

    def ruled(self, obj: Any, field: str) -> Ruled:
        return Ruled(
            self.text(obj, "text", f"{field}.text"),
            self.text(obj, "source", f"{field}.source"),
            self.flag(obj, "verify", f"{field}.verify"),
        )


def load_dues_pack(path: Path | str) -> DuesPack:
    """Read and check one dues pack; raises ``RuleFileError`` in Vietnamese."""
    path = Path(path)
    data = read_rule_file(path)
    r = _Reader(path)
    starts = r.month(data, "valid_from", "valid_from")
    ends = r.month(data, "valid_to", "valid_to", nullable=True)
    if ends is not None and ends < starts:
        raise r.fail("valid_to", "tháng kết thúc trước tháng bắt đầu.")
    zones_raw = r.get(data, "zones", "zones")
    zones = tuple(
        (r.text(z, "code", f"zones.items[{i}].code"), r.text(z, "name", f"zones.items[{i}].name"))
        for i, z in enumerate(r.items(zones_raw, "items", "zones.items"))
    )
    zone_codes = {code for code, _ in zones}
    base = r.get(data, "base_month", "base_month")
    offset = base.get("offset") if isinstance(base, dict) else None
    if offset not in (0, -1):
        raise r.fail("base_month.offset", "phải là 0 (tháng đó) hoặc -1 (tháng trước liền kề).")
    applies = base.get("applies_to")
    if not isinstance(applies, list) or not all(isinstance(c, str) for c in applies):
        raise r.fail("base_month.applies_to", "phải là danh sách mã đối tượng.")
    rounding = r.get(data, "rounding", "rounding")
    mode = r.text(rounding, "mode", "rounding.mode")
    if mode not in ROUNDING_MODES:
        raise r.fail("rounding.mode", f"phải là một trong {', '.join(ROUNDING_MODES)}.")
    retention = _retention(r, r.get(data, "retention", "retention"))
    removal = r.get(data, "removal", "removal")
    classes = _classes(r, data, zone_codes)
    unknown = set(applies) - {c.code for c in classes}
    if unknown:
        raise r.fail("base_month.applies_to", f"không có đối tượng {', '.join(sorted(unknown))}.")
    return DuesPack(
        id=r.text(data, "id", "id"),
        title=r.text(data, "title", "title"),
        starts=starts,
        ends=ends,
        path=path,
        note=r.text(data, "note", "note", required=False),
        sources=r.sources(data),
        base_month_offset=offset,
        base_month_classes=tuple(applies),
        base_month=r.ruled(base, "base_month"),
        rounding=Rounding(
            *_ruled_fields(r.ruled(rounding, "rounding")),
            mode=mode,
            unit=r.integer(rounding, "unit", "rounding.unit", minimum=1),
        ),
        zone_label=r.text(zones_raw, "label", "zones.label"),
        zones=zones,
        zones_rule=Ruled("", r.text(zones_raw, "source", "zones.source"),
                         r.flag(zones_raw, "verify", "zones.verify")),
        zone_wages=_zone_wages(r, data, zone_codes),
        classes=classes,
        exemptions=_exemptions(r, data),
        reductions=_reductions(r, data),
        retention=retention,
        removal_months=r.integer(removal, "months", "removal.months", minimum=1),
        removal=r.ruled(removal, "removal"),
    )


def _ruled_fields(ruled: Ruled) -> tuple[str, str, bool]:
    return ruled.text, ruled.source, ruled.verify


def _zone_wages(r: _Reader, data: dict, zones: set[str]) -> tuple[ZoneWage, ...]:
    out = []
    for i, item in enumerate(r.items(data, "zone_wages", "zone_wages", allow_empty=True)):
        f = f"zone_wages[{i}]"
        values = r.get(item, "values", f"{f}.values")
        if not isinstance(values, dict) or set(values) != zones:
            raise r.fail(f"{f}.values", f"phải có đúng các vùng {', '.join(sorted(zones))}.")
        out.append(
            ZoneWage(
                starts=r.month(item, "from", f"{f}.from"),
                values=tuple((z, r.integer(values, z, f"{f}.values.{z}", minimum=1))
                             for z in sorted(zones)),
                source=r.text(item, "source", f"{f}.source"),
                verify=r.flag(item, "verify", f"{f}.verify"),
            )
        )
    return tuple(sorted(out, key=lambda wage: wage.starts))


def _amount(r: _Reader, raw: Any, field: str, zones: set[str], has_wages: bool) -> Amount:
    kind = r.text(raw, "kind", f"{field}.kind")
    if kind not in AMOUNT_KINDS:
        raise r.fail(f"{field}.kind", f"phải là một trong {', '.join(AMOUNT_KINDS)}.")
    if kind == "percent_of_base":
        return Amount(kind, rate=r.rate(raw, "rate", f"{field}.rate"))
    if kind == "fixed":
        return Amount(kind, fixed=r.integer(raw, "amount", f"{field}.amount", minimum=1))
    if kind == "zone_table":
        amounts = r.get(raw, "amounts", f"{field}.amounts")
        if not isinstance(amounts, dict) or set(amounts) != zones:
            raise r.fail(f"{field}.amounts", f"phải có đúng các khu vực {', '.join(sorted(zones))}.")
        return Amount(
            kind,
            zone_amounts=tuple(
                (z, r.integer(amounts, z, f"{field}.amounts.{z}", minimum=1)) for z in sorted(zones)
            ),
            retired_factor=r.rate(raw, "retired_factor", f"{field}.retired_factor"),
        )
    if kind == "percent_of_zone_wage":
        if not has_wages:
            raise r.fail(f"{field}.kind", 'cần mục "zone_wages" (lương tối thiểu vùng).')
        phases = tuple(
            RatePhase(
                starts=r.month(p, "from", f"{field}.phases[{i}].from"),
                below_retirement=r.rate(p, "below_retirement", f"{field}.phases[{i}].below_retirement"),
                retired=r.rate(p, "retired", f"{field}.phases[{i}].retired"),
            )
            for i, p in enumerate(r.items(raw, "phases", f"{field}.phases"))
        )
        if list(phases) != sorted(phases, key=lambda p: p.starts):
            raise r.fail(f"{field}.phases", "các giai đoạn phải theo thứ tự thời gian.")
        return Amount(kind, phases=phases)
    return Amount(kind)


def _classes(r: _Reader, data: dict, zones: set[str]) -> tuple[DuesClass, ...]:
    out: list[DuesClass] = []
    has_wages = bool(data.get("zone_wages"))
    for i, item in enumerate(r.items(data, "classes", "classes")):
        f = f"classes[{i}]"
        code = r.text(item, "code", f"{f}.code")
        if any(c.code == code for c in out):
            raise r.fail(f"{f}.code", f'đối tượng "{code}" bị lặp.')
        amount = _amount(r, r.get(item, "amount", f"{f}.amount"), f"{f}.amount", zones, has_wages)
        base_label = r.text(item, "base_label", f"{f}.base_label", required=False)
        if amount.needs_base and not base_label:
            raise r.fail(f"{f}.base_label", "đối tượng tính theo mức căn cứ phải có tên mức đó.")
        out.append(
            DuesClass(
                code=code,
                name=r.text(item, "name", f"{f}.name"),
                short_name=r.text(item, "short_name", f"{f}.short_name"),
                base_label=base_label,
                amount=amount,
                source=r.text(item, "source", f"{f}.source"),
                verify=r.flag(item, "verify", f"{f}.verify"),
            )
        )
    return tuple(out)


def _exemptions(r: _Reader, data: dict) -> tuple[Exemption, ...]:
    out = []
    for i, item in enumerate(r.items(data, "exemptions", "exemptions", allow_empty=True)):
        f = f"exemptions[{i}]"
        status = r.text(item, "status", f"{f}.status", required=False)
        years = item.get("min_party_years")
        if status and status not in EXEMPTION_STATUSES:
            raise r.fail(f"{f}.status", f"phải là một trong {', '.join(EXEMPTION_STATUSES)}.")
        if bool(status) == (years is not None):
            raise r.fail(f, 'cần đúng một trong "status" hoặc "min_party_years".')
        out.append(
            Exemption(
                *_ruled_fields(r.ruled(item, f)),
                code=r.text(item, "code", f"{f}.code"),
                status=status,
                min_party_years=None if years is None
                else r.integer(item, "min_party_years", f"{f}.min_party_years", minimum=1),
            )
        )
    return tuple(out)


def _reductions(r: _Reader, data: dict) -> Reductions | None:
    raw = r.get(data, "reductions", "reductions")
    if raw is None:
        return None
    percents = r.get(raw, "percents", "reductions.percents")
    if not isinstance(percents, list) or not all(
        isinstance(p, int) and not isinstance(p, bool) and 0 < p <= 100 for p in percents
    ):
        raise r.fail("reductions.percents", "phải là danh sách số nguyên từ 1 đến 100.")
    return Reductions(
        *_ruled_fields(r.ruled(raw, "reductions")),
        percents=tuple(percents),
        max_months=r.integer(raw, "max_months", "reductions.max_months", minimum=1),
    )


def _retention(r: _Reader, raw: Any) -> Retention:
    options = []
    for i, item in enumerate(r.items(raw, "options", "retention.options")):
        f = f"retention.options[{i}]"
        low, high = r.rate(item, "min", f"{f}.min"), r.rate(item, "max", f"{f}.max")
        default = r.rate(item, "default", f"{f}.default")
        if not low <= default <= high:
            raise r.fail(f"{f}.default", f"phải nằm trong khoảng {low}–{high}.")
        options.append(
            RetentionOption(r.text(item, "code", f"{f}.code"), r.text(item, "name", f"{f}.name"),
                            low, high, default)
        )
    return Retention(*_ruled_fields(r.ruled(raw, "retention")), options=tuple(options))


# ---------------------------------------------------------------- the bundled packs


def default_dir() -> Path:
    return resource("rules", "dues")


@cache
def dues_packs(folder: Path | None = None) -> tuple[DuesPack, ...]:
    """Every pack of ``folder``, in date order, checked to leave no month uncovered twice."""
    folder = Path(folder or default_dir())
    files = sorted(p for p in folder.glob("*.json") if p.name != RETIREMENT_FILE)
    packs = sorted((load_dues_pack(p) for p in files), key=lambda p: p.starts)
    if not packs:
        raise RuleFileError(f"Không có bộ quy định đảng phí nào trong {folder}.")
    for before, after in zip(packs, packs[1:], strict=False):
        if before.ends is None or before.ends >= after.starts:
            raise RuleFileError(
                f"Bộ quy định đảng phí {before.path.name} chồng thời gian với {after.path.name}."
            )
        year, month = before.ends
        following = (year + month // 12, month % 12 + 1)
        if following != after.starts:
            raise RuleFileError(
                f"Giữa {before.path.name} và {after.path.name} bỏ trống từ tháng "
                f"{month_text(following)}."
            )
    return tuple(packs)


def pack_for_month(month: Month, folder: Path | None = None) -> DuesPack:
    """The pack in force in ``month`` (year, month); ``RuleFileError`` if none covers it."""
    for pack in dues_packs(folder):
        if pack.covers(month):
            return pack
    first = dues_packs(folder)[0]
    raise RuleFileError(
        f"Chưa có quy định đảng phí cho tháng {month_text(month)} (các bộ quy định bắt đầu từ "
        f"tháng {month_text(first.starts)})."
    )


@cache
def retirement_ages(folder: Path | None = None) -> tuple[tuple[int, int, int], ...]:
    """(year, male months, female months) of the retirement-age file, in year order."""
    path = Path(folder or default_dir()) / RETIREMENT_FILE
    data = read_rule_file(path)
    r = _Reader(path)
    r.text(data, "source", "source")
    steps = tuple(
        (
            r.integer(s, "year", f"steps[{i}].year", minimum=1900),
            r.integer(s, "male_months", f"steps[{i}].male_months", minimum=480),
            r.integer(s, "female_months", f"steps[{i}].female_months", minimum=480),
        )
        for i, s in enumerate(r.items(data, "steps", "steps"))
    )
    if [s[0] for s in steps] != sorted({s[0] for s in steps}):
        raise r.fail("steps", "các năm phải tăng dần, không lặp.")
    return steps


def retirement_age_months(year: int, female: bool, folder: Path | None = None) -> int:
    """Tuổi nghỉ hưu (in months) that applies in ``year``."""
    found = None
    for step in retirement_ages(folder):
        if step[0] <= year:
            found = step
    if found is None:
        found = retirement_ages(folder)[0]
    return found[2] if female else found[1]
