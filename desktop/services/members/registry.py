"""The member registry (đảng viên): list, read, validate, save, delete and undo.

Each public function is one user action: one session, committed once, returning plain
records (no live ORM objects leave this module).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.models import EventKind, Gender, Member, MemberEvent, PartyPost, ReviewGroup
from desktop.errors import FieldError, NotFound, ValidationError
from desktop.services.members.events import EventRecord, event_record
from desktop.services.members.status import MemberStatus, derive_status
from desktop.storage.database import Database
from desktop.text import clean_spaces, fold, name_sort_key, proper_case_name
from desktop.text.dates import PartialDate


@dataclass
class MemberData:
    """The editable fields of a member, as the form and the importer hand them over.

    ``admitted_on`` and ``official_on`` are views of the kết nạp and công nhận chính
    thức events: saving them writes those events.
    """

    full_name: str = ""
    other_name: str = ""
    gender: str = Gender.MALE.value
    birth_date: PartialDate | None = None
    ethnicity: str = "Kinh"
    religion: str = "Không"
    hometown: str = ""
    residence: str = ""
    citizen_id: str | None = None
    card_number: str | None = None
    education: str = ""
    profession: str = ""
    political_theory: str = ""
    occupation: str = ""
    party_post: str = PartyPost.NONE.value
    other_posts: str = ""
    workplace: str = ""
    review_group: str = ReviewGroup.C.value
    phone: str = ""
    note: str = ""
    works_far_away: bool = False
    admitted_on: date | None = None
    official_on: date | None = None


PLAIN_FIELDS = tuple(
    f.name for f in fields(MemberData) if f.name not in ("admitted_on", "official_on")
)


@dataclass(frozen=True)
class MemberRow:
    """One line of the members table: cached, with its search and sort keys precomputed."""

    id: int
    full_name: str
    gender: str
    birth: str
    card_number: str
    status: MemberStatus
    is_official: bool
    admitted_on: date | None
    party_post: str
    phone: str
    residence: str
    works_far_away: bool
    search_key: str
    sort_key: tuple


@dataclass
class MemberDetail:
    id: int
    data: MemberData
    status: MemberStatus
    events: list[EventRecord] = field(default_factory=list)


def normalize(data: MemberData) -> MemberData:
    """Clean what the user typed: NFC, single spaces, proper-cased name."""
    cleaned = replace(data)
    for name in PLAIN_FIELDS:
        value = getattr(cleaned, name)
        if isinstance(value, str):
            setattr(cleaned, name, clean_spaces(value))
    cleaned.full_name = proper_case_name(cleaned.full_name)
    cleaned.other_name = proper_case_name(cleaned.other_name) if cleaned.other_name else ""
    cleaned.card_number = clean_spaces(cleaned.card_number or "") or None
    cleaned.citizen_id = clean_spaces(cleaned.citizen_id or "") or None
    return cleaned


def validate(data: MemberData, today: date | None = None) -> list[FieldError]:
    """Every rule the form checks, each with a Vietnamese message naming the field."""
    today = today or date.today()
    errors: list[FieldError] = []
    if not data.full_name.strip():
        errors.append(FieldError("full_name", "Chưa nhập họ và tên."))
    elif len(data.full_name.split()) < 2:
        errors.append(FieldError("full_name", "Họ và tên phải có ít nhất họ và tên (hai chữ)."))
    for name, label in (("card_number", "Số thẻ đảng viên"), ("citizen_id", "Số CCCD")):
        value = getattr(data, name)
        if value and (len(value) != 12 or not value.isdigit()):
            errors.append(FieldError(name, f"{label} phải gồm đúng 12 chữ số (đang có: {value})."))
    if data.gender not in {g.value for g in Gender}:
        errors.append(FieldError("gender", "Giới tính phải là Nam hoặc Nữ."))
    if data.review_group not in {g.value for g in ReviewGroup}:
        errors.append(FieldError("review_group", "Nhóm kiểm điểm phải là 2A, 2B hoặc 2C."))
    birth_ok = False
    if data.birth_date is not None:
        if data.birth_date.year > today.year or (
            (d := data.birth_date.to_date()) is not None and d > today
        ):
            errors.append(FieldError("birth_date", "Ngày sinh không được sau ngày hôm nay."))
        elif data.birth_date.year < 1900:
            errors.append(FieldError("birth_date", "Năm sinh phải từ 1900 trở về sau."))
        else:
            birth_ok = True
    for name, label in (("admitted_on", "Ngày vào Đảng"), ("official_on", "Ngày chính thức")):
        value = getattr(data, name)
        if value is not None and value > today:
            errors.append(FieldError(name, f"{label} không được sau ngày hôm nay."))
    if data.official_on and not data.admitted_on:
        errors.append(FieldError("admitted_on", "Có ngày chính thức thì phải có ngày vào Đảng."))
    if data.admitted_on and data.official_on and data.official_on <= data.admitted_on:
        errors.append(FieldError("official_on", "Ngày chính thức phải sau ngày vào Đảng."))
    if data.admitted_on and birth_ok:
        age = data.admitted_on.year - data.birth_date.year
        if age < 16:
            errors.append(
                FieldError("admitted_on", "Ngày vào Đảng quá sớm so với năm sinh (chưa đủ tuổi).")
            )
    return errors


def list_members(
    db: Database, on: date | None = None, include_off_roll: bool = True
) -> list[MemberRow]:
    """All live members with their status on ``on``, sorted the Vietnamese way.

    Reads plain columns rather than ORM objects: the table refreshes through this after
    every edit, and a 10,000-member cell must not wait on object loading.
    """
    on = on or date.today()
    with db.session() as session:
        members = session.execute(select(*_ROW_COLUMNS).where(Member.deleted_at.is_(None))).all()
        events_by_member = live_member_events(session)
    rows = [_row(m, events_by_member.get(m.id, ()), on) for m in members]
    if not include_off_roll:
        rows = [r for r in rows if r.status.on_roll]
    rows.sort(key=lambda r: r.sort_key)
    return rows


def live_member_events(session: Session) -> dict[int, list]:
    """The events of every live member as light rows (kind, date, detail, …), by member id.

    Enough for ``derive_status`` and the reminders, without loading ORM objects.
    """
    events_by_member: dict[int, list] = {}
    for event in session.execute(
        select(*_STATUS_EVENT_COLUMNS)
        .join(Member, Member.id == MemberEvent.member_id)
        .where(Member.deleted_at.is_(None))
    ):
        events_by_member.setdefault(event.member_id, []).append(event)
    return events_by_member


_ROW_COLUMNS = (
    Member.id,
    Member.full_name,
    Member.other_name,
    Member.gender,
    Member.birth_date,
    Member.card_number,
    Member.party_post,
    Member.phone,
    Member.residence,
    Member.works_far_away,
)
_STATUS_EVENT_COLUMNS = (
    MemberEvent.member_id,
    MemberEvent.kind,
    MemberEvent.happened_on,
    MemberEvent.detail,
    MemberEvent.temporary,
    MemberEvent.until,
    MemberEvent.badge_years,
    MemberEvent.ceremony_on,
)
_GENDER_LABELS = {g.value: g.label for g in Gender}
_POST_LABELS = {p.value: p.label for p in PartyPost}


def _row(member, events, on: date) -> MemberRow:
    info = derive_status(events, on)
    searchable = " ".join(
        filter(None, (member.full_name, member.other_name, member.card_number, member.phone))
    )
    return MemberRow(
        id=member.id,
        full_name=member.full_name,
        gender=_GENDER_LABELS.get(member.gender, ""),
        birth=member.birth_date.display() if member.birth_date else "",
        card_number=member.card_number or "",
        status=info.status,
        is_official=info.is_official,
        admitted_on=info.admitted_on,
        party_post=_POST_LABELS.get(member.party_post, ""),
        phone=member.phone,
        residence=member.residence,
        works_far_away=member.works_far_away,
        search_key=fold(searchable),
        sort_key=name_sort_key(member.full_name),
    )


def get_member(db: Database, member_id: int, on: date | None = None) -> MemberDetail:
    with db.session() as session:
        member = _load(session, member_id)
        info = derive_status(member.events, on or date.today())
        data = MemberData(**{name: getattr(member, name) for name in PLAIN_FIELDS})
        data.admitted_on, data.official_on = info.admitted_on, info.official_on
        return MemberDetail(member.id, data, info.status, [event_record(e) for e in member.events])


def create_member(db: Database, data: MemberData, today: date | None = None) -> int:
    data = normalize(data)
    _raise_if_invalid(data, today)
    with db.session() as session:
        _check_unique(session, data, None)
        member = Member()
        _apply(session, member, data)
        session.add(member)
        session.flush()
        return member.id


def update_member(
    db: Database, member_id: int, data: MemberData, today: date | None = None
) -> None:
    data = normalize(data)
    _raise_if_invalid(data, today)
    with db.session() as session:
        member = _load(session, member_id)
        _check_unique(session, data, member_id)
        _apply(session, member, data)


def delete_member(db: Database, member_id: int) -> None:
    """Soft delete: the member disappears from every list until ``restore_member``."""
    with db.session() as session:
        _load(session, member_id).deleted_at = datetime.now()


def restore_member(db: Database, member_id: int) -> None:
    with db.session() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("Không tìm thấy đảng viên cần khôi phục.")
        if member.card_number and session.scalar(
            select(Member.id).where(
                Member.card_number == member.card_number,
                Member.deleted_at.is_(None),
                Member.id != member_id,
            )
        ):
            raise ValidationError(
                [
                    FieldError(
                        "card_number", f"Đã có đảng viên khác mang số thẻ {member.card_number}."
                    )
                ]
            )
        member.deleted_at = None


def find_duplicate(
    session: Session, data: MemberData, exclude_id: int | None = None
) -> Member | None:
    """The live member this data describes: same card number, else same name and birth date."""
    query = select(Member).where(Member.deleted_at.is_(None))
    if exclude_id is not None:
        query = query.where(Member.id != exclude_id)
    if data.card_number:
        found = session.scalar(query.where(Member.card_number == data.card_number))
        if found is not None:
            return found
    if data.birth_date is not None:
        key = fold(data.full_name)
        for candidate in session.scalars(query.where(Member.birth_date == data.birth_date)):
            if fold(candidate.full_name) == key:
                return candidate
    return None


def _check_unique(session: Session, data: MemberData, member_id: int | None) -> None:
    other = find_duplicate(session, data, member_id)
    if other is None:
        return
    if data.card_number and other.card_number == data.card_number:
        raise ValidationError(
            [
                FieldError(
                    "card_number",
                    f"Số thẻ {data.card_number} đã thuộc về đồng chí {other.full_name}.",
                )
            ]
        )
    raise ValidationError(
        [
            FieldError(
                "full_name", f"Đã có đồng chí {other.full_name} cùng ngày sinh trong danh sách."
            )
        ]
    )


def _raise_if_invalid(data: MemberData, today: date | None) -> None:
    errors = validate(data, today)
    if errors:
        raise ValidationError(errors)


def _load(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id, options=[selectinload(Member.events)])
    if member is None or member.deleted_at is not None:
        raise NotFound("Không tìm thấy đảng viên này (có thể đã bị xóa).")
    return member


def _apply(session: Session, member: Member, data: MemberData) -> None:
    for name in PLAIN_FIELDS:
        setattr(member, name, getattr(data, name))
    _sync_event(member, EventKind.ADMITTED, data.admitted_on)
    _sync_event(member, EventKind.OFFICIAL, data.official_on)


def _sync_event(member: Member, kind: EventKind, when: date | None) -> None:
    """Keep exactly one kết nạp / chính thức event matching the form's date field."""
    existing = [e for e in member.events if e.kind == kind]
    if when is None:
        for event in existing:
            member.events.remove(event)
        return
    if existing:
        existing[0].happened_on = when
        for extra in existing[1:]:
            member.events.remove(extra)
    else:
        member.events.append(MemberEvent(kind=kind.value, happened_on=when))
