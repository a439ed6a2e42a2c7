"""The rating list (danh sách đề nghị xếp loại chất lượng đảng viên) as an Excel workbook,
for the superior on the USB stick.

Same data as the printed list (``review_print_data``): sheet "Danh sách" with the table
(scores, votes and years as numbers, card numbers as text), sheet "Tổng hợp" with the
counts per level, their shares of the rated members and the quota arithmetic.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from desktop.printing.page import strip_cell_word
from desktop.services.reviews.print_data import RatingListPaper, rating_list_paper
from desktop.storage.atomic import atomic_path
from desktop.storage.database import Database
from desktop.text import short_date
from desktop.text.cell_safety import neutralise_workbook

LIST_SHEET = "Danh sách"
SUMMARY_SHEET = "Tổng hợp"
HEADER_ROW = 4
_MAX_WIDTH = 60


def write_rating_xlsx(db: Database, year: int, path: Path, today: date | None = None) -> Path:
    """Write the rating list of ``year`` as .xlsx to ``path`` (atomically); returns it."""
    data = rating_xlsx_bytes(db, year, today)
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


def rating_xlsx_bytes(db: Database, year: int, today: date | None = None) -> bytes:
    return workbook_bytes(rating_list_paper(db, year, today))


def workbook_bytes(paper: RatingListPaper) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    _list_sheet(book.active, paper)
    _summary_sheet(book.create_sheet(SUMMARY_SHEET), paper)
    book.properties.title = f"Danh sách đề nghị xếp loại đảng viên năm {paper.year}"
    book.properties.creator = "Sổ Chi bộ"
    buffer = io.BytesIO()
    neutralise_workbook(book)  # names and notes are data: never formulas
    book.save(buffer)
    return buffer.getvalue()


def headings(paper: RatingListPaper) -> list[str]:
    cols = ["TT", "Họ và tên", "Năm sinh", "Chức vụ", "Số thẻ đảng viên"]
    if paper.scored:
        cols.append("Điểm tự chấm")
    cols += ["Tự xếp loại", "Chi bộ đề xuất", "Số phiếu tán thành", "Tổng số phiếu"]
    if paper.has_decisions:
        cols.append("Cấp trên quyết định")
    cols.append("Ghi chú")
    return cols


def _title_rows(sheet, paper: RatingListPaper, width: int) -> None:
    """The Party header, the title and the subtitle above the table (rows 1–3)."""
    from desktop.printing.reviews.self_review import paper_header
    from desktop.printing.xlsx_page import party_header

    cell = strip_cell_word(paper.head.cell.name)
    title = f"DANH SÁCH ĐỀ NGHỊ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {paper.year}"
    sub = f"Chi bộ {cell}" if cell else "Chi bộ"
    sub += f"; tính đến ngày {short_date(paper.review_on)}"
    if paper.basis:
        sub += f". {paper.basis}."
    party_header(sheet, paper_header(paper.head, paper.issued_on, paper.issue), title, sub, width)


def _list_sheet(sheet, paper: RatingListPaper) -> None:
    from openpyxl.styles import Alignment, Font

    from desktop.printing.xlsx_page import print_setup

    sheet.title = LIST_SHEET
    heads = headings(paper)
    _title_rows(sheet, paper, len(heads))
    for column, head in enumerate(heads, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=head)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, line in enumerate(paper.lines, start=1):
        values: list[object] = [
            line.number,
            line.full_name,
            int(line.birth_year) if line.birth_year else None,
            line.post,
            line.card_number,
        ]
        if paper.scored:
            values.append(float(line.self_score) if line.self_score is not None else None)
        values += [line.self_level, line.proposed, line.votes_for, line.votes_total]
        if paper.has_decisions:
            values.append(line.decided)
        values.append(line.note)
        row = HEADER_ROW + offset
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value if value != "" else None)
            if heads[column - 1] == "Số thẻ đảng viên":
                cell.number_format = "@"  # leading zeros of the card number stay
            elif heads[column - 1] == "Điểm tự chấm":
                cell.number_format = "0.##"
    _widths(sheet, heads)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    print_setup(
        sheet, header_row=HEADER_ROW, width=len(heads), table_end=HEADER_ROW + len(paper.lines),
        landscape=True,
    )  # fmt: skip


def _summary_sheet(sheet, paper: RatingListPaper) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from desktop.printing.xlsx_page import print_setup, text_lines

    bold = Font(bold=True)
    _title_rows(sheet, paper, 6 if paper.has_decisions else 4)
    row = HEADER_ROW
    head = ["Mức xếp loại", "Viết tắt", "Chi bộ đề xuất", "Tỷ lệ đề xuất"]
    if paper.has_decisions:
        head += ["Cấp trên quyết định", "Tỷ lệ quyết định"]
    for column, text in enumerate(head, start=1):
        sheet.cell(row=row, column=column, value=text).font = bold
    rows = [(t.name, t.short_name, t.proposed, t.proposed_share, t.decided, t.decided_share)
            for t in paper.tallies]  # fmt: skip
    if paper.awaiting or (paper.has_decisions and paper.undecided):
        rows.append(("Chưa đề xuất / chưa quyết định", "", len(paper.awaiting),
                     paper.awaiting_share, paper.undecided, paper.undecided_share))  # fmt: skip
    rows.append(("Cộng", "", paper.proposed_total, "100%" if paper.rated else "",
                 paper.decided_total, "100%" if paper.rated else ""))  # fmt: skip
    for name, short, proposed, proposed_share, decided, decided_share in rows:
        row += 1
        # The shares of the paper (largest remainder, adding to 100%) as numbers.
        values: list[object] = [name, short, proposed, _share(proposed_share)]
        if paper.has_decisions:
            values += [decided, _share(decided_share)]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if head[column - 1].startswith("Tỷ lệ"):
                cell.number_format = "0.00%"
    table_end = row
    row += 2
    facts: list[tuple[str, object]] = [
        ("Tổng số đảng viên", paper.on_roll),
        ("Thuộc diện xếp loại (mẫu số tính tỷ lệ)", paper.rated),
        ("Không xếp loại", len(paper.not_rated)),
        ("Chưa có đề xuất", len(paper.awaiting)),
        ("Tỷ lệ xuất sắc", paper.quota_line),
        ("Căn cứ tỷ lệ", paper.quota_source),
        (
            "Vượt tỷ lệ",
            "Có – cấp ủy cấp trên xem xét, quyết định" if paper.quota_exceeded else "Không",
        ),
    ]
    facts += [(f"Không xếp loại: {name}", reason) for name, reason in paper.not_rated]
    _widths(sheet, head)
    sheet.column_dimensions["A"].width = 42
    sheet.column_dimensions["B"].width = 30
    # A fact's words span the table's width and wrap there, inside the printed page.
    span = sum(
        sheet.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(2, len(head) + 1)
    )
    for label, value in facts:
        label_cell = sheet.cell(row=row, column=1, value=label)
        label_cell.font, label_cell.alignment = bold, Alignment(vertical="top")
        cell = sheet.cell(row=row, column=2, value=value)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(head))
        lines = text_lines(value, span) if isinstance(value, str) else 1
        if lines > 1:
            sheet.row_dimensions[row].height = 15.75 * lines + 2
        row += 1
    print_setup(sheet, header_row=HEADER_ROW, width=len(head), table_end=table_end,
                landscape=False)  # fmt: skip


def _share(text: str) -> float | None:
    """"10,53%" as the number 0.1053 (a share Excel can add up)."""
    if not text:
        return None
    return round(float(text.rstrip("%").replace(".", "").replace(",", ".")) / 100, 6)


def _widths(sheet, heads: list[str]) -> None:
    from openpyxl.utils import get_column_letter

    for column, head in enumerate(heads, start=1):
        longest = len(head)
        for (value,) in sheet.iter_rows(
            min_row=HEADER_ROW + 1, min_col=column, max_col=column, values_only=True
        ):
            longest = max(longest, len(str(value)) if value is not None else 0)
        sheet.column_dimensions[get_column_letter(column)].width = min(longest + 2, _MAX_WIDTH)
