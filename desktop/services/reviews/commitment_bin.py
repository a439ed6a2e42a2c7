"""Commitments in "Đã xóa": listed after a restart, restored whole, or removed for good.

``commitments.delete_commitment`` keeps the row, its items and their progress notes with
``deleted_at`` set; nothing else (the cell's table, ratings, self-reviews, papers) sees it.
A member has one commitment a year, so a new one cannot be written while the deleted one
waits here: the secretary restores it or removes it for good ("Xóa hẳn").
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Commitment, CommitmentItem, Member
from desktop.errors import DomainError, NotFound
from desktop.services.reviews.commitment_records import DeletedCommitment
from desktop.storage.database import Database


def list_deleted_commitments(db: Database) -> list[DeletedCommitment]:
    """The commitments in "Đã xóa", the most recently deleted first."""
    items = (
        select(func.count(CommitmentItem.id))
        .where(CommitmentItem.commitment_id == Commitment.id)
        .scalar_subquery()
    )
    with db.session() as session:
        rows = session.execute(
            select(Commitment, Member.full_name, items)
            .join(Member, Member.id == Commitment.member_id)
            .where(Commitment.deleted_at.is_not(None))
            .order_by(Commitment.deleted_at.desc(), Commitment.id.desc())
        ).all()
        return [
            DeletedCommitment(c.id, c.member_id, name, c.year, count, c.deleted_at)
            for c, name, count in rows
        ]


def restore_deleted_commitment(db: Database, commitment_id: int) -> None:
    """Bring a deleted commitment back with its items, progress and evaluation."""
    with db.session() as session:
        commitment = _load_deleted(session, commitment_id)
        member = session.get(Member, commitment.member_id)
        if member is None or member.deleted_at is not None:
            name = member.full_name if member else ""
            raise DomainError(
                f"Đồng chí {name} đang ở mục Đã xóa của danh sách đảng viên: hãy khôi phục "
                "đảng viên trước, rồi khôi phục bản cam kết."
            )
        commitment.deleted_at = None


def purge_commitment(db: Database, commitment_id: int) -> None:
    """Remove a commitment in "Đã xóa" for good, with its items and progress notes."""
    with db.session() as session:
        session.delete(_load_deleted(session, commitment_id))


def _load_deleted(session: Session, commitment_id: int) -> Commitment:
    commitment = session.get(Commitment, commitment_id)
    if commitment is None or commitment.deleted_at is None:
        raise NotFound("Không tìm thấy bản cam kết này trong mục Đã xóa.")
    return commitment
