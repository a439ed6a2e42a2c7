"""The cell's rating list (danh sách đề nghị đánh giá, xếp loại chất lượng đảng viên), A4
landscape, judged and printed under the rule pack of its year.

Table: TT, họ và tên, năm sinh, chức vụ, (điểm tự chấm from 2025), tự xếp loại, chi bộ đề
xuất, phiếu tán thành, (cấp trên quyết định), ghi chú. Then the summary: members on the
roll, those not rated with the reason, the count and share of each level (the denominator
printed), the quota arithmetic as the rules state it and, when it is exceeded, that the
superior decides. Signed T/M CHI BỘ / BÍ THƯ.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop.printing.page import (
    Signature,
    body_width,
    build_pdf,
    data_table,
    esc,
    fit_cell,
    header_flowables,
    signature_block,
    strip_cell_word,
    styles,
    title_flowables,
)
from desktop.printing.reviews.self_review import (
    issue_recipients,
    paper_header,
    review_styles,
)
from desktop.services.reviews.print_data import RatingListPaper, rating_list_paper
from desktop.services.reviews.print_data.common import one_bracket
from desktop.services.reviews.self_reviews import score_text
from desktop.storage.database import Database
from desktop.text import format_number, short_date

TITLE = "Danh sách đề nghị đánh giá, xếp loại chất lượng đảng viên"
QUOTA_NOTE = (
    "Số đảng viên chi bộ đề nghị xếp loại “Hoàn thành xuất sắc nhiệm vụ” vượt tỷ lệ quy "
    "định; đề nghị cấp ủy cấp trên xem xét, quyết định."
)


def print_rating_list(db: Database, year: int, path: Path, today: date | None = None) -> Path:
    """Print the rating list of ``year`` (landscape) to ``path``; returns ``path``."""
    return write_rating_list_pdf(rating_list_paper(db, year, today), path)


def write_rating_list_pdf(paper: RatingListPaper, path: Path) -> Path:
    return build_pdf(
        Path(path), rating_list_flowables(paper), title=pdf_title(paper), landscape=True
    )


def pdf_title(paper: RatingListPaper) -> str:
    cell = strip_cell_word(paper.head.cell.name)
    title = f"Danh sách đề nghị xếp loại đảng viên năm {paper.year}"
    return f"{title} – Chi bộ {cell}" if cell else title


def rating_list_flowables(paper: RatingListPaper) -> list[Flowable]:
    st = styles()
    items: list[Flowable] = header_flowables(
        paper_header(paper.head, paper.issued_on, paper.issue), landscape=True
    )
    cell = strip_cell_word(paper.head.cell.name) or "……"
    items += title_flowables(f"{TITLE} năm {paper.year}", f"Chi bộ {cell}")
    if paper.basis:
        items.append(Paragraph(f"<i>{esc(paper.basis)}.</i>", st.center))
        items.append(Spacer(1, 3 * mm))
    items.append(rating_table(paper))
    items.append(Spacer(1, 4 * mm))
    summary = summary_flowables(paper)
    secretary = Signature(["T/M CHI BỘ", "BÍ THƯ"], paper.head.secretary_name, note="")
    items += summary[:-2]
    items += signature_block(
        issue_recipients(paper.issue), secretary, landscape=True, keep_with=summary[-2:]
    )
    return items


def columns(paper: RatingListPaper) -> list[tuple[str, float]]:
    """(heading, width) of each column; the name and the notes share what is left."""
    cols = [("TT", 9 * mm), ("Họ và tên", 0.0), ("Năm sinh", 15 * mm), ("Chức vụ", 24 * mm)]
    if paper.scored:
        cols.append(("Điểm tự chấm", 16 * mm))
    cols += [("Tự xếp loại", 24 * mm), ("Chi bộ đề xuất", 24 * mm), ("Phiếu tán thành", 17 * mm)]
    if paper.has_decisions:
        cols.append(("Cấp trên quyết định", 24 * mm))
    cols.append(("Ghi chú", 0.0))
    free = body_width(landscape=True) - sum(width for _, width in cols)
    name_width = min(55 * mm, free * 0.45)
    return [
        (head, width or (name_width if head == "Họ và tên" else free - name_width))
        for head, width in cols
    ]


def rating_table(paper: RatingListPaper) -> Flowable:
    st = styles()
    cols = columns(paper)
    widths = dict(cols)
    centre_style = st.table_cell_center

    def cell(text: str, head: str, centred: bool = False) -> object:
        return fit_cell(text, widths[head], centre_style if centred else None)

    rows = []
    for line in paper.lines:
        row: list[object] = [
            str(line.number),
            cell(line.full_name, "Họ và tên"),
            line.birth_year,
            cell(line.post, "Chức vụ", centred=True),
        ]
        if paper.scored:
            row.append(score_text(line.self_score))
        row += [
            cell(line.self_level, "Tự xếp loại", centred=True),
            cell(line.proposed, "Chi bộ đề xuất", centred=True),
            line.votes,
        ]
        if paper.has_decisions:
            row.append(cell(line.decided, "Cấp trên quyết định", centred=True))
        row.append(cell(line.note, "Ghi chú"))
        rows.append(row)
    heads = [head for head, _ in cols]
    centred = ("TT", "Năm sinh", "Điểm tự chấm", "Chức vụ", "Tự xếp loại", "Chi bộ đề xuất",
               "Phiếu tán thành", "Cấp trên quyết định")  # fmt: skip
    centre = [("ALIGN", (c, 1), (c, -1), "CENTER") for c, h in enumerate(heads) if h in centred]
    return data_table([heads], rows, [w for _, w in cols], extra_style=centre)


def summary_flowables(paper: RatingListPaper) -> list[Flowable]:
    """The counts under the table; the last two lines go over with the signature."""
    st = styles()
    n = format_number
    items: list[Flowable] = [Paragraph("Tổng hợp:", review_styles()["section"])]
    roll = (
        f"- Tổng số đảng viên của chi bộ đến ngày {short_date(paper.review_on)}: "
        f"{n(paper.on_roll)} đồng chí; thuộc diện xếp loại: {n(paper.rated)}; "
        f"không xếp loại: {n(len(paper.not_rated))}."
    )
    items.append(Paragraph(esc(roll), st.plain))
    for name, reason in paper.not_rated:
        items.append(Paragraph(esc(f"+ Đồng chí {name}: {reason}"), st.plain))
    if paper.awaiting:
        waiting = f"- Chưa có đề xuất của chi bộ ({n(len(paper.awaiting))}): "
        items.append(Paragraph(esc(waiting + ", ".join(paper.awaiting) + "."), st.plain))
    base = f"Tỷ lệ tính trên {n(paper.rated)} đảng viên thuộc diện xếp loại."
    # The count table never splits: a total alone on the next page reads as a new table.
    items.append(
        KeepTogether(
            [tally_table(paper), Spacer(1, 3 * mm), Paragraph(f"<i>{esc(base)}</i>", st.plain)]
        )
    )
    source = f" ({paper.quota_source})" if paper.quota_source else ""
    line = one_bracket(f"- Tỷ lệ xuất sắc: {paper.quota_line}{source}.")
    items.append(Paragraph(esc(line), st.plain))
    if paper.decided_quota_line:
        decided = f"- Theo quyết định của cấp trên: {paper.decided_quota_line}."
        items.append(Paragraph(esc(decided), st.plain))
    if paper.quota_exceeded:
        items.append(Paragraph(f"<b>Lưu ý:</b> {esc(QUOTA_NOTE)}", st.plain))
    return items


def tally_table(paper: RatingListPaper) -> Flowable:
    st = styles()
    head = ["Mức xếp loại", "Chi bộ đề xuất", "Tỷ lệ"]
    widths = [80 * mm, 30 * mm, 22 * mm]
    if paper.has_decisions:
        head += ["Cấp trên quyết định", "Tỷ lệ"]
        widths += [34 * mm, 22 * mm]
    rows = []
    for tally in paper.tallies:
        row: list[object] = [
            Paragraph(esc(f"{tally.name} ({tally.short_name})"), st.table_cell),
            format_number(tally.proposed),
            tally.proposed_share,
        ]
        if paper.has_decisions:
            row += [format_number(tally.decided), tally.decided_share]
        rows.append(row)
    if paper.awaiting or (paper.has_decisions and paper.undecided):
        label = "Chưa đề xuất" + (" / chưa quyết định" if paper.has_decisions else "")
        waiting: list[object] = [
            Paragraph(esc(label), st.table_cell),
            format_number(len(paper.awaiting)),
            paper.awaiting_share,
        ]
        if paper.has_decisions:
            waiting += [format_number(paper.undecided), paper.undecided_share]
        rows.append(waiting)
    share_total = "100%" if paper.rated else ""
    total: list[object] = [
        Paragraph("<b>Cộng</b>", st.table_cell),
        format_number(paper.proposed_total),
        share_total,
    ]
    if paper.has_decisions:
        total += [format_number(paper.decided_total), share_total]
    rows.append(total)
    centre = [("ALIGN", (1, 1), (-1, -1), "CENTER")]
    table = data_table([head], rows, widths, extra_style=centre)
    table.hAlign = "LEFT"
    return table
