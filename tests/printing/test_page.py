"""The shared Party-format page: header lines, closing blocks, page numbers, safe writing."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from desktop.printing.page import (
    DocumentHeader,
    Signature,
    build_pdf,
    header_flowables,
    recipients_block,
    signature_block,
    styles,
    title_flowables,
)

ON = date(2026, 3, 5)


def header(**changes) -> DocumentHeader:
    values = dict(
        superior_name="Đảng bộ xã Vị Thủy",
        cell_name="Ấp Thạnh Lợi",
        place_name="Vị Thủy",
        issued_on=ON,
    )
    values.update(changes)
    return DocumentHeader(**values)


def test_header_prints_issuing_bodies_in_vietnamese_capitals():
    decomposed = unicodedata.normalize("NFD", "Đảng bộ phường Ninh Kiều")

    h = header(superior_name=decomposed, cell_name="Khu vực 5")

    assert h.superior_line() == "ĐẢNG BỘ PHƯỜNG NINH KIỀU"
    assert unicodedata.is_normalized("NFC", h.superior_line())
    assert h.cell_line() == "CHI BỘ KHU VỰC 5"


def test_header_does_not_repeat_chi_bo_typed_by_the_user():
    assert header(cell_name="Chi bộ Ấp Thạnh Lợi").cell_line() == "CHI BỘ ẤP THẠNH LỢI"


def test_document_number_has_the_party_form():
    assert header(number="12", doc_type_code="BB").number_line() == "Số 12-BB/CB"
    assert header(doc_type_code="").number_line() == ""


def test_blank_document_number_leaves_room_to_write_it():
    line = header(doc_type_code="BB").number_line()

    assert line.startswith("Số ") and line.endswith("-BB/CB")
    assert len(line) > len("Số -BB/CB") + 5


def test_date_line_uses_place_and_long_date():
    assert header().date_line() == "Vị Thủy, ngày 05 tháng 3 năm 2026"
    assert header(issued_on=date(2025, 1, 14)).date_line() == "Vị Thủy, ngày 14 tháng 01 năm 2025"


def test_date_line_leaves_blanks_when_place_or_date_is_unknown():
    assert header(place_name="").date_line() == "……, ngày 05 tháng 3 năm 2026"
    assert header(issued_on=None).date_line() == "Vị Thủy, ngày …… tháng …… năm ……"


def test_recipients_end_with_the_cell_archive_once():
    lines = recipients_block(["Đảng ủy xã (để báo cáo);", "- Lưu chi bộ."])

    texts = [p.text for p in lines]
    assert texts == ["Nơi nhận:", "- Đảng ủy xã (để báo cáo);", "- Lưu chi bộ."]


def test_body_style_is_justified_14_point_with_first_line_indent():
    body = styles().body

    assert body.alignment == TA_JUSTIFY
    assert body.fontSize == 14
    assert body.firstLineIndent > 0


def _write(tmp_path, flowables: list[Flowable], **options):
    return build_pdf(tmp_path / "doc.pdf", flowables, title="Biên bản thử", **options)


def _texts(path) -> list[str]:
    return [unicodedata.normalize("NFC", p.extract_text()) for p in PdfReader(path).pages]


def test_draft_header_prints_du_thao_and_blank_number(tmp_path):
    doc = header_flowables(header(doc_type_code="BB", draft=True))

    text = _texts(_write(tmp_path, doc))[0]

    assert "Dự thảo" in text
    assert "-BB/CB" in text


def test_minutes_signatures_put_secretary_left_and_chair_right(tmp_path):
    left = Signature(["Thư ký"], "Lê Thị Dung")
    right = Signature(["Chủ trì"], "Đặng Thị Bắc")

    pdf = _write(tmp_path, signature_block(left, right))

    spots = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            spots[unicodedata.normalize("NFC", text.strip())] = tm[4] * cm[0] + cm[4]

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    assert spots["THƯ KÝ"] < A4[0] / 2 < spots["CHỦ TRÌ"]
    assert spots["Lê Thị Dung"] < A4[0] / 2 < spots["Đặng Thị Bắc"]
    assert "(Ký, ghi rõ họ tên)" in spots


def test_bold_and_italic_markup_use_the_embedded_faces(tmp_path):
    para = Paragraph("Thường <b>đậm</b> <i>nghiêng</i> <b><i>cả hai</i></b>", styles().body)

    pdf = _write(tmp_path, [para])

    names = {
        str(f.get_object()["/BaseFont"])
        for f in PdfReader(pdf).pages[0]["/Resources"]["/Font"].values()
    }
    assert {n.split("+")[1] for n in names} == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


@pytest.mark.parametrize("first", [1, 2, 3])
def test_page_numbers_start_at_the_requested_page(tmp_path, first):
    doc = [Paragraph("Trang một", styles().body), PageBreak()]
    doc += [
        Paragraph("Trang hai", styles().body),
        PageBreak(),
        Paragraph("Trang ba", styles().body),
    ]

    pages = _texts(_write(tmp_path, doc, page_numbers_from=first))

    for number, text in enumerate(pages, start=1):
        starts_with_number = text.split("\n")[0].strip() == str(number)
        assert starts_with_number == (number >= first)


def test_landscape_pages_are_a4_turned(tmp_path):
    pdf = _write(tmp_path, title_flowables("Bảng tổng hợp"), landscape=True)

    box = PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[1]), round(A4[0]))


def test_writing_leaves_no_temporary_file_and_replaces_the_old_pdf(tmp_path):
    target = tmp_path / "doc.pdf"
    target.write_bytes(b"old")

    build_pdf(target, title_flowables("Danh sách"), title="Danh sách")

    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["doc.pdf"]


def test_a_failed_print_keeps_the_previous_file(tmp_path):
    target = tmp_path / "doc.pdf"
    target.write_bytes(b"old")

    class Broken(Flowable):
        def wrap(self, width, height):
            raise RuntimeError("hỏng")

    with pytest.raises(RuntimeError):
        build_pdf(target, [Broken()], title="Hỏng")

    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.pdf"]


def test_page_margins_are_the_party_format(tmp_path):
    para = Paragraph("Lề trái", styles().plain)

    pdf = _write(tmp_path, [para])

    xs = []
    PdfReader(pdf).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: xs.append(
            (text, tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5])
        )
    )
    text, x, y = next(item for item in xs if item[0].strip())
    # A little inside HD 36's lower bounds (left 30 mm, top 20 mm).
    assert x == pytest.approx(31 * mm, abs=0.5)
    assert A4[1] - y == pytest.approx(21 * mm + 14, abs=4)


def test_the_sample_mark_is_on_every_page_and_only_when_set(tmp_path):
    from desktop.printing.paper_mark import set_paper_mark

    story = header_flowables(header()) + [PageBreak(), Paragraph("Trang hai")]
    set_paper_mark("DỮ LIỆU MẪU")
    try:
        marked = _texts(_write(tmp_path, story))
    finally:
        set_paper_mark("")
    assert len(marked) == 2 and all("DỮ LIỆU MẪU" in page for page in marked)
    plain = _texts(build_pdf(tmp_path / "plain.pdf", story, title="Thử"))
    assert not any("DỮ LIỆU MẪU" in page for page in plain)
