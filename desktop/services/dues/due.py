"""The amount due (số phải nộp) per member per month, by the pack in force that month.

Who owes in a month: the members of this cell on the month's last day (members attached
here temporarily included); nothing is due where the pack names an exemption (miễn sinh
hoạt, sinh hoạt tạm thời nơi khác, 50 năm tuổi đảng, …). The base amount of a salary is
the one of the month the pack names (Quy định 01-QĐ/TW: the month before).
"""

from __future__ import annotations

from collections.abc import Iterable
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Member
from desktop.rules import RuleFileError
from desktop.rules.dues_model import DuesPack
from desktop.rules.dues_rules import pack_for_month, retirement_age_months
from desktop.services.dues import settings
from desktop.services.dues.assignments import AssignmentRow, all_histories, in_force
from desktop.services.dues.common import Month, add_months, last_day, month_text
from desktop.services.members.registry import live_member_events
from desktop.services.members.status import MemberStatus, StatusInfo, derive_status, party_age
from desktop.text import name_sort_key
from desktop.text.dates import PartialDate

# Who is counted in a month's list at all; the pack's exemptions then say who owes nothing.
LISTED = frozenset(
    {
        MemberStatus.PROBATIONARY,
        MemberStatus.OFFICIAL,
        MemberStatus.EXEMPTED,
        MemberStatus.TEMPORARY_HERE,
        MemberStatus.TEMPORARY_AWAY,
        MemberStatus.UNKNOWN,
    }
)
NO_CLASS = "Chưa xếp đối tượng đóng đảng phí"


@dataclass(frozen=True)
class MonthDue:
    """One member in one month: what is due and why."""

    member_id: int
    full_name: str
    month: Month
    amount: int
    class_code: str = ""
    class_name: str = ""
    base: int | None = None
    rate_text: str = ""
    source: str = ""
    confirmed: bool = False
    exempt: str = ""  # why nothing is due, "" when it is
    problem: str = ""  # what the secretary must fill in before the amount is known

    @property
    def owes(self) -> bool:
        return not self.exempt


@dataclass
class MemberFacts:
    id: int
    full_name: str
    female: bool
    birth: PartialDate | None
    events: list
    assignments: list[AssignmentRow]
    _dates: list[date] = field(default_factory=list)
    _untils: list[date] = field(default_factory=list)
    _statuses: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.events = sorted(self.events, key=lambda e: e.happened_on)
        self._dates = [e.happened_on for e in self.events]
        self._untils = sorted({e.until for e in self.events if e.until is not None})

    def status(self, on: date) -> StatusInfo:
        """``derive_status`` on ``on``, computed once per distinct history state: the
        status only depends on which events and which end dates lie before ``on``."""
        key = (bisect_right(self._dates, on), bisect_left(self._untils, on))
        found = self._statuses.get(key)
        if found is None:
            found = self._statuses[key] = derive_status(self.events, on)
        return found


class DueCalculator:
    """Everything needed to compute dues, loaded once per action (one query per table)."""

    def __init__(self, session: Session, *, member_ids: Iterable[int] | None = None) -> None:
        query = select(Member.id, Member.full_name, Member.gender, Member.birth_date).where(
            Member.deleted_at.is_(None)
        )
        if member_ids is not None:
            query = query.where(Member.id.in_(list(member_ids)))
        events = live_member_events(session)
        histories = all_histories(session)
        self.members = sorted(
            (
                MemberFacts(m.id, m.full_name, m.gender == "nu", m.birth_date,
                            events.get(m.id, []), histories.get(m.id, []))
                for m in session.execute(query)
            ),
            key=lambda m: name_sort_key(m.full_name),
        )
        self._session = session
        self._zones: dict[str, str] = {}

    def pack(self, month: Month) -> DuesPack | None:
        try:
            return pack_for_month(month)
        except RuleFileError:
            return None

    def zone(self, pack: DuesPack) -> str:
        if pack.id not in self._zones:
            self._zones[pack.id] = settings.zone(self._session, pack)
        return self._zones[pack.id]

    def month(self, month: Month) -> list[MonthDue]:
        """The month's list: every member listed that month, in name order."""
        pack = self.pack(month)
        out = []
        for member in self.members:
            due = self.due(member, month, pack)
            if due is not None:
                out.append(due)
        return out

    def due(self, member: MemberFacts, month: Month, pack: DuesPack | None) -> MonthDue | None:
        end = last_day(month)
        info = member.status(end)
        if info.status not in LISTED:
            return None
        def make(amount: int = 0, **fields) -> MonthDue:
            return MonthDue(member.id, member.full_name, month, amount, **fields)

        if pack is None:
            return make(problem=f"Chưa có quy định đảng phí cho tháng {month_text(month)}.")
        for rule in pack.exemptions:
            if rule.status and info.status.value == rule.status:
                return make(exempt=rule.text, source=rule.source)
            if rule.min_party_years is not None:
                age = party_age(info.admitted_on, end)
                if age is not None and age >= rule.min_party_years:
                    return make(exempt=rule.text, source=rule.source)
        row = in_force(member.assignments, month)
        if row is None:
            return make(problem=NO_CLASS)
        dues_class = pack.dues_class(row.class_code)
        if dues_class is None:
            return make(class_code=row.class_code, problem=(
                f"Đối tượng {row.class_code!r} không có trong {pack.title}: xếp lại từ tháng "
                f"{month_text(month)}."))
        reduction = row.reduction_percent
        if reduction and row.reduction_until is not None and month > row.reduction_until:
            reduction = 0
        described = {"class_code": dues_class.code, "class_name": dues_class.short_name}
        if reduction == 100:
            return make(**described, exempt="Miễn theo đơn",
                         source=pack.reductions.source if pack.reductions else "")
        amount_base = None
        if dues_class.amount.needs_base:
            base_month = add_months(month, pack.base_offset(dues_class.code))
            earlier = in_force(member.assignments, base_month)
            amount_base = earlier.base_amount if earlier and earlier.base_amount else None
            amount_base = amount_base or row.base_amount
        retired, note = False, ""
        if dues_class.amount.needs_age:
            if member.birth is None:
                note = " (thiếu ngày sinh: tính như chưa đến tuổi nghỉ hưu)"
            else:
                retired = reached_retirement(member.birth, member.female, end)
        try:
            quote = pack.amount(dues_class, month, base=amount_base, zone=self.zone(pack),
                                retired=retired, reduction=reduction)
        except ValueError as exc:
            return make(**described, base=amount_base, problem=str(exc),
                        source=dues_class.source)
        return make(quote.amount, **described, base=amount_base,
                    rate_text=quote.rate_text + note, source=quote.source,
                    confirmed=quote.confirmed)


def reached_retirement(birth: PartialDate, female: bool, on: date) -> bool:
    """Whether the member had reached tuổi nghỉ hưu by ``on``, under the age of each year.

    The age rises every year (Bộ luật Lao động 2019), so a member counts as retired once
    the age in force in some year was reached within that year.
    """
    born = date(birth.year, birth.month or 7, min(birth.day or 1, 28))
    for year in range(born.year + 50, on.year + 1):
        months = retirement_age_months(year, female)
        index = born.year * 12 + born.month - 1 + months
        reached = date(index // 12, index % 12 + 1, born.day)
        if reached <= min(on, date(year, 12, 31)):
            return True
    return False


def month_dues(session: Session, month: Month) -> list[MonthDue]:
    return DueCalculator(session).month(month)
