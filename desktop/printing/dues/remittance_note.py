"""Bảng kê nộp đảng phí lên cấp trên for a month or a quarter (portrait A4).

Per month: số đã thu, tỷ lệ trích để lại, để lại chi bộ, nộp cấp trên; the total row; the
amount remitted in words; signed by the collector (người nộp) and the secretary.
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
    header_flowables,
    ruled_list,
    signature_block,
    strip_cell_word,
    styles,
    title_flowables,
)
from desktop.rules.dues_model import percent_text
from desktop.services.dues.common import Month, money, month_text
from desktop.services.dues.print_data import RemittancePaper, remittance_paper
from desktop.storage.database import Database
from desktop.text.money_words import dong_in_words

TITLE = "Bảng kê nộp đảng phí lên cấp trên"
HEADINGS = ("Tháng", "Số đã thu", "Tỷ lệ để lại", "Để lại chi bộ", "Nộp cấp trên")


def write_remittance_pdf(db: Database, first: Month, last: Month, target: Path) -> Path:
    paper = remittance_paper(db, first, last)
    return build_pdf(Path(target), remittance_flowables(paper),
                     title=f"{TITLE} {paper.summary.period_text}")


def remittance_rows(paper: RemittancePaper) -> list[list[str]]:
    s = paper.summary
    rows = [[month_text(m.month), money(m.collected), percent_text(m.share), money(m.kept),
             money(m.remitted)] for m in s.months]
    rows.append(["Cộng", money(s.collected), "", money(s.kept), money(s.remitted)])
    return rows


def remittance_flowables(paper: RemittancePaper) -> list[Flowable]:
    st = styles()
    s = paper.summary
    items: list[Flowable] = header_flowables(paper_header(paper, paper.issued_on))
    cell = strip_cell_word(paper.head.cell.name) or "……"
    items += title_flowables(TITLE, f"Chi bộ {cell}, {s.period_text}")
    superior = paper.head.cell.superior_name.strip() or "cấp ủy cấp trên"
    items.append(Paragraph(esc(f"Kính gửi: {superior}."), st.center))
    items.append(Spacer(1, 3 * mm))
    width = body_width()
    cols = [width * 0.16, width * 0.22, width * 0.16, width * 0.23, width * 0.23]
    items.append(ruled_list(HEADINGS, remittance_rows(paper), cols, center=(0,),
                            right=((1, -1),), total_rows=1))
    items.append(Spacer(1, 3 * mm))
    items.append(Paragraph(esc(f"Số tiền nộp cấp trên: {money(s.remitted)} đồng "
                               f"(bằng chữ: {dong_in_words(s.remitted)})."), st.plain))
    texts = sorted({m.retention_text for m in s.months})
    sources = sorted({m.source for m in s.months})
    items.append(Paragraph(f"<i>{esc('Tỷ lệ trích để lại: ' + '; '.join(texts) + '.')}</i>",
                           st.plain))
    items.append(Paragraph(f"<i>{esc('Căn cứ: ' + '; '.join(sources) + '.')}</i>", st.plain))
    collector = Signature(["NGƯỜI NỘP"], paper.head.treasurer_name)
    secretary = Signature(["T/M CHI BỘ", "BÍ THƯ"], paper.head.secretary_name, note="")
    items += signature_block(collector, secretary)
    return items
