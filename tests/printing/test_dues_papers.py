"""Dues papers: the totals add up and read back from the PDF; the workbooks print on A4."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from dues_helpers import add_member, assign, set_zones  # noqa: E402

from desktop.printing.dues.month_list import write_month_pdf  # noqa: E402
from desktop.printing.dues.remittance_note import write_remittance_pdf  # noqa: E402
from desktop.printing.dues.xlsx import write_month_xlsx, write_year_xlsx  # noqa: E402
from desktop.printing.dues.year_ledger import write_year_pdf  # noqa: E402
from desktop.services.dues.collect import PaymentData, mark_all_paid, record_payments  # noqa: E402


def tokens(text: str) -> list[str]:
    """The PDF's text pieces: pypdf gives one line per table cell."""
    return [t.strip() for t in text.splitlines() if t.strip()]


def number(token: str) -> int:
    """ "54.322" → 54322; "–" (unpaid) and "M" (nothing due) count as 0."""
    return int(token.replace(".", "")) if re.fullmatch(r"\d{1,3}(\.\d{3})*", token) else 0


def after(parts: list[str], label: str, count: int) -> list[int]:
    index = parts.index(label)
    return [number(t) for t in parts[index + 1 : index + 1 + count]]


@pytest.fixture
def ledger(db):
    set_zones(db)
    ids = [add_member(db, name) for name in ("Ngô Văn Hưu", "Lê Văn Nông", "Phạm Thị Giáo")]
    assign(db, ids[0], (2025, 1), "pension", 6_000_000)
    assign(db, ids[1], (2025, 1), "no_income")
    assign(db, ids[2], (2025, 1), "salary", 5_432_150)
    for month in range(1, 7):
        mark_all_paid(db, (2026, month), date(2026, month, 5), "Trần Thủ Quỹ",
                      except_ids=[ids[1]] if month in (2, 3, 4) else [])
    record_payments(db, [PaymentData(ids[1], ((2026, 3),), 7_000, date(2026, 3, 20), "77")])
    return db, ids


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_month_list_totals_read_back_from_the_pdf(ledger, tmp_path):
    db, _ = ledger
    text = pdf_text(write_month_pdf(db, (2026, 3), tmp_path / "thang.pdf"))
    assert "DANH SÁCH THU, NỘP ĐẢNG PHÍ THÁNG 03/2026" in text
    due, paid = after(tokens(text), "Cộng", 2)
    assert due == 30_000 + 14_190 + 54_322  # 1% of 5.432.150 rounds half up
    assert paid == 30_000 + 7_000 + 54_322
    assert "Ký nhận" in text and "77" in text and "01-QĐ/TW" in text


def test_year_ledger_rows_and_columns_add_up_in_the_pdf(ledger, tmp_path):
    db, _ = ledger
    parts = tokens(pdf_text(write_year_pdf(db, 2026, tmp_path / "nam.pdf")))
    start, end = parts.index("Cả năm") + 1, parts.index("Cộng đã nộp")
    body = parts[start:end]
    rows = [body[i : i + 15] for i in range(0, len(body), 15)]
    # Vietnamese order: by the given name first.
    assert [r[1] for r in rows] == ["Phạm Thị Giáo", "Ngô Văn Hưu", "Lê Văn Nông"]
    grid = [[number(t) for t in r[2:]] for r in rows]
    for values in grid:
        assert sum(values[:12]) == values[12]  # the months add up to the year
    totals = after(parts, "Cộng đã nộp", 13)
    assert totals == [sum(column) for column in zip(*grid, strict=True)]
    assert rows[2][3:6] == ["–", "7.000", "–"]  # February and April unpaid, March short
    due = after(parts, "Phải nộp", 13)
    assert due[0] == 30_000 + 6_000 + 54_322 and sum(due[:12]) == due[12]


def test_remittance_note_splits_kept_and_remitted(ledger, tmp_path):
    db, _ = ledger
    text = pdf_text(write_remittance_pdf(db, (2026, 1), (2026, 3), tmp_path / "nop.pdf"))
    collected, kept, remitted = after(tokens(text), "Cộng", 3)
    # By month of collection, 30% kept (the default of a chi bộ trực thuộc), half up:
    # 90.322 → 27.097, 84.322 → 25.297, 91.322 → 27.397.
    assert (collected, kept) == (90_322 + 84_322 + 91_322, 27_097 + 25_297 + 27_397)
    assert remitted == collected - kept
    assert "bằng chữ" in text and "NGƯỜI NỘP" in text and "BÍ THƯ" in text


def test_workbooks_hold_numbers_and_print_on_a4_landscape(ledger, tmp_path):
    db, _ = ledger
    book = load_workbook(write_year_xlsx(db, 2026, tmp_path / "nam.xlsx"))
    sheet = book.active
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$4:$4"
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    members = [r for r in rows if isinstance(r[0], int)]
    totals = next(r for r in rows if r[1] == "Cộng đã nộp")
    for month in range(12):
        paid = [r[2 + month] for r in members if isinstance(r[2 + month], int)]
        assert sum(paid) == totals[2 + month]
    assert sum(r[14] for r in members) == totals[14]
    month_book = load_workbook(write_month_xlsx(db, (2026, 3), tmp_path / "thang.xlsx"))
    month_rows = list(month_book.active.iter_rows(min_row=5, values_only=True))
    total = next(r for r in month_rows if r[1] == "Cộng")
    assert total[6] == sum(r[6] or 0 for r in month_rows if isinstance(r[0], int))


def test_a_running_year_says_to_which_day_a_locked_year_keeps_its_title_and_date(
    ledger, tmp_path
):
    from datetime import datetime

    from desktop.models import DuesMonthClosing
    from desktop.services.dues.collect import close_month
    from desktop.text import short_date

    db, _ = ledger
    today = short_date(date.today())
    text = " ".join(pdf_text(write_year_pdf(db, 2026, tmp_path / "nam.pdf")).split())
    assert f"NĂM 2026 TÍNH ĐẾN NGÀY {today}" in text.upper()
    book = load_workbook(write_year_xlsx(db, 2026, tmp_path / "nam.xlsx"))
    assert f"tính đến ngày {today}".upper() in book.active["A2"].value
    # December locked on 05/01/2027: the ledger is final, printed as it was issued that day.
    close_month(db, (2026, 12), by="Trần Thủ Quỹ")
    with db.session() as session:
        session.get(DuesMonthClosing, date(2026, 12, 1)).closed_at = datetime(2027, 1, 5, 9, 0)
    first = pdf_text(write_year_pdf(db, 2026, tmp_path / "nam1.pdf"))
    assert "TÍNH ĐẾN" not in first.upper()
    assert "ngày 05 tháng 01 năm 2027" in " ".join(first.split())
    again = pdf_text(write_year_pdf(db, 2026, tmp_path / "nam2.pdf"))
    assert again == first
    book = load_workbook(write_year_xlsx(db, 2026, tmp_path / "nam1.xlsx"))
    assert book.active["A2"].value == "SỔ THEO DÕI THU, NỘP ĐẢNG PHÍ NĂM 2026"


def test_workbooks_carry_the_party_header_borders_times_and_real_dates(ledger, tmp_path):
    from openpyxl.utils import get_column_letter

    db, _ = ledger
    for path in (write_year_xlsx(db, 2026, tmp_path / "nam.xlsx"),
                 write_month_xlsx(db, (2026, 3), tmp_path / "thang.xlsx")):  # fmt: skip
        sheet = load_workbook(path).active
        header = " ".join(str(c.value) for c in sheet[1] if c.value is not None)
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header and "CHI BỘ" in header.upper()
        assert sheet.print_title_rows == "$4:$4"
        fonts = {c.font.name for row in sheet.iter_rows() for c in row if c.value is not None}
        assert fonts == {"Times New Roman"}
        last = get_column_letter(sheet.max_column)
        body = sheet[f"A5:{last}7"]
        assert all(c.border.left.style == "thin" for row in body for c in row)
    month = load_workbook(tmp_path / "thang.xlsx").active
    paid_on = [r[7] for r in month.iter_rows(min_row=5, values_only=True) if r[7] is not None]
    assert paid_on and all(isinstance(d, datetime) for d in paid_on)  # dates, not text
