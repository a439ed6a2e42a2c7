"""The catalogue of study topics (chuyên đề học tập và làm theo tư tưởng, đạo đức,
phong cách Hồ Chí Minh): list, read, add, edit, delete, and which topic is current.

Topics are data: the national term-long topic and the provinces' yearly topics ship
as files in ``resources/topics/``; next year's topic is added from the superior's
guidance through the form or from a topic file, never by changing code.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models import Meeting, Topic, TopicDocument, TopicSection
from desktop.services.cell.settings import read_setting, write_setting
from desktop.errors import DomainError, FieldError, NotFound, ValidationError
from desktop.services.topics.data import (
    TopicData,
    TopicDocumentInfo,
    TopicInfo,
    TopicLevel,
    TopicSectionInfo,
    covers,
    current_order,
    document_errors,
    normalize_documents,
    normalize_sections,
    normalize_topic,
    period_detail,
    period_label,
    section_errors,
    validate_topic,
)
from desktop.services.topics.deleted import (
    DeletedTopic,
    delete_topic,
    list_deleted_topics,
    purge_topic,
    restore_topic,
)
from desktop.services.topics.files import (
    TopicFileError,
    catalogue_files,
    load_topic_file,
    write_topic_file,
)
from desktop.storage.database import Database

__all__ = [
    "DeletedTopic",
    "TopicData",
    "TopicDocumentInfo",
    "TopicFileError",
    "TopicInfo",
    "TopicLevel",
    "TopicSectionInfo",
    "create_topic",
    "current_topic",
    "current_topics",
    "delete_topic",
    "ensure_seed_topics",
    "export_topic_file",
    "get_topic",
    "import_topic_file",
    "list_deleted_topics",
    "list_topics",
    "load_topic_file",
    "period_detail",
    "period_label",
    "purge_topic",
    "restore_topic",
    "set_documents",
    "set_sections",
    "topic_info",
    "update_topic",
]

# The seed keys loaded once are remembered, so that a catalogue topic the cell deleted
# (another province's) does not come back, while a topic added to the catalogue by a
# newer version of the app still arrives.
SEEDED_KEYS_SETTING = "topics.seeded_keys"


def topic_info(topic: Topic) -> TopicInfo:
    """A plain record of a loaded Topic (documents and sections included)."""
    return TopicInfo(
        id=topic.id,
        seed_key=topic.seed_key,
        level=TopicLevel(topic.level),
        title=topic.title,
        short_title=topic.short_title,
        issuer=topic.issuer,
        start_year=topic.start_year,
        start_month=topic.start_month,
        end_year=topic.end_year,
        carried_into_year=topic.carried_into_year,
        study_deadline=topic.study_deadline,
        note=topic.note,
        documents=tuple(
            TopicDocumentInfo(d.number, d.issuer, d.issued_on, d.title, d.id)
            for d in topic.documents
        ),
        sections=tuple(
            TopicSectionInfo(s.title, s.summary, s.position, s.id) for s in topic.sections
        ),
    )


_LOADED_TOPICS = (
    select(Topic)
    .where(Topic.deleted_at.is_(None))
    .options(selectinload(Topic.documents), selectinload(Topic.sections))
)


def list_topics(db: Database) -> list[TopicInfo]:
    """Every topic, the newest first; at the same start, the most specific first."""
    with db.session() as session:
        topics = [topic_info(t) for t in session.scalars(_LOADED_TOPICS)]
    topics.sort(key=lambda t: (-t.start_year, -t.start_month, t.level.specificity, -t.id))
    return topics


def get_topic(db: Database, topic_id: int) -> TopicInfo:
    with db.session() as session:
        return topic_info(_load(session, topic_id))


def current_topics(db: Database, on: date) -> list[TopicInfo]:
    """The topics current on ``on``: địa phương first, then tỉnh, then toàn khóa.

    Within a level the most recently started comes first (a catalogue may hold the
    topics of several provinces until the cell deletes the ones that are not its own).
    """
    return sorted((t for t in list_topics(db) if covers(t, on)), key=current_order)


def current_topic(db: Database, on: date) -> TopicInfo | None:
    """The most specific topic current on ``on``, the one monthly meetings study."""
    topics = current_topics(db, on)
    return topics[0] if topics else None


def create_topic(db: Database, data: TopicData) -> int:
    data = _checked(data)
    with db.session() as session:
        _refuse_duplicate(session, data, None)
        topic = Topic(seed_key=data.seed_key)
        _apply_header(topic, data)
        session.add(topic)
        _fill_lists(topic, data)
        session.flush()
        return topic.id


def update_topic(db: Database, topic_id: int, data: TopicData) -> None:
    """Save the form: header fields, and the documents and sections unless None."""
    data = _checked(data)
    with db.session() as session:
        topic = _load(session, topic_id)
        _refuse_duplicate(session, data, topic_id)
        _apply_header(topic, data)
        if data.documents is not None:
            _replace_documents(topic, data.documents)
        if data.sections is not None:
            _apply_sections(session, topic, data.sections)


def set_sections(
    db: Database,
    topic_id: int,
    sections: Sequence[TopicSectionInfo | tuple[str, str] | str],
) -> None:
    """Replace the content sections, in the given order.

    A TopicSectionInfo with an ``id`` keeps that section (and the meetings that studied
    it); a (title, summary) pair or a plain title is a new section. Removing a section
    that a meeting studied is refused.
    """
    items = normalize_sections([_as_section(s) for s in sections])
    _raise_if(section_errors(items))
    with db.session() as session:
        _apply_sections(session, _load(session, topic_id), items)


def set_documents(db: Database, topic_id: int, documents: Sequence[TopicDocumentInfo]) -> None:
    items = normalize_documents(documents)
    _raise_if(document_errors(items))
    with db.session() as session:
        _replace_documents(_load(session, topic_id), items)


def import_topic_file(db: Database, path: Path) -> int:
    """Add the topic described by a topic file (e.g. next year's, typed from the
    superior's guidance); returns the new topic's id."""
    return create_topic(db, load_topic_file(path))


def export_topic_file(db: Database, topic_id: int, path: Path) -> None:
    """Write a topic as a topic file, to hand the same topic to other cells."""
    write_topic_file(get_topic(db, topic_id), path)


def ensure_seed_topics(db: Database, directory: Path | None = None) -> int:
    """Load the shipped catalogue's topics not loaded before; returns how many were added.

    Safe to call at every start: a topic is matched by its seed key, and one that was
    loaded once and later deleted by the cell is not loaded again.
    """
    catalogue = [(p.name, load_topic_file(p)) for p in catalogue_files(directory)]
    added = 0
    with db.session() as session:
        seeded = set(json.loads(read_setting(session, SEEDED_KEYS_SETTING, "[]")))
        present = set(session.scalars(select(Topic.seed_key).where(Topic.seed_key.is_not(None))))
        for file_name, data in catalogue:
            key = data.seed_key
            if not key:
                message = f"Tệp “{file_name}”, trường “seed_key”: tệp trong danh mục phải có mã."
                raise TopicFileError([FieldError("seed_key", message)])
            if key in seeded or key in present:
                seeded.add(key)
                continue
            topic = Topic(seed_key=key)
            _apply_header(topic, data)
            _fill_lists(topic, data)
            session.add(topic)
            seeded.add(key)
            added += 1
        write_setting(session, SEEDED_KEYS_SETTING, json.dumps(sorted(seeded)))
    return added


def _checked(data: TopicData) -> TopicData:
    data = normalize_topic(data)
    _raise_if(validate_topic(data))
    return data


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def _load(session: Session, topic_id: int) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None or topic.deleted_at is not None:
        raise NotFound("Không tìm thấy chuyên đề này.")
    return topic


_IN_DELETED = " Chuyên đề đó đang ở mục Đã xóa: hãy khôi phục nó (nút “Đã xóa…”)."


def _refuse_duplicate(session: Session, data: TopicData, topic_id: int | None) -> None:
    others = session.scalars(
        select(Topic).where(Topic.start_year == data.start_year, Topic.level == data.level)
    )
    for other in others:
        if other.id != topic_id and other.title.casefold() == data.title.casefold():
            raise DomainError(
                f"Đã có chuyên đề này ({period_label(other)}): “{other.title}”."
                + _IN_DELETED * (other.deleted_at is not None)
            )
    if data.seed_key:
        clash = session.scalar(select(Topic).where(Topic.seed_key == data.seed_key))
        if clash is not None and clash.id != topic_id:
            raise DomainError(
                f"Đã có chuyên đề mang mã “{data.seed_key}”: “{clash.title}”."
                + _IN_DELETED * (clash.deleted_at is not None)
            )


def _apply_header(topic: Topic, data: TopicData) -> None:
    topic.level = data.level
    topic.title = data.title
    topic.short_title = data.short_title
    topic.issuer = data.issuer
    topic.start_year = data.start_year
    topic.start_month = data.start_month
    topic.end_year = data.end_year
    topic.carried_into_year = data.carried_into_year
    topic.study_deadline = data.study_deadline
    topic.note = data.note


def _fill_lists(topic: Topic, data: TopicData) -> None:
    topic.documents = [_document_row(d) for d in data.documents or ()]
    topic.sections = [
        TopicSection(position=i, title=s.title, summary=s.summary)
        for i, s in enumerate(data.sections or (), start=1)
    ]


def _document_row(document: TopicDocumentInfo) -> TopicDocument:
    return TopicDocument(
        number=document.number,
        issuer=document.issuer,
        issued_on=document.issued_on,
        title=document.title,
    )


def _replace_documents(topic: Topic, documents: Sequence[TopicDocumentInfo]) -> None:
    topic.documents = [_document_row(d) for d in documents]


def _as_section(item: TopicSectionInfo | tuple[str, str] | str) -> TopicSectionInfo:
    if isinstance(item, TopicSectionInfo):
        return item
    if isinstance(item, str):
        return TopicSectionInfo(title=item)
    title, summary = item
    return TopicSectionInfo(title=title, summary=summary)


def _apply_sections(session: Session, topic: Topic, sections: Sequence[TopicSectionInfo]) -> None:
    existing = {s.id: s for s in topic.sections}
    kept_ids = {s.id for s in sections if s.id is not None}
    unknown = kept_ids - existing.keys()
    if unknown:
        raise NotFound("Một mục nội dung không thuộc chuyên đề này (có thể đã bị xóa).")
    removed = [s for s in topic.sections if s.id not in kept_ids]
    if removed:
        used = session.scalars(
            select(Meeting).where(Meeting.topic_section_id.in_([s.id for s in removed]))
        ).first()
        if used is not None:
            section = existing[used.topic_section_id]
            raise DomainError(
                f"Không bỏ được mục “{section.title}”: buổi sinh hoạt tháng "
                f"{used.month}/{used.year} đã học mục này. Có thể sửa tên mục, "
                "nhưng không xóa."
            )
    rows = []
    for position, item in enumerate(sections, start=1):
        row = existing[item.id] if item.id is not None else TopicSection()
        row.position, row.title, row.summary = position, item.title, item.summary
        rows.append(row)
    topic.sections = rows
