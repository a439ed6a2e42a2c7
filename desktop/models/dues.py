"""Đảng phí: a member's dues class history, payments, closed months, corrections, remittances.

Money is whole đồng in ``Integer`` columns. A month is stored as the date of its first day.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, local_now


class DuesAssignment(Base):
    """Đối tượng đóng đảng phí of a member from a month on (mức căn cứ: lương, lương hưu).

    The row in force in a month is the latest with ``starts_on`` not after it, so a past
    month keeps the class and base it had then.
    """

    __tablename__ = "dues_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    class_code: Mapped[str] = mapped_column(String(30))
    base_amount: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Giảm / miễn theo đơn (0, 30, 50, 70, 100 %) until the end of ``reduction_until``'s month.
    reduction_percent: Mapped[int] = mapped_column(Integer, default=0)
    reduction_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)


class DuesPayment(Base):
    """One payment (lần nộp): an amount handed over on a day, for one or more months."""

    __tablename__ = "dues_payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)
    receipt_number: Mapped[str] = mapped_column(String(40), default="")
    collector: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    # Voided rather than deleted, so that undo and the corrections log can bring it back.
    voided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)

    months: Mapped[list[DuesPaymentMonth]] = relationship(
        back_populates="payment", cascade="all, delete-orphan", order_by="DuesPaymentMonth.month"
    )


class DuesPaymentMonth(Base):
    """The share of a payment that counts for one month."""

    __tablename__ = "dues_payment_month"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(
        ForeignKey("dues_payment.id", ondelete="CASCADE"), index=True
    )
    month: Mapped[date] = mapped_column(Date, index=True)
    amount: Mapped[int] = mapped_column(Integer)

    payment: Mapped[DuesPayment] = relationship(back_populates="months")


class DuesMonthClosing(Base):
    """Khóa sổ a month: after it, every change is logged as a correction."""

    __tablename__ = "dues_month_closing"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    closed_by: Mapped[str] = mapped_column(String(120), default="")


class DuesCorrection(Base):
    """Sửa sổ đảng phí sau khi khóa sổ: who, when, what it was and what it became."""

    __tablename__ = "dues_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[date] = mapped_column(Date, index=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), nullable=True
    )
    made_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    made_by: Mapped[str] = mapped_column(String(120), default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class DuesRemittance(Base):
    """Nộp đảng phí lên cấp trên for a run of months (a month or a quarter)."""

    __tablename__ = "dues_remittance"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_month: Mapped[date] = mapped_column(Date)
    last_month: Mapped[date] = mapped_column(Date)
    collected: Mapped[int] = mapped_column(Integer)
    kept: Mapped[int] = mapped_column(Integer)
    remitted: Mapped[int] = mapped_column(Integer)
    remitted_on: Mapped[date] = mapped_column(Date)
    collector: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    voided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class DuesAction(Base):
    """The last dues actions, for "Hoàn tác": which rows each one created and voided."""

    __tablename__ = "dues_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    made_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    description: Mapped[str] = mapped_column(Text, default="")
    # JSON: {"payments_created": [...], "payments_voided": [...], "corrections": [...], ...}
    changes: Mapped[str] = mapped_column(Text, default="{}")
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
