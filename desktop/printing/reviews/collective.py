"""The cell's review of itself (báo cáo kiểm điểm tập thể chi bộ, Mẫu 01 from 2025).

From 2025 the form's sections with the cell's answers, the score table, the self-rating,
the vote and the superior's decision. Older years have no collective form in their rules:
a short "Kết quả tự đánh giá, xếp loại tập thể chi bộ" with the rating, vote and decision.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.printing.page import (
    Signature,
    build_pdf,
    esc,
    header_flowables,
    signature_block,
    strip_cell_word,
    styles,
    title_flowables,
)
from desktop.printing.reviews.self_review import (
    answered_flowables,
    issue_recipients,
    paper_header,
    score_table,
    section_heading,
    template_code,
)
from desktop.services.reviews.print_data import CollectivePaper, collective_paper
from desktop.storage.database import Database

SCORE_TITLE = "Tự chấm điểm theo các nhóm tiêu chí"
LEVEL_TITLE = "Tự nhận mức xếp loại chất lượng"


def print_collective_review(db: Database, year: int, path: Path, today: date | None = None) -> Path:
    """Print the cell's collective review of ``year`` to ``path``; returns ``path``."""
    paper = collective_paper(db, year, today)
    cell = strip_cell_word(paper.head.cell.name)
    title = f"{paper.title} năm {year}" + (f" – Chi bộ {cell}" if cell else "")
    return build_pdf(Path(path), collective_flowables(paper), title=title)


def collective_flowables(paper: CollectivePaper) -> list[Flowable]:
    st = styles()
    items: list[Flowable] = []
    if paper.template:
        items.append(template_code(paper.template))
    items += header_flowables(paper_header(paper.head, paper.written_on, paper.issue))
    cell = strip_cell_word(paper.head.cell.name) or "……"
    items += title_flowables(paper.title, f"Chi bộ {cell} năm {paper.year}")
    items += answered_flowables(paper.sections)
    number = len(paper.sections)
    if paper.scores:
        number += 1
        items.append(section_heading(number, SCORE_TITLE))
        items.append(score_table(paper.scores, paper.total, paper.total_maximum))
        items.append(Spacer(1, 2 * mm))
        implied = paper.implied_level or "……"
        items.append(Paragraph(esc(f"Mức xếp loại tương ứng với tổng điểm: {implied}."), st.plain))
    closing: list[Flowable] = []
    if paper.sections or paper.scores:
        closing.append(section_heading(number + 1, LEVEL_TITLE))
    lines = [f"Chi bộ tự nhận mức xếp loại: {paper.self_level or '……'}."]
    if paper.votes:
        lines.append(f"Kết quả biểu quyết: {paper.votes}.")
    if paper.decided:
        decision = f" ({paper.decision})" if paper.decision else ""
        lines.append(f"Cấp ủy cấp trên quyết định xếp loại: {paper.decided}{decision}.")
    closing += [Paragraph(esc(text), st.plain) for text in lines]
    secretary = Signature(["T/M CHI BỘ", "BÍ THƯ"], paper.head.secretary_name, note="")
    items += signature_block(issue_recipients(paper.issue), secretary, keep_with=closing)
    return items
