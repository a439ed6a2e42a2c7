"""The minutes (biên bản sinh hoạt chi bộ) as a Word file, for secretaries who edit in Word.

Same words in the same order as the PDF (both come from ``minutes_text``), on the same
Party-format page (Hướng dẫn 36-HD/VPTW): A4, the margins and the font sizes of
``desktop.printing.page`` (one set for both), the two-column header as a borderless table, page numbers from page 2, and the
THƯ KÝ / CHỦ TRÌ signature table at the end.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.printing.fonts import font_name, register_fonts
from desktop.printing.meetings.minutes_text import (
    TITLE,
    Block,
    Kind,
    Run,
    minutes_header,
    minutes_signatures,
    minutes_text,
)
from desktop.printing.page import (
    BODY_SIZE,
    DATE_LINE_SIZE,
    HEADER_SIZE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    NUMBER_SIZE,
    PARTY_NAME_SIZE,
    SUBJECT_SIZE,
    TITLE_SIZE,
    Signature,
    body_width,
    upper_vi,
)
from desktop.services.meetings.documents import MinutesDocument
from desktop.storage.atomic import atomic_path

FONT = "Times New Roman"
BODY_PT = BODY_SIZE
LINE_SPACING = 1.1
INDENT = Mm(10)
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
# Empty lines left for the handwritten signature.
SIGNING_LINES = 4


def write_minutes_docx(doc: MinutesDocument, target: Path) -> Path:
    """Write the minutes as .docx to ``target`` (atomically); returns ``target``."""
    document = Document()
    _set_up_page(document)
    _set_default_font(document)
    _header_table(document, doc)
    _title(document, TITLE, doc.subtitle)
    text = minutes_text(doc)
    for block in text.body:
        _block(document, block)
    tail = [_block(document, block) for block in text.tail]
    for paragraph in tail:
        # Word keeps the closing lines with the first row of the signature table.
        paragraph.paragraph_format.keep_with_next = True
    _signature_table(document, *minutes_signatures(doc))
    document.core_properties.title = f"Biên bản {doc.subtitle.strip()}"
    document.core_properties.author = "Sổ Chi bộ"
    document.core_properties.language = "vi-VN"
    target = Path(target)
    with atomic_path(target) as tmp:
        document.save(str(tmp))
    return target


# ---------------------------------------------------------------- page and fonts


def _set_up_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Pt(MARGIN_TOP)
    section.bottom_margin = Pt(MARGIN_BOTTOM)
    section.left_margin = Pt(MARGIN_LEFT)
    section.right_margin = Pt(MARGIN_RIGHT)
    section.header_distance = Mm(8)
    # The Party format numbers pages from the second one, at the top centre.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field; Word fills it in on every page when it lays the document out."""

    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    for part in (char("begin"), instruction, char("separate")):
        _font(paragraph.add_run(), BODY_PT)._r.append(part)
    _font(paragraph.add_run("2"), BODY_PT)
    _font(paragraph.add_run(), BODY_PT)._r.append(char("end"))


def _fonts_element(rpr) -> None:
    """Name Times New Roman for every script slot: Word picks the font of a Vietnamese
    letter by its script, and a theme font left in any slot would win there."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _language(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _set_default_font(document) -> None:
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts_element(rpr)
    _language(rpr)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _fonts_element(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = LINE_SPACING


def _font(run, size: float, bold: bool = False, italic: bool = False):
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    _fonts_element(run._r.get_or_add_rPr())
    return run


def _paragraph(
    container,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align=WD_ALIGN_PARAGRAPH.CENTER,
) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    if text:
        _font(paragraph.add_run(text), size, bold, italic)
    return paragraph


# ---------------------------------------------------------------- header and title


def _borderless(table: Table, widths: list[float]) -> None:
    """No borders, no cell padding, fixed column widths (in points)."""
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Pt(width)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)


def _first_paragraph(cell: _Cell) -> Paragraph:
    """The cell's own empty paragraph for the first line, a new one after it."""
    paragraph = cell.paragraphs[0]
    if not paragraph.runs and len(cell.paragraphs) == 1:
        return paragraph
    return cell.add_paragraph()


def _cell_line(cell: _Cell, text: str, size: float, bold=False, italic=False) -> Paragraph:
    paragraph = _first_paragraph(cell)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    _font(paragraph.add_run(text), size, bold, italic)
    return paragraph


def _header_table(document, doc: MinutesDocument) -> None:
    header = minutes_header(doc)
    width = body_width()
    # The same split as the PDF header (page.header_flowables).
    left = min(width * 0.46, Mm(80).pt)
    right = width - left
    table = document.add_table(rows=2, cols=2)
    _borderless(table, [left, right])
    top_left, top_right = table.rows[0].cells
    bottom_left, bottom_right = table.rows[1].cells
    if header.superior_line():
        _cell_line(top_left, header.superior_line(), HEADER_SIZE)
    _cell_line(top_left, header.cell_line(), HEADER_SIZE, bold=True)
    _cell_line(top_left, "*", HEADER_SIZE)
    if header.number_line():
        _cell_line(bottom_left, header.number_line(), NUMBER_SIZE)
    if header.draft:
        _cell_line(bottom_left, "Dự thảo", NUMBER_SIZE, bold=True, italic=True)
    party = _cell_line(top_right, PARTY_NAME, PARTY_NAME_SIZE, bold=True)
    _rule_under(party, right)
    _cell_line(bottom_right, header.date_line(), DATE_LINE_SIZE, italic=True)


def _rule_under(paragraph: Paragraph, cell_width: float) -> None:
    """A rule as long as "ĐẢNG CỘNG SẢN VIỆT NAM": a bottom border between indents."""
    bold = font_name(register_fonts(), bold=True)
    text = stringWidth(PARTY_NAME, bold, PARTY_NAME_SIZE)
    # A little slack, or Word may wrap the name inside the indents.
    side = max(0.0, (cell_width - text) / 2 - Mm(1.5).pt)
    paragraph.paragraph_format.left_indent = Pt(side)
    paragraph.paragraph_format.right_indent = Pt(side)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    paragraph.paragraph_format.element.get_or_add_pPr().append(borders)


def _title(document, title: str, subtitle: str) -> None:
    heading = _paragraph(document, upper_vi(title), size=TITLE_SIZE, bold=True)
    heading.paragraph_format.space_before = Pt(18)
    heading.paragraph_format.keep_with_next = True
    if subtitle.strip():
        sub = _paragraph(document, subtitle.strip(), size=SUBJECT_SIZE, bold=True)
        sub.paragraph_format.keep_with_next = True
    _paragraph(document).paragraph_format.space_after = Pt(4)


# ---------------------------------------------------------------- body and signatures


def _block(document, block: Block) -> Paragraph:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing = LINE_SPACING
    fmt.space_after = Pt(3)
    if block.kind is Kind.SECTION:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        fmt.space_before = Pt(6)
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = INDENT
    fmt.keep_with_next = block.keep_with_next
    for run in block.runs:
        _add_run(paragraph, run)
    return paragraph


def _add_run(paragraph: Paragraph, run: Run) -> None:
    _font(paragraph.add_run(run.text), BODY_PT, run.bold, run.italic)


def _signature_table(document, left: Signature, right: Signature) -> None:
    _paragraph(document).paragraph_format.keep_with_next = True
    half = body_width() / 2
    table = document.add_table(rows=1, cols=2)
    _borderless(table, [half, half])
    row = table.rows[0]
    cant_split = OxmlElement("w:cantSplit")
    row._tr.get_or_add_trPr().append(cant_split)
    for cell, signature in zip(row.cells, (left, right), strict=True):
        lines = [
            _cell_line(cell, upper_vi(caption), BODY_PT, bold=True)
            for caption in signature.caption_lines
        ]
        if signature.note:
            lines.append(_cell_line(cell, signature.note, BODY_PT, italic=True))
        lines += [_cell_line(cell, "", BODY_PT) for _ in range(SIGNING_LINES)]
        lines.append(_cell_line(cell, signature.name, BODY_PT, bold=True))
        for paragraph in lines[:-1]:
            paragraph.paragraph_format.keep_with_next = True
