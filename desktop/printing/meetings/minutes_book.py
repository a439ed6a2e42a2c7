"""The year's minutes book (sổ biên bản sinh hoạt chi bộ) as one PDF.

A cover page, a contents page ("MỤC LỤC": each minutes with its date and the page it
starts on) and then every minutes from a new page. Page numbers in the contents are the
real ones: the book is laid out once to find where each minutes starts, then again with
those numbers (the contents table keeps the same height, so nothing moves).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from desktop.printing.meetings.minutes import minutes_flowables
from desktop.printing.meetings.paper_text import nfc
from desktop.printing.page import (
    DocumentHeader,
    body_width,
    build_pdf,
    data_table,
    esc,
    strip_cell_word,
    styles,
    upper_vi,
)
from desktop.services.meetings.documents import MinutesBook, MinutesDocument
from desktop.text import format_number, short_date

CONTENTS_TITLE = "MỤC LỤC"
# Enough passes for the numbers to settle; the second pass already should.
_MAX_PASSES = 4


class _StartMarker(Flowable):
    """Takes no room; notes the page it is drawn on (where a minutes starts)."""

    def __init__(self, key: int, pages: dict[int, int]) -> None:
        super().__init__()
        self.key = key
        self.pages = pages

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.key] = self.canv.getPageNumber()


def book_title(year: int) -> str:
    return f"Sổ biên bản sinh hoạt chi bộ năm {year}"


def ordered_minutes(book: MinutesBook) -> list[MinutesDocument]:
    """The minutes in the order they were held."""
    return sorted(book.minutes, key=lambda doc: doc.held_on)


def write_minutes_book_pdf(book: MinutesBook, target: Path) -> Path:
    """Print the year's minutes book to ``target`` (written atomically); returns ``target``."""
    minutes = ordered_minutes(book)
    title = book_title(book.year)
    cell = strip_cell_word(book.cell.name)
    if cell:
        title += f" – Chi bộ {cell}"
    starts: dict[int, int] = {}
    if minutes:
        # A first layout, aside, only to learn where each minutes starts.
        with tempfile.TemporaryDirectory() as folder:
            build_pdf(
                Path(folder) / "book.pdf", book_flowables(book, minutes, {}, starts), title=title
            )
    target = Path(target)
    for _ in range(_MAX_PASSES):
        found: dict[int, int] = {}
        build_pdf(target, book_flowables(book, minutes, starts, found), title=title)
        if found == starts:
            break
        starts = found
    return target


def book_flowables(
    book: MinutesBook,
    minutes: list[MinutesDocument],
    starts: dict[int, int],
    found: dict[int, int],
) -> list[Flowable]:
    """Cover, contents (with ``starts`` as page numbers) and each minutes on a new page.

    ``found`` receives the page each minutes really starts on.
    """
    items = cover_flowables(book) + [PageBreak()] + contents_flowables(book, minutes, starts)
    for index, doc in enumerate(minutes):
        items += [PageBreak(), _StartMarker(index, found)]
        items += minutes_flowables(doc)
    return items


def cover_flowables(book: MinutesBook) -> list[Flowable]:
    """The title page: the issuing bodies, the book's name and year, the count."""
    st = styles()
    cell = book.cell
    header = DocumentHeader(cell.superior_name, cell.name, cell.place_name, issued_on=None)
    items: list[Flowable] = []
    if header.superior_line():
        items.append(Paragraph(esc(header.superior_line()), st.header))
    items += [Paragraph(esc(header.cell_line()), st.header_bold), Paragraph("*", st.header)]
    items.append(Spacer(1, 70 * mm))
    big = st.title.clone("cover_title", fontSize=22, leading=30)
    items.append(Paragraph(esc(upper_vi("Sổ biên bản")), big))
    items.append(Paragraph(esc(upper_vi("sinh hoạt chi bộ")), big))
    items.append(Spacer(1, 8 * mm))
    items.append(
        Paragraph(esc(f"NĂM {book.year}"), st.title.clone("cover_year", fontSize=18, leading=24))
    )
    if nfc(book.cell.term):
        items.append(Spacer(1, 4 * mm))
        items.append(Paragraph(esc(f"Nhiệm kỳ {nfc(book.cell.term)}"), st.center))
    if book.minutes:
        items.append(Spacer(1, 50 * mm))
        count = format_number(len(book.minutes))
        items.append(Paragraph(esc(f"Gồm {count} biên bản"), st.center))
    return items


def contents_flowables(
    book: MinutesBook, minutes: list[MinutesDocument], starts: dict[int, int]
) -> list[Flowable]:
    st = styles()
    items: list[Flowable] = [
        Paragraph(CONTENTS_TITLE, st.title),
        Paragraph(esc(book_title(book.year)), st.subtitle),
        Spacer(1, 6 * mm),
    ]
    if not minutes:
        items.append(Paragraph(esc(f"Chưa có biên bản nào trong năm {book.year}."), st.center))
        return items
    widths = [10 * mm, 0.0, 24 * mm, 16 * mm]
    widths[1] = body_width() - sum(widths)
    rows = []
    for index, doc in enumerate(minutes):
        page = starts.get(index)
        rows.append(
            [
                format_number(index + 1),
                Paragraph(esc(_contents_entry(doc)), st.table_cell),
                short_date(doc.held_on),
                # A wide placeholder on the first pass: the real number is never wider.
                format_number(page) if page else "…",
            ]
        )
    centre = [("ALIGN", (c, 1), (c, -1), "CENTER") for c in (0, 2, 3)]
    items.append(
        data_table([["TT", "Biên bản", "Ngày", "Trang"]], rows, widths, extra_style=centre)
    )
    return items


def _contents_entry(doc: MinutesDocument) -> str:
    subtitle = nfc(doc.subtitle)
    entry = "Biên bản " + subtitle if subtitle else "Biên bản"
    number = nfc(doc.meta.number)
    if doc.meta.draft:
        entry += " (dự thảo)"
    elif number:
        entry += f" (số {number}-BB/CB)"
    return entry
