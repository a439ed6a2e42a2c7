"""The printed minutes (biên bản sinh hoạt chi bộ) on the Party-format page.

The wording comes from ``minutes_text`` (shared with the .docx); this module only sets it:
the Party header with "Số …-BB/CB", "BIÊN BẢN" and its subtitle, justified lines, and
THƯ KÝ / CHỦ TRÌ signatures that never stand alone on a page.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

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
    build_pdf,
    esc,
    header_flowables,
    signature_block,
    strip_cell_word,
    styles,
    title_flowables,
)
from desktop.services.meetings.documents import MinutesDocument

INDENT = 10 * mm


def write_minutes_pdf(doc: MinutesDocument, target: Path) -> Path:
    """Print the minutes to ``target`` (written atomically); returns ``target``."""
    return build_pdf(Path(target), minutes_flowables(doc), title=pdf_title(doc))


def pdf_title(doc: MinutesDocument) -> str:
    cell = strip_cell_word(doc.meta.cell.name)
    title = f"Biên bản {doc.subtitle.strip()}"
    return f"{title} – Chi bộ {cell}" if cell else title


def minutes_flowables(doc: MinutesDocument) -> list[Flowable]:
    """The whole minutes, for printing alone or inside the minutes book."""
    text = minutes_text(doc)
    items: list[Flowable] = header_flowables(minutes_header(doc))
    items += title_flowables(TITLE, doc.subtitle.strip())
    items += [block_paragraph(block) for block in text.body]
    tail = [block_paragraph(block) for block in text.tail]
    secretary, chair = minutes_signatures(doc)
    items += signature_block(secretary, chair, keep_with=tail)
    return items


def block_paragraph(block: Block) -> Paragraph:
    return Paragraph(markup(block.runs), block_styles()[block.kind])


def markup(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = esc(run.text)
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


@cache
def _styles_for(family: str) -> dict[Kind, ParagraphStyle]:
    body = styles().body
    return {
        Kind.LINE: ParagraphStyle(
            "minutes_line",
            parent=body,
            alignment=TA_JUSTIFY,
            firstLineIndent=INDENT,
            spaceAfter=3,
        ),
        Kind.SECTION: ParagraphStyle(
            "minutes_section",
            parent=body,
            alignment=TA_LEFT,
            firstLineIndent=0,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=1,
        ),
        Kind.ITEM: ParagraphStyle(
            "minutes_item",
            parent=body,
            alignment=TA_JUSTIFY,
            firstLineIndent=INDENT,
            spaceBefore=3,
            spaceAfter=3,
            keepWithNext=1,
        ),
        Kind.LABEL: ParagraphStyle(
            "minutes_label",
            parent=body,
            alignment=TA_LEFT,
            firstLineIndent=INDENT,
            spaceAfter=3,
            keepWithNext=1,
        ),
    }


def block_styles() -> dict[Kind, ParagraphStyle]:
    """One paragraph style per kind of block, on the Party body style."""
    return _styles_for(styles().family)
