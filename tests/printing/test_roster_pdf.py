"""The printed roster (danh sách đảng viên), read back from the PDF as a reader would."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from desktop.printing.members.roster import write_roster_pdf

BASE_14 = ("Helvetica", "Times-", "Courier", "Symbol", "ZapfDingbats")
MIDDLE = A4[0] / 2


@pytest.fixture
def printed(small_cell, tmp_path):
    return write_roster_pdf(small_cell.db, tmp_path / "ds.pdf", on=small_cell.on)


def test_roster_shows_every_member_name_with_its_marks(small_cell, printed, pdf):
    text = "\n".join(pdf.texts(printed))

    for name in small_cell.listed + small_cell.temporary:
        assert name in text


def test_roster_header_is_the_party_format(printed, pdf):
    first = pdf.texts(printed)[0]

    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first
    assert "ĐẢNG BỘ XÃ VỊ THỦY" in first
    assert "CHI BỘ ẤP THẠNH LỢI" in first
    assert "Vị Thủy, ngày 05 tháng 3 năm 2026" in first
    assert "DANH SÁCH ĐẢNG VIÊN" in first
    assert "Chi bộ Ấp Thạnh Lợi, tính đến ngày 05/3/2026" in first


def test_roster_header_puts_the_cell_left_and_the_party_right(printed, pdf):
    spots = {text: (x, y) for text, x, y in pdf.positioned(printed, 0)}

    assert spots["CHI BỘ ẤP THẠNH LỢI"][0] < MIDDLE < spots["ĐẢNG CỘNG SẢN VIỆT NAM"][0]
    date_x, date_y = spots["Vị Thủy, ngày 05 tháng 3 năm 2026"]
    assert date_x > MIDDLE and date_y < spots["ĐẢNG CỘNG SẢN VIỆT NAM"][1]


def test_roster_lists_members_by_given_name_then_middle_name(small_cell, printed, pdf):
    text = "\n".join(pdf.texts(printed))

    positions = [text.index(name) for name in small_cell.listed]
    assert positions == sorted(positions)


def test_roster_leaves_out_members_transferred_away_or_deceased(small_cell, printed, pdf):
    text = "\n".join(pdf.texts(printed))

    for name in small_cell.not_listed:
        assert name not in text


def test_roster_lists_and_counts_an_exempted_member(printed, pdf):
    text = pdf.flat("\n".join(pdf.texts(printed)))

    assert "Trần Văn Ắt Miễn công tác và sinh hoạt đảng" in text
    assert "miễn công tác và sinh hoạt đảng: 1;" in text


def test_roster_counts_line_matches_the_members(printed, pdf):
    text = pdf.flat("\n".join(pdf.texts(printed)))

    assert (
        "Tổng số: 8 đồng chí (chính thức 7, dự bị 1); miễn công tác và sinh hoạt đảng: 1; "
        "nữ: 3; dân tộc thiểu số: 2; có đạo: 3." in text
    )
    assert "sinh hoạt tạm thời tại chi bộ (không tính vào tổng số): 1 đồng chí" in text


def test_roster_marks_a_probationary_member_and_the_posts(printed, pdf):
    text = pdf.flat("\n".join(pdf.texts(printed)))

    assert "Đỗ Văn Đức 12/4/1950 Nam Kinh Công giáo 01/9/2025 Dự bị" in text
    assert "Đặng Thị Bắc Bí thư" in text
    assert "Lữ Văn Ổn Phó Bí thư" in text
    assert "012345678901" in text


def test_roster_is_signed_by_the_secretary_on_the_right(printed, pdf):
    last = len(PdfReader(printed).pages) - 1
    spots = {text: (x, y) for text, x, y in pdf.positioned(printed, last)}

    assert spots["T/M CHI BỘ"][0] > MIDDLE
    assert spots["BÍ THƯ"][1] < spots["T/M CHI BỘ"][1]
    name_x, name_y = spots["Đặng Thị Bắc"]
    assert name_x > MIDDLE
    # Room for the handwritten signature between the caption and the name.
    assert spots["BÍ THƯ"][1] - name_y > 15 * mm


def test_roster_embeds_truetype_fonts_and_no_base_14_font(printed, pdf):
    fonts = pdf.fonts(printed)

    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert "LiberationSerif" in font["/BaseFont"]
        assert not any(name in font["/BaseFont"] for name in BASE_14)
        assert "/FontFile2" in font["/FontDescriptor"]


def test_roster_pdf_carries_title_and_author(printed):
    meta = PdfReader(printed).metadata

    assert meta.title == "Danh sách đảng viên – Chi bộ Ấp Thạnh Lợi"
    assert meta.author == "Sổ Chi bộ"


def test_long_roster_runs_over_pages_with_numbers_and_repeated_header(
    named_cell, new_member, pdf, tmp_path
):
    for i in range(120):
        new_member(f"Nguyễn Văn Thắng Số{i:03d}", date(1990, 1, 1), date(1991, 1, 1))

    printed = write_roster_pdf(named_cell, tmp_path / "ds.pdf", on=date(2026, 3, 5))

    pages = pdf.texts(printed)
    assert len(pages) >= 3
    assert not pages[0].lstrip().startswith("1")
    for number, text in enumerate(pages, start=1):
        if number >= 2:
            assert text.lstrip().split("\n")[0].strip() == str(number)
        if "Nguyễn Văn Thắng" in text:
            assert "Họ và tên" in text and "Số thẻ đảng" in text
    assert "Tổng số: 120 đồng chí" in pdf.flat(pages[-1])
    # The number sits in the top margin, centred over the text column.
    text, x, y = pdf.positioned(printed, 1)[0]
    assert text == "2"
    assert y > A4[1] - 20 * mm
    assert abs(x - (30 + (210 - 30 - 15) / 2) * mm) < 5 * mm


def test_roster_of_an_empty_cell_still_prints(db, pdf, tmp_path):
    printed = write_roster_pdf(db, tmp_path / "ds.pdf", on=date(2026, 3, 5))

    text = pdf.flat(pdf.texts(printed)[0])
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Tổng số: 0 đồng chí" in text
