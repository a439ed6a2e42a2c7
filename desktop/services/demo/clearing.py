"""Leaving the sample cell (bắt đầu với chi bộ thật): every sample row goes, in one go.

The sample is recognised as a whole (``marker.is_sample_data``): its cell details are the
fictional ones ``load_demo`` writes, so every row of the data folder belongs to it. The
caller makes a backup first; this only deletes, in one transaction, so an error leaves
the sample as it was.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select

from desktop.errors import DomainError
from desktop.models.base import Base
from desktop.services.demo.marker import is_sample_data
from desktop.storage.database import Database


def clear_sample_data(db: Database) -> int:
    """Delete every row of the sample cell; returns how many rows were deleted.

    Refuses (DomainError) when the open data is not the sample: a real cell's data is
    never cleared by this."""
    import desktop.models  # noqa: F401 - every table registered on Base.metadata

    if not is_sample_data(db):
        raise DomainError("Dữ liệu đang mở không phải dữ liệu mẫu: không xóa gì.")
    deleted = 0
    with db.session() as session:
        # Children before parents, so that no foreign key is left pointing at nothing.
        for table in reversed(Base.metadata.sorted_tables):
            deleted += session.scalar(select(func.count()).select_from(table)) or 0
            session.execute(delete(table))
    return deleted
