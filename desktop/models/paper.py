"""Papers the cell has issued (văn bản đã ban hành): the number and the date they went out.

A paper is numbered once, when it is first issued, from a counter per document type that
runs within the cấp ủy's term (Hướng dẫn 36-HD/VPTW, 2018: "số văn bản … tính từ số 01
bắt đầu nhiệm kỳ"); the number and the date are kept here so that a reprint years later
shows exactly what was sent.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, local_now


class IssuedPaper(Base):
    """Văn bản đã ban hành: one row per paper (e.g. the 2025 rating list)."""

    __tablename__ = "issued_paper"
    __table_args__ = (UniqueConstraint("kind", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # What the paper is ("rating_list", "notice", …) and of what ("2025", "meeting:12").
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(60))
    type_code: Mapped[str] = mapped_column(String(10))  # loại văn bản: BB, BC, DS, TB, CTr
    body_code: Mapped[str] = mapped_column(String(10), default="CB")  # cơ quan ban hành
    number: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
