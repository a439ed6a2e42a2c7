"""The measures of the Party format (Hướng dẫn 36-HD/VPTW, 2018): page, margins, sizes, styles.

A4, margins 21/21/31/16 mm (just inside HD 36's 20–25 / 30–35 / 15–20 mm, so a printer's
"fit to page" does not push them out), the HD 36 font sizes, the paragraph styles built on
the registered family, and the small text helpers every paper uses on user text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.printing.fonts import font_name, register_fonts

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
