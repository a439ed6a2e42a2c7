"""What one dues pack (bộ quy định chế độ đảng phí) says, as plain frozen data.

Amounts are whole đồng (``int``); rates and shares are ``Decimal`` read from strings, so
no float ever touches money. ``DuesPack.amount`` is the only arithmetic: rate × base,
minus a reduction, rounded as the pack's ``rounding`` says.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

from desktop.rules.pack_base import Source

Month = tuple[int, int]  # (year, month)
DuesSource = Source  # a document a dues pack rests on, as for every pack

ROUNDING_MODES = {"half_up": ROUND_HALF_UP, "up": ROUND_CEILING, "down": ROUND_FLOOR}
AMOUNT_KINDS = ("percent_of_base", "fixed", "zone_table", "percent_of_zone_wage", "declared",
                "exempt")


def month_text(month: Month) -> str:
    """"02/2026": how a month reads on screen and on paper."""
    return f"{month[1]:02d}/{month[0]}"


@dataclass(frozen=True)
class Ruled:
    """A rule's wording and where it was read; ``verify`` = not yet read in the text."""

    text: str
    source: str
    verify: bool

    @property
    def confirmed(self) -> bool:
        return not self.verify and "chưa xác nhận" not in self.source


@dataclass(frozen=True)
class Rounding(Ruled):
    mode: str = "half_up"
    unit: int = 1

    def apply(self, value: Decimal) -> int:
        steps = (value / self.unit).quantize(Decimal(1), rounding=ROUNDING_MODES[self.mode])
        return int(steps) * self.unit


@dataclass(frozen=True)
class RatePhase:
    starts: Month
    below_retirement: Decimal
    retired: Decimal


@dataclass(frozen=True)
class Amount:
    """How a class's monthly amount is found (``kind`` is one of ``AMOUNT_KINDS``)."""

    kind: str
    rate: Decimal | None = None
    fixed: int | None = None
    zone_amounts: tuple[tuple[str, int], ...] = ()
    retired_factor: Decimal = Decimal(1)
    phases: tuple[RatePhase, ...] = ()

    @property
    def needs_base(self) -> bool:
        return self.kind in ("percent_of_base", "declared")

    @property
    def needs_age(self) -> bool:
        return self.kind == "percent_of_zone_wage" or (
            self.kind == "zone_table" and self.retired_factor != 1
        )

    def phase(self, month: Month) -> RatePhase | None:
        found = None
        for phase in self.phases:
            if phase.starts <= month:
                found = phase
        return found


@dataclass(frozen=True)
class DuesClass:
    """Đối tượng đóng đảng phí: e.g. hưởng lương, hưu trí, học sinh, không lương."""

    code: str
    name: str
    short_name: str
    base_label: str
    amount: Amount
    source: str
    verify: bool


@dataclass(frozen=True)
class Exemption(Ruled):
    """A case in which nothing is due: by the member's status or by party age."""

    code: str = ""
    status: str = ""
    min_party_years: int | None = None


@dataclass(frozen=True)
class Reductions(Ruled):
    percents: tuple[int, ...] = ()
    max_months: int = 12


@dataclass(frozen=True)
class RetentionOption:
    code: str
    name: str
    min: Decimal
    max: Decimal
    default: Decimal


@dataclass(frozen=True)
class Retention(Ruled):
    options: tuple[RetentionOption, ...] = ()

    def option(self, code: str) -> RetentionOption:
        for option in self.options:
            if option.code == code:
                return option
        return self.options[0]


@dataclass(frozen=True)
class ZoneWage:
    starts: Month
    values: tuple[tuple[str, int], ...]
    source: str
    verify: bool


@dataclass(frozen=True)
class Quote:
    """One computed monthly amount and how it was reached, for the screen and the paper."""

    amount: int
    rate_text: str
    source: str
    confirmed: bool


@dataclass(frozen=True)
class DuesPack:
    id: str
    title: str
    starts: Month
    ends: Month | None
    path: Path
    note: str
    sources: tuple[DuesSource, ...]
    base_month_offset: int
    base_month_classes: tuple[str, ...]
    base_month: Ruled
    rounding: Rounding
    zone_label: str
    zones: tuple[tuple[str, str], ...]
    zones_rule: Ruled
    zone_wages: tuple[ZoneWage, ...]
    classes: tuple[DuesClass, ...]
    exemptions: tuple[Exemption, ...]
    reductions: Reductions | None
    retention: Retention
    removal_months: int
    removal: Ruled

    def base_offset(self, class_code: str) -> int:
        """Months between the dues month and the month whose base amount counts."""
        return self.base_month_offset if class_code in self.base_month_classes else 0

    def covers(self, month: Month) -> bool:
        return self.starts <= month and (self.ends is None or month <= self.ends)

    def dues_class(self, code: str) -> DuesClass | None:
        for item in self.classes:
            if item.code == code:
                return item
        return None

    def zone_name(self, code: str) -> str:
        return dict(self.zones).get(code, code)

    def zone_wage(self, month: Month) -> ZoneWage | None:
        found = None
        for wage in self.zone_wages:
            if wage.starts <= month:
                found = wage
        return found

    def amount(
        self,
        dues_class: DuesClass,
        month: Month,
        *,
        base: int | None = None,
        zone: str = "",
        retired: bool = False,
        reduction: int = 0,
    ) -> Quote:
        """The monthly amount of ``dues_class`` in ``month``, after a reduction in percent.

        Raises ``ValueError`` (Vietnamese) when a needed value (base, zone, wage) is missing.
        """
        rule = dues_class.amount
        confirmed = not dues_class.verify and "chưa xác nhận" not in dues_class.source
        if rule.kind == "exempt":
            return Quote(0, "Miễn", dues_class.source, confirmed)
        if rule.kind == "percent_of_base" or rule.kind == "declared":
            if base is None:
                raise ValueError(f"Chưa có {dues_class.base_label.lower() or 'mức căn cứ'}.")
            rate = rule.rate if rule.kind == "percent_of_base" else Decimal(1)
            value = Decimal(base) * rate
            rate_text = percent_text(rate) if rule.kind == "percent_of_base" else "Tự khai"
        elif rule.kind == "fixed":
            value, rate_text = Decimal(rule.fixed or 0), "Mức cố định"
        elif rule.kind == "zone_table":
            amounts = dict(rule.zone_amounts)
            if zone not in amounts:
                raise ValueError(f"Chưa chọn {self.zone_label.lower()} trong Cài đặt đảng phí.")
            factor = rule.retired_factor if retired else Decimal(1)
            value = Decimal(amounts[zone]) * factor
            rate_text = f"{self.zone_name(zone)}" + (f", {percent_text(factor)}" if retired and
                                                    factor != 1 else "")
        else:  # percent_of_zone_wage
            phase, wage = rule.phase(month), self.zone_wage(month)
            if phase is None or wage is None:
                raise ValueError(
                    f"Bộ quy định {self.id} chưa có mức cho tháng {month_text(month)}."
                )
            wages = dict(wage.values)
            if zone not in wages:
                raise ValueError(f"Chưa chọn {self.zone_label.lower()} trong Cài đặt đảng phí.")
            rate = phase.retired if retired else phase.below_retirement
            value = Decimal(wages[zone]) * rate
            rate_text = f"{percent_text(rate)} lương tối thiểu {self.zone_name(zone)}"
            confirmed = confirmed and not wage.verify
        if reduction:
            value = value * (100 - reduction) / 100
            rate_text += f", giảm {reduction}%"
        if value != value.to_integral_value():
            # Only an amount that needs rounding depends on the (unconfirmed) rounding rule.
            confirmed = confirmed and self.rounding.confirmed
        return Quote(self.rounding.apply(value), rate_text, dues_class.source, confirmed)


def percent_text(rate: Decimal) -> str:
    """"1%", "0,5%": a share in the Vietnamese way of writing it."""
    value = (rate * 100).normalize()
    text = f"{value:f}".replace(".", ",")
    return f"{text}%"
