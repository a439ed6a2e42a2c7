"""The "Trạng thái" column of a roster, read into a member's history (trạng thái đảng viên).

The member lists the party's central database hands to cells, and this app's own export,
carry a status ("Đã từ trần", "Miễn sinh hoạt", "Đã chuyển đi"). A status that is not
"in the cell" becomes a dated event, so a deceased member is never imported as active;
without a date in the cell the event is dated on the import day and says so ("theo danh
sách nhập ngày …"). The export writes the same words with the event's date, so export →
import keeps the status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.models import EventKind
from desktop.text import fold, parse_date

STATUS_FIELD = "status"
STATUS_HEADER = "Trạng thái"
STATUS_ALIASES = ("Tình trạng", "Trạng thái đảng viên", "Tình trạng sinh hoạt")

# Folded words → the event the status means; None: in the cell, nothing to record.
_WORDS: tuple[tuple[str, EventKind | None], ...] = (
    ("tu tran", EventKind.DECEASED),
    ("da mat", EventKind.DECEASED),
    ("mien", EventKind.EXEMPTED),
    ("chuyen di", EventKind.TRANSFER_OUT),
    ("chuyen sinh hoat di", EventKind.TRANSFER_OUT),
    ("da chuyen", EventKind.TRANSFER_OUT),
    ("xoa ten", EventKind.REMOVED),
    ("khai tru", EventKind.REMOVED),
    ("chinh thuc", None),
    ("du bi", None),
    ("dang sinh hoat", None),
    ("sinh hoat", None),
)
# How the export names each status event (the importer reads these words back).
EXPORT_WORDS = {
    EventKind.DECEASED: "Từ trần",
    EventKind.EXEMPTED: "Miễn sinh hoạt",
    EventKind.TRANSFER_OUT: "Đã chuyển đi",
    EventKind.REMOVED: "Xóa tên",
}
_DATE = re.compile(r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}[/.-]\d{4}|\b\d{4}\b)")


@dataclass(frozen=True)
class StatusEvent:
    kind: EventKind
    happened_on: date
    note: str


class StatusUnknown(ValueError):
    pass


def read_status(raw: object, today: date) -> StatusEvent | None:
    """The event a status cell means, or None for "in the cell"; StatusUnknown if unclear."""
    text = " ".join(str(raw).split())
    if not text:
        return None
    key = fold(text)
    kind = next((k for words, k in _WORDS if words in key), "unknown")
    if kind == "unknown":
        raise StatusUnknown(f"Trạng thái không rõ: {text}")
    if kind is None:
        return None
    when = None
    match = _DATE.search(text)
    if match:
        try:
            parsed = parse_date(match.group(1))
        except ValueError:
            parsed = None
        if parsed is not None:
            when = date(parsed.year, parsed.month or 1, parsed.day or 1)
    if when is None:
        note = f"theo danh sách nhập ngày {today:%d/%m/%Y} (tệp không ghi ngày): “{text}”"
        return StatusEvent(kind, today, note)
    return StatusEvent(kind, when, f"theo danh sách nhập: “{text}”")


def export_status(events, on: date) -> str:
    """The status cell for a member: "" in the cell, else "Từ trần ngày 05/03/2024"."""
    latest = None
    for event in sorted(events, key=lambda e: e.happened_on):
        kind = EventKind(event.kind)
        if kind in EXPORT_WORDS:
            latest = event
        elif kind in (EventKind.RETURNED, EventKind.TRANSFER_IN, EventKind.EXEMPTION_ENDED):
            latest = None
    if latest is None or latest.happened_on > on:
        return ""
    return f"{EXPORT_WORDS[EventKind(latest.kind)]} ngày {latest.happened_on:%d/%m/%Y}"
