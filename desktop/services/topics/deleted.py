"""Deleting a topic into "Đã xóa", listing those, restoring one, or removing it for good.

Only a topic nobody has used may be deleted (a used one is history: reports and reprinted
minutes need it). A deleted topic keeps its row, documents and sections with
``deleted_at`` set, is listed in "Đã xóa" after a restart and comes back whole on
restore; no list, choice of the month's study or report shows it meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Meeting, StudyRecord, Topic, TopicSection
from desktop.errors import DomainError, NotFound
from desktop.services.topics.data import period_label
from desktop.storage.database import Database


@dataclass(frozen=True)
class DeletedTopic:
    """A topic in "Đã xóa": its title, its period and when it was deleted."""

    id: int
    title: str
    period: str  # "năm 2026", "2021 – 2025"
    deleted_at: datetime


def delete_topic(db: Database, topic_id: int) -> None:
    """Move a topic nobody has used yet to "Đã xóa"; a used one is history and stays."""
    with db.session() as session:
        topic = session.get(Topic, topic_id)
        if topic is None or topic.deleted_at is not None:
            raise NotFound("Không tìm thấy chuyên đề này.")
        _refuse_if_used(session, topic)
        topic.deleted_at = datetime.now()


def list_deleted_topics(db: Database) -> list[DeletedTopic]:
    """The topics in "Đã xóa", the most recently deleted first."""
    with db.session() as session:
        rows = session.scalars(
            select(Topic)
            .where(Topic.deleted_at.is_not(None))
            .order_by(Topic.deleted_at.desc(), Topic.id.desc())
        ).all()
        return [
            DeletedTopic(t.id, t.short_title or t.title, period_label(t), t.deleted_at)
            for t in rows
        ]


def restore_topic(db: Database, topic_id: int) -> None:
    """Bring a deleted topic back; refused when a live topic of the same level and start
    year now has the same title (the catalogue keeps one of each)."""
    with db.session() as session:
        topic = _load_deleted(session, topic_id)
        twin = session.scalars(
            select(Topic).where(
                Topic.id != topic.id,
                Topic.deleted_at.is_(None),
                Topic.start_year == topic.start_year,
                Topic.level == topic.level,
            )
        ).all()
        for other in twin:
            if other.title.casefold() == topic.title.casefold():
                raise DomainError(
                    f"Không khôi phục được chuyên đề “{topic.short_title or topic.title}”: "
                    f"danh mục đã có chuyên đề cùng tên ({period_label(other)}). "
                    "Hãy dùng chuyên đề đang có, hoặc xóa nó trước."
                )
        topic.deleted_at = None


def purge_topic(db: Database, topic_id: int) -> None:
    """Remove a topic in "Đã xóa" for good, with its documents and sections ("Xóa hẳn")."""
    with db.session() as session:
        topic = _load_deleted(session, topic_id)
        _refuse_if_used(session, topic)
        session.delete(topic)


def _load_deleted(session: Session, topic_id: int) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None or topic.deleted_at is None:
        raise NotFound("Không tìm thấy chuyên đề này trong mục Đã xóa.")
    return topic


def _refuse_if_used(session: Session, topic: Topic) -> None:
    """Studied by someone or at a meeting (one in "Đã xóa" included): the topic stays."""
    studied = session.scalar(
        select(func.count()).select_from(StudyRecord).where(StudyRecord.topic_id == topic.id)
    )
    meetings = session.scalar(
        select(func.count(Meeting.id.distinct()))
        .join(TopicSection, TopicSection.id == Meeting.topic_section_id)
        .where(TopicSection.topic_id == topic.id)
    )
    if studied or meetings:
        uses = []
        if studied:
            uses.append(f"{studied} đảng viên đã được ghi nhận học tập chuyên đề này")
        if meetings:
            uses.append(f"{meetings} buổi sinh hoạt đã học nội dung của chuyên đề")
        raise DomainError(
            f"Không xóa được chuyên đề “{topic.short_title or topic.title}”: "
            + " và ".join(uses)
            + ". Chuyên đề phải được giữ lại để báo cáo và in lại biên bản; "
            "nếu chi bộ không còn học chuyên đề này, chỉ cần để nó hết thời gian thực hiện."
        )
