"""Which section of the study topic (nội dung chuyên đề) a monthly meeting studies.

docs/domain.md §4: each regular meeting studies one section of the current topic. The most
specific topic current at the meeting date wins (địa phương, then tỉnh, then toàn khóa);
its first section that no other meeting has taken is suggested.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models import Meeting, Topic, TopicSection
from desktop.services.topics.data import covers, current_order
from desktop.storage.database import Database


class StudySection(NamedTuple):
    topic_id: int
    section_id: int
    topic_title: str
    section_title: str


def suggest_study_section(db: Database, on: date) -> StudySection | None:
    """The next unstudied section of the topic current on ``on``, or None."""
    with db.session() as session:
        return suggest(session, on)


def suggest(
    session: Session, on: date, exclude_meeting_id: int | None = None
) -> StudySection | None:
    used_query = select(Meeting.topic_section_id).where(
        Meeting.topic_section_id.is_not(None), Meeting.deleted_at.is_(None)
    )
    if exclude_meeting_id is not None:
        used_query = used_query.where(Meeting.id != exclude_meeting_id)
    used = set(session.scalars(used_query))
    for topic in current_topics(session, on):
        for section in topic.sections:
            if section.id not in used:
                return StudySection(topic.id, section.id, topic.title, section.title)
    return None


def current_topics(session: Session, on: date) -> list[Topic]:
    """Topics current on ``on`` in the order of ``topics.current_topics`` (one rule)."""
    live = select(Topic).where(Topic.deleted_at.is_(None))
    topics = session.scalars(live.options(selectinload(Topic.sections))).all()
    return sorted((t for t in topics if covers(t, on)), key=current_order)


def section_info(session: Session, section_id: int | None) -> StudySection | None:
    if section_id is None:
        return None
    section = session.get(TopicSection, section_id)
    if section is None:
        return None
    topic = session.get(Topic, section.topic_id)
    return StudySection(topic.id, section.id, topic.title if topic else "", section.title)
