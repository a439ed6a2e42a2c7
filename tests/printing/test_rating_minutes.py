"""The minutes of the rating meeting (biên bản họp xét đánh giá, xếp loại đảng viên): the
meeting's own minutes gain the results voted there, in the PDF and the .docx alike."""

from __future__ import annotations

from docx import Document
from review_samples import DEPUTY, GOOD, SECRETARY, build_review_cell

from desktop.printing.meetings.minutes import write_minutes_pdf
from desktop.printing.meetings.minutes_docx import write_minutes_docx
from desktop.printing.meetings.minutes_text import minutes_text
from desktop.services.meetings.plan import minutes_document, plan_meeting

HEADING = "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025"


def test_rating_meeting_minutes_list_each_member_with_level_and_votes(db, pdf, tmp_path):
    cell = build_review_cell(db)

    path = write_minutes_pdf(minutes_document(db, cell.meeting_id), tmp_path / "bb.pdf")

    text = pdf.flat("\n".join(pdf.texts(path)))
    assert HEADING in text
    assert f"2. Đồng chí {SECRETARY}: Hoàn thành xuất sắc nhiệm vụ (tán thành 7/7)." in text
    assert f"7. Đồng chí {DEPUTY}: Hoàn thành xuất sắc nhiệm vụ (tán thành 7/7)." in text
    for name in GOOD:
        assert f"Đồng chí {name}: Hoàn thành tốt nhiệm vụ (tán thành 6/7)." in text
    assert (
        "Tổng hợp (7 đồng chí): Hoàn thành xuất sắc nhiệm vụ: 2; Hoàn thành tốt nhiệm vụ: 5; "
        "Hoàn thành nhiệm vụ: 0; Không hoàn thành nhiệm vụ: 0." in text
    )
    assert "Tỷ lệ xuất sắc: Số HTXSNV (2) vượt 20% số HTTNV (5 × 20% = 1)" in text
    assert "cấp ủy cấp trên xem xét, quyết định." in text
    # The results are part of the meeting's business: inside II. DIỄN BIẾN, before the
    # minutes are read and approved, before the closing and the conclusion.
    at = text.index(HEADING)
    assert text.index("II. DIỄN BIẾN") < at < text.index("III. KẾT LUẬN, NGHỊ QUYẾT")
    progress = text[text.index("II. DIỄN BIẾN") :]
    assert progress.index(HEADING) < progress.index("Thông qua biên bản")
    assert progress.index(HEADING) < progress.index("Bế mạc")


def test_rating_results_read_the_same_in_word_and_pdf(db, tmp_path):
    cell = build_review_cell(db)
    doc = minutes_document(db, cell.meeting_id)

    word = Document(write_minutes_docx(doc, tmp_path / "bb.docx"))

    paragraphs = [p.text for p in word.paragraphs]
    expected = [block.text for block in minutes_text(doc).blocks]
    start = expected.index(HEADING)
    assert HEADING in paragraphs
    at = paragraphs.index(HEADING)
    assert paragraphs[at : at + 10] == expected[start : start + 10]


def test_minutes_of_an_ordinary_meeting_have_no_rating_section(db, pdf, tmp_path):
    build_review_cell(db)
    other = plan_meeting(db, "thuong_ky", 2025, 11)

    path = write_minutes_pdf(minutes_document(db, other), tmp_path / "bb.pdf")

    text = pdf.flat("\n".join(pdf.texts(path)))
    assert "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI" not in text
    assert "III. KẾT LUẬN, NGHỊ QUYẾT" in text
