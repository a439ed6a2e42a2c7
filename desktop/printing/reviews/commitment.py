"""The commitment papers: a member's bản cam kết tu dưỡng, rèn luyện, phấn đấu, and the
cell's bảng tổng hợp cam kết for the year.

The form's sections are the year's template (rule pack); each item linked to the study
topic is marked "(làm theo chuyên đề)"; the year-end self-assessment and the chi ủy's
evaluation print when they exist. Signatures: XÁC NHẬN CỦA CHI ỦY (left), NGƯỜI CAM KẾT
(right).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.printing.page import (
    Signature,
    body_width,
    build_pdf,
    data_table,
    esc,
    header_flowables,
    signature_block,
    strip_cell_word,
    styles,
    title_flowables,
)
from desktop.printing.reviews.self_review import (
    cell_signature,
    dotted_lines,
    identity_flowables,
    issue_recipients,
    paper_header,
    review_styles,
    section_heading,
)
from desktop.services.reviews.print_data import (
    CommitmentPaper,
    CommitmentSummaryPaper,
    commitment_paper,
    commitment_summary_paper,
)
from desktop.storage.database import Database
from desktop.text import format_number, short_date

TITLE = "Bản cam kết"
SUMMARY_TITLE = "Bảng tổng hợp cam kết"
TOPIC_MARK = "(làm theo chuyên đề)"


def print_commitment(
    db: Database, member_id: int, year: int, path: Path, today: date | None = None
) -> Path:
    """Print the member's commitment of ``year`` (a blank form when none) to ``path``."""
    paper = commitment_paper(db, member_id, year, today)
    title = f"Bản cam kết năm {year} – {paper.member.full_name}"
    return build_pdf(Path(path), commitment_flowables(paper), title=title)


def commitment_flowables(paper: CommitmentPaper) -> list[Flowable]:
    st = styles()
    items: list[Flowable] = header_flowables(paper_header(paper.head, paper.written_on))
    items += title_flowables(TITLE, f"tu dưỡng, rèn luyện, phấn đấu năm {paper.year}")
    items += identity_flowables(paper.member, paper.head)
    intro = (
        f"Căn cứ chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm "
        f"{paper.year} và chức trách, nhiệm vụ được giao, tôi xin cam kết:"
    )
    items.append(Paragraph(esc(intro), st.body))
    for part in paper.parts:
        items.append(section_heading(part.number, part.title))
        if not part.lines:
            items += dotted_lines(2)
        for line in part.lines:
            mark = f" <i>{esc(TOPIC_MARK)}</i>" if line.topic_linked else ""
            items.append(Paragraph(f"- {esc(line.text)}{mark}", st.body))
            if line.assessment:
                # One full stop: a note typed with its own must not print "..".
                note = line.assessment_note.rstrip(" .")
                note = f" – {esc(note)}" if note else ""
                items.append(
                    Paragraph(
                        f"<i>Tự đánh giá cuối năm:</i> {esc(line.assessment)}{note}.",
                        review_styles()["assessment"],
                    )
                )
    if paper.evaluation:
        items.append(Spacer(1, 3 * mm))
        when = f" (ngày {short_date(paper.evaluated_on)})" if paper.evaluated_on else ""
        text = f"<b>Chi ủy đánh giá kết quả thực hiện cam kết{when}:</b> {esc(paper.evaluation)}."
        items.append(Paragraph(text, st.plain))
        if paper.evaluation_comment:
            items.append(Paragraph(f"<i>Nhận xét:</i> {esc(paper.evaluation_comment)}", st.plain))
    acknowledged = short_date(paper.acknowledged_on) if paper.acknowledged_on else "……/……/……"
    signer = cell_signature(paper.head, paper.member.full_name)
    chi_uy = Signature(
        ["Xác nhận của chi ủy", "T/M CHI ỦY", signer.caption_lines[1]],
        signer.name,
        note=f"(Ngày {acknowledged})",
    )
    member = Signature(["Người cam kết"], paper.member.full_name)
    # The last lines go over with the signatures, so that they never stand alone.
    tail = [items.pop() for _ in range(min(3, len(items) - 1))][::-1]
    items += signature_block(chi_uy, member, keep_with=tail)
    return items


def print_commitment_summary(
    db: Database, year: int, path: Path, today: date | None = None
) -> Path:
    """Print the cell's commitment table for ``year`` to ``path``; returns ``path``."""
    paper = commitment_summary_paper(db, year, today)
    cell = strip_cell_word(paper.head.cell.name)
    title = f"Bảng tổng hợp cam kết năm {year}" + (f" – Chi bộ {cell}" if cell else "")
    return build_pdf(Path(path), summary_flowables(paper), title=title)


def summary_flowables(paper: CommitmentSummaryPaper) -> list[Flowable]:
    st = styles()
    items: list[Flowable] = header_flowables(
        paper_header(paper.head, paper.issued_on, paper.issue)
    )
    cell = strip_cell_word(paper.head.cell.name) or "……"
    items += title_flowables(
        f"{SUMMARY_TITLE} năm {paper.year}",
        f"tu dưỡng, rèn luyện, phấn đấu của đảng viên Chi bộ {cell}",
    )
    widths = [9 * mm, 0.0, 21 * mm, 17 * mm, 20 * mm, 23 * mm, 24 * mm]
    widths[1] = body_width() - sum(widths)
    head = [
        "TT",
        "Họ và tên",
        "Ngày viết",
        "Số nội dung",
        "Nội dung làm theo chuyên đề",
        "Tự đánh giá",
        "Chi ủy đánh giá",
    ]
    cell_style = st.table_cell
    rows = [
        [
            str(line.number),
            Paragraph(esc(line.full_name), cell_style),
            Paragraph(esc(line.written_on), st.table_cell_center),
            line.items,
            line.topic_items,
            Paragraph(esc(line.assessed), st.table_cell_center),
            Paragraph(esc(line.evaluation), st.table_cell_center),
        ]
        for line in paper.lines
    ]
    centre = [("ALIGN", (c, 1), (c, -1), "CENTER") for c in (0, 3, 4)]
    items.append(data_table([head], rows, widths, extra_style=centre))
    items.append(Spacer(1, 4 * mm))
    n = format_number
    counts = (
        f"Tổng số đảng viên: {n(paper.total)}; đã viết cam kết: {n(paper.written)}; "
        f"chưa viết: {n(len(paper.not_written))}; được miễn: {n(len(paper.exempted))}."
    )
    closing = [Paragraph(esc(counts), st.plain)]
    for label, names in (
        ("Chưa viết cam kết", paper.not_written),
        ("Chưa tự đánh giá", paper.not_assessed),
        ("Chi ủy chưa đánh giá", paper.not_evaluated),
    ):
        if names:
            text = f"{label} ({n(len(names))}): {', '.join(names)}."
            closing.append(Paragraph(esc(text), st.plain))
    secretary = Signature(["T/M CHI BỘ", "BÍ THƯ"], paper.head.secretary_name, note="")
    items += signature_block(issue_recipients(paper.issue), secretary, keep_with=closing)
    return items
