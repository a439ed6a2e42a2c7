"""The consolidated rating list as a spreadsheet (bảng tổng hợp xếp loại, .xlsx).

Two sheets: counts per cell with the total and the quota line, then every member by cell,
each under the đảng ủy's Party header and set up to print like the PDF (``xlsx_page``).
Numbers are stored as numbers so the đảng ủy can sum and filter in Excel.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop.printing.exchange.consolidated import (
    awaiting,
    consolidated_header,
    member_note,
    title_for,
)
from desktop.printing.page import DocumentHeader, upper_vi
from desktop.printing.xlsx_page import party_header, print_setup
from desktop.services.exchange.consolidation import Consolidation, consolidation
from desktop.storage.atomic import atomic_write_bytes
from desktop.storage.database import Database
from desktop.text.cell_safety import neutralise_workbook

_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def consolidated_xlsx_bytes(db: Database, year: int, today: date | None = None) -> bytes:
    data = consolidation(db, year)
    header = consolidated_header(db, year, today)
    book = Workbook()
    _counts_sheet(book.active, data, header)
    _members_sheet(book.create_sheet("Danh sách"), data, header)
    buffer = io.BytesIO()
    neutralise_workbook(book)  # every name comes from a cell's package: never a formula
    book.save(buffer)
    return buffer.getvalue()


def write_consolidated_xlsx(
    db: Database, year: int, path: Path, today: date | None = None
) -> Path:
    atomic_write_bytes(Path(path), consolidated_xlsx_bytes(db, year, today))
    return Path(path)


def _counts_sheet(sheet, data: Consolidation, header: DocumentHeader) -> None:
    sheet.title = "Tổng hợp"
    heads = ["TT", "Chi bộ", "Số đảng viên", "Không xếp loại", *(n for _, n, _ in data.level_codes),
             "Chưa đề xuất"]  # fmt: skip
    row = party_header(sheet, header, upper_vi(title_for(data.year)), "", len(heads))
    for column, head in enumerate(heads, start=1):
        sheet.cell(row=row, column=column, value=head)
    for cell in sheet[row]:
        cell.font = _BOLD
        cell.alignment = _WRAP
    for index, summary in enumerate(data.cells, start=1):
        sheet.append(
            [index, summary.cell_name, summary.on_roll, summary.not_rated,
             *(summary.counts.get(code, 0) for code, _, _ in data.level_codes),
             awaiting(summary)]
        )  # fmt: skip
    sheet.append(
        ["", "Tổng cộng", data.on_roll, data.on_roll - data.rated,
         *(data.totals.get(code, 0) for code, _, _ in data.level_codes),
         sum(awaiting(summary) for summary in data.cells)]
    )  # fmt: skip
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD
    table_end = sheet.max_row
    sheet.append([])
    sheet.append(["", f"Tỷ lệ xuất sắc: {data.quota.explanation}"])
    if data.missing:
        sheet.append(["", "Chi bộ chưa nộp: " + ", ".join(data.missing)])
    for duplicate in data.duplicates:
        sheet.append(
            ["", f"Trùng: {duplicate.full_name} ({duplicate.key}) – {', '.join(duplicate.cells)}"]
        )
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    _widths(sheet, [6, 40, 14, 14, *([18] * len(data.level_codes)), 14])
    print_setup(sheet, header_row=row, width=len(heads), table_end=table_end, landscape=True)


def _members_sheet(sheet, data: Consolidation, header: DocumentHeader) -> None:
    names = {code: name for code, name, _ in data.level_codes}
    heads = ["TT", "Họ và tên", "Năm sinh", "Số thẻ đảng viên", "Chi bộ", "Tự xếp loại",
             "Chi bộ đề xuất", "Phiếu tán thành", "Số biểu quyết", "Ghi chú"]  # fmt: skip
    title = upper_vi(title_for(data.year))
    row = party_header(sheet, header, title, "Danh sách đảng viên theo chi bộ", len(heads))
    for column, head in enumerate(heads, start=1):
        sheet.cell(row=row, column=column, value=head)
    for cell in sheet[row]:
        cell.font = _BOLD
        cell.alignment = _WRAP
    for index, entry in enumerate(data.members, start=1):
        member = entry.member
        proposed = names.get(member.get("proposed_level") or "", "")
        sheet.append(
            [
                index,
                member.get("full_name", ""),
                member.get("birth_year"),
                member.get("card_number") or "",
                entry.cell_name,
                names.get(member.get("self_level") or "", ""),
                proposed if member.get("rated") else "Không xếp loại",
                member.get("votes_for"),
                member.get("votes_total"),
                member_note(member),
            ]
        )
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    _widths(sheet, [6, 28, 10, 16, 28, 26, 26, 12, 12, 60])
    for (cell,) in sheet.iter_rows(min_row=row + 1, min_col=4, max_col=4):
        cell.number_format = "@"  # card numbers keep their leading zeros
    print_setup(sheet, header_row=row, width=len(heads), table_end=sheet.max_row, landscape=True)


def _widths(sheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
