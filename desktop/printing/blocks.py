"""The header and closing blocks of a Party document (Hướng dẫn 36-HD/VPTW, 2018).

The two-column header (cơ quan ban hành on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the
place-and-date line on the right), the document's title, the signature columns and the
"Nơi nhận" list.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.printing.fonts import font_name, register_fonts
from desktop.printing.styles import (
    BLANK_DATE,
    BLANK_NUMBER,
    BLANK_PLACE,
    SIGNING_SPACE,
    body_width,
    esc,
    strip_cell_word,
    styles,
    upper_vi,
)
from desktop.text import long_date, place_date_line

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
