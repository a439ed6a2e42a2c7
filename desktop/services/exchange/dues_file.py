"""The optional dues summary in the ratings package (tóm tắt đảng phí, ``dang-phi-YYYY.json``).

Format "sochibo-dues", version 1, documented in docs/formats/dang-phi-v1.md: per month
what was due, paid, collected, kept and remitted, and the members behind; sent only when
the secretary ticks it. Totals are checked against the months on reading, and a newer
version is refused rather than guessed at.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop import __version__
from desktop.errors import DomainError
from desktop.models import Cell, Member
from desktop.services.dues.arrears import arrears
from desktop.services.dues.ledger import year_sheet
from desktop.services.dues.remittance import remittance_summary
from desktop.storage.database import Database

FORMAT = "sochibo-dues"
FORMAT_VERSION = 1
_MONTH_FIELDS = ("due", "paid", "collected", "kept", "remitted")


class DuesPayloadError(DomainError):
    """The dues summary cannot be used; the message says why in Vietnamese."""


def file_name(year: int) -> str:
    return f"dang-phi-{year}.json"


def dues_payload(db: Database, year: int, today: date | None = None) -> dict:
    sheet = year_sheet(db, year)
    money = remittance_summary(db, (year, 1), (year, 12))
    behind = arrears(db, year, today, sheet=sheet)
    with db.session() as session:
        cell = session.scalar(select(Cell).limit(1))
        cards = dict(session.execute(select(Member.id, Member.card_number)).all())
    months = [
        {
            "month": f"{year}-{m.month[1]:02d}",
            "members_owing": sum(1 for r in sheet.rows
                                 if m.month[1] in r.cells and r.cells[m.month[1]].due.owes),
            "due": sheet.month_due(m.month[1]),
            "paid": sheet.month_paid(m.month[1]),
            "collected": m.collected,
            "kept": m.kept,
            "remitted": m.remitted,
            "retention_share": str(m.share),
        }
        for m in money.months
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "year": year,
        "cell": {"uid": cell.uid if cell else "", "name": cell.name if cell else ""},
        "rules": [pack.id for pack in sheet.packs],
        "months": months,
        "totals": {key: sum(m[key] for m in months) for key in _MONTH_FIELDS},
        "behind": [
            {
                "full_name": a.full_name,
                "card_number": cards.get(a.member_id),
                "unpaid_months": [f"{y}-{m:02d}" for y, m in a.unpaid],
                "short_months": [f"{y}-{m:02d}" for y, m in a.short],
                "outstanding": a.outstanding,
                "flagged": a.flagged,
            }
            for a in behind
        ],
    }


def encode_payload(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


@dataclass(frozen=True)
class CellDues:
    year: int
    cell_name: str
    months: list[dict]
    totals: dict[str, int]
    behind: list[dict]


def _whole(value, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DuesPayloadError(f"Tóm tắt đảng phí: {what} phải là số nguyên đồng không âm.")
    return value


def decode_payload(data: bytes) -> CellDues:
    """Read and check a dues summary; ``DuesPayloadError`` says what is wrong."""
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DuesPayloadError("Tệp tóm tắt đảng phí bị hỏng (không đọc được JSON).") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise DuesPayloadError("Tệp không phải tóm tắt đảng phí của Sổ Chi bộ.")
    version = payload.get("format_version")
    if not isinstance(version, int):
        raise DuesPayloadError("Tóm tắt đảng phí thiếu số phiên bản định dạng.")
    if version > FORMAT_VERSION:
        raise DuesPayloadError(
            f"Tóm tắt đảng phí theo định dạng mới hơn (phiên bản {version}); hãy cập nhật "
            "Sổ Chi bộ để đọc."
        )
    year = payload.get("year")
    if not isinstance(year, int) or not 1930 <= year <= 2200:
        raise DuesPayloadError("Tóm tắt đảng phí thiếu năm hợp lệ.")
    months = payload.get("months")
    if not isinstance(months, list) or len(months) != 12:
        raise DuesPayloadError("Tóm tắt đảng phí phải có đủ 12 tháng.")
    for index, month in enumerate(months, start=1):
        if not isinstance(month, dict) or month.get("month") != f"{year}-{index:02d}":
            raise DuesPayloadError(f"Tóm tắt đảng phí: tháng thứ {index} không đúng.")
        for key in _MONTH_FIELDS:
            _whole(month.get(key), f"mục {key} của tháng {index:02d}")
        if month["kept"] + month["remitted"] != month["collected"]:
            raise DuesPayloadError(
                f"Tóm tắt đảng phí: tháng {index:02d} có để lại + nộp cấp trên khác số đã thu."
            )
    totals = payload.get("totals")
    if not isinstance(totals, dict):
        raise DuesPayloadError("Tóm tắt đảng phí thiếu phần tổng cộng.")
    for key in _MONTH_FIELDS:
        if _whole(totals.get(key), f"tổng {key}") != sum(m[key] for m in months):
            raise DuesPayloadError(f"Tóm tắt đảng phí: tổng {key} không khớp với các tháng.")
    behind = payload.get("behind", [])
    if not isinstance(behind, list) or not all(isinstance(b, dict) and b.get("full_name")
                                               for b in behind):
        raise DuesPayloadError("Tóm tắt đảng phí: danh sách chậm nộp không hợp lệ.")
    cell = payload.get("cell") if isinstance(payload.get("cell"), dict) else {}
    return CellDues(year, str(cell.get("name", "")), months, totals, behind)
