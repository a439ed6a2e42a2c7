"""A member's status at a date (tình trạng đảng viên), derived from the event history.

docs/domain.md §2: exactly one status at any date. Standing (dự bị / chính thức) and the
situation (exempted, away, transferred, deceased, removed) are computed together from
the events up to that date, in date order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from desktop.models.enums import EventKind


class MemberStatus(StrEnum):
    PROBATIONARY = "du_bi"
    OFFICIAL = "chinh_thuc"
    EXEMPTED = "mien"
    TEMPORARY_HERE = "tam_thoi_den"
    TEMPORARY_AWAY = "tam_thoi_di"
    TRANSFERRED_OUT = "chuyen_di"
    DECEASED = "tu_tran"
    REMOVED = "xoa_ten"
    NOT_YET = "chua_den"
    UNKNOWN = "chua_ro"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def on_roll(self) -> bool:
        """Still counted in the cell's roster (danh sách đảng viên của chi bộ)."""
        return self in ON_ROLL


STATUS_LABELS = {
    MemberStatus.PROBATIONARY: "Dự bị",
    MemberStatus.OFFICIAL: "Chính thức",
    MemberStatus.EXEMPTED: "Miễn sinh hoạt",
    MemberStatus.TEMPORARY_HERE: "Sinh hoạt tạm thời",
    MemberStatus.TEMPORARY_AWAY: "Sinh hoạt tạm thời nơi khác",
    MemberStatus.TRANSFERRED_OUT: "Đã chuyển đi",
    MemberStatus.DECEASED: "Từ trần",
    MemberStatus.REMOVED: "Xóa tên / khai trừ",
    MemberStatus.NOT_YET: "Chưa sinh hoạt tại chi bộ",
    MemberStatus.UNKNOWN: "Chưa rõ (thiếu ngày vào Đảng)",
}

ON_ROLL = frozenset(
    {
        MemberStatus.PROBATIONARY,
        MemberStatus.OFFICIAL,
        MemberStatus.EXEMPTED,
        MemberStatus.TEMPORARY_AWAY,
        MemberStatus.UNKNOWN,
    }
)


class EventLike(Protocol):
    kind: str
    happened_on: date
    detail: str
    temporary: bool
    until: date | None


@dataclass(frozen=True)
class StatusInfo:
    status: MemberStatus
    is_official: bool
    admitted_on: date | None
    official_on: date | None
    # The admission ceremony (lễ kết nạp), when recorded; probation runs from it
    # (Điều lệ Đảng, Điều 5, khoản 1).
    ceremony_on: date | None = None

    @property
    def probation_from(self) -> date | None:
        """Start of the twelve months of probation: the ceremony, else the decision date."""
        return self.ceremony_on or self.admitted_on


def derive_status(events: Iterable[EventLike], on: date) -> StatusInfo:
    """The status on ``on``; events after that date are ignored."""
    events = sorted(events, key=lambda e: e.happened_on)
    if not _in_cell_by(events, on):
        return StatusInfo(MemberStatus.NOT_YET, False, None, None)
    admitted_on = official_on = ceremony_on = None
    situation: MemberStatus | None = None
    exemption_until: date | None = None
    for event in events:
        if event.happened_on > on:
            break
        kind = event.kind
        if kind == EventKind.ADMITTED:
            admitted_on = event.happened_on
            ceremony_on = getattr(event, "ceremony_on", None)
        elif kind == EventKind.OFFICIAL:
            official_on = event.happened_on
        elif kind == EventKind.TRANSFER_IN:
            situation = MemberStatus.TEMPORARY_HERE if event.temporary else None
        elif kind == EventKind.TRANSFER_OUT:
            situation = (
                MemberStatus.TEMPORARY_AWAY if event.temporary else MemberStatus.TRANSFERRED_OUT
            )
        elif kind == EventKind.RETURNED:
            situation = None
        elif kind == EventKind.EXEMPTED:
            situation, exemption_until = MemberStatus.EXEMPTED, event.until
        elif kind == EventKind.EXEMPTION_ENDED and situation == MemberStatus.EXEMPTED:
            situation = None
        elif kind == EventKind.DISCIPLINE and event.detail.strip().lower() == "khai trừ":
            situation = MemberStatus.REMOVED
        elif kind == EventKind.DECEASED:
            situation = MemberStatus.DECEASED
        elif kind == EventKind.REMOVED:
            situation = MemberStatus.REMOVED
    if situation == MemberStatus.EXEMPTED and exemption_until and exemption_until < on:
        situation = None
    is_official = official_on is not None
    if situation is None:
        if is_official:
            situation = MemberStatus.OFFICIAL
        elif admitted_on is not None:
            situation = MemberStatus.PROBATIONARY
        else:
            situation = MemberStatus.UNKNOWN
    return StatusInfo(situation, is_official, admitted_on, official_on, ceremony_on)


def _in_cell_by(events: list[EventLike], on: date) -> bool:
    """Whether the member belonged to this cell on ``on`` (events sorted by date).

    Someone admitted later, or who came by transfer later, was not here yet, although a
    transfer's admission years before elsewhere would make them look official. A
    transfer out before the first transfer in means they were here before and came back.
    """
    if not events:
        return True  # no history typed yet: keep them visible as "chưa rõ"
    if events[0].happened_on > on:
        return False
    admitted = [e.happened_on for e in events if e.kind == EventKind.ADMITTED]
    if admitted and admitted[0] > on:
        return False
    transfers_in = [e.happened_on for e in events if e.kind == EventKind.TRANSFER_IN]
    if not transfers_in or transfers_in[0] <= on:
        return True
    return any(e.kind == EventKind.TRANSFER_OUT and e.happened_on < transfers_in[0] for e in events)


def party_age(admitted_on: date | None, on: date) -> int | None:
    """Tuổi đảng in whole years, counted from the admission decision."""
    if admitted_on is None:
        return None
    years = on.year - admitted_on.year
    if (on.month, on.day) < (admitted_on.month, admitted_on.day):
        years -= 1
    return max(0, years)
