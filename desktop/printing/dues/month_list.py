"""Danh sách thu, nộp đảng phí tháng … on the Party-format page (landscape A4).

Columns: TT, họ và tên, đối tượng, mức căn cứ, tỷ lệ / mức, phải nộp, đã nộp, ngày nộp,
số biên lai, ký nhận; a "Cộng" row whose figures are the sums of the rows above; the
basis (which rule pack) and the signatures of the collector and the secretary.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.printing.page import (
    DocumentHeader,
    Signature,
    body_width,
    build_pdf,
    esc,
    fit_cell,
    header_flowables,
    ruled_list,
    signature_block,
    strip_cell_word,
    styles,
    title_flowables,
)
from desktop.services.dues.common import Month, money, month_text
from desktop.services.dues.print_data import MonthPaper, basis_lines, month_paper
from desktop.storage.database import Database
from desktop.text import short_date

TITLE = "Danh sách thu, nộp đảng phí"
HEADINGS = ("TT", "Họ và tên", "Đối tượng", "Mức căn cứ", "Tỷ lệ / mức", "Phải nộp",
            "Đã nộp", "Ngày nộp", "Số biên lai", "Ký nhận")
_FIXED = (9, 0, 30, 26, 34, 21, 21, 21, 19, 24)


def write_month_pdf(db: Database, month: Month, target: Path) -> Path:
    paper = month_paper(db, month)
    return build_pdf(Path(target), month_flowables(paper),
                     title=f"{TITLE} tháng {month_text(month)}", landscape=True)


def widths() -> list[float]:
    fixed = [w * mm for w in _FIXED]
    fixed[1] = body_width(landscape=True) - sum(fixed)
    return fixed


def paper_header(paper, issued_on) -> DocumentHeader:
    cell = paper.head.cell
    return DocumentHeader(cell.superior_name, cell.name, cell.place_name, issued_on)


def note_of(line) -> str:
    if not line.due.owes:
        return line.due.exempt
    return line.due.problem


def month_rows(paper: MonthPaper) -> list[list[object]]:
    st = styles()
    cols = widths()
    rows: list[list[object]] = []
    for number, line in enumerate(paper.sheet.lines, start=1):
        due = line.due
        note = note_of(line)
        rate = due.rate_text if due.owes and not due.problem else note
        rows.append([
            str(number),
            fit_cell(due.full_name, cols[1]),
            fit_cell(due.class_name, cols[2]),
            money(due.base) if due.base else "",
            fit_cell(rate, cols[4], st.table_cell),
            money(due.amount) if due.owes and not due.problem else "",
            money(line.paid.amount) if line.paid.amount else "",
            short_date(line.paid.paid_on) if line.paid.paid_on else "",
            fit_cell(line.paid.text(), cols[8], st.table_cell_center),
            "",
        ])
    sheet = paper.sheet
    rows.append(["", "Cộng", "", "", "", money(sheet.total_due), money(sheet.total_paid),
                 "", "", ""])
    return rows


def month_flowables(paper: MonthPaper) -> list[Flowable]:
    st = styles()
    sheet = paper.sheet
    items: list[Flowable] = header_flowables(paper_header(paper, paper.issued_on), landscape=True)
    cell = strip_cell_word(paper.head.cell.name) or "……"
    items += title_flowables(f"{TITLE} tháng {month_text(sheet.month)}", f"Chi bộ {cell}")
    items.append(ruled_list(HEADINGS, month_rows(paper), widths(), center=(0, 7),
                            right=(3, (5, 6)), total_rows=1))
    items.append(Spacer(1, 3 * mm))
    owing = sum(1 for line in sheet.lines if line.due.owes)
    paid = sum(1 for line in sheet.lines if line.state == "paid" and line.due.owes)
    summary = (f"Số đảng viên phải nộp: {owing}; đã nộp đủ: {paid}. Tổng số phải nộp: "
               f"{money(sheet.total_due)} đồng; tổng số đã thu: {money(sheet.total_paid)} đồng.")
    items.append(Paragraph(esc(summary), st.plain))
    for line in basis_lines([sheet.pack]):
        items.append(Paragraph(f"<i>{esc(line)}</i>", st.plain))
    collector = Signature(["NGƯỜI THU"], paper.head.treasurer_name)
    secretary = Signature(["T/M CHI BỘ", "BÍ THƯ"], paper.head.secretary_name, note="")
    items += signature_block(collector, secretary, landscape=True)
    return items
