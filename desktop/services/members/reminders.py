"""Reminders (nhắc việc) computed from the event history.

docs/domain.md §2: probation lasts 12 months from admission, so the cell should consider
official recognition in months 11 and 12; party badges (huy hiệu Đảng) fall due at
30, 40, 45, … 90 years of party age.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.models import EventKind, Member
from desktop.services.members.events import BADGE_YEARS
from desktop.services.members.registry import live_member_events
from desktop.services.members.status import MemberStatus, derive_status
from desktop.storage.database import Database
from desktop.text import name_sort_key, short_date

PROBATION_MONTHS = 12
PROBATION_NOTICE_FROM_MONTH = 11


@dataclass(frozen=True)
class Reminder:
    member_id: int
    full_name: str
    kind: str  # "probation" | "badge"
    message: str
    due_on: date


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # Admission on the 31st ends its probation on the last day of a shorter month.
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def reminders(db: Database, today: date | None = None) -> list[Reminder]:
    today = today or date.today()
    found: list[Reminder] = []
    with db.session() as session:
        members = session.execute(
            select(Member.id, Member.full_name).where(Member.deleted_at.is_(None))
        ).all()
        events_by_member = live_member_events(session)
    for member in members:
        events = events_by_member.get(member.id, [])
        info = derive_status(events, today)
        if not info.status.on_roll:
            continue
        probation = _probation_reminder(member, info.status, info.admitted_on, today)
        if probation:
            found.append(probation)
        badge = _badge_reminder(member, events, info.admitted_on, today)
        if badge:
            found.append(badge)
    found.sort(key=lambda r: (r.due_on, name_sort_key(r.full_name)))
    return found


def _probation_reminder(member, status, admitted_on, today) -> Reminder | None:
    if status != MemberStatus.PROBATIONARY or admitted_on is None:
        return None
    due = add_months(admitted_on, PROBATION_MONTHS)
    notice_from = add_months(admitted_on, PROBATION_NOTICE_FROM_MONTH - 1)
    if today < notice_from:
        return None
    if today > due:
        message = (
            f"Đã hết 12 tháng dự bị từ ngày {short_date(due)} (kết nạp {short_date(admitted_on)}): "
            "chi bộ cần xét công nhận đảng viên chính thức ngay."
        )
    else:
        message = (
            f"Sắp hết 12 tháng dự bị ngày {short_date(due)} (kết nạp {short_date(admitted_on)}): "
            "chuẩn bị hồ sơ xét công nhận đảng viên chính thức."
        )
    return Reminder(member.id, member.full_name, "probation", message, due)


def _badge_reminder(member, events, admitted_on, today) -> Reminder | None:
    if admitted_on is None:
        return None
    years = today.year - admitted_on.year
    if years not in BADGE_YEARS:
        return None
    received = {e.badge_years for e in events if e.kind == EventKind.BADGE and e.badge_years}
    if years in received:
        return None
    due = (
        date(today.year, admitted_on.month, admitted_on.day)
        if not (admitted_on.month == 2 and admitted_on.day == 29)
        else date(today.year, 2, 28)
    )
    message = (
        f"Đủ {years} năm tuổi Đảng trong năm {today.year} (vào Đảng {short_date(admitted_on)}): "
        f"đề nghị tặng Huy hiệu {years} năm tuổi Đảng."
    )
    return Reminder(member.id, member.full_name, "badge", message, due)
