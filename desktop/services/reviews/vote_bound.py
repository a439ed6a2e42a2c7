"""The cell's vote on a rating is bounded by who was at the meeting (biểu quyết xếp loại).

Only official members present vote (Điều lệ Đảng, Điều 10: đảng viên dự bị và đảng viên
sinh hoạt tạm thời không biểu quyết), so the votes cast on a proposal, tán thành plus
không tán thành, cannot exceed the official members present at the rating meeting.
"""

from __future__ import annotations

from desktop.errors import FieldError
from desktop.models import Meeting
from desktop.storage.database import Database


def present_official(db: Database, meeting_id: int) -> int | None:
    """Official members present at the meeting; None when there is no such meeting."""
    from desktop.services.meetings.roster import sheet_rows, summarize

    with db.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            return None
        return summarize(sheet_rows(session, meeting)).present_official


def vote_bound_errors(
    db: Database, meeting_id: int | None, votes_for: int | None, votes_total: int | None
) -> list[FieldError]:
    """Why the vote cannot stand, with the arithmetic; [] when it can (or is not tied)."""
    if meeting_id is None:
        return []
    present = present_official(db, meeting_id)
    if present is None:
        return [FieldError("meeting_id", "Không tìm thấy buổi sinh hoạt đã biểu quyết xếp loại.")]
    cast = votes_total if votes_total is not None else votes_for
    if cast is None or cast <= present:
        return []
    votes = f"tán thành {votes_for}" if votes_for is not None else ""
    against = (
        f" + không tán thành {votes_total - votes_for}"
        if votes_for is not None and votes_total is not None
        else ""
    )
    return [
        FieldError(
            "votes_total",
            f"Số phiếu biểu quyết ({votes}{against} = {cast}) nhiều hơn số đảng viên chính "
            f"thức có mặt tại buổi sinh hoạt ({present}). Chỉ đảng viên chính thức có mặt "
            "mới biểu quyết; hãy kiểm tra lại số phiếu hoặc điểm danh.",
        )
    ]
