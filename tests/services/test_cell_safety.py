"""No CSV or .xlsx cell the app writes can run as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest

from desktop.services.cell.workspace import Workspace
from desktop.services.members.exporting import export_members
from desktop.services.members.importing import apply_import, plan_import
from desktop.services.members.registry import MemberData, create_member, list_members
from desktop.text.cell_safety import csv_cell, neutralise_workbook, unquote_csv_cell

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "@SUM(1)", "+1+1", "-2+3"]


@pytest.mark.parametrize("text", HOSTILE + ["\tTab", "\rCR"])
def test_formula_like_text_is_quoted_and_comes_back(text):
    assert csv_cell(text) == "'" + text
    assert unquote_csv_cell(csv_cell(text)) == text


def test_plain_text_and_numbers_are_left_alone():
    assert csv_cell("Nguyễn Văn An") == "Nguyễn Văn An"
    assert csv_cell(5) == 5
    assert unquote_csv_cell("'Anh") == "'Anh"


def _members(db):
    for number, note in enumerate(HOSTILE):
        create_member(db, MemberData(full_name=f"Lê Văn {chr(65 + number)}", note=note))


def test_csv_export_writes_no_cell_excel_would_run_and_imports_back(db, tmp_path):
    _members(db)
    path = tmp_path / "ds.csv"
    export_members(db, path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    with Workspace(tmp_path / "moi", lock=False) as fresh:
        apply_import(fresh.db, plan_import(fresh.db, path))
        notes = sorted(m.note for m in _details(fresh.db))
    assert notes == sorted(HOSTILE)


def _details(db):
    from desktop.services.members.registry import get_member

    return [get_member(db, row.id).data for row in list_members(db)]


def test_xlsx_export_holds_no_formula(db, tmp_path):
    _members(db)
    path = tmp_path / "ds.xlsx"
    export_members(db, path)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet and "<f " not in sheet
    book = openpyxl.load_workbook(path)
    values = {c.value for row in book.active.iter_rows() for c in row}
    assert set(HOSTILE) <= values


def test_any_formula_cell_in_a_workbook_becomes_text():
    book = openpyxl.Workbook()
    book.active["A1"] = "=1+1"
    book.create_sheet("Khác")["B2"] = "=SUM(A1:A3)"
    assert neutralise_workbook(book) == 2
    assert book.active["A1"].data_type == "s"


def _formulas(data: bytes) -> list[str]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        return [n for n in sheets if "<f>" in archive.read(n).decode("utf-8")]


def test_rating_and_consolidated_xlsx_hold_no_formula_from_a_hostile_name(tmp_path):
    from desktop.models import Member
    from desktop.printing.exchange.consolidated_xlsx import consolidated_xlsx_bytes
    from desktop.printing.reviews.rating_xlsx import rating_xlsx_bytes
    from desktop.services.exchange.consolidation import import_package
    from tests.services.test_consolidation import TODAY, YEAR, make_cell, package_of

    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTXSNV", "HTTNV"])
    with cell.db.session() as session:
        for member in session.query(Member):
            member.full_name = "=HYPERLINK(\"http://x\",\"Bấm\")"
    assert _formulas(rating_xlsx_bytes(cell.db, YEAR, today=TODAY)) == []
    superior = Workspace(tmp_path / "superior", lock=False)
    import_package(superior.db, package_of(cell, tmp_path / "stick", "A"))
    assert _formulas(consolidated_xlsx_bytes(superior.db, YEAR)) == []
    superior.close()
    cell.close()
