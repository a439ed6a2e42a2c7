"""Study topics (chuyên đề học tập và làm theo) and the study round (học tập, quán triệt)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base


class Topic(Base):
    """Chuyên đề: national term-long, provincial yearly, or local; titles are data."""

    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Seed data carries a stable key so that loading the catalogue twice adds nothing.
    seed_key: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    level: Mapped[str] = mapped_column(String(20))  # toan_khoa | tinh | dia_phuong
    title: Mapped[str] = mapped_column(Text)
    short_title: Mapped[str] = mapped_column(String(200), default="")
    issuer: Mapped[str] = mapped_column(String(200), default="")
    start_year: Mapped[int] = mapped_column(Integer)
    start_month: Mapped[int] = mapped_column(Integer, default=1)
    end_year: Mapped[int] = mapped_column(Integer)
    # A topic "carried into" a later year stays current there too.
    carried_into_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    study_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # Soft delete ("Đã xóa"): documents and sections stay until restored.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)

    documents: Mapped[list[TopicDocument]] = relationship(
        cascade="all, delete-orphan", order_by="TopicDocument.issued_on"
    )
    sections: Mapped[list[TopicSection]] = relationship(
        cascade="all, delete-orphan", order_by="TopicSection.position"
    )


class TopicDocument(Base):
    """Văn bản triển khai: the plan or guidance that launched a topic."""

    __tablename__ = "topic_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(60))  # e.g. "258-KH/TU"
    issuer: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    title: Mapped[str] = mapped_column(Text, default="")


class TopicSection(Base):
    """Nội dung chuyên đề: one unit studied at a monthly meeting."""

    __tablename__ = "topic_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")


class StudyRecord(Base):
    """Học tập, quán triệt chuyên đề: who studied the topic, where and when."""

    __tablename__ = "study_record"
    __table_args__ = (UniqueConstraint("topic_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    studied_on: Mapped[date] = mapped_column(Date)
    way: Mapped[str] = mapped_column(String(20))  # chi_bo | cap_tren | hoc_bu
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
