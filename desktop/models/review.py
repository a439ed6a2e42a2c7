"""The year-end review season: commitments (bản cam kết), self-reviews (bản tự kiểm điểm),
ratings (đánh giá, xếp loại) and the cell's own collective review (kiểm điểm tập thể).

Each record keeps the id of the rule pack and the form it was written under, so an old year
reprints with its own form even after the rules change.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, local_now


class Commitment(Base):
    """Bản cam kết tu dưỡng, rèn luyện, phấn đấu: one per member per year."""

    __tablename__ = "commitment"
    __table_args__ = (UniqueConstraint("member_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    pack_id: Mapped[str] = mapped_column(String(20))
    written_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    acknowledged_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # chi ủy xác nhận
    # Year-end evaluation of the whole by the chi ủy: "" | tot | dat | chua_dat
    evaluation: Mapped[str] = mapped_column(String(20), default="")
    evaluation_comment: Mapped[str] = mapped_column(Text, default="")
    evaluated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
    # Soft delete ("Đã xóa"): the items and their progress notes stay until restored.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)

    items: Mapped[list[CommitmentItem]] = relationship(
        back_populates="commitment",
        cascade="all, delete-orphan",
        order_by="(CommitmentItem.position, CommitmentItem.id)",
    )


class CommitmentItem(Base):
    """Một nội dung cam kết, under one section of the year's template."""

    __tablename__ = "commitment_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitment.id", ondelete="CASCADE"), index=True
    )
    section_code: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    topic_linked: Mapped[bool] = mapped_column(Boolean, default=False)
    # Year-end self-assessment: "" | vuot | dat | chua_dat
    self_assessment: Mapped[str] = mapped_column(String(20), default="")
    self_assessment_note: Mapped[str] = mapped_column(Text, default="")

    commitment: Mapped[Commitment] = relationship(back_populates="items")
    progress: Mapped[list[CommitmentProgress]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        order_by="(CommitmentProgress.noted_on, CommitmentProgress.id)",
    )


class CommitmentProgress(Base):
    """Tiến độ thực hiện một nội dung cam kết, optionally reported at a meeting."""

    __tablename__ = "commitment_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("commitment_item.id", ondelete="CASCADE"), index=True
    )
    noted_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True
    )

    item: Mapped[CommitmentItem] = relationship(back_populates="progress")


class SelfReview(Base):
    """Bản tự kiểm điểm cuối năm của đảng viên (Mẫu 02 / 02A / 02B / 2A / 2B / 2C)."""

    __tablename__ = "self_review"
    __table_args__ = (UniqueConstraint("member_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    pack_id: Mapped[str] = mapped_column(String(20))
    form_code: Mapped[str] = mapped_column(String(10))
    written_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # {section code: text} and, under a scored pack, {group code: "27.5"}
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)
    self_level: Mapped[str] = mapped_column(String(10), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class Rating(Base):
    """Đánh giá, xếp loại một đảng viên trong năm: chi bộ đề xuất, cấp trên quyết định."""

    __tablename__ = "rating"
    __table_args__ = (UniqueConstraint("member_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    pack_id: Mapped[str] = mapped_column(String(20))
    # Facts the rules need that the registry does not hold.
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)  # đình chỉ sinh hoạt
    sick_leave_months: Mapped[int] = mapped_column(Integer, default=0)
    remedied_self_found: Mapped[bool] = mapped_column(Boolean, default=False)
    not_rated_note: Mapped[str] = mapped_column(Text, default="")  # e.g. absent, rated later
    # The cell's proposal (chi bộ đề xuất), voted at the rating meeting.
    discussion: Mapped[str] = mapped_column(Text, default="")
    proposed_level: Mapped[str] = mapped_column(String(10), default="")
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    proposed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True
    )
    # Warnings shown when the vote was recorded, kept as the secretary saw them.
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    # The secretary's yes/no answers (with a note) to the KHTNV questions of the year's pack
    # that the app cannot see (QĐ 366 Điều 11 k4): code → {"answer": "yes"|"no"|"", "note"}.
    question_answers: Mapped[dict] = mapped_column(JSON, default=dict)
    # The superior's decision (cấp ủy cấp trên quyết định), entered when it comes back.
    decided_level: Mapped[str] = mapped_column(String(10), default="")
    decision_number: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)


class CollectiveReview(Base):
    """Kiểm điểm tập thể chi bộ (Mẫu 01 từ 2025) and the cell's rating of itself."""

    __tablename__ = "collective_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    pack_id: Mapped[str] = mapped_column(String(20))
    form_code: Mapped[str] = mapped_column(String(10), default="")
    written_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)
    self_level: Mapped[str] = mapped_column(String(10), default="")
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decided_level: Mapped[str] = mapped_column(String(10), default="")
    decision_number: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
