"""The minutes as a Word file: the same sentences as the PDF, in Times New Roman, A4."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from meeting_papers_samples import CHAIR, SECRETARY, draft_minutes, regular_minutes

from desktop.printing.meetings.minutes import write_minutes_pdf
from desktop.printing.meetings.minutes_docx import write_minutes_docx


@pytest.fixture
def word(tmp_path):
    return Document(str(write_minutes_docx(regular_minutes(), tmp_path / "bb.docx")))


def body_text(document) -> list[str]:
    """Paragraphs as a reader sees them (a non-breaking space looks like a space)."""
    return [p.text.replace("\u00a0", " ") for p in document.paragraphs]


def table_text(document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for t in document.tables for row in t.rows]


def test_word_minutes_say_the_key_sentences(word):
    text = body_text(word)

    assert "- Thời gian: bắt đầu lúc 8 giờ 00, ngày 05/3/2026." in text
    assert (
        "- Tổng số đảng viên: 25 (chính thức 23, dự bị 2); miễn sinh hoạt: 2; phải có mặt: 23 "
        "(= 25 tổng số − 2 miễn sinh hoạt)."
    ) in text
    assert (
        "Có mặt: 20/23 đồng chí; vắng có lý do: 2 (đ/c Lê Văn Ắt — ốm; "
        "đ/c Phạm Thị Hồng — công tác); vắng không lý do: 1 (đ/c Võ Văn Đức)."
    ) in text
    assert "Trong số có mặt: chính thức 20, dự bị 0." in text
    assert (
        "Biểu quyết: tán thành 20/20 đồng chí có mặt (100%); không tán thành 0; ý kiến khác 0."
    ) in text
    assert (
        "Buổi sinh hoạt kết thúc lúc 10 giờ 00 cùng ngày; biên bản đã được thông qua trước "
        "chi bộ lúc 9 giờ 50."
    ) in text


def test_word_and_pdf_minutes_have_the_same_text_in_the_same_order(word, tmp_path, pdf):
    pages = pdf.texts(write_minutes_pdf(regular_minutes(), tmp_path / "a.pdf"))
    # A paragraph may run over a page break: leave out the page numbers at the top.
    printed = pdf.flat(" ".join([pages[0]] + [page.split("\n", 1)[1] for page in pages[1:]]))

    position = 0
    for paragraph in body_text(word):
        if paragraph.strip():
            found = printed.find(pdf.flat(paragraph), position)
            assert found >= 0, paragraph
            position = found


def test_word_header_is_a_two_column_table_with_number_and_date(word):
    rows = table_text(word)

    assert rows[0][0].split("\n") == ["ĐẢNG BỘ XÃ PHÚ HỮU", "CHI BỘ ẤP TÂN PHÚ", "*"]
    assert rows[0][1] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert rows[1] == ["Số 05-BB/CB", "Phú Hữu, ngày 05 tháng 3 năm 2026"]


def test_word_header_table_has_no_borders(word):
    borders = word.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))

    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_word_signatures_put_secretary_left_and_chair_right(word):
    left, right = table_text(word)[-1]

    assert left.startswith("THƯ KÝ\n(Ký, ghi rõ họ tên)") and left.endswith(SECRETARY)
    assert right.startswith("CHỦ TRÌ\n(Ký, ghi rõ họ tên)") and right.endswith(CHAIR)


def test_word_minutes_use_times_new_roman_for_every_script(word):
    normal = word.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))

    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(attr)) == "Times New Roman"
    runs = [run for p in word.paragraphs for run in p.runs]
    assert runs and {run.font.name for run in runs} == {"Times New Roman"}


def test_word_page_is_a4_with_party_margins(word):
    section = word.sections[0]

    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = (section.top_margin, section.bottom_margin, section.left_margin)
    assert [round(m.mm) for m in margins] == [21, 21, 31]
    assert round(section.right_margin.mm) == 16
    assert section.left_margin > Mm(29)


def test_word_pages_are_numbered_from_the_second(word):
    section = word.sections[0]

    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_word_draft_says_du_thao_and_not_approved(tmp_path):
    document = Document(str(write_minutes_docx(draft_minutes(), tmp_path / "bb.docx")))

    header = table_text(document)[1][0]
    assert "Dự thảo" in header and "-BB/CB" in header and "Số 05" not in header
    assert not any("đã được thông qua" in text for text in body_text(document))


def test_writing_word_minutes_replaces_the_old_file_without_leftovers(tmp_path):
    target = tmp_path / "bb.docx"
    target.write_bytes(b"old")

    write_minutes_docx(regular_minutes(), target)

    assert target.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == ["bb.docx"]


def test_word_header_uses_the_same_hd36_sizes_as_the_pdf(word):
    from desktop.printing import page

    header = word.tables[0]
    runs = {
        run.text: run.font.size.pt
        for row in header.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.text.strip()
    }
    assert runs["ĐẢNG CỘNG SẢN VIỆT NAM"] == page.PARTY_NAME_SIZE == 15
    number = next(size for text, size in runs.items() if text.startswith("Số "))
    date_line = next(size for text, size in runs.items() if ", ngày" in text)
    assert number == page.NUMBER_SIZE == 14 and date_line == page.DATE_LINE_SIZE == 14
    title = next(p for p in word.paragraphs if p.text == "BIÊN BẢN")
    assert title.runs[0].font.size.pt == page.TITLE_SIZE and title.runs[0].font.bold
