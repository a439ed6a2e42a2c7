"""Shared vocabulary of cell meetings (sinh hoạt chi bộ): kinds, states, presence, wording.

Used by every ``meeting_*`` service module; nothing here opens a session.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models import Meeting, Member
from desktop.models.enums import PartyPost
from desktop.errors import DomainError, NotFound
from desktop.text import short_date
from desktop.text.dates import month_text


class MeetingKind(StrEnum):
    REGULAR = "thuong_ky"
    THEMATIC = "chuyen_de"
    EXTRAORDINARY = "bat_thuong"

    @property
    def label(self) -> str:
        return {"thuong_ky": "Thường kỳ", "chuyen_de": "Chuyên đề", "bat_thuong": "Bất thường"}[
            self.value
        ]

    @property
    def words(self) -> str:
        """The kind inside a sentence: "sinh hoạt chi bộ thường kỳ"."""
        return self.label.lower()


class MeetingState(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    MINUTES_DONE = "minutes_done"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS = {
    MeetingState.PLANNED: "Đã lập kế hoạch",
    MeetingState.HELD: "Đã sinh hoạt",
    MeetingState.MINUTES_DONE: "Đã ghi biên bản",
    MeetingState.APPROVED: "Đã thông qua biên bản",
}
NOT_PLANNED_LABEL = "Chưa lập kế hoạch"


class Presence(StrEnum):
    PRESENT = "co_mat"
    EXCUSED = "vang_co_ly_do"
    UNEXCUSED = "vang_khong_ly_do"
    # Not expected at the meeting: listed apart, never marked absent.
    EXEMPTED = "mien"
    AWAY = "tam_thoi_di"

    @property
    def label(self) -> str:
        return {
            "co_mat": "Có mặt",
            "vang_co_ly_do": "Vắng có lý do",
            "vang_khong_ly_do": "Vắng không lý do",
            "mien": "Miễn sinh hoạt",
            "tam_thoi_di": "Sinh hoạt tạm thời nơi khác",
        }[self.value]


MARKABLE = (Presence.PRESENT, Presence.EXCUSED, Presence.UNEXCUSED)
NOT_MARKED_LABEL = "Chưa điểm danh"

LOCKED_MESSAGE = "Biên bản đã được thông qua và khóa; muốn sửa phải lập đính chính có lý do."

# Roles printed after a name in the minutes, e.g. "Chủ trì: đồng chí …, Bí thư chi bộ".
POST_ROLES = {
    PartyPost.SECRETARY.value: "Bí thư chi bộ",
    PartyPost.DEPUTY.value: "Phó Bí thư chi bộ",
    PartyPost.COMMITTEE.value: "Chi ủy viên",
}


def parse_kind(kind: str) -> MeetingKind:
    try:
        return MeetingKind(kind)
    except ValueError:
        raise DomainError(
            "Loại buổi sinh hoạt phải là thường kỳ, chuyên đề hoặc bất thường."
        ) from None


def load_meeting(session: Session, meeting_id: int, *, full: bool = False) -> Meeting:
    options = []
    if full:
        options = [
            selectinload(Meeting.agenda),
            selectinload(Meeting.attendance),
            selectinload(Meeting.guests),
            selectinload(Meeting.remarks),
            selectinload(Meeting.tasks),
            selectinload(Meeting.corrections),
        ]
    meeting = session.get(Meeting, meeting_id, options=options)
    if meeting is None or meeting.deleted_at is not None:
        raise NotFound("Không tìm thấy buổi sinh hoạt này (có thể đã bị xóa).")
    return meeting


LIVE = Meeting.deleted_at.is_(None)  # not in "Đã xóa": every list and count keeps to these


def ensure_unlocked(meeting: Meeting) -> None:
    if meeting.state == MeetingState.APPROVED:
        raise DomainError(LOCKED_MESSAGE)


def meeting_date(meeting: Meeting) -> date:
    """The date the roster is read at: held, else planned, else the month's first day."""
    return meeting.held_on or meeting.planned_on or date(meeting.year, meeting.month, 1)


def meetings_of_year(session: Session, year: int) -> list[Meeting]:
    """The year's meetings by month, then date."""
    meetings = session.scalars(select(Meeting).where(Meeting.year == year, LIVE)).all()
    return sorted(meetings, key=lambda m: (m.month, meeting_date(m), m.id))


def check_one_regular(session: Session, year: int, month: int, exclude_id: int | None) -> None:
    """One regular meeting a month (docs/domain.md §3); deleted ones do not count."""
    query = select(Meeting.id).where(
        Meeting.kind == MeetingKind.REGULAR.value, Meeting.year == year, Meeting.month == month, LIVE
    )
    if exclude_id is not None:
        query = query.where(Meeting.id != exclude_id)
    if session.scalar(query.limit(1)) is not None:
        raise DomainError(
            f"Đã có buổi sinh hoạt thường kỳ {month_label(year, month)}; mỗi tháng chỉ một "
            "buổi thường kỳ (có thể lập thêm buổi chuyên đề hoặc bất thường)."
        )


def month_label(year: int, month: int) -> str:
    """The month as lists write it: "tháng 3/2026", "tháng 01/2026"."""
    return f"tháng {month_text(month)}/{year}"


def clock_text(value: time | None) -> str:
    """A time of day as minutes write it: "8 giờ 00"."""
    return "" if value is None else f"{value.hour} giờ {value.minute:02d}"


def is_thematic(meeting: Meeting) -> bool:
    """A thematic meeting, or a regular one held together with the thematic one."""
    return meeting.kind == MeetingKind.THEMATIC or (
        meeting.kind == MeetingKind.REGULAR and meeting.combined_with_thematic
    )


def subtitle(meeting: Meeting) -> str:
    """The line under "BIÊN BẢN": "sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"."""
    kind = MeetingKind(meeting.kind)
    when = f"tháng {month_text(meeting.month)} năm {meeting.year}"
    if kind == MeetingKind.EXTRAORDINARY:
        day = meeting.held_on or meeting.planned_on
        when = f"ngày {short_date(day)}" if day else when
        return f"sinh hoạt chi bộ bất thường {when}"
    if kind == MeetingKind.THEMATIC:
        text = f"sinh hoạt chi bộ chuyên đề {when}"
        return f"{text}: {meeting.theme}" if meeting.theme else text
    if meeting.combined_with_thematic:
        text = f"sinh hoạt chi bộ thường kỳ kết hợp sinh hoạt chuyên đề {when}"
        return f"{text}: {meeting.theme}" if meeting.theme else text
    return f"sinh hoạt chi bộ thường kỳ {when}"


def short_label(meeting: Meeting) -> str:
    """The meeting named in lists and task origins: "Thường kỳ tháng 3/2026"."""
    return f"{MeetingKind(meeting.kind).label} {month_label(meeting.year, meeting.month)}"


def member_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    """Full names by id, deleted members included: old minutes keep their names."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(Member.id, Member.full_name).where(Member.id.in_(wanted)))
    return {row.id: row.full_name for row in rows}


def member_role(session: Session, member_id: int | None) -> str:
    if member_id is None:
        return ""
    post = session.scalar(select(Member.party_post).where(Member.id == member_id))
    return POST_ROLES.get(post or "", "")


def check_member(session: Session, member_id: int | None, what: str) -> None:
    if member_id is None:
        return
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        raise DomainError(f"Không tìm thấy đảng viên được chọn làm {what}.")
