"""What left the PC and what arrived from other cells (xuất dữ liệu, tổng hợp)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, local_now


class ExportRecord(Base):
    """Nhật ký xuất dữ liệu: one verified package written to a stick or folder."""

    __tablename__ = "export_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # ratings | backup | handover
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    target: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    file_count: Mapped[int] = mapped_column(Integer, default=1)
    total_bytes: Mapped[int] = mapped_column(Integer, default=0)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    app_version: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)


class ReceivedPackage(Base):
    """Gói xếp loại một chi bộ gửi lên, kept by the đảng ủy cơ sở for consolidation."""

    __tablename__ = "received_package"
    __table_args__ = (UniqueConstraint("cell_uid", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cell_uid: Mapped[str] = mapped_column(String(36))
    cell_name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)  # when the cell exported it
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict] = mapped_column(JSON)
