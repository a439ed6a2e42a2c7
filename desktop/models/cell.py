"""The party cell itself (chi bộ): its name, its superior body and its place name."""

from __future__ import annotations

import uuid

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class Cell(Base):
    """Chi bộ. One row: this data folder belongs to one cell."""

    __tablename__ = "cell"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    # Free text because structures change (no district level since 1/7/2025).
    superior_name: Mapped[str] = mapped_column(String(200), default="")
    place_name: Mapped[str] = mapped_column(String(100), default="")
    term: Mapped[str] = mapped_column(String(50), default="")
    # Names change with mergers; the superior tells packages from one cell apart by this.
    uid: Mapped[str] = mapped_column(String(36), default=lambda: str(uuid.uuid4()))
