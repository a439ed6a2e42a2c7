"""The Party-format page for the spreadsheets the app writes (.xlsx printed from Excel or
LibreOffice), matching the PDF of the same paper (Hướng dẫn 36-HD/VPTW, 2018).

``party_header`` writes the header as rows 1–3 above the table (issuing body and number
on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place-and-date line on the right, then the
title and the subtitle), so the table's own header row is row 4. ``print_setup`` sets A4,
the orientation of the PDF, fit to one page wide, the table's header row repeated on every
page, the print area, the PDF's margins, thin borders round the table and Times New Roman
in every cell. Values stay values: callers write numbers and dates, never their text.
"""

from __future__ import annotations

import math

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.printing.page import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    DocumentHeader,
)

FONT = "Times New Roman"
TABLE_HEADER_ROW = 4
_POINTS_PER_INCH = 72
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def party_header(
    sheet: Worksheet, header: DocumentHeader, title: str, subtitle: str, width: int
) -> int:
    """Rows 1–3 (header, title, subtitle) over ``width`` columns; returns the table's row."""
    left_end = max(1, min(width - 1, round(width * 0.45)))
    plain, bold = InlineFont(rFont=FONT, sz=12), InlineFont(rFont=FONT, sz=12, b=True)
    italic, party = InlineFont(rFont=FONT, sz=12, i=True), InlineFont(rFont=FONT, sz=13, b=True)
    left = CellRichText()
    if header.superior_line():
        left.append(TextBlock(plain, header.superior_line() + "\n"))
    left.append(TextBlock(bold, header.cell_line() + "\n"))
    left.append(TextBlock(plain, "*"))
    if header.number_line():
        left.append(TextBlock(plain, "\n" + header.number_line()))
    if header.draft:
        left.append(TextBlock(italic, "\nDự thảo"))
    right = CellRichText(
        TextBlock(party, "ĐẢNG CỘNG SẢN VIỆT NAM\n"), TextBlock(italic, header.date_line())
    )
    sheet.cell(row=1, column=1, value=left)
    sheet.cell(row=1, column=left_end + 1, value=right)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=left_end)
    if left_end + 1 < width:
        sheet.merge_cells(start_row=1, start_column=left_end + 1, end_row=1, end_column=width)
    sheet.row_dimensions[1].height = 80 if header.number_line() or header.draft else 64
    for column in (1, left_end + 1):
        sheet.cell(row=1, column=column).alignment = _CENTRE
    for row, text, font in ((2, title, Font(name=FONT, bold=True, size=14)),
                            (3, subtitle, Font(name=FONT, italic=True, size=12))):  # fmt: skip
        cell = sheet.cell(row=row, column=1, value=text or None)
        cell.font = font
        cell.alignment = _CENTRE
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    sheet.row_dimensions[2].height = 36
    sheet.row_dimensions[3].height = 32
    return TABLE_HEADER_ROW


def print_setup(
    sheet: Worksheet,
    *,
    header_row: int,
    width: int,
    table_end: int,
    landscape: bool,
) -> None:
    """A4 as the PDF prints it: orientation, one page wide, header row on every page,
    print area, margins, borders round the table, Times New Roman throughout."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = MARGIN_LEFT / _POINTS_PER_INCH
    margins.right = MARGIN_RIGHT / _POINTS_PER_INCH
    margins.top = MARGIN_TOP / _POINTS_PER_INCH
    margins.bottom = MARGIN_BOTTOM / _POINTS_PER_INCH
    last = get_column_letter(width)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{last}{max(sheet.max_row, table_end)}"
    for row in sheet.iter_rows(min_row=header_row, max_row=table_end, max_col=width):
        for cell in row:
            cell.border = _BOX
    fit_row_height(sheet, header_row, width)
    times_new_roman(sheet)


def text_lines(text: str, chars: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``chars`` characters wide."""
    chars = max(chars * 1.1, 1.0)  # Times New Roman 12 is a little narrower than the unit
    return sum(max(1, math.ceil(len(part) / chars)) for part in str(text).split("\n"))


def fit_row_height(sheet: Worksheet, row: int, width: int, first_column: int = 1) -> None:
    """Room for the wrapped text of ``row`` (LibreOffice does not grow a row whose height
    is unset when its text wraps, so a long heading would spill over the next row)."""
    if sheet.row_dimensions[row].height:
        return
    lines = 1
    for column in range(first_column, width + 1):
        value = sheet.cell(row=row, column=column).value
        if value is None:
            continue
        chars = sheet.column_dimensions[get_column_letter(column)].width or 8.43
        lines = max(lines, text_lines(value, chars))
    if lines > 1:
        sheet.row_dimensions[row].height = 15.75 * lines + 2


def times_new_roman(sheet: Worksheet) -> None:
    """Every cell in Times New Roman, keeping its bold, italic and size."""
    for row in sheet.iter_rows():
        for cell in row:
            font = cell.font
            if font is None or font.name == FONT:
                continue
            cell.font = Font(
                name=FONT,
                bold=font.bold,
                italic=font.italic,
                size=font.size if font.size and font.size != 11 else 12,
                color=font.color,
            )
