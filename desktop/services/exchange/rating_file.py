"""The machine-readable year-end rating file (tệp dữ liệu xếp loại, ``xep-loai-YYYY.json``).

Format "sochibo-ratings", version 1, documented in docs/formats/xep-loai-v1.md: what the
superior's copy of the app imports to consolidate its cells. Readers refuse a newer
version rather than guess at fields they do not know.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from desktop import __version__
from desktop.models import Cell
from desktop.errors import DomainError
from desktop.services.exchange.rating_checks import PayloadFieldError, checked_payload, load_json
from desktop.services.reviews.ratings import RatingSheet, rating_sheet
from desktop.storage.database import Database

FORMAT = "sochibo-ratings"
FORMAT_VERSION = 1
# The manifest kind of a rating package (desktop.exchange manifests name what they carry).
PACKAGE_KIND = "ratings"


class PayloadError(DomainError):
    """The rating file cannot be used; the message says why in Vietnamese."""


def ratings_payload(
    db: Database, year: int, today: date | None = None, sheet: RatingSheet | None = None
) -> dict:
    """The rating file's content; pass ``sheet`` when the caller has already built it."""
    sheet = sheet or rating_sheet(db, year, today)
    with db.session() as session:
        cell = session.scalar(select(Cell).limit(1))
        cell_part = {
            "uid": cell.uid if cell else "",
            "name": cell.name if cell else "",
            "superior_name": cell.superior_name if cell else "",
            "place_name": cell.place_name if cell else "",
        }
    return payload_from_sheet(sheet, cell_part)


def payload_from_sheet(sheet: RatingSheet, cell: dict) -> dict:
    pack = sheet.pack
    members = []
    for row in sheet.rows:
        m = row.member
        members.append(
            {
                "full_name": m.full_name,
                "birth_year": m.birth_year,
                "gender": m.gender,
                "card_number": m.card_number,
                "citizen_id": m.citizen_id,
                "party_post": m.party_post,
                "review_group": m.review_group,
                "form_code": row.form_code,
                "rated": row.rated,
                "not_rated_reason": row.facts.not_rated_reason if not row.rated else "",
                "self_score": _score(row.facts.self_score),
                "self_level": row.self_level,
                "proposed_level": row.proposed_level,
                "votes_for": row.votes_for,
                "votes_total": row.votes_total,
                "decided_level": row.decided_level,
                "decision_number": row.decision_number,
                "decision_date": row.decision_date.isoformat() if row.decision_date else None,
                "warnings": [w.text for w in row.warnings],
            }
        )
    quota = sheet.quota_proposed
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "cell": cell,
        "year": sheet.year,
        "rule_pack": pack.id,
        "review_on": sheet.review_on.isoformat(),
        "levels": [
            {"code": lv.code, "name": lv.name, "short_name": lv.short_name, "rank": lv.rank}
            for lv in pack.levels
        ],
        "members": members,
        "summary": {
            "on_roll": len(sheet.rows),
            "rated": len(sheet.rated),
            "not_rated": len(sheet.not_rated),
            "proposed": {c.level.code: c.proposed for c in sheet.counts},
            "decided": {c.level.code: c.decided for c in sheet.counts},
            "quota": {
                "allowed": quota.allowed,
                "actual": quota.actual,
                "exceeded": quota.exceeded,
                "explanation": quota.explanation,
                "source": quota.source,
            },
        },
    }


def encode_payload(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


@dataclass(frozen=True)
class CellRatings:
    """A cell's rating file as read back: who it is, which year, and its members."""

    cell_uid: str
    cell_name: str
    year: int
    rule_pack: str
    payload: dict

    @property
    def members(self) -> list[dict]:
        return self.payload["members"]


def decode_payload(data: bytes) -> CellRatings:
    """Parse and check a rating file; ``PayloadError`` says what is wrong.

    Every field is checked (rating_checks) and only checked fields are kept.
    """
    try:
        payload = load_json(data)
    except PayloadFieldError as exc:
        raise PayloadError(str(exc)) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise PayloadError("Tệp không phải dữ liệu xếp loại của Sổ Chi bộ.")
    version = payload.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise PayloadError("Tệp dữ liệu xếp loại thiếu số phiên bản định dạng.")
    if version > FORMAT_VERSION:
        raise PayloadError(
            f"Tệp dữ liệu xếp loại theo định dạng phiên bản {version}, mới hơn phiên bản "
            f"{FORMAT_VERSION} mà ứng dụng này đọc được; hãy cập nhật Sổ Chi bộ."
        )
    cell = payload.get("cell")
    year = payload.get("year")
    members = payload.get("members")
    if not isinstance(cell, dict) or not cell.get("uid") or not str(cell.get("name", "")).strip():
        raise PayloadError("Tệp dữ liệu xếp loại thiếu thông tin chi bộ (mã hoặc tên).")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise PayloadError("Tệp dữ liệu xếp loại thiếu năm đánh giá hợp lệ.")
    if not isinstance(members, list) or not all(isinstance(m, dict) for m in members):
        raise PayloadError("Tệp dữ liệu xếp loại thiếu danh sách đảng viên.")
    for index, member in enumerate(members, start=1):
        if not str(member.get("full_name", "")).strip():
            raise PayloadError(f"Đảng viên thứ {index} trong tệp dữ liệu xếp loại thiếu họ tên.")
    try:
        payload = checked_payload(payload, FORMAT, version)
    except PayloadFieldError as exc:
        raise PayloadError(str(exc)) from None
    cell = payload["cell"]
    return CellRatings(
        cell_uid=str(cell["uid"]),
        cell_name=str(cell["name"]),
        year=year,
        rule_pack=str(payload.get("rule_pack", "")),
        payload=payload,
    )


def _score(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")
