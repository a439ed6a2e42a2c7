"""The study round of a topic (học tập, quán triệt chuyên đề): who has studied it,
where and when, who still has to, and the percentage with its denominator.

Who counts (the denominator, DOMAIN §4 "always print the denominator"):

- members on the cell's roll at the date ``on``: dự bị, chính thức, those temporarily
  attached to another cell (they belong to this cell, which reports them), and members
  whose status is not yet known;
- **not** members exempted from work and meetings (miễn công tác và sinh hoạt đảng),
  nor members temporarily attached here from another cell (sinh hoạt tạm thời): they
  study and are reported at their home cell; both are listed apart, as ``excluded``;
- not members who had left (transferred out, deceased, removed) or had not yet joined
  (admitted or transferred in after ``on``).

``on`` defaults to today, but never later than the last day of the topic's period, so
a past topic is judged by the members the cell had then. The study deadline does not
change who counts; it only tells whether the round is overdue.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Attendance, Meeting, Member, StudyRecord, Topic
from desktop.errors import DomainError, FieldError, NotFound, ValidationError
from desktop.services.members.registry import live_member_events
from desktop.services.members.status import MemberStatus, derive_status
from desktop.services.topics.data import TopicInfo, last_year
from desktop.services.topics.catalogue import topic_info
from desktop.storage.database import Database
from desktop.text import clean_spaces, format_number, format_percent, name_sort_key, short_date


class StudyWay(StrEnum):
    """Where a member studied the topic."""

    CELL = "chi_bo"
    SUPERIOR = "cap_tren"
    MAKE_UP = "hoc_bu"

    @property
    def label(self) -> str:
        return WAY_LABELS[self]


WAY_LABELS = {
    StudyWay.CELL: "Học tập tại chi bộ",
    StudyWay.SUPERIOR: "Học tập tại hội nghị cấp trên",
    StudyWay.MAKE_UP: "Học bù tại buổi sinh hoạt sau",
}
STUDIED_LABEL = "Đã học tập"
NOT_STUDIED_LABEL = "Chưa học tập"
PRESENT = "co_mat"

# Attached here from another cell: studies and is counted at the home cell.
_NOT_COUNTED = {
    MemberStatus.EXEMPTED: "Miễn công tác và sinh hoạt đảng: không tính vào số phải học tập",
    MemberStatus.TEMPORARY_HERE: "Sinh hoạt tạm thời: học tập và tính tại chi bộ chính thức",
}


@dataclass(frozen=True)
class StudyStatus:
    member_id: int
    full_name: str
    status_label: str
    studied_on: date | None
    way: str | None
    way_label: str
    meeting_id: int | None
    note: str = ""
    member_status_label: str = ""

    @property
    def studied(self) -> bool:
        return self.studied_on is not None


@dataclass(frozen=True)
class StudyRound:
    topic: TopicInfo
    on: date
    rows: list[StudyStatus]
    """Everyone who must study the topic, in Vietnamese name order."""
    studied: int
    denominator: int
    percent_text: str
    """ "20/23 đảng viên (86,96%)"."""
    missing: list[StudyStatus]
    """Who still has to study, in Vietnamese name order."""
    excluded: list[StudyStatus]
    """Members on the books but outside the denominator, with the reason as status_label."""

    @property
    def deadline(self) -> date | None:
        return self.topic.study_deadline

    @property
    def overdue(self) -> bool:
        """The deadline has passed and someone has still not studied."""
        return bool(self.deadline and self.on > self.deadline and self.missing)


def percent_text(studied: int, denominator: int) -> str:
    """ "20/23 đảng viên (86,96%)"; the denominator is always shown."""
    if denominator == 0:
        return "0/0 đảng viên (không có đảng viên phải học tập)"
    share = format_percent(studied / denominator)
    return f"{format_number(studied)}/{format_number(denominator)} đảng viên ({share})"


def study_round(db: Database, topic_id: int, on: date | None = None) -> StudyRound:
    with db.session() as session:
        topic = topic_info(_load_topic(session, topic_id))
        on = on or min(date.today(), date(last_year(topic), 12, 31))
        members = session.execute(
            select(Member.id, Member.full_name).where(Member.deleted_at.is_(None))
        ).all()
        events = live_member_events(session)
        records = {
            r.member_id: r
            for r in session.scalars(select(StudyRecord).where(StudyRecord.topic_id == topic_id))
        }
    rows: list[StudyStatus] = []
    excluded: list[StudyStatus] = []
    for member in members:
        status = _status_in_cell(events.get(member.id, []), on)
        if status is None:
            continue
        if status in _NOT_COUNTED:
            excluded.append(_row(member, status, None, _NOT_COUNTED[status]))
            continue
        record = records.get(member.id)
        if record is not None and record.studied_on > on:
            record = None
        rows.append(_row(member, status, record))
    rows.sort(key=lambda r: name_sort_key(r.full_name))
    excluded.sort(key=lambda r: name_sort_key(r.full_name))
    studied = sum(1 for r in rows if r.studied)
    return StudyRound(
        topic=topic,
        on=on,
        rows=rows,
        studied=studied,
        denominator=len(rows),
        percent_text=percent_text(studied, len(rows)),
        missing=[r for r in rows if not r.studied],
        excluded=excluded,
    )


def mark_studied(
    db: Database,
    topic_id: int,
    member_ids: Iterable[int],
    studied_on: date,
    way: str,
    meeting_id: int | None = None,
    note: str = "",
) -> int:
    """Record that these members studied the topic (replacing an earlier record of
    theirs); all or nothing. Returns how many members were recorded."""
    member_ids = list(dict.fromkeys(member_ids))
    way = _checked_way(way)
    with db.session() as session:
        topic = _load_topic(session, topic_id)
        _check_date(topic, studied_on)
        chosen = session.get(Meeting, meeting_id) if meeting_id is not None else None
        if meeting_id is not None and (chosen is None or chosen.deleted_at is not None):
            raise NotFound("Không tìm thấy buổi sinh hoạt này.")
        live = set(
            session.scalars(
                select(Member.id).where(Member.id.in_(member_ids), Member.deleted_at.is_(None))
            )
        )
        if len(live) != len(member_ids):
            raise NotFound("Không tìm thấy một số đảng viên (có thể đã bị xóa).")
        existing = _records(session, topic_id, member_ids)
        for member_id in member_ids:
            record = existing.get(member_id) or StudyRecord(topic_id=topic_id, member_id=member_id)
            record.studied_on, record.way, record.meeting_id = studied_on, way, meeting_id
            record.note = clean_spaces(note)
            session.add(record)
    return len(member_ids)


def unmark_studied(db: Database, topic_id: int, member_id: int) -> None:
    """Back to "chưa học tập" (e.g. ticked by mistake); nothing happens if not recorded."""
    with db.session() as session:
        record = _records(session, topic_id, [member_id]).get(member_id)
        if record is not None:
            session.delete(record)


def mark_studied_from_meeting(db: Database, topic_id: int, meeting_id: int) -> int:
    """Record the topic as studied by every member present at a held meeting who had
    not studied it yet; returns how many were recorded.

    The first cell meeting at which the topic was studied records "học tập tại chi bộ";
    a later one records "học bù" for those who missed it. Running it twice adds nothing.
    """
    with db.session() as session:
        topic = _load_topic(session, topic_id)
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.deleted_at is not None:
            raise NotFound("Không tìm thấy buổi sinh hoạt này.")
        held_on = meeting.held_on
        if held_on is None:
            raise DomainError(
                "Buổi sinh hoạt chưa có ngày họp: hãy ghi buổi sinh hoạt là đã họp và điểm "
                "danh trước khi ghi nhận học tập chuyên đề."
            )
        _check_date(topic, held_on)
        present = list(
            session.scalars(
                select(Attendance.member_id)
                .join(Member, Member.id == Attendance.member_id)
                .where(
                    Attendance.meeting_id == meeting_id,
                    Attendance.presence == PRESENT,
                    Member.deleted_at.is_(None),
                )
            )
        )
        records = list(session.scalars(select(StudyRecord).where(StudyRecord.topic_id == topic_id)))
        way = _way_for_meeting(records, meeting_id, held_on)
        studied = {r.member_id for r in records}
        events = live_member_events(session)
        added = 0
        for member_id in present:
            if member_id in studied:
                continue
            status = _status_in_cell(events.get(member_id, []), held_on)
            if status is None or status in _NOT_COUNTED:
                continue
            session.add(
                StudyRecord(
                    topic_id=topic_id,
                    member_id=member_id,
                    studied_on=held_on,
                    way=way,
                    meeting_id=meeting_id,
                )
            )
            added += 1
    return added


def _way_for_meeting(records: Sequence[StudyRecord], meeting_id: int, held_on: date) -> str:
    cell_sessions = [
        r.studied_on
        for r in records
        if r.way in (StudyWay.CELL, StudyWay.MAKE_UP) and r.meeting_id != meeting_id
    ]
    if not cell_sessions or held_on <= min(cell_sessions):
        return StudyWay.CELL.value
    return StudyWay.MAKE_UP.value


def _status_in_cell(events: Sequence, on: date) -> MemberStatus | None:
    """The member's status on ``on`` if they belonged to the cell then, else None."""
    status = derive_status(events, on).status
    if status == MemberStatus.TEMPORARY_HERE or status.on_roll:
        return status
    return None


def _row(member, status: MemberStatus, record: StudyRecord | None, label: str = "") -> StudyStatus:
    if record is None:
        return StudyStatus(
            member_id=member.id,
            full_name=member.full_name,
            status_label=label or NOT_STUDIED_LABEL,
            studied_on=None,
            way=None,
            way_label="",
            meeting_id=None,
            member_status_label=status.label,
        )
    way = StudyWay(record.way)
    return StudyStatus(
        member_id=member.id,
        full_name=member.full_name,
        status_label=label or STUDIED_LABEL,
        studied_on=record.studied_on,
        way=way.value,
        way_label=way.label,
        meeting_id=record.meeting_id,
        note=record.note,
        member_status_label=status.label,
    )


def _records(session: Session, topic_id: int, member_ids: Sequence[int]) -> dict:
    rows = session.scalars(
        select(StudyRecord).where(
            StudyRecord.topic_id == topic_id, StudyRecord.member_id.in_(member_ids)
        )
    )
    return {r.member_id: r for r in rows}


def _load_topic(session: Session, topic_id: int) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None or topic.deleted_at is not None:
        raise NotFound("Không tìm thấy chuyên đề này.")
    return topic


def _checked_way(way: str) -> str:
    try:
        return StudyWay(way).value
    except ValueError:
        choices = ", ".join(label.lower() for label in WAY_LABELS.values())
        raise ValidationError(
            [FieldError("way", f"Chưa chọn hình thức học tập ({choices}).")]
        ) from None


def _check_date(topic: Topic, studied_on: date) -> None:
    start = date(topic.start_year, topic.start_month, 1)
    if studied_on < start:
        raise ValidationError(
            [
                FieldError(
                    "studied_on",
                    f"Ngày học tập {short_date(studied_on)} trước khi chuyên đề bắt đầu "
                    f"(tháng {topic.start_month}/{topic.start_year}).",
                )
            ]
        )
