"""Sổ theo dõi thu, nộp đảng phí năm … (landscape A4): member × 12 months.

Each cell is what the member paid for that month; "–" a month owed and unpaid, "M" a month
with nothing due (miễn, nơi khác), blank a month the member was not in the cell. The row
total is the sum of its months; the "Cộng" row the sum of each column; the last cell both.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.printing.dues.month_list import paper_header
from desktop.printing.page import (
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
from desktop.services.dues.common import money
from desktop.services.dues.ledger import NOTHING_DUE_MARK, UNPAID_MARK, LedgerLine, YearSheet
from desktop.services.dues.print_data import YearPaper, basis_lines, year_paper
from desktop.storage.database import Database
from desktop.text import short_date

TITLE = "Sổ theo dõi thu, nộp đảng phí"
UNPAID, NOTHING_DUE = UNPAID_MARK, NOTHING_DUE_MARK
LEGEND = (f"Ghi chú: số trong ô là số tiền đã nộp cho tháng đó (đồng); \"{UNPAID}\": chưa nộp; "
          f"\"{NOTHING_DUE}\": không phải nộp (miễn, đóng nơi khác).")


def write_year_pdf(db: Database, year: int, target: Path) -> Path:
    paper = year_paper(db, year)
    return build_pdf(Path(target), year_flowables(paper), title=year_title(paper),
                     landscape=True)


def year_title(paper: YearPaper) -> str:
    """"Sổ theo dõi … năm 2025" for a locked year; a year still running is a report of the
    day it is printed and says so: "… năm 2026 tính đến ngày 02/12/2026"."""
    title = f"{TITLE} năm {paper.sheet.year}"
    if paper.closed:
        return title
    return f"{title} tính đến ngày {short_date(paper.issued_on)}"


def cell_text(line: LedgerLine | None) -> str:
    if line is None:
        return ""
    if line.paid.amount:
        return money(line.paid.amount)
    return UNPAID if line.due.owes else NOTHING_DUE


def year_rows(sheet: YearSheet) -> list[list[str]]:
    rows = []
    for number, row in enumerate(sheet.rows, start=1):
        rows.append([str(number), row.full_name]
                    + [cell_text(row.cells.get(m)) for m in range(1, 13)]
                    + [money(row.total_paid)])
    rows.append(["", "Cộng đã nộp"] + [money(sheet.month_paid(m)) for m in range(1, 13)]
                + [money(sheet.total_paid)])
    rows.append(["", "Phải nộp"] + [money(sheet.month_due(m)) for m in range(1, 13)]
                + [money(sheet.total_due)])
    return rows


def widths() -> list[float]:
    cols = [8 * mm, 0.0] + [14.5 * mm] * 12 + [20 * mm]
    cols[1] = body_width(landscape=True) - sum(cols)
    return cols


def year_flowables(paper: YearPaper) -> list[Flowable]:
    st = styles()
    sheet = paper.sheet
    items: list[Flowable] = header_flowables(paper_header(paper, paper.issued_on), landscape=True)
    cell = strip_cell_word(paper.head.cell.name) or "……"
    items += title_flowables(year_title(paper), f"Chi bộ {cell}")
    cols = widths()
    rows = [[r[0], fit_cell(r[1], cols[1]), *r[2:]] for r in year_rows(sheet)]
    heads = ["TT", "Họ và tên"] + [f"T{m}" for m in range(1, 13)] + ["Cả năm"]
    items.append(ruled_list(heads, rows, cols, center=(0,), right=((2, -1),), total_rows=2,
                            extra_style=[("FONTSIZE", (2, 1), (-1, -1), 10)]))
    items.append(Spacer(1, 3 * mm))
    items.append(Paragraph(f"<i>{esc(LEGEND)}</i>", st.plain))
    for line in basis_lines(sheet.packs):
        items.append(Paragraph(f"<i>{esc(line)}</i>", st.plain))
    collector = Signature(["NGƯỜI THU"], paper.head.treasurer_name)
    secretary = Signature(["T/M CHI BỘ", "BÍ THƯ"], paper.head.secretary_name, note="")
    items += signature_block(collector, secretary, landscape=True)
    return items
