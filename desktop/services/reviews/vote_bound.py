"""The cell's vote on a rating is bounded by who was at the meeting (biểu quyết xếp loại).

Only official members present vote (Điều lệ Đảng, Điều 10: đảng viên dự bị và đảng viên
sinh hoạt tạm thời không biểu quyết), so the votes cast on a proposal, tán thành plus
không tán thành, cannot exceed the official members present at the rating meeting.
"""

from __future__ import annotations

from desktop.errors import FieldError
from desktop.models import Meeting
from desktop.storage.database import Database


def _roll(db: Database, meeting_id: int) -> tuple[int, bool] | None:
    """(official members present, whether the roll was taken); None: no such meeting."""
    from desktop.services.meetings.roster import sheet_rows, summarize

    with db.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            return None
        summary = summarize(sheet_rows(session, meeting))
        return summary.present_official, summary.not_marked < summary.expected


def present_official(db: Database, meeting_id: int) -> int | None:
    """Official members present at the meeting; None when there is no such meeting."""
    roll = _roll(db, meeting_id)
    return None if roll is None else roll[0]


def vote_bound_errors(
    db: Database, meeting_id: int | None, votes_for: int | None, votes_total: int | None
) -> list[FieldError]:
    """Why the vote cannot stand, with the arithmetic; [] when it can (or is not tied)."""
    if meeting_id is None:
        return []
    roll = _roll(db, meeting_id)
    if roll is None:
        return [FieldError("meeting_id", "Không tìm thấy buổi sinh hoạt đã biểu quyết xếp loại.")]
    present, taken = roll
    cast = votes_total if votes_total is not None else votes_for
    if cast is None or cast <= present:
        return []
    if not taken:
        message = (
            "Buổi sinh hoạt biểu quyết xếp loại chưa điểm danh: hãy điểm danh trước, số phiếu "
            "không được nhiều hơn số đảng viên chính thức có mặt."
        )
        return [FieldError("votes_total", message)]
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
