"""Spreadsheet cells that can never run (chống chèn công thức vào bảng tính).

Data from people and from other cells' packages goes into CSV and .xlsx files the
secretary opens in Excel. The OWASP rule for CSV injection
(https://owasp.org/www-community/attacks/CSV_Injection): a cell that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with a single quote so
Excel shows it as text. In .xlsx every string is written as a string cell, never a
formula, whatever it begins with. The importer takes the quote off again.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def csv_cell(value: object) -> object:
    """``value`` ready for a CSV cell: formula-like text gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def unquote_csv_cell(text: str) -> str:
    """The text ``csv_cell`` protected, as it was (a quote before a formula start)."""
    if text.startswith(QUOTE) and text[1:2] and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def neutralise_workbook(book) -> int:
    """Turn every formula cell of an openpyxl ``book`` into text; return how many.

    The app never writes a formula on purpose: any cell openpyxl took for one (a string
    starting with "=") came from data. Call it just before ``book.save``.
    """
    count = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (
                    isinstance(cell.value, str) and cell.value.startswith("=")
                ):
                    cell.data_type = "s"
                    count += 1
    return count
