"""The one Party-format page (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW, 2018).

Every printed document (danh sách, biên bản, báo cáo, …) is a list of flowables built from
the pieces of ``styles`` (page, margins, sizes, styles), ``blocks`` (header, title,
signatures, "Nơi nhận") and ``tables`` (ruled lists), and written by ``build_pdf`` here:
the page frame, the page numbers top centre from page 2, the sample-data mark, the
metadata. A change to the format is made once, in those modules; every paper imports the
pieces from here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

# The pieces live in their own modules; their names stay importable from here, where
# every paper has always taken them.
from desktop.printing.blocks import (  # noqa: F401 - re-exported
    DocumentHeader,
    Signature,
    header_flowables,
    recipients_block,
    signature_block,
    signature_flowables,
    title_flowables,
)
from desktop.printing.fonts import font_name, register_fonts
from desktop.printing.paper_mark import paper_mark
from desktop.printing.styles import (  # noqa: F401 - re-exported
    AUTHOR,
    BLANK_DATE,
    BLANK_NUMBER,
    BLANK_PLACE,
    BODY_SIZE,
    DATE_LINE_SIZE,
    HEADER_SIZE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    NUMBER_SIZE,
    PARTY_NAME_SIZE,
    SIGNING_SPACE,
    SMALL_SIZE,
    SUBJECT_SIZE,
    TABLE_SIZE,
    TITLE_SIZE,
    Styles,
    body_width,
    esc,
    page_size,
    strip_cell_word,
    styles,
    upper_vi,
)
from desktop.printing.tables import data_table, fit_cell, ruled_list  # noqa: F401 - re-exported
from desktop.storage.atomic import atomic_path


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
