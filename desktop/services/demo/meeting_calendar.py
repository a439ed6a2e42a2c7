"""The demo year's calendar (lịch sinh hoạt của năm mẫu): which meetings are held when.

The demo year is the 12 months ending last month; each has a regular meeting (thường kỳ) on
the 5th (the 6th when the 5th is a Sunday), each past quarter one thematic meeting
(chuyên đề) on the 20th of its middle month. In the rice-harvest months the cell meets in
the evening. The year-end rating meeting and the one before it are marked here so that
what they say follows the real order of the review season (``Slot.plan``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from desktop.services.demo import meetings_text as say
from desktop.services.demo.meetings_text import MONTHS, THEMES, MonthPlan, Theme

# Rice harvests (Đông Xuân, Hè Thu, Thu Đông): the cell meets in the evening.
EVENING_MONTHS = (2, 3, 6, 7, 10, 11)

# The cell's congress (đại hội chi bộ) opening the term: mid-month, this many whole months
# before the demo year, so the demo's first minutes are not number 01 of the term.
MONTHS_BEFORE_DEMO = 7


def demo_congress(today: date) -> date:
    """The day the demo cell's term began (the term's minutes are numbered from it)."""
    year, month = demo_months(today)[0]
    month -= MONTHS_BEFORE_DEMO + 1
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 15)


def demo_months(today: date) -> list[tuple[int, int]]:
    """The demo year: (year, month) of the 12 months ending last month, oldest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(12):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        months.append((year, month))
    return months[::-1]


@dataclass(frozen=True)
class Slot:
    """One meeting to hold: a regular one, or a thematic one when ``theme`` is set."""

    index: int  # the month's position in the demo year
    year: int
    month: int
    day: date
    start: time
    end: time
    theme: Theme | None = None

    rating: str = ""  # "at": the year-end rating meeting; "before": the one before it

    @property
    def plan(self) -> MonthPlan:
        plan = MONTHS[self.month]
        if self.rating:
            step = say.RATING_AT if self.rating == "at" else say.RATING_BEFORE
            return say.with_rating_step(plan, step, at=self.rating == "at")
        return plan


def meeting_day(year: int, month: int, day: int) -> date:
    found = date(year, month, day)
    return found + timedelta(days=1) if found.weekday() == calendar.SUNDAY else found


def plus(start: time, minutes: int) -> time:
    return (datetime.combine(date.min, start) + timedelta(minutes=minutes)).time()


def start_at(month: int, daytime: time) -> time:
    return time(19) if month in EVENING_MONTHS else daytime


def regular_slots(today: date) -> list[Slot]:
    """The demo year's regular meetings, the rating meetings and the ones before marked."""
    slots = [_regular_slot(i, y, m) for i, (y, m) in enumerate(demo_months(today))]
    return _with_rating_steps(today, slots)


def _regular_slot(index: int, year: int, month: int) -> Slot:
    start = start_at(month, time(7, 30))
    minutes = 120
    return Slot(index, year, month, meeting_day(year, month, 5), start, plus(start, minutes))

def _with_rating_steps(today: date, slots: list[Slot]) -> list[Slot]:
    """Mark the year-end rating meetings and the meetings before them, where
    ``demo.reviews`` votes: a completed year's ratings at its December meeting, this
    year's at its last regular meeting held, a rating meeting when it is November's
    (the demo opened in December). The meeting before hands out the forms."""
    from desktop.services.demo.reviews import NEW_RULES_YEAR, OLD_RULES_YEAR

    completed = {y for y in (OLD_RULES_YEAR, NEW_RULES_YEAR) if y < today.year}
    at = {s.index for s in slots if s.month == 12 and s.year in completed}
    this_year = [s for s in slots if s.year == today.year]
    if this_year and this_year[-1].month == 11:
        at.add(this_year[-1].index)
    before = {i - 1 for i in at if i > 0} - at
    return [
        replace(s, rating="at" if s.index in at else "before" if s.index in before else "")
        for s in slots
    ]

def thematic_slots(today: date) -> list[Slot]:
    """One per quarter of the demo year, in its middle month when there; none in the
    current quarter."""
    months = demo_months(today)
    current = (today.year, (today.month - 1) // 3)
    quarters: dict[tuple[int, int], list[int]] = {}
    for index, (year, month) in enumerate(months):
        quarters.setdefault((year, (month - 1) // 3), []).append(index)
    slots = []
    for quarter, indexes in quarters.items():
        if quarter == current:
            continue
        index = ([i for i in indexes if months[i][1] % 3 == 2] or indexes)[0]
        year, month = months[index]
        start = start_at(month, time(14))
        day = meeting_day(year, month, 20)
        theme = THEMES[quarter[1]]
        slots.append(Slot(index, year, month, day, start, plus(start, 90), theme))
    return slots

def flag_months(months: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Three months of one calendar year in which ABSENTEE stays away without reason:
    the year of last month, or the year before when last month is January or February."""
    year = months[-1][0]
    if sum(1 for y, _ in months if y == year) < 3:
        year -= 1
    of_year = [ym for ym in months if ym[0] == year]
    n = len(of_year)
    picks = (n - 2, n - 5, n - 8) if n >= 8 else (0, n // 2, n - 1)
    return {of_year[i] for i in picks}
