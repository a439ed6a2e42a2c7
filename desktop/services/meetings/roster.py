"""The roll at a meeting (danh sách điểm danh): who is expected, who came, the counts.

Counts are never typed (docs/domain.md §3): they come from each member's status at the meeting
date. Until the minutes are approved the roll follows the roster live, so a late-entered
admission or exemption corrects it; approval freezes the roll into the attendance rows
(status and standing at the meeting), and approved minutes reprint exactly ever after.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Attendance, Meeting, Member
from desktop.errors import DomainError
from desktop.services.meetings.common import (
    MARKABLE,
    NOT_MARKED_LABEL,
    MeetingState,
    Presence,
    meeting_date,
    member_names,
)
from desktop.services.meetings.documents import AbsentEntry, AttendanceSummary
from desktop.services.members.registry import live_member_events
from desktop.services.members.status import MemberStatus, derive_status
from desktop.text import clean_spaces, name_sort_key, short_date

_NOT_EXPECTED = {
    MemberStatus.EXEMPTED: Presence.EXEMPTED,
    MemberStatus.TEMPORARY_AWAY: Presence.AWAY,
}


@dataclass(frozen=True)
class AttendanceRow:
    """One line of the roll; ``presence`` is None while the member is not yet marked."""

    member_id: int
    full_name: str
    status: str  # services.status.MemberStatus value at the meeting date
    status_label: str
    is_official: bool
    presence: str | None
    reason: str
    expected: bool = True  # False for exempted members and members attending elsewhere
    presence_label: str = NOT_MARKED_LABEL


def sheet_rows(session: Session, meeting: Meeting) -> list[AttendanceRow]:
    """Expected members first, then those listed apart; each group in name order."""
    stored = {a.member_id: a for a in meeting.attendance}
    if meeting.state == MeetingState.APPROVED:
        rows = _frozen_rows(session, stored.values())
    else:
        rows = _live_rows(session, meeting, stored)
    rows.sort(key=lambda r: (not r.expected, name_sort_key(r.full_name)))
    return rows


def summarize(rows: Iterable[AttendanceRow]) -> AttendanceSummary:
    rows = list(rows)
    on_roll = [r for r in rows if MemberStatus(r.status).on_roll]
    unknown = MemberStatus.UNKNOWN.value
    expected = [r for r in rows if r.expected]
    present = [r for r in expected if r.presence == Presence.PRESENT]
    temporary = MemberStatus.TEMPORARY_HERE.value
    return AttendanceSummary(
        total=len(on_roll),
        official=sum(1 for r in on_roll if r.is_official),
        probationary=sum(1 for r in on_roll if not r.is_official and r.status != unknown),
        exempted=sum(1 for r in rows if r.status == MemberStatus.EXEMPTED),
        temporary_here=sum(1 for r in rows if r.status == temporary),
        expected=len(expected),
        present=len(present),
        # Temporarily attached members do not vote here (Điều lệ Đảng).
        present_official=sum(1 for r in present if r.is_official and r.status != temporary),
        absent_excused=tuple(
            AbsentEntry(r.full_name, r.reason) for r in expected if r.presence == Presence.EXCUSED
        ),
        absent_unexcused=tuple(
            AbsentEntry(r.full_name) for r in expected if r.presence == Presence.UNEXCUSED
        ),
        exempted_names=tuple(r.full_name for r in rows if r.status == MemberStatus.EXEMPTED),
        away=sum(1 for r in rows if r.status == MemberStatus.TEMPORARY_AWAY),
        away_names=tuple(r.full_name for r in rows if r.status == MemberStatus.TEMPORARY_AWAY),
        not_marked=sum(1 for r in expected if r.presence is None),
    )


def apply_attendance(
    session: Session, meeting: Meeting, entries: Iterable[tuple[int, str | None, str]]
) -> None:
    """Mark members; a presence of None clears the mark. Members not given stay as they are."""
    rows = {r.member_id: r for r in sheet_rows(session, meeting)}
    stored = {a.member_id: a for a in meeting.attendance}
    for member_id, presence, reason in entries:
        row = rows.get(member_id)
        if row is None:
            raise DomainError(
                "Đảng viên được điểm danh không có trong danh sách của chi bộ ngày "
                f"{short_date(meeting_date(meeting))}."
            )
        if not row.expected:
            raise DomainError(
                f"Đồng chí {row.full_name} {row.status_label.lower()}, không điểm danh."
            )
        if presence is None:
            if member_id in stored:
                meeting.attendance.remove(stored.pop(member_id))
            continue
        if presence not in {p.value for p in MARKABLE}:
            raise DomainError("Điểm danh phải là có mặt, vắng có lý do hoặc vắng không lý do.")
        reason = clean_spaces(reason) if presence != Presence.PRESENT else ""
        record = stored.get(member_id)
        if record is None:
            record = Attendance(member_id=member_id)
            meeting.attendance.append(record)
            stored[member_id] = record
        record.presence = presence
        record.reason = reason
        record.status_at_meeting = row.status
        record.official_at_meeting = row.is_official


def freeze_attendance(session: Session, meeting: Meeting) -> None:
    """Store the whole roll, members listed apart included, as it stands at the meeting."""
    rows = sheet_rows(session, meeting)
    stored = {a.member_id: a for a in meeting.attendance}
    on_sheet = {r.member_id for r in rows}
    for member_id, record in list(stored.items()):
        if member_id not in on_sheet:
            meeting.attendance.remove(record)
    for row in rows:
        record = stored.get(row.member_id)
        if record is None:
            if row.presence is None:
                continue
            record = Attendance(member_id=row.member_id, reason="")
            meeting.attendance.append(record)
        record.presence = row.presence
        record.status_at_meeting = row.status
        record.official_at_meeting = row.is_official


def _live_rows(
    session: Session, meeting: Meeting, stored: dict[int, Attendance]
) -> list[AttendanceRow]:
    day = meeting_date(meeting)
    members = session.execute(
        select(Member.id, Member.full_name).where(Member.deleted_at.is_(None))
    ).all()
    events = live_member_events(session)
    rows = []
    for member in members:
        info = derive_status(events.get(member.id, ()), day)
        if not (info.status.on_roll or info.status == MemberStatus.TEMPORARY_HERE):
            continue
        apart = _NOT_EXPECTED.get(info.status)
        record = stored.get(member.id)
        if apart is not None:
            presence, reason = apart.value, ""
        elif record is not None and record.presence in {p.value for p in MARKABLE}:
            presence, reason = record.presence, record.reason
        else:
            presence, reason = None, ""
        rows.append(
            _row(member.id, member.full_name, info.status, info.is_official, presence, reason)
        )
    return rows


def _frozen_rows(session: Session, records: Iterable[Attendance]) -> list[AttendanceRow]:
    records = list(records)
    names = member_names(session, (r.member_id for r in records))
    return [
        _row(
            r.member_id,
            names.get(r.member_id, ""),
            _status(r.status_at_meeting),
            r.official_at_meeting,
            r.presence,
            r.reason,
        )
        for r in records
    ]


def _status(code: str) -> MemberStatus:
    try:
        return MemberStatus(code)
    except ValueError:
        return MemberStatus.UNKNOWN


def _row(
    member_id: int,
    name: str,
    status: MemberStatus,
    is_official: bool,
    presence: str | None,
    reason: str,
) -> AttendanceRow:
    return AttendanceRow(
        member_id=member_id,
        full_name=name,
        status=status.value,
        status_label=status.label,
        is_official=is_official,
        presence=presence,
        reason=reason or "",
        expected=status not in _NOT_EXPECTED,
        presence_label=Presence(presence).label if presence else NOT_MARKED_LABEL,
    )
