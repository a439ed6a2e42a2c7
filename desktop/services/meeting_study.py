"""Which section of the study topic (nội dung chuyên đề) a monthly meeting studies.

DOMAIN.md §4: each regular meeting studies one section of the current topic. The most
specific topic current at the meeting date wins (địa phương, then tỉnh, then toàn khóa);
its first section that no other meeting has taken is suggested.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models import Meeting, Topic, TopicSection
from desktop.storage.database import Database

LEVEL_ORDER = {"dia_phuong": 0, "tinh": 1, "toan_khoa": 2}


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
    used_query = select(Meeting.topic_section_id).where(Meeting.topic_section_id.is_not(None))
    if exclude_meeting_id is not None:
        used_query = used_query.where(Meeting.id != exclude_meeting_id)
    used = set(session.scalars(used_query))
    for topic in current_topics(session, on):
        for section in topic.sections:
            if section.id not in used:
                return StudySection(topic.id, section.id, topic.title, section.title)
    return None


def current_topics(session: Session, on: date) -> list[Topic]:
    """Topics whose period covers ``on``, most specific level first, newest first."""
    topics = session.scalars(select(Topic).options(selectinload(Topic.sections))).all()
    month = (on.year, on.month)
    current = [
        t
        for t in topics
        if (t.start_year, t.start_month or 1) <= month
        and on.year <= max(t.end_year, t.carried_into_year or t.end_year)
    ]
    current.sort(
        key=lambda t: (LEVEL_ORDER.get(t.level, 3), -t.start_year, -(t.start_month or 1), t.id)
    )
    return current


def section_info(session: Session, section_id: int | None) -> StudySection | None:
    if section_id is None:
        return None
    section = session.get(TopicSection, section_id)
    if section is None:
        return None
    topic = session.get(Topic, section.topic_id)
    return StudySection(topic.id, section.id, topic.title if topic else "", section.title)
