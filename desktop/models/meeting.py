"""Cell meetings (sinh hoạt chi bộ): agenda, attendance, discussion, resolution, tasks.

Counts in the minutes are never typed: each attendance row keeps the member's standing
at the meeting date, so approved minutes reprint exactly even after later events.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, local_now


class Meeting(Base):
    """Buổi sinh hoạt chi bộ: thường kỳ, chuyên đề or bất thường."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # thuong_ky | chuyen_de | bat_thuong
    year: Mapped[int] = mapped_column(Integer, index=True)
    month: Mapped[int] = mapped_column(Integer)
    # planned -> held (attendance taken) -> minutes_done -> approved (locked)
    state: Mapped[str] = mapped_column(String(20), default="planned")
    planned_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    held_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    end_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    # A regular and a thematic meeting held together must last 120 minutes (HD 42).
    combined_with_thematic: Mapped[bool] = mapped_column(Boolean, default=False)
    number: Mapped[str] = mapped_column(String(30), default="")
    chair_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), nullable=True
    )
    secretary_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), nullable=True
    )
    theme: Mapped[str] = mapped_column(Text, default="")
    theme_presenter_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), nullable=True
    )
    topic_section_id: Mapped[int | None] = mapped_column(
        ForeignKey("topic_section.id", ondelete="SET NULL"), nullable=True
    )
    resolution: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_other: Mapped[int | None] = mapped_column(Integer, nullable=True)
    minutes_read_at: Mapped[time | None] = mapped_column(Time, nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
    # Soft delete ("Đã xóa"): the meeting and everything under it stay until restored.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)

    agenda: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    attendance: Mapped[list[Attendance]] = relationship(cascade="all, delete-orphan")
    guests: Mapped[list[Guest]] = relationship(cascade="all, delete-orphan", order_by="Guest.id")
    remarks: Mapped[list[Remark]] = relationship(
        cascade="all, delete-orphan", order_by="Remark.position"
    )
    tasks: Mapped[list[MeetingTask]] = relationship(
        cascade="all, delete-orphan",
        order_by="MeetingTask.id",
        foreign_keys="MeetingTask.meeting_id",
    )
    corrections: Mapped[list[MinutesCorrection]] = relationship(
        cascade="all, delete-orphan", order_by="MinutesCorrection.corrected_at"
    )


class AgendaItem(Base):
    """Một mục trong chương trình sinh hoạt, with what was presented and concluded."""

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(30), default="")  # template code, e.g. "study"
    title: Mapped[str] = mapped_column(Text)
    presenter_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), nullable=True
    )
    presenter_name: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")


class Attendance(Base):
    """Điểm danh: present, absent with a reason, or absent without one."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    presence: Mapped[str] = mapped_column(String(20))  # co_mat | vang_co_ly_do | vang_khong_ly_do
    reason: Mapped[str] = mapped_column(String(300), default="")
    # The member's status code at the meeting date (services.status.MemberStatus).
    status_at_meeting: Mapped[str] = mapped_column(String(20), default="")
    official_at_meeting: Mapped[bool] = mapped_column(Boolean, default=False)


class Guest(Base):
    """Đại biểu dự: e.g. the superior's assigned cadre (cấp ủy viên phụ trách)."""

    __tablename__ = "meeting_guest"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    organization: Mapped[str] = mapped_column(String(200), default="")


class Remark(Base):
    """Ý kiến thảo luận: a speaker and what they said."""

    __tablename__ = "meeting_remark"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), nullable=True
    )
    position: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), nullable=True
    )
    speaker_name: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class MeetingTask(Base):
    """Phân công nhiệm vụ: who does what by when; reviewed at a later meeting."""

    __tablename__ = "meeting_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), nullable=True
    )
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_note: Mapped[str] = mapped_column(Text, default="")
    reviewed_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True
    )


class TaskReview(Base):
    """Kiểm điểm việc thực hiện một nhiệm vụ tại một buổi sinh hoạt.

    One row per task and meeting, so approved minutes keep what was said about a task at
    that meeting even when a later meeting reviews it again.
    """

    __tablename__ = "task_review"
    __table_args__ = (UniqueConstraint("task_id", "meeting_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_task.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class MinutesCorrection(Base):
    """Đính chính biên bản: every change to approved minutes, with who asked and why."""

    __tablename__ = "minutes_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    corrected_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[str] = mapped_column(Text, default="")
