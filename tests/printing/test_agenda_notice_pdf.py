"""The papers sent before a meeting: the agenda (chương trình) and the notice (thông báo)."""

from __future__ import annotations

import pytest
from meeting_papers_samples import (
    CHAIR,
    SECTION,
    THEME,
    TOPIC,
    agenda,
    notice,
    thematic_agenda,
)
from reportlab.lib.pagesizes import A4

from desktop.printing.meetings.agenda import write_agenda_pdf, write_notice_pdf
from desktop.services.meetings.documents import DocumentMeta

MIDDLE = A4[0] / 2


def flat_text(pdf, path) -> str:
    return pdf.flat(" ".join(pdf.texts(path)))


@pytest.fixture
def agenda_pdf(tmp_path):
    return write_agenda_pdf(agenda(), tmp_path / "ct.pdf")


@pytest.fixture
def notice_pdf(tmp_path):
    return write_notice_pdf(notice(), tmp_path / "tb.pdf")


def test_agenda_has_its_title_time_and_place(agenda_pdf, pdf):
    text = flat_text(pdf, agenda_pdf)

    assert "CHƯƠNG TRÌNH SINH HOẠT CHI BỘ thường kỳ tháng 3 năm 2026" in text
    assert "Phú Hữu, ngày 05 tháng 3 năm 2026" in text
    assert "- Thời gian: bắt đầu lúc 8 giờ 00, ngày 05/3/2026." in text
    assert "- Địa điểm: Hội trường văn hóa Ấp Tân Phú." in text


def test_agenda_numbers_items_with_their_presenters(agenda_pdf, pdf):
    text = flat_text(pdf, agenda_pdf)

    assert f"1. Tuyên bố lý do, giới thiệu đại biểu (đồng chí {CHAIR})." in text
    assert "3. Thông tin thời sự, văn bản cấp trên (đồng chí Lê Minh Tâm)." in text
    assert text.index("1. Tuyên bố") < text.index("6. Phương hướng nhiệm vụ tháng 4/2026")


def test_agenda_study_item_names_topic_and_section(agenda_pdf, pdf):
    text = flat_text(pdf, agenda_pdf)

    study = text.index("5. Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
    assert study < text.index(f"Chuyên đề: “{TOPIC}”") < text.index("6. Phương hướng")
    assert f"nội dung học tập: {SECTION}." in text


def test_agenda_is_signed_for_the_cell_by_the_secretary(agenda_pdf, pdf):
    spots = {text: (x, y) for text, x, y in pdf.positioned(agenda_pdf, 0)}

    assert spots["T/M CHI BỘ"][0] > MIDDLE
    assert spots["BÍ THƯ"][1] < spots["T/M CHI BỘ"][1]


def test_thematic_agenda_names_the_theme_and_who_prepares_it(tmp_path, pdf):
    text = flat_text(pdf, write_agenda_pdf(thematic_agenda(), tmp_path / "ct.pdf"))

    assert "CHƯƠNG TRÌNH SINH HOẠT CHI BỘ chuyên đề quý I năm 2026" in text
    assert f"- Chuyên đề: “{THEME}”; đồng chí Lê Minh Tâm chuẩn bị và trình bày." in text


def test_draft_agenda_says_du_thao(tmp_path, pdf):
    doc = agenda(
        meta=DocumentMeta(cell=agenda().meta.cell, issued_on=agenda().planned_on, draft=True)
    )

    assert "Dự thảo" in flat_text(pdf, write_agenda_pdf(doc, tmp_path / "ct.pdf"))


def test_notice_has_its_number_title_and_subject(notice_pdf, pdf):
    text = flat_text(pdf, notice_pdf)

    assert "Số 03-TB/CB" in text
    assert "THÔNG BÁO về việc tổ chức sinh hoạt chi bộ thường kỳ tháng 3 năm 2026" in text


def test_notice_gives_weekday_time_place_and_content(notice_pdf, pdf):
    text = flat_text(pdf, notice_pdf)

    assert "1. Thời gian: bắt đầu lúc 8 giờ 00, thứ Năm, ngày 05/3/2026." in text
    assert "2. Địa điểm: Hội trường văn hóa Ấp Tân Phú." in text
    assert "3. Nội dung: - Đánh giá kết quả thực hiện nhiệm vụ tháng 02/2026." in text
    assert f"- Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: {SECTION}." in text


def test_notice_asks_members_to_read_documents_sent_a_day_before(notice_pdf, pdf):
    text = flat_text(pdf, notice_pdf)

    assert "chậm nhất ngày 04/3/2026, trước buổi sinh hoạt ít nhất 1 ngày" in text
    assert "tham dự đầy đủ, đúng giờ" in text


def test_notice_days_before_come_from_the_rules(tmp_path, pdf):
    from desktop.printing.meetings.agenda import notice_blocks

    texts = [block.text for block in notice_blocks(notice(), documents_before_days=3)]

    assert any("chậm nhất ngày 02/3/2026, trước buổi sinh hoạt ít nhất 3 ngày" in t for t in texts)


def test_notice_does_not_repeat_a_request_already_in_its_content(tmp_path, pdf):
    doc = notice(content_lines=("Đề nghị đảng viên mang theo sổ tay",))

    text = flat_text(pdf, write_notice_pdf(doc, tmp_path / "tb.pdf"))

    assert "- Đề nghị đảng viên mang theo sổ tay." in text
    assert "tham dự đầy đủ, đúng giờ" not in text


def test_notice_puts_recipients_left_and_signature_right(notice_pdf, pdf):
    spots = {text: (x, y) for text, x, y in pdf.positioned(notice_pdf, 0)}
    text = flat_text(pdf, notice_pdf)

    assert spots["Nơi nhận:"][0] < MIDDLE < spots["T/M CHI BỘ"][0]
    assert abs(spots["Nơi nhận:"][1] - spots["T/M CHI BỘ"][1]) < 3
    assert "- Đảng ủy xã Phú Hữu (để báo cáo);" in text
    assert "- Đảng viên trong chi bộ; - Lưu chi bộ." in text
    assert spots[CHAIR][0] > MIDDLE


def test_agenda_and_notice_embed_truetype_fonts_only(agenda_pdf, notice_pdf, pdf):
    for path in (agenda_pdf, notice_pdf):
        for font in pdf.fonts(path):
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"]
