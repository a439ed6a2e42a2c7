"""Fixtures of the printing tests: a small cell with hard Vietnamese names, PDF readers.

Everything is handed to tests as fixtures (never imported from here), so that this file
cannot be confused with another folder's ``conftest`` module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member
from desktop.text import PartialDate

ON = date(2026, 3, 5)
CELL = CellInfo("Ấp Thạnh Lợi", "Đảng bộ xã Vị Thủy", "Vị Thủy", "2025–2030")


def add_member(db, name: str, admitted: date, official: date | None = None, **fields) -> int:
    fields.setdefault("birth_date", PartialDate(1950, 4, 12))
    data = MemberData(full_name=name, admitted_on=admitted, official_on=official, **fields)
    return create_member(db, data, today=ON)


def add(db, member_id: int, kind: str, when: date, **extra) -> None:
    add_event(db, member_id, EventData(kind=kind, happened_on=when, **extra), today=ON)


@dataclass
class SmallCell:
    db: object
    on: date
    # On the roll on ON, in the Vietnamese order (tên, then họ đệm).
    listed: list[str]
    not_listed: list[str]
    temporary: list[str]


@pytest.fixture
def small_cell(db) -> SmallCell:
    save_cell(db, CELL)
    add_member(db, "Phạm Văn An", date(1990, 5, 2), date(1991, 5, 2), card_number="012345678901")
    at = add_member(
        db,
        "Trần Văn Ắt",
        date(2000, 3, 3),
        date(2001, 3, 3),
        ethnicity="Khmer",
        religion="Phật giáo",
    )
    add(db, at, "mien_sinh_hoat", date(2024, 1, 10))
    add_member(
        db, "Đặng Thị Bắc", date(1995, 6, 1), date(1996, 6, 1), gender="nu", party_post="bi_thu"
    )
    add_member(
        db, "Lê Thị Dung", date(2010, 2, 14), date(2011, 2, 14), gender="nu", ethnicity="Hoa"
    )
    add_member(db, "Đỗ Văn Đức", date(2025, 9, 1), religion="Công giáo")
    add_member(db, "Nguyễn Văn Đức", date(1980, 1, 7), date(1981, 1, 7))
    add_member(
        db, "Nguyễn Thị Mỹ", date(2005, 8, 19), date(2006, 8, 19), gender="nu", religion="Cao Đài"
    )
    add_member(db, "Lữ Văn Ổn", date(1999, 12, 22), date(2000, 12, 22), party_post="pho_bi_thu")
    gone = add_member(db, "Võ Văn Chuyển", date(1985, 1, 1), date(1986, 1, 1))
    add(db, gone, "chuyen_di", date(2025, 6, 1))
    dead = add_member(db, "Hồ Văn Mất", date(1970, 1, 1), date(1971, 1, 1))
    add(db, dead, "tu_tran", date(2025, 8, 1))
    guest = add_member(db, "Huỳnh Thị Tạm", date(2015, 4, 4), date(2016, 4, 4), gender="nu")
    add(db, guest, "chuyen_den", date(2025, 10, 1), temporary=True)
    return SmallCell(
        db=db,
        on=ON,
        listed=[
            "Phạm Văn An",
            "Trần Văn Ắt",
            "Đặng Thị Bắc",
            "Lê Thị Dung",
            "Đỗ Văn Đức",
            "Nguyễn Văn Đức",
            "Nguyễn Thị Mỹ",
            "Lữ Văn Ổn",
        ],
        not_listed=["Võ Văn Chuyển", "Hồ Văn Mất"],
        temporary=["Huỳnh Thị Tạm"],
    )


@pytest.fixture
def named_cell(db):
    """A data folder with the cell's details filled in (Ấp Thạnh Lợi, xã Vị Thủy)."""
    save_cell(db, CELL)
    return db


@pytest.fixture
def new_member(db):
    """``new_member(name, admitted, official=None, **fields)`` → the new member's id."""

    def make(name: str, admitted: date, official: date | None = None, **fields) -> int:
        return add_member(db, name, admitted, official, **fields)

    return make


class PdfTools:
    """Reading a PDF back the way a person reads the printed page."""

    @staticmethod
    def texts(path: Path) -> list[str]:
        """Each page's text, NFC (a PDF reader may hand back decomposed marks)."""
        return [unicodedata.normalize("NFC", p.extract_text()) for p in PdfReader(path).pages]

    @staticmethod
    def flat(text: str) -> str:
        """Text with every run of whitespace made one space (lines wrap anywhere)."""
        return re.sub(r"\s+", " ", text).strip()

    @staticmethod
    def positioned(path: Path, page_index: int) -> list[tuple[str, float, float]]:
        """(text, x, y) of each text fragment drawn on a page, in points from bottom-left."""
        page = PdfReader(path).pages[page_index]
        found: list[tuple[str, float, float]] = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((unicodedata.normalize("NFC", text.strip()), x, y))

        page.extract_text(visitor_text=visit)
        return found

    @staticmethod
    def fonts(path: Path) -> list:
        return [
            font.get_object()
            for page in PdfReader(path).pages
            for font in page["/Resources"]["/Font"].values()
        ]


@pytest.fixture
def pdf() -> PdfTools:
    return PdfTools()
