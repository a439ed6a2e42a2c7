"""Warnings on a meeting's minutes (cảnh báo biên bản): shown, never blocking.

Each message carries its arithmetic and its source, e.g. "Buổi sinh hoạt kéo dài 75 phút,
ít hơn 90 phút theo Hướng dẫn 42-HD/BTCTW", so the secretary can check it by hand.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from desktop.models import Meeting
from desktop.rules.meeting_rules import MeetingRules, meeting_rules
from desktop.services.meetings.agenda import STUDY
from desktop.services.meetings.common import (
    MeetingKind,
    MeetingState,
    Presence,
    clock_text,
    is_thematic,
    load_meeting,
    meeting_date,
    member_names,
    month_label,
)
from desktop.services.meetings.roster import AttendanceRow, sheet_rows, summarize
from desktop.services.meetings.state import missing_parts
from desktop.services.meetings.vote_base import meeting_vote_base
from desktop.services.members.status import MemberStatus
from desktop.storage.database import Database
from desktop.text import short_date

_TIMED_KINDS = (MeetingKind.REGULAR, MeetingKind.THEMATIC)


def minutes_warnings(db: Database, meeting_id: int) -> list[str]:
    with db.session() as session:
        return meeting_warnings(session, load_meeting(session, meeting_id, full=True))


def meeting_warnings(
    session: Session,
    meeting: Meeting,
    rules: MeetingRules | None = None,
    rows: list[AttendanceRow] | None = None,
) -> list[str]:
    rules = rules or meeting_rules()
    rows = sheet_rows(session, meeting) if rows is None else rows
    recorded = meeting.state != MeetingState.PLANNED
    warnings: list[str] = []
    if recorded and meeting.state != MeetingState.APPROVED:
        warnings += missing_parts(session, meeting, rows)
    warnings += _date_warnings(meeting)
    warnings += duration_warnings(meeting, rules)
    warnings += vote_warnings(meeting, rows, rules)
    warnings += _content_warnings(meeting, recorded)
    warnings += _people_warnings(session, meeting, rows)
    return warnings


def duration_warnings(meeting: Meeting, rules: MeetingRules) -> list[str]:
    start, end = meeting.start_time, meeting.end_time
    if start is None or end is None:
        return []
    span = f"từ {clock_text(start)} đến {clock_text(end)}"
    if end < start:
        return [f"Giờ kết thúc ({clock_text(end)}) sớm hơn giờ bắt đầu ({clock_text(start)})."]
    if meeting.kind not in _TIMED_KINDS:
        return []
    day = meeting_date(meeting)
    minutes = int((datetime.combine(day, end) - datetime.combine(day, start)).total_seconds() // 60)
    combined = meeting.kind == MeetingKind.REGULAR and meeting.combined_with_thematic
    key = "min_minutes_combined" if combined else "min_minutes"
    needed = rules.min_minutes_combined if combined else rules.min_minutes
    if minutes >= needed:
        return []
    when = " khi sinh hoạt thường kỳ kết hợp sinh hoạt chuyên đề" if combined else ""
    return [
        f"Buổi sinh hoạt kéo dài {minutes} phút, ít hơn {needed} phút theo "
        f"{rules.source(key).cite}{when} ({span})."
    ]


def vote_warnings(meeting: Meeting, rows: list[AttendanceRow], rules: MeetingRules) -> list[str]:
    votes = (meeting.votes_for, meeting.votes_against, meeting.votes_other)
    if all(v is None for v in votes):
        if meeting.resolution.strip():
            return ["Đã ghi nghị quyết nhưng chưa ghi kết quả biểu quyết."]
        return []
    summary = summarize(rows)
    in_favour = meeting.votes_for or 0
    total = sum(v or 0 for v in votes)
    voters = summary.present_official
    warnings = []
    if total > summary.present:
        warnings.append(f"Tổng số phiếu {total} nhiều hơn số đảng viên có mặt {summary.present}.")
    elif total != voters:
        warnings.append(f"Tổng số phiếu {total} khác số đảng viên chính thức có mặt {voters}.")
    if voters == 0:
        warnings.append("Không có đảng viên chính thức nào có mặt để biểu quyết.")
        return warnings
    # The base is the cell's official members less the listed exclusions, not those present.
    base = meeting_vote_base(rows, rules)
    if base.base <= 0:
        warnings.append(f"Chưa tính được số đảng viên chính thức để biểu quyết ({base.arithmetic()}).")
        return warnings
    shortfall = base.shortfall(in_favour, rules.resolution, rules.source("vote_majority").cite)
    if shortfall:
        warnings.append(f"Nghị quyết chưa đạt: {shortfall}")
    return warnings


def _date_warnings(meeting: Meeting) -> list[str]:
    day = meeting.held_on
    if day is None or (day.year, day.month) == (meeting.year, meeting.month):
        return []
    return [
        f"Ngày sinh hoạt {short_date(day)} không thuộc "
        f"{month_label(meeting.year, meeting.month)} của buổi sinh hoạt này."
    ]


def _content_warnings(meeting: Meeting, recorded: bool) -> list[str]:
    warnings = []
    study = next((item for item in meeting.agenda if item.code == STUDY), None)
    if study is not None:
        if meeting.topic_section_id is None:
            warnings.append("Chưa chọn nội dung chuyên đề học tập cho buổi sinh hoạt này.")
        if recorded and not study.content.strip():
            warnings.append(
                "Chưa ghi nội dung học tập và làm theo tư tưởng, đạo đức, phong cách "
                "Hồ Chí Minh (nội dung bắt buộc mỗi buổi sinh hoạt thường kỳ)."
            )
    if is_thematic(meeting):
        if not meeting.theme.strip():
            warnings.append("Chưa ghi tên chuyên đề sinh hoạt.")
        if meeting.theme_presenter_id is None:
            warnings.append("Chưa phân công đồng chí chuẩn bị chuyên đề.")
    if recorded and any(not r.text.strip() for r in meeting.remarks):
        warnings.append("Có ý kiến thảo luận chưa ghi nội dung.")
    return warnings


def _people_warnings(session: Session, meeting: Meeting, rows: list[AttendanceRow]) -> list[str]:
    warnings = []
    by_id = {r.member_id: r for r in rows}
    names = member_names(session, (meeting.chair_id, meeting.secretary_id))
    if meeting.chair_id is not None and meeting.chair_id == meeting.secretary_id:
        warnings.append("Chủ trì và thư ký là cùng một đồng chí.")
    for member_id, role in ((meeting.chair_id, "chủ trì"), (meeting.secretary_id, "thư ký")):
        row = by_id.get(member_id) if member_id is not None else None
        if row is not None and row.presence not in (None, Presence.PRESENT):
            warnings.append(
                f"Đồng chí {names.get(member_id, '')} làm {role} nhưng được điểm danh "
                f"là {row.presence_label.lower()}."
            )
    for row in rows:
        if row.presence == Presence.EXCUSED and not row.reason:
            warnings.append(f"Đồng chí {row.full_name} vắng có lý do nhưng chưa ghi lý do.")
        if row.status == MemberStatus.UNKNOWN:
            warnings.append(
                f"Đồng chí {row.full_name} chưa có ngày vào Đảng nên chưa tính được là "
                "đảng viên chính thức hay dự bị."
            )
    return warnings
