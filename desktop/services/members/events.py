"""A member's event history (quá trình sinh hoạt đảng): add, edit, remove, read back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.models import EventKind, Member, MemberEvent
from desktop.models.enums import DISCIPLINE_FORMS
from desktop.errors import FieldError, NotFound, ValidationError
from desktop.storage.database import Database
from desktop.text import clean_spaces


@dataclass
class EventData:
    kind: str
    happened_on: date
    decision_number: str = ""
    issuer: str = ""
    detail: str = ""
    temporary: bool = False
    badge_years: int | None = None
    until: date | None = None
    note: str = ""
    # Admission only: the day of the ceremony (lễ kết nạp); happened_on is the decision.
    ceremony_on: date | None = None


@dataclass(frozen=True)
class EventRecord:
    id: int
    member_id: int
    kind: EventKind
    happened_on: date
    decision_number: str
    issuer: str
    detail: str
    temporary: bool
    badge_years: int | None
    until: date | None
    note: str
    ceremony_on: date | None = None

    def data(self) -> EventData:
        """The editable data of this event, e.g. to fill the form or to undo a delete."""
        return EventData(
            kind=self.kind.value,
            happened_on=self.happened_on,
            decision_number=self.decision_number,
            issuer=self.issuer,
            detail=self.detail,
            temporary=self.temporary,
            badge_years=self.badge_years,
            until=self.until,
            note=self.note,
            ceremony_on=self.ceremony_on,
        )

    @property
    def label(self) -> str:
        """How the history table names the event, e.g. "Chuyển sinh hoạt đi (tạm thời)"."""
        text = self.kind.label
        if self.kind in (EventKind.TRANSFER_IN, EventKind.TRANSFER_OUT) and self.temporary:
            text += " (tạm thời)"
        if self.kind == EventKind.DISCIPLINE and self.detail:
            text += f": {self.detail.lower()}"
        if self.kind == EventKind.BADGE and self.badge_years:
            # Which badge, in the words of the award: "Huy hiệu 30 năm tuổi Đảng".
            text = f"Huy hiệu {self.badge_years} năm tuổi Đảng"
        return text


# Milestones of the Party badge (huy hiệu Đảng): HD 01-HD/TW (28/9/2021) mục 18, read through
# thuvienphapluat.vn and baophapluat.vn (secondary); HD 06-HD/TW (09/6/2025) replaced it and
# its text was not found, so the milestones are not yet confirmed from it
# (docs/rules-changes-issue12.md).
BADGE_YEARS = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)


def event_record(event: MemberEvent) -> EventRecord:
    return EventRecord(
        id=event.id,
        member_id=event.member_id,
        kind=EventKind(event.kind),
        happened_on=event.happened_on,
        decision_number=event.decision_number,
        issuer=event.issuer,
        detail=event.detail,
        temporary=event.temporary,
        badge_years=event.badge_years,
        until=event.until,
        note=event.note,
        ceremony_on=event.ceremony_on,
    )


def validate_event(data: EventData, today: date | None = None) -> list[FieldError]:
    today = today or date.today()
    errors = []
    try:
        kind = EventKind(data.kind)
    except ValueError:
        return [FieldError("kind", "Chưa chọn loại sự kiện.")]
    if data.happened_on is None:
        errors.append(FieldError("happened_on", "Chưa nhập ngày của sự kiện."))
    elif data.happened_on > today:
        errors.append(FieldError("happened_on", "Ngày của sự kiện không được sau ngày hôm nay."))
    if data.until and data.happened_on and data.until < data.happened_on:
        errors.append(FieldError("until", "Ngày kết thúc phải sau ngày bắt đầu."))
    if kind == EventKind.DISCIPLINE and data.detail not in DISCIPLINE_FORMS:
        errors.append(
            FieldError(
                "detail", "Chọn hình thức kỷ luật: " + ", ".join(DISCIPLINE_FORMS).lower() + "."
            )
        )
    if data.ceremony_on is not None:
        if kind != EventKind.ADMITTED:
            errors.append(FieldError("ceremony_on", "Chỉ sự kiện kết nạp mới có ngày lễ kết nạp."))
        elif data.ceremony_on > today:
            errors.append(FieldError("ceremony_on", "Ngày lễ kết nạp không được sau ngày hôm nay."))
        elif data.happened_on and data.ceremony_on < data.happened_on:
            # Điều lệ Đảng Điều 4 khoản 3: the ceremony follows the superior's decision.
            errors.append(
                FieldError("ceremony_on", "Ngày lễ kết nạp không được trước ngày quyết định kết nạp.")
            )
    if kind == EventKind.BADGE and data.badge_years not in BADGE_YEARS:
        errors.append(FieldError("badge_years", "Huy hiệu Đảng phải là mốc 30, 40, 45, … 90 năm."))
    return errors


def add_event(db: Database, member_id: int, data: EventData, today: date | None = None) -> int:
    data = _clean(data)
    _raise_if_invalid(data, today)
    with db.session() as session:
        member = session.get(Member, member_id)
        if member is None or member.deleted_at is not None:
            raise NotFound("Không tìm thấy đảng viên này.")
        event = MemberEvent(member_id=member_id, **_columns(data))
        session.add(event)
        session.flush()
        return event.id


def update_event(db: Database, event_id: int, data: EventData, today: date | None = None) -> None:
    data = _clean(data)
    _raise_if_invalid(data, today)
    with db.session() as session:
        event = session.get(MemberEvent, event_id)
        if event is None:
            raise NotFound("Không tìm thấy sự kiện này.")
        for name, value in _columns(data).items():
            setattr(event, name, value)


def delete_event(db: Database, event_id: int) -> EventData:
    """Remove an event and hand back its data, so that the UI can offer undo."""
    with db.session() as session:
        event = session.get(MemberEvent, event_id)
        if event is None:
            raise NotFound("Không tìm thấy sự kiện này.")
        record = event_record(event)
        session.delete(event)
    return record.data()


def _clean(data: EventData) -> EventData:
    return EventData(
        kind=data.kind,
        happened_on=data.happened_on,
        decision_number=clean_spaces(data.decision_number),
        issuer=clean_spaces(data.issuer),
        detail=clean_spaces(data.detail),
        temporary=bool(data.temporary),
        badge_years=data.badge_years,
        until=data.until,
        note=(data.note or "").strip(),
        ceremony_on=data.ceremony_on if data.kind == EventKind.ADMITTED else None,
    )


def _columns(data: EventData) -> dict:
    return {
        "kind": EventKind(data.kind).value,
        "happened_on": data.happened_on,
        "decision_number": data.decision_number,
        "issuer": data.issuer,
        "detail": data.detail,
        "temporary": data.temporary,
        "badge_years": data.badge_years,
        "until": data.until,
        "note": data.note,
        "ceremony_on": data.ceremony_on,
    }


def _raise_if_invalid(data: EventData, today: date | None) -> None:
    errors = validate_event(data, today)
    if errors:
        raise ValidationError(errors)
