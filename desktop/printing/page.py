"""The one Party-format page (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW, 2018).

Every printed document (danh sách, biên bản, báo cáo, …) is a list of flowables built from
these pieces and written by ``build_pdf``, so a change to the format is made here once:
A4, margins 21/21/31/16 mm (just inside HD 36's 20–25 / 30–35 / 15–20 mm, so a printer's
"fit to page" does not push them out), the HD 36 sizes below, the two-column header (cơ quan ban hành on the
left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place-and-date line on the right), page numbers
top centre from page 2, signature blocks and "Nơi nhận".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.printing.fonts import font_name, register_fonts
from desktop.printing.paper_mark import paper_mark
from desktop.storage.atomic import atomic_path
from desktop.text import long_date, place_date_line

MARGIN_TOP = 21 * mm
MARGIN_BOTTOM = 21 * mm
MARGIN_LEFT = 31 * mm
MARGIN_RIGHT = 16 * mm
# Font sizes of Hướng dẫn 36-HD/VPTW (2018), Phụ lục: one set for the PDF and the .docx.
PARTY_NAME_SIZE = 15  # "ĐẢNG CỘNG SẢN VIỆT NAM", bold
HEADER_SIZE = 14  # superior and issuing body (ĐẢNG BỘ … / CHI BỘ …)
NUMBER_SIZE = 14  # "Số …-BB/CB"
DATE_LINE_SIZE = 14  # place and date, italic
TITLE_SIZE = 15  # document type (BIÊN BẢN, BÁO CÁO, …), bold: 15–16
SUBJECT_SIZE = 14  # subject line under the type: 14–15
BODY_SIZE = 14  # body text: 14–15
TABLE_SIZE = 11
SMALL_SIZE = 12
AUTHOR = "Sổ Chi bộ"
# Room left above the typed name for the handwritten signature.
SIGNING_SPACE = 24 * mm
BLANK_PLACE = "……"
BLANK_DATE = "ngày …… tháng …… năm ……"
# Non-breaking spaces keep room for a handwritten number ("Số      -BB/CB").
BLANK_NUMBER = "\u00a0" * 10


def esc(text: str) -> str:
    """User text made safe for Paragraph markup ("&", "<" in a name must print as typed)."""
    return escape(unicodedata.normalize("NFC", text or ""))


def upper_vi(text: str) -> str:
    """Vietnamese capitals in NFC, so the PDF draws "Ộ" as one glyph, not loose marks."""
    return unicodedata.normalize("NFC", text or "").upper()


def strip_cell_word(name: str) -> str:
    """The cell's own name without a leading "Chi bộ" the user may have typed."""
    name = unicodedata.normalize("NFC", name or "").strip()
    return re.sub(r"^chi\s+bộ\s+", "", name, flags=re.IGNORECASE)


def page_size(landscape: bool = False) -> tuple[float, float]:
    return to_landscape(A4) if landscape else A4


def body_width(landscape: bool = False) -> float:
    return page_size(landscape)[0] - MARGIN_LEFT - MARGIN_RIGHT


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the Party format, for one registered font family."""

    family: str
    body: ParagraphStyle
    plain: ParagraphStyle
    center: ParagraphStyle
    heading: ParagraphStyle
    header: ParagraphStyle
    header_bold: ParagraphStyle
    number: ParagraphStyle
    party_name: ParagraphStyle
    date_line: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    table_cell_center: ParagraphStyle
    table_cell_right: ParagraphStyle
    signature_caption: ParagraphStyle
    signature_note: ParagraphStyle
    signature_name: ParagraphStyle
    recipients_heading: ParagraphStyle
    recipients_line: ParagraphStyle


def styles() -> Styles:
    """Styles for the font chosen by ``register_fonts`` (Times New Roman or its stand-in)."""
    return _styles_for(register_fonts())


@cache
def _styles_for(family: str) -> Styles:
    regular = font_name(family)
    bold = font_name(family, bold=True)
    italic = font_name(family, italic=True)
    bold_italic = font_name(family, bold=True, italic=True)

    def style(name: str, font: str = regular, size: float = BODY_SIZE, **extra) -> ParagraphStyle:
        extra.setdefault("leading", round(size * 1.25, 1))
        return ParagraphStyle(name, fontName=font, fontSize=size, **extra)

    body = style("body", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6)
    table = {"size": TABLE_SIZE, "leading": TABLE_SIZE * 1.2}
    return Styles(
        family=family,
        body=body,
        plain=style("plain", alignment=TA_LEFT, spaceAfter=6),
        center=style("center", alignment=TA_CENTER),
        heading=style("heading", bold, alignment=TA_LEFT, spaceBefore=6, spaceAfter=6),
        header=style("header", size=HEADER_SIZE, alignment=TA_CENTER, leading=17),
        header_bold=style("header_bold", bold, HEADER_SIZE, alignment=TA_CENTER, leading=17),
        number=style("number", size=NUMBER_SIZE, alignment=TA_CENTER, leading=17),
        party_name=style("party_name", bold, PARTY_NAME_SIZE, alignment=TA_CENTER, leading=18),
        date_line=style("date_line", italic, DATE_LINE_SIZE, alignment=TA_CENTER, leading=17),
        title=style("title", bold, TITLE_SIZE, alignment=TA_CENTER, leading=19),
        subtitle=style("subtitle", bold, SUBJECT_SIZE, alignment=TA_CENTER, leading=17),
        table_head=style("table_head", bold, alignment=TA_CENTER, **table),
        table_cell=style("table_cell", alignment=TA_LEFT, **table),
        table_cell_center=style("table_cell_center", alignment=TA_CENTER, **table),
        table_cell_right=style("table_cell_right", alignment=TA_RIGHT, **table),
        signature_caption=style("signature_caption", bold, alignment=TA_CENTER, leading=17),
        signature_note=style("signature_note", italic, alignment=TA_CENTER, leading=17),
        signature_name=style("signature_name", bold, alignment=TA_CENTER, leading=17),
        recipients_heading=style("recipients_heading", bold_italic, SMALL_SIZE),
        recipients_line=style("recipients_line", regular, 11, leading=13),
    )


# ---------------------------------------------------------------- header and title


@dataclass
class DocumentHeader:
    """What the header of a Party document (tiêu đề văn bản) shows.

    ``superior_name`` in full as it should print ("Đảng bộ xã Vị Thủy"); ``cell_name``
    without the word "Chi bộ"; ``doc_type_code`` e.g. "BB" gives "Số 12-BB/CB".
    """

    superior_name: str
    cell_name: str
    place_name: str
    issued_on: date | None
    number: str = ""
    doc_type_code: str = ""
    draft: bool = False
    # The issuing body when it is not a cell, e.g. "Đảng ủy xã Vị Thủy" consolidating its cells.
    unit_name: str = ""
    body_code: str = "CB"  # "CB" chi bộ, "ĐU" đảng ủy: the part after "/" in the number

    def superior_line(self) -> str:
        return upper_vi(self.superior_name.strip())

    def cell_line(self) -> str:
        if self.unit_name.strip():
            return upper_vi(self.unit_name.strip())
        cell = strip_cell_word(self.cell_name)
        return "CHI BỘ " + (upper_vi(cell) if cell else BLANK_PLACE)

    def number_line(self) -> str:
        if not self.doc_type_code:
            return ""
        number = self.number.strip() or BLANK_NUMBER
        return f"Số {number}-{self.doc_type_code}/{self.body_code or 'CB'}"

    def date_line(self) -> str:
        place = unicodedata.normalize("NFC", self.place_name or "").strip()
        if place and self.issued_on is not None:
            return place_date_line(place, self.issued_on)
        when = long_date(self.issued_on) if self.issued_on is not None else BLANK_DATE
        return f"{place or BLANK_PLACE}, {when}"


def header_flowables(header: DocumentHeader, landscape: bool = False) -> list[Flowable]:
    """The two-column header as a borderless table, the number level with the date line."""
    st = styles()
    width = body_width(landscape)
    left_width = min(width * 0.46, 80 * mm)
    right_width = width - left_width
    left_top: list[Flowable] = []
    if header.superior_line():
        left_top.append(Paragraph(esc(header.superior_line()), st.header))
    left_top += [Paragraph(esc(header.cell_line()), st.header_bold), Paragraph("*", st.header)]
    left_bottom: list[Flowable] = []
    if header.number_line():
        left_bottom.append(Paragraph(esc(header.number_line()), st.number))
    if header.draft:
        left_bottom.append(Paragraph("<b><i>Dự thảo</i></b>", st.number))
    party = "ĐẢNG CỘNG SẢN VIỆT NAM"
    rule = HRFlowable(
        width=stringWidth(party, st.party_name.fontName, st.party_name.fontSize),
        thickness=0.7,
        color=colors.black,
        hAlign="CENTER",
        spaceBefore=1,
        spaceAfter=0,
    )
    right_top: list[Flowable] = [Paragraph(party, st.party_name), rule]
    right_bottom = [Paragraph(esc(header.date_line()), st.date_line)]
    table = Table(
        [[left_top, right_top], [left_bottom, right_bottom]],
        colWidths=[left_width, right_width],
        hAlign="LEFT",
    )
    # A small gap keeps a long superior name from running into the party name.
    gap = [("RIGHTPADDING", (0, 0), (0, -1), 3 * mm)]
    table.setStyle(_borderless([("ALIGN", (0, 0), (-1, -1), "CENTER"), *gap]))
    return [table]


def title_flowables(title: str, subtitle: str | None = None) -> list[Flowable]:
    """The document's name in bold capitals, centred, and an optional centred subtitle."""
    st = styles()
    items: list[Flowable] = [Spacer(1, 8 * mm), Paragraph(esc(upper_vi(title)), st.title)]
    if subtitle:
        items.append(Paragraph(esc(subtitle), st.subtitle))
    items.append(Spacer(1, 5 * mm))
    return items


def _borderless(extra: Iterable[tuple] = ()) -> TableStyle:
    return TableStyle(
        [
            # A table cell otherwise selects Helvetica, which would then sit in the PDF.
            ("FONTNAME", (0, 0), (-1, -1), font_name(register_fonts())),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ]
    )


# ---------------------------------------------------------------- tables


_PAD_X = 2
_PAD_TOP = 2
_PAD_BOTTOM = 3


def data_table(
    header_rows: Sequence[Sequence[object]],
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    extra_style: Iterable[tuple] = (),
) -> Table:
    """A ruled table whose header rows repeat on every page it runs over.

    Cells may be flowables or strings; a header string becomes a bold centred Paragraph.
    Body strings are drawn as they are (fast, never wrapped): pass a Paragraph for text
    that may need more than one line.
    """
    st = styles()
    head = [
        [Paragraph(esc(c), st.table_head) if isinstance(c, str) else c for c in row]
        for row in header_rows
    ]
    data = head + [list(row) for row in rows]
    n_head = len(head)
    extra = list(extra_style)
    heights = None
    if not any(command[0] == "SPAN" for command in extra):
        # Measured once here: ReportLab would otherwise re-measure every remaining row at
        # each page break, which makes a roster of thousands of members crawl.
        heights = [_row_height(row, col_widths, st.table_cell.leading) for row in data]
    table = LongTable(
        data, colWidths=list(col_widths), rowHeights=heights, repeatRows=n_head, hAlign="CENTER"
    )
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), font_name(st.family)),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("LEADING", (0, 0), (-1, -1), st.table_cell.leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, n_head - 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), _PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_BOTTOM),
    ]
    table.setStyle(TableStyle(commands + extra))
    return table


def fit_cell(text: str, width: float, style: ParagraphStyle | None = None) -> object:
    """A plain string when ``text`` fits the column on one line, else a wrapping Paragraph.

    Plain strings are drawn as they are, which keeps lists of thousands of rows fast; the
    column's ALIGN command places them, the Paragraph's style places the wrapped ones.
    """
    style = style or styles().table_cell
    if "\n" not in text and stringWidth(text, style.fontName, TABLE_SIZE) + 2 * _PAD_X <= width:
        return text
    return Paragraph(esc(text), style)


def _row_height(row: Sequence[object], widths: Sequence[float], leading: float) -> float:
    tallest = leading
    for cell, width in zip(row, widths, strict=True):
        if isinstance(cell, Flowable):
            cell = [cell]
        if isinstance(cell, (list, tuple)):
            height = 0.0
            for item in cell:
                height += item.wrap(width - 2 * _PAD_X, 10_000)[1]
                height += item.getSpaceBefore() + item.getSpaceAfter()
        else:
            height = leading * len(str(cell or "").split("\n"))
        tallest = max(tallest, height)
    return tallest + _PAD_TOP + _PAD_BOTTOM


# ---------------------------------------------------------------- closing


@dataclass
class Signature:
    """One signature column: e.g. ["T/M CHI BỘ", "BÍ THƯ"] above the signer's name."""

    caption_lines: list[str]
    name: str
    note: str = "(Ký, ghi rõ họ tên)"


def signature_flowables(signature: Signature) -> list[Flowable]:
    st = styles()
    items: list[Flowable] = [
        Paragraph(esc(upper_vi(line)), st.signature_caption) for line in signature.caption_lines
    ]
    if signature.note:
        items.append(Paragraph(esc(signature.note), st.signature_note))
    items.append(Spacer(1, SIGNING_SPACE))
    items.append(Paragraph(esc(signature.name) or "&nbsp;", st.signature_name))
    return items


def signature_block(
    left: Signature | Sequence[Flowable] | None,
    right: Signature | Sequence[Flowable] | None,
    landscape: bool = False,
    *,
    keep_with: Sequence[Flowable] = (),
) -> list[Flowable]:
    """Two signature columns (e.g. THƯ KÝ left, CHỦ TRÌ right) that stay on one page.

    A column may also hold other flowables, such as ``recipients_block`` on the left.
    ``keep_with`` (the closing lines of the text) moves to the next page together with
    the signatures, so that a signature never stands alone on a page.
    """
    half = body_width(landscape) / 2

    def column(item: Signature | Sequence[Flowable] | None) -> list[Flowable]:
        if item is None:
            return []
        if isinstance(item, Signature):
            return signature_flowables(item)
        return list(item)

    table = Table([[column(left), column(right)]], colWidths=[half, half], hAlign="LEFT")
    table.setStyle(_borderless())
    return [KeepTogether([*keep_with, Spacer(1, 6 * mm), table])]


def recipients_block(lines: Sequence[str], archive: str = "Lưu chi bộ.") -> list[Flowable]:
    """The "Nơi nhận:" list, always ending with the archive copy ("- Lưu chi bộ.")."""
    st = styles()
    items: list[Flowable] = [Paragraph("Nơi nhận:", st.recipients_heading)]
    cleaned = [line.strip().lstrip("-").strip() for line in lines if line.strip()]
    last = archive.rstrip(".").casefold()
    cleaned = [line for line in cleaned if line.rstrip(".").casefold() != last]
    cleaned.append(archive)
    items += [Paragraph(esc(f"- {line}"), st.recipients_line) for line in cleaned]
    return items


# ---------------------------------------------------------------- writing the file


@dataclass
class _PageNumbers:
    family: str
    first: int
    landscape: bool
    size: float = BODY_SIZE

    def __call__(self, canvas, doc) -> None:
        width, height = page_size(self.landscape)
        mark = paper_mark()
        if mark:
            # A light line in the top margin of every page, the first included.
            canvas.saveState()
            canvas.setFont(font_name(self.family, bold=True), SMALL_SIZE)
            canvas.setFillGray(0.45)
            canvas.drawRightString(width - MARGIN_RIGHT, height - MARGIN_TOP / 2 - SMALL_SIZE / 3,
                                   f"{mark} — không phải văn bản thật")
            canvas.restoreState()
        if doc.page < self.first:
            return
        x = MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2
        canvas.saveState()
        canvas.setFont(font_name(self.family), self.size)
        canvas.drawCentredString(x, height - MARGIN_TOP / 2 - self.size / 3, str(doc.page))
        canvas.restoreState()


def build_pdf(
    target: Path,
    flowables: Iterable[Flowable],
    *,
    title: str,
    page_numbers_from: int = 2,
    landscape: bool = False,
) -> Path:
    """Lay ``flowables`` out on Party-format pages and write the PDF atomically.

    Fonts are embedded (TrueType subsets); the title and author go into the metadata.
    """
    family = register_fonts()
    target = Path(target)
    numbers = _PageNumbers(family, page_numbers_from, landscape)
    with atomic_path(target) as tmp:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=page_size(landscape),
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=unicodedata.normalize("NFC", title),
            author=AUTHOR,
            creator=AUTHOR,
            subject=unicodedata.normalize("NFC", title),
            lang="vi-VN",
            # Without this the canvas starts in Helvetica and lists it in the PDF.
            initialFontName=font_name(family),
            initialFontSize=BODY_SIZE,
        )
        # The frame's own padding (6 pt by default) would widen every margin.
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            doc.width,
            doc.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates([PageTemplate(id="party", frames=[frame], onPage=numbers)])
        doc.build(list(flowables))
    return target
