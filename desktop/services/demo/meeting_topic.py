"""The demo's study topic (chuyên đề học tập) and who studied it at which meeting.

The catalogue is reduced to the national term-long topic and the Hậu Giang topics, and the
commune's own yearly topic (fictional) is added with one section per monthly meeting; its
study round is recorded as a secretary would: at the first meeting and its two make-ups,
then each newly admitted member at his first meeting (học bù). See ``demo.meetings``.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from sqlalchemy import select

from desktop.models import StudyRecord
from desktop.services.demo import meetings_text as say
from desktop.services.demo.meeting_calendar import Slot
from desktop.services.topics.catalogue import (
    create_topic,
    delete_topic,
    ensure_seed_topics,
    list_topics,
    purge_topic,
)
from desktop.services.topics.data import TopicData, TopicDocumentInfo, TopicSectionInfo
from desktop.services.topics.study_round import mark_studied, mark_studied_from_meeting

COMMUNE_COMMITTEE = "Ban Thường vụ Đảng ủy xã Long Thạnh"
STUDY_MEETINGS = 3  # the study round's first meeting and its two make-ups


def demo_topic(db, regular: list[Slot], today: date) -> int:
    """The catalogue reduced to the national and Hậu Giang topics, plus the commune's;
    returns the commune's topic id."""
    ensure_seed_topics(db)
    for topic in list_topics(db):
        key = topic.seed_key or ""
        if key and not (key.startswith("hau-giang-") or topic.level.value == "toan_khoa"):
            delete_topic(db, topic.id)
            purge_topic(db, topic.id)  # not the cell's: nothing to restore
    first = regular[0].day
    deadline = regular[STUDY_MEETINGS - 1].day
    deadline = deadline.replace(day=calendar.monthrange(deadline.year, deadline.month)[1])
    end_year = today.year
    period = f"năm {end_year}" if first.year == end_year else f"năm {first.year} – {end_year}"
    plan_document = TopicDocumentInfo(
        number="18-KH/ĐU",
        issuer=COMMUNE_COMMITTEE,
        issued_on=first.replace(day=1) - timedelta(days=6),
        title="Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
        + period,
    )
    return create_topic(
        db,
        TopicData(
            title=say.TOPIC_TITLE,
            level="dia_phuong",
            short_title=f"Chuyên đề {period} của Đảng ủy xã Long Thạnh",
            issuer=COMMUNE_COMMITTEE,
            start_year=first.year,
            start_month=first.month,
            end_year=end_year,
            study_deadline=deadline,
            note="Chuyên đề giả định của chi bộ mẫu, chỉ để dùng thử phần mềm.",
            documents=[plan_document],
            sections=[TopicSectionInfo(title) for title in say.TOPIC_SECTIONS],
        ),
    )


def record_study(
    db, topic_id: int, slot: Slot, meeting_id: int, newcomers_present: set[str],
    ids: dict[str, int],
) -> None:
    """The study round: first meeting and two make-ups, then newly admitted members."""
    if slot.index < STUDY_MEETINGS:
        mark_studied_from_meeting(db, topic_id, meeting_id)
        return
    with db.session() as session:
        studied = set(
            session.scalars(select(StudyRecord.member_id).where(StudyRecord.topic_id == topic_id))
        )
    newcomers = [ids[name] for name in newcomers_present if ids[name] not in studied]
    if newcomers:
        mark_studied(
            db,
            topic_id,
            sorted(newcomers),
            slot.day,
            "hoc_bu",
            meeting_id,
            note=say.NEWCOMER_NOTE,
        )
