"""`sochibo print dues`: the month's list, the year's ledger and the remittance note."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.cli import main


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-dues")
    assert main(["--data", str(folder), "demo"]) == 0
    return folder


def last_month() -> str:
    today = date.today()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year}-{month:02d}"


def test_print_month_list_as_pdf_and_xlsx(demo_dir, tmp_path, capsys):
    month = last_month()
    code, out, _ = run(capsys, "--data", demo_dir, "print", "dues", "--month", month,
                       "-o", tmp_path / "thang.pdf")
    assert code == 0 and "Đã in danh sách thu, nộp đảng phí tháng" in out
    assert "DANH SÁCH THU, NỘP ĐẢNG PHÍ" in PdfReader(tmp_path / "thang.pdf").pages[0].extract_text()
    code, _, _ = run(capsys, "--data", demo_dir, "print", "dues", "--month", month,
                     "-o", tmp_path / "thang.xlsx")
    assert code == 0 and load_workbook(tmp_path / "thang.xlsx").active.max_row > 20


def test_print_year_ledger_and_quarter_remittance(demo_dir, tmp_path, capsys):
    year = int(last_month()[:4])
    code, out, _ = run(capsys, "--data", demo_dir, "print", "dues", "--year", year,
                       "-o", tmp_path / "nam.xlsx")
    assert code == 0 and f"năm {year}" in out
    code, out, _ = run(capsys, "--data", demo_dir, "print", "dues", "--year", year,
                       "--quarter", 1, "--remittance", "-o", tmp_path / "quy.pdf")
    assert code == 0 and "bảng kê nộp" in out
    assert "BẢNG KÊ NỘP ĐẢNG PHÍ" in PdfReader(tmp_path / "quy.pdf").pages[0].extract_text()


def test_wrong_month_and_extension_are_explained_in_vietnamese(demo_dir, tmp_path, capsys):
    code, _, err = run(capsys, "--data", demo_dir, "print", "dues", "--month", "2026-13",
                       "-o", tmp_path / "x.pdf")
    assert code == 1 and "YYYY-MM" in err
    code, _, err = run(capsys, "--data", demo_dir, "print", "dues", "--year", 2026,
                       "-o", tmp_path / "x.docx")
    assert code == 1 and ".pdf hoặc .xlsx" in err
    code, _, err = run(capsys, "--data", demo_dir, "print", "dues", "-o", tmp_path / "x.pdf")
    assert code == 1 and "--month" in err
