"""Consolidation at the superior (tổng hợp kết quả xếp loại ở đảng ủy cơ sở).

The đảng ủy's copy of the app imports the packages its cells bring on USB sticks: each is
verified against its manifest, kept whole (one per cell and year; a newer package replaces
an older one only when the user confirms), and the consolidated list counts levels per cell
and in total, checks the quota over the whole organisation and finds a member reported by
two cells.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from desktop.exchange.read import read_package
from desktop.models import ReceivedPackage
from desktop.rules.rating_rules import QuotaResult, pack_for_year, quota_check
from desktop.services.cell.details import get_cell
from desktop.services.cell.settings import get_setting, set_setting
from desktop.errors import DomainError
from desktop.services.exchange.cell_keys import check_and_remember
from desktop.services.exchange.rating_file import PACKAGE_KIND as KIND
from desktop.services.exchange.rating_file import PayloadError, decode_payload
from desktop.storage.database import Database
from desktop.text import clean_spaces, fold, name_sort_key, word_sort_key

EXPECTED_CELLS_KEY = "consolidation.expected_cells"


class NewerPackageStored(DomainError):
    """The same cell's package for the year is already here and is not older."""


class ReplaceNeeded(DomainError):
    """An older package of the same cell and year is stored; importing replaces it."""

    def __init__(self, message: str, stored_at: datetime) -> None:
        super().__init__(message)
        self.stored_at = stored_at


@dataclass(frozen=True)
class ReceivedInfo:
    cell_uid: str
    cell_name: str
    year: int
    created_at: datetime
    imported_at: datetime
    sha256: str
    source: str


@dataclass(frozen=True)
class ImportOutcome:
    cell_name: str
    year: int
    replaced: bool
    members: int
    notes: tuple[str, ...]


def import_package(
    db: Database,
    path: Path,
    *,
    password: str | None = None,
    replace: bool = False,
    accept_new_key: bool = False,
) -> ImportOutcome:
    """Verify and store one cell's package. Raises ``PackageRejected`` (tampered, partial,
    forged signature), ``PayloadError`` (not a rating file), ``KeyChangeNeeded`` (signed by
    another key than the cell's known one: confirm, then ``accept_new_key=True``),
    ``ReplaceNeeded`` (ask the user, then call again with ``replace=True``) or
    ``NewerPackageStored``."""
    contents = read_package(Path(path), password)
    if contents.manifest.kind != KIND:
        raise PayloadError("Gói này không phải gói kết quả xếp loại của chi bộ.")
    data_files = [n for n in contents.files if n.startswith("xep-loai-") and n.endswith(".json")]
    if len(data_files) != 1:
        raise PayloadError("Gói không có đúng một tệp dữ liệu xếp loại (xep-loai-NĂM.json).")
    ratings = decode_payload(contents.files[data_files[0]])
    created = _created_at(contents.manifest.created_at)
    with db.session() as session:
        stored = session.scalar(
            select(ReceivedPackage).where(
                ReceivedPackage.cell_uid == ratings.cell_uid,
                ReceivedPackage.year == ratings.year,
            )
        )
        key_note = check_and_remember(
            session, ratings.cell_uid, ratings.cell_name, contents.signer_key, accept_new_key
        )
        replaced = False
        if stored is not None:
            if stored.sha256 == contents.manifest_sha256:
                raise NewerPackageStored(
                    f"Gói này của chi bộ {stored.cell_name} năm {ratings.year} đã được nhập "
                    f"lúc {stored.imported_at:%H:%M ngày %d/%m/%Y}; không cần nhập lại."
                )
            if stored.created_at > created:
                raise NewerPackageStored(
                    f"Đã có gói mới hơn của chi bộ {stored.cell_name} năm {ratings.year} "
                    f"(xuất lúc {stored.created_at:%H:%M ngày %d/%m/%Y}); gói này cũ hơn "
                    "nên không nhập."
                )
            if not replace:
                raise ReplaceNeeded(
                    f"Đã có gói của chi bộ {stored.cell_name} năm {ratings.year} xuất lúc "
                    f"{stored.created_at:%H:%M ngày %d/%m/%Y}. Gói đang nhập xuất lúc "
                    f"{created:%H:%M ngày %d/%m/%Y}; nhập sẽ thay thế gói đã có.",
                    stored.created_at,
                )
            session.delete(stored)
            session.flush()
            replaced = True
        session.add(
            ReceivedPackage(
                cell_uid=ratings.cell_uid,
                cell_name=ratings.cell_name,
                year=ratings.year,
                created_at=created,
                sha256=contents.manifest_sha256,
                source=str(contents.path),
                payload=ratings.payload,
            )
        )
    notes = contents.notes + ((key_note,) if key_note else ())
    return ImportOutcome(ratings.cell_name, ratings.year, replaced, len(ratings.members), notes)


def received_packages(db: Database, year: int | None = None) -> list[ReceivedInfo]:
    with db.session() as session:
        query = select(ReceivedPackage).order_by(ReceivedPackage.year.desc())
        if year is not None:
            query = query.where(ReceivedPackage.year == year)
        rows = [
            ReceivedInfo(
                r.cell_uid, r.cell_name, r.year, r.created_at, r.imported_at, r.sha256, r.source
            )
            for r in session.scalars(query)
        ]
    return sorted(rows, key=lambda r: (-r.year, word_sort_key(r.cell_name)))


def remove_package(db: Database, cell_uid: str, year: int) -> None:
    with db.session() as session:
        row = session.scalar(
            select(ReceivedPackage).where(
                ReceivedPackage.cell_uid == cell_uid, ReceivedPackage.year == year
            )
        )
        if row is not None:
            session.delete(row)


def expected_cells(db: Database) -> list[str]:
    """The cells of the organisation as the superior typed them (for "chưa nộp")."""
    raw = get_setting(db, EXPECTED_CELLS_KEY, "[]")
    try:
        names = json.loads(raw)
    except json.JSONDecodeError:
        return []
    return [n for n in names if isinstance(n, str) and n.strip()]


def set_expected_cells(db: Database, names: list[str]) -> None:
    cleaned = []
    seen = set()
    for name in names:
        text = clean_spaces(name)
        if text and fold(text) not in seen:
            seen.add(fold(text))
            cleaned.append(text)
    set_setting(db, EXPECTED_CELLS_KEY, json.dumps(cleaned, ensure_ascii=False))


@dataclass(frozen=True)
class CellSummary:
    cell_uid: str
    cell_name: str
    created_at: datetime
    on_roll: int
    rated: int
    not_rated: int
    counts: dict[str, int]  # proposed level → members


@dataclass(frozen=True)
class ConsolidatedMember:
    cell_name: str
    member: dict


@dataclass(frozen=True)
class DuplicateMember:
    full_name: str
    key: str  # "Số thẻ 092…" or "CCCD …"
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Consolidation:
    """Bảng tổng hợp xếp loại của đảng bộ cho một năm."""

    year: int
    level_codes: tuple[tuple[str, str, str], ...]  # (code, name, short name), highest first
    cells: tuple[CellSummary, ...]
    members: tuple[ConsolidatedMember, ...]
    missing: tuple[str, ...]
    duplicates: tuple[DuplicateMember, ...]
    totals: dict[str, int]
    quota: QuotaResult

    @property
    def on_roll(self) -> int:
        return sum(c.on_roll for c in self.cells)

    @property
    def rated(self) -> int:
        return sum(c.rated for c in self.cells)


def consolidation(db: Database, year: int) -> Consolidation:
    """Counts per cell and in total (the cells' proposals), quota over the organisation."""
    pack = pack_for_year(year)
    with db.session() as session:
        reports = [
            (r.cell_uid, r.cell_name, r.created_at, r.payload["members"])
            for r in session.scalars(select(ReceivedPackage).where(ReceivedPackage.year == year))
        ]
    reports.sort(key=lambda report: word_sort_key(report[1]))
    codes = [level.code for level in pack.levels]
    cells, members = [], []
    totals = dict.fromkeys(codes, 0)
    for cell_uid, cell_name, created_at, cell_members in reports:
        counts = dict.fromkeys(codes, 0)
        for member in cell_members:
            members.append(ConsolidatedMember(cell_name, member))
            level = member.get("proposed_level") or ""
            if member.get("rated") and level in counts:
                counts[level] += 1
                totals[level] += 1
        rated = sum(1 for m in cell_members if m.get("rated"))
        cells.append(
            CellSummary(
                cell_uid, cell_name, created_at, len(cell_members), rated,
                len(cell_members) - rated, counts,
            )
        )  # fmt: skip
    reported = {fold(c.cell_name) for c in cells}
    missing = tuple(n for n in expected_cells(db) if fold(n) not in reported)
    return Consolidation(
        year=year,
        level_codes=tuple((lv.code, lv.name, lv.short_name) for lv in pack.levels),
        cells=tuple(cells),
        members=tuple(members),
        missing=missing,
        duplicates=tuple(_duplicates(members)),
        totals=totals,
        quota=quota_check(pack, totals),
    )


def _duplicates(members: list[ConsolidatedMember]) -> list[DuplicateMember]:
    """The same card number (or, without one, citizen id) reported by two cells."""
    seen: dict[str, list[ConsolidatedMember]] = {}
    for entry in members:
        card = str(entry.member.get("card_number") or "").strip()
        citizen = str(entry.member.get("citizen_id") or "").strip()
        key = f"Số thẻ {card}" if card else (f"CCCD {citizen}" if citizen else "")
        if key:
            seen.setdefault(key, []).append(entry)
    found = []
    for key, entries in seen.items():
        cells = tuple(dict.fromkeys(e.cell_name for e in entries))
        if len(cells) > 1:
            found.append(DuplicateMember(entries[0].member.get("full_name", ""), key, cells))
    return sorted(found, key=lambda d: name_sort_key(d.full_name))


def _created_at(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (
        value.replace(tzinfo=None)
        if value.tzinfo is None
        else value.astimezone().replace(tzinfo=None)
    )


# ---------------------------------------------------------------- the đảng ủy's own header

_UNIT_KEYS = {
    "above": "unit_above_name",
    "name": "unit_name",
    "place": "unit_place_name",
    "signer_name": "unit_signer_name",
    "signer_title": "unit_signer_title",
}


@dataclass(frozen=True)
class UnitHeader:
    """What the đảng ủy's consolidated list prints as its issuing body (cơ quan ban hành).

    ``above``: the body the đảng ủy belongs to ("Đảng bộ thành phố Cần Thơ"); ``name``:
    "Đảng ủy xã Long Thạnh"; ``signer_title``: "Bí thư" or "Phó Bí thư" under "T/M ĐẢNG ỦY".
    """

    above: str
    name: str
    place: str
    signer_name: str
    signer_title: str


def unit_header(db: Database) -> UnitHeader:
    """The stored header of this copy; the cell details fill what was never set."""
    cell = get_cell(db)
    defaults = {
        "above": cell.superior_name,
        "name": cell.name,
        "place": cell.place_name,
        "signer_name": "",
        "signer_title": "Bí thư",
    }
    values = {
        field: clean_spaces(get_setting(db, key, "")) or defaults[field]
        for field, key in _UNIT_KEYS.items()
    }
    return UnitHeader(**values)


def set_unit_header(db: Database, header: UnitHeader) -> None:
    """Store the đảng ủy's name, place, signer and title for its consolidated papers."""
    if not clean_spaces(header.name):
        raise DomainError("Phải nhập tên đảng ủy (ví dụ: Đảng ủy xã Long Thạnh).")
    for field, key in _UNIT_KEYS.items():
        set_setting(db, key, clean_spaces(getattr(header, field)))
