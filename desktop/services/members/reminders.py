"""Reminders (nhắc việc) computed from the event history.

Probation lasts twelve months from the admission ceremony (Điều lệ Đảng, Điều 5, khoản 1:
"tính từ ngày chi bộ tổ chức lễ kết nạp"); when the ceremony date is not recorded the
decision date stands in and the reminder says so. The cell considers official recognition
in months 11 and 12 and votes it like an admission, by at least two thirds of its official
members (Điều 4 khoản 3, Điều 5 khoản 2; base as services.meetings.vote_base). Party badges
(huy hiệu Đảng) fall due at 30, 40, 45, … 90 years of party age (events.BADGE_YEARS).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.models import EventKind, Member
from desktop.rules.meeting_rules import meeting_rules
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
    infos = {m.id: derive_status(events_by_member.get(m.id, []), today) for m in members}
    vote = _recognition_vote_text(members, infos)
    for member in members:
        events = events_by_member.get(member.id, [])
        info = infos[member.id]
        if not info.status.on_roll:
            continue
        probation = _probation_reminder(member, info, today, vote)
        if probation:
            found.append(probation)
        badge = _badge_reminder(member, events, info.admitted_on, today)
        if badge:
            found.append(badge)
    found.sort(key=lambda r: (r.due_on, name_sort_key(r.full_name)))
    return found


def _probation_reminder(member, info, today, vote: str = "") -> Reminder | None:
    start = info.probation_from
    if info.status != MemberStatus.PROBATIONARY or start is None:
        return None
    due = add_months(start, PROBATION_MONTHS)
    notice_from = add_months(start, PROBATION_NOTICE_FROM_MONTH - 1)
    if today < notice_from:
        return None
    if info.ceremony_on is not None:
        counted = f"lễ kết nạp {short_date(info.ceremony_on)}"
    else:
        counted = (
            f"quyết định kết nạp {short_date(info.admitted_on)}; chưa ghi ngày lễ kết nạp nên "
            "tạm tính từ ngày quyết định, hãy ghi ngày lễ kết nạp để tính đúng"
        )
    if today > due:
        message = (
            f"Đã hết 12 tháng dự bị từ ngày {short_date(due)} ({counted}): "
            "chi bộ cần xét công nhận đảng viên chính thức ngay."
        )
    else:
        message = (
            f"Sắp hết 12 tháng dự bị ngày {short_date(due)} ({counted}): "
            "chuẩn bị hồ sơ xét công nhận đảng viên chính thức."
        )
    if vote:
        message += f" {vote}"
    return Reminder(member.id, member.full_name, "probation", message, due)


def _recognition_vote_text(members, infos) -> str:
    """"Cần ít nhất hai phần ba …: 20 đảng viên chính thức …, trừ 1 (…) = 19 → 13 phiếu"."""
    from desktop.services.meetings.vote_base import roll_vote_base

    rules = meeting_rules()
    roll = {}
    for member in members:
        info = infos[member.id]
        name = member.full_name if member.full_name not in roll else f"{member.full_name} ({member.id})"
        roll[name] = (info.status, info.is_official)
    base = roll_vote_base(roll, rules)
    if base.base <= 0:
        return ""
    needed = rules.recognition.needed(base.base)
    return (
        f"Chi bộ biểu quyết cần {rules.recognition.text} số đảng viên chính thức tán thành "
        f"({base.arithmetic()} → ít nhất {needed} phiếu; {rules.source('recognition_majority').cite})."
    )


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
