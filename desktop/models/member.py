"""Party members (đảng viên) and the dated events of their party life (sự kiện)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, PartialDateType, local_now
from desktop.text.dates import PartialDate


class Member(Base):
    """Đảng viên. The status is not stored: it is derived from ``events``."""

    __tablename__ = "member"
    __table_args__ = (
        # Card numbers are unique among members that have not been deleted.
        Index(
            "uq_member_card_number_live",
            "card_number",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND card_number IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    other_name: Mapped[str] = mapped_column(String(120), default="")
    gender: Mapped[str] = mapped_column(String(3), default="nam")
    birth_date: Mapped[PartialDate | None] = mapped_column(PartialDateType, nullable=True)
    ethnicity: Mapped[str] = mapped_column(String(50), default="Kinh")
    religion: Mapped[str] = mapped_column(String(50), default="Không")
    hometown: Mapped[str] = mapped_column(String(300), default="")
    residence: Mapped[str] = mapped_column(String(300), default="")
    citizen_id: Mapped[str | None] = mapped_column(String(12), nullable=True)
    card_number: Mapped[str | None] = mapped_column(String(12), nullable=True)
    education: Mapped[str] = mapped_column(String(50), default="")
    profession: Mapped[str] = mapped_column(String(200), default="")
    political_theory: Mapped[str] = mapped_column(String(50), default="")
    occupation: Mapped[str] = mapped_column(String(200), default="")
    party_post: Mapped[str] = mapped_column(String(20), default="")
    other_posts: Mapped[str] = mapped_column(String(300), default="")
    workplace: Mapped[str] = mapped_column(String(300), default="")
    review_group: Mapped[str] = mapped_column(String(2), default="2C")
    phone: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    works_far_away: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)
    # Soft delete so that "Hoàn tác" (undo) can bring a member back whole.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)

    events: Mapped[list[MemberEvent]] = relationship(
        back_populates="member",
        cascade="all, delete-orphan",
        order_by="(MemberEvent.happened_on, MemberEvent.id)",
    )


class MemberEvent(Base):
    """Sự kiện: kết nạp, chính thức, chuyển sinh hoạt, miễn, kỷ luật, khen thưởng, …"""

    __tablename__ = "member_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    happened_on: Mapped[date] = mapped_column(Date)
    decision_number: Mapped[str] = mapped_column(String(50), default="")
    issuer: Mapped[str] = mapped_column(String(200), default="")
    # Discipline form, award title, or the other organisation of a transfer.
    detail: Mapped[str] = mapped_column(String(300), default="")
    temporary: Mapped[bool] = mapped_column(Boolean, default=False)
    badge_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Planned return of a temporary transfer, or the end of an exemption.
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Admission only: the day of the ceremony (lễ kết nạp); happened_on is the decision date.
    # Probation runs twelve months from the ceremony (Điều lệ Đảng, Điều 5, khoản 1).
    ceremony_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)

    member: Mapped[Member] = relationship(back_populates="events")
