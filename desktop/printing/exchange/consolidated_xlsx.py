"""The consolidated rating list as a spreadsheet (bảng tổng hợp xếp loại, .xlsx).

Two sheets: counts per cell with the total and the quota line, then every member by cell.
Numbers are stored as numbers so the đảng ủy can sum and filter in Excel.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop.services.exchange.consolidation import Consolidation, consolidation
from desktop.storage.atomic import atomic_write_bytes
from desktop.storage.database import Database
from desktop.text.cell_safety import neutralise_workbook

_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def consolidated_xlsx_bytes(db: Database, year: int) -> bytes:
    data = consolidation(db, year)
    book = Workbook()
    _counts_sheet(book.active, data)
    _members_sheet(book.create_sheet("Danh sách"), data)
    buffer = io.BytesIO()
    neutralise_workbook(book)  # every name comes from a cell's package: never a formula
    book.save(buffer)
    return buffer.getvalue()


def write_consolidated_xlsx(db: Database, year: int, path: Path) -> Path:
    atomic_write_bytes(Path(path), consolidated_xlsx_bytes(db, year))
    return Path(path)


def _counts_sheet(sheet, data: Consolidation) -> None:
    sheet.title = "Tổng hợp"
    sheet.append([f"Tổng hợp kết quả đánh giá, xếp loại chất lượng đảng viên năm {data.year}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    heads = ["TT", "Chi bộ", "Số đảng viên", "Không xếp loại", *(n for _, n, _ in data.level_codes)]
    sheet.append(heads)
    for cell in sheet[3]:
        cell.font = _BOLD
        cell.alignment = _WRAP
    for index, summary in enumerate(data.cells, start=1):
        sheet.append(
            [index, summary.cell_name, summary.on_roll, summary.not_rated,
             *(summary.counts.get(code, 0) for code, _, _ in data.level_codes)]
        )  # fmt: skip
    sheet.append(
        ["", "Tổng cộng", data.on_roll, data.on_roll - data.rated,
         *(data.totals.get(code, 0) for code, _, _ in data.level_codes)]
    )  # fmt: skip
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD
    sheet.append([])
    sheet.append(["", f"Tỷ lệ xuất sắc: {data.quota.explanation}"])
    if data.missing:
        sheet.append(["", "Chi bộ chưa nộp: " + ", ".join(data.missing)])
    for duplicate in data.duplicates:
        sheet.append(
            ["", f"Trùng: {duplicate.full_name} ({duplicate.key}) – {', '.join(duplicate.cells)}"]
        )
    sheet.freeze_panes = "A4"
    _widths(sheet, [6, 40, 14, 14, *([18] * len(data.level_codes))])


def _members_sheet(sheet, data: Consolidation) -> None:
    names = {code: name for code, name, _ in data.level_codes}
    heads = ["TT", "Họ và tên", "Năm sinh", "Số thẻ đảng viên", "Chi bộ", "Tự xếp loại",
             "Chi bộ đề xuất", "Phiếu tán thành", "Số biểu quyết", "Ghi chú"]  # fmt: skip
    sheet.append(heads)
    for cell in sheet[1]:
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
                member.get("not_rated_reason") or "; ".join(member.get("warnings") or ()),
            ]
        )
    sheet.freeze_panes = "A2"
    _widths(sheet, [6, 28, 10, 16, 28, 26, 26, 12, 12, 60])


def _widths(sheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
