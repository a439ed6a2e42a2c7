"""The dues papers as Excel workbooks that print on A4: the month's list, the year's ledger.

Amounts are numbers (whole đồng, "#,##0" shown with the reader's separators) and the
totals are the same sums as on the PDF, written as values so that a copy checked by hand
reads the same figures. Landscape, fit to one page wide, header rows repeated.
"""

from __future__ import annotations

import io
from pathlib import Path

from desktop.printing.dues.month_list import HEADINGS, TITLE as MONTH_TITLE, note_of, paper_header
from desktop.printing.dues.year_ledger import LEGEND, NOTHING_DUE, UNPAID, year_title
from desktop.printing.page import strip_cell_word
from desktop.services.dues.common import Month, month_text
from desktop.services.dues.print_data import (
    MonthPaper,
    YearPaper,
    basis_lines,
    month_paper,
    year_paper,
)
from desktop.storage.atomic import atomic_path
from desktop.storage.database import Database

MONEY = "#,##0"
DATE = "dd/mm/yyyy"
HEADER_ROW = 4


def write_month_xlsx(db: Database, month: Month, target: Path) -> Path:
    return _write(month_workbook(month_paper(db, month)), target)


def write_year_xlsx(db: Database, year: int, target: Path) -> Path:
    return _write(year_workbook(year_paper(db, year)), target)


def _write(data: bytes, target: Path) -> Path:
    target = Path(target)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


def _a4(sheet, width: int, table_end: int) -> None:
    """Printed as the PDF: landscape A4, one page wide, the heading row on every page,
    borders round the table, Times New Roman (``xlsx_page``)."""
    from desktop.printing.xlsx_page import print_setup

    print_setup(sheet, header_row=HEADER_ROW, width=width, table_end=table_end, landscape=True)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"


def _titles(sheet, paper, title: str, width: int) -> None:
    """The Party header, the title and the cell above the table, as on the PDF."""
    from desktop.printing.xlsx_page import party_header

    cell = strip_cell_word(paper.head.cell.name) or "……"
    header = paper_header(paper, paper.issued_on)
    party_header(sheet, header, title.upper(), f"Chi bộ {cell}", width)


def _head_row(sheet, headings) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    for column, text in enumerate(headings, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)


def _book(title: str):
    from openpyxl import Workbook

    book = Workbook()
    book.properties.title = title
    book.properties.creator = "Sổ Chi bộ"
    return book


def _bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def month_workbook(paper: MonthPaper) -> bytes:
    from openpyxl.styles import Font

    sheet_data = paper.sheet
    title = f"{MONTH_TITLE} tháng {month_text(sheet_data.month)}"
    book = _book(title)
    sheet = book.active
    sheet.title = f"Tháng {sheet_data.month[1]:02d}-{sheet_data.month[0]}"
    _titles(sheet, paper, title, len(HEADINGS))
    _head_row(sheet, HEADINGS)
    row = HEADER_ROW
    for number, line in enumerate(sheet_data.lines, start=1):
        row += 1
        due = line.due
        known = due.owes and not due.problem
        values = [number, due.full_name, due.class_name, due.base,
                  due.rate_text if known else note_of(line), due.amount if known else None,
                  line.paid.amount or None,
                  line.paid.paid_on, line.paid.text() or None, None]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if column in (4, 6, 7):
                cell.number_format = MONEY
            elif column == 8 and value is not None:
                cell.number_format = DATE
    row += 1
    sheet.cell(row=row, column=2, value="Cộng").font = Font(bold=True)
    for column, value in ((6, sheet_data.total_due), (7, sheet_data.total_paid)):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.number_format, cell.font = MONEY, Font(bold=True)
    table_end = row
    for text in basis_lines([sheet_data.pack]):
        row += 1
        sheet.cell(row=row, column=2, value=text).font = Font(italic=True)
    for column, width in zip("ABCDEFGHIJ", (5, 28, 16, 14, 26, 12, 12, 12, 11, 14), strict=True):
        sheet.column_dimensions[column].width = width
    _a4(sheet, len(HEADINGS), table_end)
    return _bytes(book)


def year_workbook(paper: YearPaper) -> bytes:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    data = paper.sheet
    title = year_title(paper)
    book = _book(title)
    sheet = book.active
    sheet.title = f"Năm {data.year}"
    headings = ["TT", "Họ và tên"] + [f"T{m}" for m in range(1, 13)] + ["Cả năm"]
    _titles(sheet, paper, title, len(headings))
    _head_row(sheet, headings)
    row = HEADER_ROW
    for number, member in enumerate(data.rows, start=1):
        row += 1
        sheet.cell(row=row, column=1, value=number)
        sheet.cell(row=row, column=2, value=member.full_name)
        for month in range(1, 13):
            line = member.cells.get(month)
            if line is None:
                continue
            value = line.paid.amount or (UNPAID if line.due.owes else NOTHING_DUE)
            cell = sheet.cell(row=row, column=2 + month, value=value)
            cell.number_format = MONEY
        sheet.cell(row=row, column=15, value=member.total_paid).number_format = MONEY
    for label, per_month, total in (("Cộng đã nộp", data.month_paid, data.total_paid),
                                    ("Phải nộp", data.month_due, data.total_due)):
        row += 1
        sheet.cell(row=row, column=2, value=label).font = Font(bold=True)
        for month in range(1, 13):
            cell = sheet.cell(row=row, column=2 + month, value=per_month(month))
            cell.number_format, cell.font = MONEY, Font(bold=True)
        cell = sheet.cell(row=row, column=15, value=total)
        cell.number_format, cell.font = MONEY, Font(bold=True)
    table_end = row
    for text in [LEGEND, *basis_lines(data.packs)]:
        row += 1
        sheet.cell(row=row, column=2, value=text).font = Font(italic=True)
    sheet.column_dimensions["A"].width = 5
    sheet.column_dimensions["B"].width = 28
    for column in range(3, 15):
        sheet.column_dimensions[get_column_letter(column)].width = 10
    sheet.column_dimensions["O"].width = 13
    _a4(sheet, len(headings), table_end)
    return _bytes(book)
