"""The member's self-review (bản kiểm điểm cá nhân) printed on the form of its year.

The stored form decides the layout (Mẫu 02 before 2023, 02A/02B for 2023–2024, 2A/2B/2C
from 2025) and its template code prints at the top right as on the official forms. An
unanswered section prints dotted lines, so the same function prints a blank form to fill
in by hand. Also holds the pieces the other review papers share (template code, identity
lines, answered sections, the score table).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop.printing.page import (
    DocumentHeader,
    Signature,
    body_width,
    build_pdf,
    data_table,
    esc,
    header_flowables,
    recipients_block,
    signature_block,
    strip_cell_word,
    styles,
    title_flowables,
)
from desktop.services.cell.numbering import Issue
from desktop.services.reviews.print_data import (
    AnsweredSection,
    MemberIdentity,
    PaperHead,
    ScoreLine,
    SelfReviewPaper,
    self_review_paper,
)
from desktop.services.reviews.self_reviews import score_text
from desktop.storage.database import Database
from desktop.text import nfc

DOTTED_LINES = 3
SCORE_TITLE = "Tự chấm điểm theo các nhóm tiêu chí"
LEVEL_TITLE = "Tự nhận mức xếp loại chất lượng"
_DOTS = "." * 400


def print_self_review(
    db: Database, member_id: int, year: int, path: Path, today: date | None = None
) -> Path:
    """Print the member's self-review of ``year`` to ``path`` (atomically); returns it."""
    paper = self_review_paper(db, member_id, year, today)
    title = f"{paper.title} năm {year} – {paper.member.full_name}"
    return build_pdf(Path(path), self_review_flowables(paper), title=title)


def cell_signature(head: PaperHead, member_name: str) -> Signature:
    """T/M CHI BỘ under the cell's part: the bí thư, or on the bí thư's own paper the phó
    bí thư (a chi ủy viên when there is none), who cannot be judge of himself."""
    if head.deputy_name and nfc(member_name) == nfc(head.secretary_name):
        return Signature(["T/M CHI BỘ", head.deputy_title], head.deputy_name, note="")
    return Signature(["T/M CHI BỘ", "BÍ THƯ"], head.secretary_name, note="")


def not_reviewed_flowables(paper: SelfReviewPaper) -> list[Flowable]:
    """A member not reviewed this year gets the sentence saying so, never a blank form."""
    st = styles()
    items: list[Flowable] = header_flowables(paper_header(paper.head, None))
    items += title_flowables("Xác nhận của chi bộ", f"về việc kiểm điểm năm {paper.year}")
    text = paper.not_reviewed.rstrip(".") + "."
    signer = cell_signature(paper.head, paper.member.full_name)
    return items + signature_block(None, signer, keep_with=[Paragraph(esc(text), st.body)])


def self_review_flowables(paper: SelfReviewPaper) -> list[Flowable]:
    st = styles()
    if paper.not_reviewed:
        return not_reviewed_flowables(paper)
    items: list[Flowable] = [template_code(paper.template)]
    items += header_flowables(paper_header(paper.head, paper.written_on))
    items += title_flowables(paper.title, f"Năm {paper.year}")
    if paper.title_note:
        items.append(Paragraph(esc(paper.title_note), review_styles()["note"]))
        items.append(Spacer(1, 4 * mm))
    items += identity_flowables(paper.member, paper.head)
    items.append(
        Paragraph(
            esc(
                f"Thực hiện hướng dẫn của cấp ủy, tôi tự kiểm điểm, đánh giá, xếp loại chất "
                f"lượng năm {paper.year} như sau:"
            ),
            st.body,
        )
    )
    items += answered_flowables(paper.sections)
    number = len(paper.sections)
    if paper.scores:
        number += 1
        items.append(section_heading(number, SCORE_TITLE))
        items.append(score_table(paper.scores, paper.total, paper.total_maximum))
        items.append(Spacer(1, 2 * mm))
        implied = paper.implied_level or "……"
        items.append(Paragraph(esc(f"Mức xếp loại tương ứng với tổng điểm: {implied}."), st.plain))
    number += 1
    items.append(section_heading(number, LEVEL_TITLE))
    level = paper.self_level or _dots_to_fill("Tự nhận mức xếp loại: ")
    end = "." if paper.self_level else ""
    items.append(Paragraph(esc(f"Tự nhận mức xếp loại: {level}{end}"), st.plain))
    signer = Signature(["Người tự kiểm điểm"], paper.member.full_name)
    # The self-rating goes over with the signature, which never stands alone on a page.
    tail = [items.pop() for _ in range(2)][::-1]
    items += signature_block(None, signer, keep_with=tail)
    if paper.verdict is not None:
        items += verdict_flowables(paper)
    return items


def verdict_flowables(paper: SelfReviewPaper) -> list[Flowable]:
    """The cell's part under the review: discussion, proposal with votes, the decision."""
    st = styles()
    verdict = paper.verdict
    assert verdict is not None
    body: list[Flowable] = [
        Spacer(1, 6 * mm),
        Paragraph("NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY/CHI BỘ", review_styles()["part"]),
    ]
    body += text_paragraphs(verdict.discussion)
    if verdict.proposed:
        votes = f" ({verdict.votes})" if verdict.votes else ""
        body.append(
            Paragraph(esc(f"Chi bộ đề xuất xếp loại: {verdict.proposed}{votes}."), st.plain)
        )
    signer = cell_signature(paper.head, paper.member.full_name)
    items = signature_block(None, signer, keep_with=[KeepTogether(body)])
    if verdict.decided:
        # The superior's decision is its own part, below the cell's signed block.
        decision = f" ({verdict.decision})" if verdict.decision else ""
        line = f"Cấp ủy cấp trên quyết định xếp loại: {verdict.decided}{decision}."
        items.append(
            KeepTogether(
                [
                    Spacer(1, 6 * mm),
                    Paragraph("QUYẾT ĐỊNH CỦA CẤP ỦY CẤP TRÊN", review_styles()["part"]),
                    Paragraph(esc(line), st.plain),
                ]
            )
        )
    return items


# ---------------------------------------------------------------- shared pieces


def paper_header(
    head: PaperHead, issued_on: date | None, issue: Issue | None = None
) -> DocumentHeader:
    """The header; with ``issue`` (an outgoing paper) its number, or "Dự thảo" and blanks."""
    cell = head.cell
    if issue is None:
        return DocumentHeader(cell.superior_name, cell.name, cell.place_name, issued_on)
    number = issue.number
    return DocumentHeader(
        cell.superior_name,
        cell.name,
        cell.place_name,
        number.issued_on,
        number=number.number,
        doc_type_code=number.type_code,
        draft=number.draft,
        body_code=number.body_code,
    )


def issue_recipients(issue: Issue | None) -> list[Flowable] | None:
    """The "Nơi nhận:" column of an outgoing paper (none on a member's own form)."""
    return recipients_block(list(issue.recipients)) if issue is not None else None


def template_code(code: str) -> Flowable:
    """ "Mẫu 2A-HD KĐ.ĐG 2025" at the top right, as the official forms print it."""
    return Paragraph(esc(code) or "&nbsp;", review_styles()["template"])


def identity_flowables(member: MemberIdentity, head: PaperHead) -> list[Flowable]:
    st = styles()
    cell = strip_cell_word(head.cell.name)
    cell_line = f"Chi bộ {cell}" if cell else "Chi bộ ……"
    if head.cell.superior_name.strip():
        cell_line += f", {head.cell.superior_name.strip()}"
    lines = [
        f"- Họ và tên: <b>{esc(member.full_name)}</b>"
        f"{'&nbsp;' * 6}- Ngày sinh: {esc(member.birth or '……')}",
        f"- Chức vụ: {esc(member.post or 'Đảng viên')}",
        f"- Sinh hoạt tại: {esc(cell_line)}",
    ]
    return [Paragraph(text, st.plain) for text in lines] + [Spacer(1, 2 * mm)]


def section_heading(number: int, title: str) -> Paragraph:
    return Paragraph(esc(f"{number}. {title}"), review_styles()["section"])


def text_paragraphs(text: str) -> list[Flowable]:
    st = styles()
    return [
        Paragraph(esc(line.strip()), st.body) for line in (text or "").splitlines() if line.strip()
    ]


def dotted_lines(count: int = DOTTED_LINES, width: float | None = None) -> list[Flowable]:
    """Lines of dots to write on by hand, as wide as the text column."""
    return [Paragraph(_dots(width or body_width()), review_styles()["dots"]) for _ in range(count)]


def answered_flowables(sections: Sequence[AnsweredSection]) -> list[Flowable]:
    items: list[Flowable] = []
    for section in sections:
        items.append(section_heading(section.number, section.title))
        answer = text_paragraphs(section.answer)
        items += answer or dotted_lines()
    return items


def score_table(
    scores: Sequence[ScoreLine], total: Decimal | None, maximum: Decimal | None
) -> Flowable:
    """Nhóm tiêu chí, điểm tối đa, điểm tự chấm, and the total."""
    st = styles()
    width = body_width()
    widths = [10 * mm, 0.0, 25 * mm, 28 * mm]
    widths[1] = width - sum(widths)
    rows: list[list[object]] = []
    for n, line in enumerate(scores, start=1):
        rows.append(
            [str(n), Paragraph(f"<b>{esc(line.title)}</b>", st.table_cell),
             score_text(line.maximum), score_text(line.score)]
        )  # fmt: skip
        # Each criterion of the year's form under its group; the member scores the group,
        # and a criterion's maximum prints only once the superior's guidance sets it.
        for m, (title, most) in enumerate(line.criteria, start=1):
            rows.append(
                [f"{n}.{m}", Paragraph(esc(title), st.table_cell),
                 score_text(most) if most is not None else "", ""]
            )  # fmt: skip
    rows.append(
        ["", Paragraph("<b>Tổng cộng</b>", st.table_cell), score_text(maximum), score_text(total)]
    )
    head = ["TT", "Nhóm tiêu chí", "Điểm tối đa", "Điểm tự chấm"]
    centre = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (3, -1), "CENTER")]
    bold_total = [("FONTNAME", (2, -1), (3, -1), st.table_head.fontName)]
    return data_table([head], rows, widths, extra_style=centre + bold_total)


def _dots(width: float) -> str:
    style = review_styles()["dots"]
    dot = stringWidth(".", style.fontName, style.fontSize)
    return _DOTS[: max(1, int(width / dot) - 1)]


def _dots_to_fill(prefix: str) -> str:
    st = styles().plain
    used = stringWidth(prefix, st.fontName, st.fontSize)
    return _dots(body_width() - used)


@cache
def _review_styles(family: str) -> dict[str, ParagraphStyle]:
    st = styles()
    return {
        "template": ParagraphStyle(
            "review_template", parent=st.date_line, alignment=TA_RIGHT, fontSize=12, leading=15,
            spaceAfter=2,
        ),
        "note": ParagraphStyle("review_note", parent=st.date_line),
        "section": ParagraphStyle(
            "review_section", parent=st.heading, alignment=TA_LEFT, keepWithNext=1
        ),
        "part": ParagraphStyle("review_part", parent=st.subtitle, spaceAfter=6, keepWithNext=1),
        "dots": ParagraphStyle("review_dots", parent=st.plain, spaceAfter=2, leading=20),
        "assessment": ParagraphStyle(
            "review_assessment", parent=st.plain, leftIndent=10 * mm, fontSize=12, leading=15,
        ),
    }  # fmt: skip


def review_styles() -> dict[str, ParagraphStyle]:
    """Styles the review papers add to the Party-format ones."""
    return _review_styles(styles().family)
