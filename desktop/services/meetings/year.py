"""The year of meetings (kế hoạch sinh hoạt cả năm): each month's state, the quarters
still lacking a thematic meeting, and members missing meetings without reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from desktop.rules.meeting_rules import meeting_rules
from desktop.services.meetings.attendance import unexcused_months
from desktop.services.meetings.common import (
    NOT_PLANNED_LABEL,
    MeetingKind,
    MeetingState,
    is_thematic,
    meetings_of_year,
    member_names,
)
from desktop.services.meetings.records import MeetingSummary, meeting_summary
from desktop.storage.database import Database
from desktop.text import name_sort_key


@dataclass(frozen=True)
class MonthStatus:
    month: int
    regular: MeetingSummary | None
    others: list[MeetingSummary]
    state_label: str  # of the regular meeting: "Chưa lập kế hoạch" … "Đã thông qua biên bản"


@dataclass(frozen=True)
class AbsenceCount:
    member_id: int
    full_name: str
    count: int  # months of the year with a meeting missed without reason


@dataclass(frozen=True)
class AbsenceFlag:
    member_id: int
    full_name: str
    count: int
    message: str


@dataclass(frozen=True)
class YearOverview:
    year: int
    months: list[MonthStatus]
    quarters_missing_thematic: list[int]  # no thematic meeting held yet in these quarters
    unexcused: list[AbsenceCount]
    flagged: list[AbsenceFlag]
    # Among the quarters above, those where a thematic meeting is planned but not yet held.
    quarters_thematic_planned: list[int] = field(default_factory=list)


def year_overview(db: Database, year: int) -> YearOverview:
    rules = meeting_rules()
    with db.session() as session:
        meetings = meetings_of_year(session, year)
        months = []
        for month in range(1, 13):
            of_month = [m for m in meetings if m.month == month]
            regular = next((m for m in of_month if m.kind == MeetingKind.REGULAR), None)
            months.append(
                MonthStatus(
                    month=month,
                    regular=meeting_summary(session, regular) if regular else None,
                    others=[meeting_summary(session, m) for m in of_month if m is not regular],
                    state_label=(
                        MeetingState(regular.state).label if regular else NOT_PLANNED_LABEL
                    ),
                )
            )
        held = [0] * 5
        planned = [0] * 5
        for meeting in meetings:
            if is_thematic(meeting):
                quarter = (meeting.month - 1) // 3 + 1
                if meeting.state == MeetingState.PLANNED:
                    planned[quarter] += 1
                else:
                    held[quarter] += 1
        missing = [q for q in range(1, 5) if held[q] < rules.thematic_per_quarter]
        unexcused = _absence_counts(session, year)
    threshold = rules.unexcused_absence_flag
    cite = rules.source("unexcused_absence_flag").cite
    return YearOverview(
        year=year,
        months=months,
        quarters_missing_thematic=missing,
        unexcused=unexcused,
        flagged=[
            AbsenceFlag(
                a.member_id,
                a.full_name,
                a.count,
                f"vắng sinh hoạt không lý do {a.count} tháng trong năm: chi bộ xem xét theo {cite}",
            )
            for a in unexcused
            if a.count >= threshold
        ],
        quarters_thematic_planned=[q for q in missing if planned[q]],
    )


def _absence_counts(session: Session, year: int) -> list[AbsenceCount]:
    counts = unexcused_months(session, year)
    names = member_names(session, counts)
    found = [AbsenceCount(i, names.get(i, ""), n) for i, n in counts.items()]
    found.sort(key=lambda a: (-a.count, name_sort_key(a.full_name)))
    return found
