"""The year's minutes book (sổ biên bản): cover, contents with real page numbers, minutes."""

from __future__ import annotations

import re
from datetime import date

import pytest
from meeting_papers_samples import CELL, long_minutes, meta, regular_minutes, thematic_minutes

from desktop.printing.meetings.minutes_book import write_minutes_book_pdf
from desktop.services.meetings.documents import MinutesBook

JANUARY = "sinh hoạt chi bộ thường kỳ tháng 01 năm 2026"
MARCH = "sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
THEMATIC = "sinh hoạt chi bộ chuyên đề quý I năm 2026"


def january():
    return regular_minutes(held_on=date(2026, 1, 8), subtitle=JANUARY, meta=meta("01"))


@pytest.fixture
def book_pdf(tmp_path):
    # Given out of order; the long March minutes runs over several pages.
    book = MinutesBook(CELL, 2026, (thematic_minutes(), long_minutes(), january()))
    return write_minutes_book_pdf(book, tmp_path / "so.pdf")


def contents_pages(pdf, path) -> dict[str, int]:
    """Each contents row's subtitle and the page the contents gives for it."""
    contents = pdf.flat(pdf.texts(path)[1])
    found = {}
    for subtitle in (JANUARY, MARCH, THEMATIC):
        match = re.search(re.escape(subtitle) + r" \(số \d+-BB/CB\) (\S+) (\d+)", contents)
        assert match, subtitle
        found[subtitle] = int(match.group(2))
    return found


def test_cover_names_the_book_the_year_and_the_cell(book_pdf, pdf):
    cover = pdf.flat(pdf.texts(book_pdf)[0])

    assert "SỔ BIÊN BẢN SINH HOẠT CHI BỘ NĂM 2026" in cover
    assert "CHI BỘ ẤP TÂN PHÚ" in cover and "ĐẢNG BỘ XÃ PHÚ HỮU" in cover
    assert "Gồm 3 biên bản" in cover


def test_contents_list_each_meeting_with_its_date_in_order(book_pdf, pdf):
    contents = pdf.flat(pdf.texts(book_pdf)[1])

    assert "MỤC LỤC" in contents
    assert "Biên bản " + JANUARY + " (số 01-BB/CB) 08/01/2026" in contents
    assert "Biên bản " + MARCH + " (số 05-BB/CB) 05/3/2026" in contents
    assert "Biên bản " + THEMATIC + " (số 06-BB/CB) 20/3/2026" in contents
    assert contents.index(JANUARY) < contents.index(MARCH) < contents.index(THEMATIC)


def test_contents_page_numbers_are_where_each_minutes_starts(book_pdf, pdf):
    pages = pdf.texts(book_pdf)

    starts = contents_pages(pdf, book_pdf)

    assert starts[JANUARY] == 3
    assert starts[THEMATIC] - starts[MARCH] >= 4  # the long minutes runs over pages
    for subtitle, page in starts.items():
        text = pdf.flat(pages[page - 1])
        assert "BIÊN BẢN" in text and subtitle in text
        assert text.split(" ")[0] == str(page)  # the printed page number agrees
        previous = pdf.flat(pages[page - 2])
        assert "MỤC LỤC" in previous or subtitle not in previous  # it starts right there


def test_every_minutes_starts_on_a_new_page_with_its_header(book_pdf, pdf):
    pages = [pdf.flat(t) for t in pdf.texts(book_pdf)]

    headed = [i + 1 for i, text in enumerate(pages) if "ĐẢNG CỘNG SẢN VIỆT NAM" in text]
    assert headed == sorted(contents_pages(pdf, book_pdf).values())


def test_a_year_without_minutes_still_makes_a_book(tmp_path, pdf):
    path = write_minutes_book_pdf(MinutesBook(CELL, 2026, ()), tmp_path / "so.pdf")

    pages = [pdf.flat(t) for t in pdf.texts(path)]
    assert len(pages) == 2
    assert "SỔ BIÊN BẢN SINH HOẠT CHI BỘ NĂM 2026" in pages[0]
    assert "MỤC LỤC" in pages[1]
    assert "Chưa có biên bản nào trong năm 2026." in pages[1]


def test_book_embeds_truetype_fonts_only(book_pdf, pdf):
    for font in pdf.fonts(book_pdf):
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"]
