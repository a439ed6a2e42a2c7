"""Where a meeting stands (tình trạng buổi sinh hoạt): planned, held, minutes done, approved.

The state follows from what has been recorded, so a draft saved half-way is "held" and
becomes "minutes done" as soon as its required parts are there.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.models import Meeting
from desktop.services.meetings.common import MARKABLE, MeetingState
from desktop.services.meetings.roster import AttendanceRow, sheet_rows


def missing_parts(
    session: Session, meeting: Meeting, rows: list[AttendanceRow] | None = None
) -> list[str]:
    """What the minutes still need before they count as written (Vietnamese, one per line)."""
    rows = sheet_rows(session, meeting) if rows is None else rows
    missing = []
    if meeting.chair_id is None:
        missing.append("Chưa chọn đồng chí chủ trì.")
    if meeting.secretary_id is None:
        missing.append("Chưa chọn thư ký.")
    if meeting.held_on is None:
        missing.append("Chưa ghi ngày sinh hoạt.")
    if meeting.start_time is None:
        missing.append("Chưa ghi giờ bắt đầu.")
    if meeting.end_time is None:
        missing.append("Chưa ghi giờ kết thúc.")
    expected = [r for r in rows if r.expected]
    not_marked = sum(1 for r in expected if r.presence is None)
    if not expected:
        missing.append("Chưa có đảng viên nào trong danh sách điểm danh.")
    elif not_marked == len(expected):
        missing.append("Chưa điểm danh.")
    elif not_marked:
        missing.append(f"Còn {not_marked} đảng viên chưa điểm danh.")
    return missing


def refresh_state(session: Session, meeting: Meeting) -> None:
    if meeting.state == MeetingState.APPROVED:
        return
    session.flush()
    rows = sheet_rows(session, meeting)
    if not missing_parts(session, meeting, rows):
        meeting.state = MeetingState.MINUTES_DONE.value
    elif any(r.expected and r.presence in MARKABLE for r in rows):
        meeting.state = MeetingState.HELD.value
    else:
        meeting.state = MeetingState.PLANNED.value
