"""Editable cell-wide settings kept in the database (e.g. the campaign's name).

They belong to the cell's data, not to the PC, so they travel with a backup.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class CellSetting(Base):
    __tablename__ = "cell_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
