"""The printed minutes (biên bản sinh hoạt chi bộ), read back from the PDF as a reader would."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from meeting_papers_samples import (
    ATTENDANCE,
    CHAIR,
    SECRETARY,
    SECTION,
    TOPIC,
    draft_minutes,
    long_minutes,
    regular_minutes,
    thematic_minutes,
)
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from desktop.printing.meetings.minutes import write_minutes_pdf
from desktop.services.meetings.documents import Remark, Vote

MIDDLE = A4[0] / 2


@pytest.fixture
def printed(tmp_path):
    return write_minutes_pdf(regular_minutes(), tmp_path / "bb.pdf")


def flat_text(pdf, path) -> str:
    return pdf.flat(" ".join(pdf.texts(path)))


def test_minutes_header_has_number_place_and_long_date(printed, pdf):
    first = pdf.texts(printed)[0]

    assert "Số 05-BB/CB" in first
    assert "Phú Hữu, ngày 05 tháng 3 năm 2026" in first
    assert "CHI BỘ ẤP TÂN PHÚ" in first
    assert "BIÊN BẢN" in first
    assert "sinh hoạt chi bộ thường kỳ tháng 3 năm 2026" in first


def test_minutes_open_with_time_place_chair_secretary_and_guest(printed, pdf):
    text = flat_text(pdf, printed)

    assert "- Thời gian: bắt đầu lúc 8 giờ 00, ngày 05/3/2026." in text
    assert "- Địa điểm: Hội trường văn hóa Ấp Tân Phú." in text
    assert "- Chủ trì: đồng chí Nguyễn Văn Bình, Bí thư chi bộ." in text
    assert "- Thư ký: đồng chí Trần Thị Lan, Chi ủy viên." in text
    assert "- Đại biểu dự: đồng chí Lê Hoàng Nam, Đảng ủy viên, Đảng ủy xã Phú Hữu." in text


def test_minutes_give_the_counts_and_name_the_absent_with_reasons(printed, pdf):
    text = flat_text(pdf, printed)

    assert (
        "- Tổng số đảng viên: 25 (chính thức 23, dự bị 2); miễn sinh hoạt: 2; phải có mặt: 23 "
        "(= 25 tổng số − 2 miễn sinh hoạt)."
    ) in text
    assert (
        "Có mặt: 20/23 đồng chí; vắng có lý do: 2 (đ/c Lê Văn Ắt — ốm; "
        "đ/c Phạm Thị Hồng — công tác); vắng không lý do: 1 (đ/c Võ Văn Đức)."
    ) in text
    assert "Trong số có mặt: chính thức 20, dự bị 0." in text


def test_members_attached_temporarily_are_counted_apart(tmp_path, pdf):
    doc = regular_minutes(attendance=replace(ATTENDANCE, temporary_here=1, expected=24))

    text = flat_text(pdf, write_minutes_pdf(doc, tmp_path / "bb.pdf"))

    assert "miễn sinh hoạt: 2; sinh hoạt tạm thời: 1; phải có mặt: 24" in text
    assert "(= 25 tổng số − 2 miễn sinh hoạt + 1 sinh hoạt tạm thời tại chi bộ)" in text
    assert "Có mặt: 20/24 đồng chí" in text


def test_minutes_without_guests_say_so(tmp_path, pdf):
    text = flat_text(pdf, write_minutes_pdf(regular_minutes(guests=()), tmp_path / "bb.pdf"))

    assert "- Đại biểu dự: Không có." in text


def test_study_item_names_the_topic_and_the_section_studied(printed, pdf):
    text = flat_text(pdf, printed)

    contents = text[text.index("I. NỘI DUNG") : text.index("II. DIỄN BIẾN")]
    assert "5. Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh." in contents
    assert f"Chuyên đề: “{TOPIC}”" in contents
    assert f"nội dung học tập: {SECTION}." in contents


def test_study_is_on_record_even_when_no_item_names_it(tmp_path, pdf):
    doc = regular_minutes()
    doc = replace(doc, items=tuple(i for i in doc.items if "Hồ Chí Minh" not in i.title))

    text = flat_text(pdf, write_minutes_pdf(doc, tmp_path / "bb.pdf"))

    assert "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh." in text
    assert f"nội dung học tập: {SECTION}." in text


def test_discussion_lists_each_speaker_by_name(printed, pdf):
    text = flat_text(pdf, printed)

    progress = text[text.index("II. DIỄN BIẾN") : text.index("III. KẾT LUẬN, NGHỊ QUYẾT")]
    assert "Trình bày: đồng chí Lê Minh Tâm." in progress
    assert "- Đồng chí Phạm Văn Sáu: Đề nghị chi bộ quan tâm hơn" in progress
    assert "- Đồng chí Nguyễn Thị Mỹ: Thống nhất với báo cáo; bổ sung kết quả" in progress
    assert "Kết luận: Chi bộ thống nhất đánh giá hoàn thành tốt nhiệm vụ tháng 02/2026." in progress


def test_resolution_vote_shows_the_arithmetic(printed, pdf):
    text = flat_text(pdf, printed)

    assert (
        "Biểu quyết: tán thành 20/20 đồng chí có mặt (100%); không tán thành 0; ý kiến khác 0."
    ) in text


def test_vote_base_is_official_members_when_probationary_ones_are_present(tmp_path, pdf):
    doc = regular_minutes(vote=Vote(in_favour=17, against=1, other=0, voters=18))

    text = flat_text(pdf, write_minutes_pdf(doc, tmp_path / "bb.pdf"))

    assert "tán thành 17/18 đảng viên chính thức có mặt (94,44%); không tán thành 1" in text


def test_tasks_name_who_does_what_by_when(printed, pdf):
    text = flat_text(pdf, printed)

    assert "Phân công:" in text
    assert "- đ/c Lê Minh Tâm — Vận động hộ nghèo tham gia tổ hợp tác — hạn 30/4/2026." in text


def test_approved_minutes_say_when_they_were_passed(printed, pdf):
    text = flat_text(pdf, printed)

    assert (
        "Buổi sinh hoạt kết thúc lúc 10 giờ 00 cùng ngày; biên bản đã được thông qua trước "
        "chi bộ lúc 9 giờ 50."
    ) in text


def test_minutes_read_but_not_approved_do_not_claim_approval(tmp_path, pdf):
    doc = regular_minutes(approved=False)

    text = flat_text(pdf, write_minutes_pdf(doc, tmp_path / "bb.pdf"))

    assert "đã được thông qua" not in text
    assert "biên bản đã được đọc lại trước chi bộ lúc 9 giờ 50." in text


def test_draft_prints_du_thao_with_a_blank_number_and_no_approval(tmp_path, pdf):
    # Even with the reading time recorded, a draft says nothing about approval.
    doc = replace(draft_minutes(), minutes_read_at=time(9, 50))

    text = flat_text(pdf, write_minutes_pdf(doc, tmp_path / "bb.pdf"))

    assert "Dự thảo" in text
    assert "Số 05" not in text and "-BB/CB" in text
    assert "đã được thông qua" not in text and "đọc lại" not in text
    assert "Buổi sinh hoạt kết thúc lúc 10 giờ 00 cùng ngày." in text


def test_thematic_afternoon_meeting_prints_its_times(tmp_path, pdf):
    text = flat_text(pdf, write_minutes_pdf(thematic_minutes(), tmp_path / "bb.pdf"))

    assert "sinh hoạt chi bộ chuyên đề quý I năm 2026" in text
    assert "bắt đầu lúc 14 giờ 30, ngày 20/3/2026." in text
    assert "kết thúc lúc 16 giờ 45 cùng ngày" in text
    assert "Chuyên đề:" not in text


def test_corrections_come_last_before_the_signatures(tmp_path, pdf):
    doc = regular_minutes(corrections=("Sửa tên đồng chí vắng có lý do: Lê Văn Ắt",))

    text = flat_text(pdf, write_minutes_pdf(doc, tmp_path / "bb.pdf"))

    closing = text.index("biên bản đã được thông qua")
    correction = text.index("Đính chính: - Sửa tên đồng chí vắng có lý do: Lê Văn Ắt.")
    assert closing < correction < text.index("THƯ KÝ")


def test_signatures_put_secretary_left_and_chair_right(printed, pdf):
    last = len(pdf.texts(printed)) - 1
    spots = {text: (x, y) for text, x, y in pdf.positioned(printed, last)}

    assert spots["THƯ KÝ"][0] < MIDDLE < spots["CHỦ TRÌ"][0]
    assert spots[SECRETARY][0] < MIDDLE < spots[CHAIR][0]
    assert spots[SECRETARY][1] < spots["THƯ KÝ"][1]
    assert "(Ký, ghi rõ họ tên)" in spots


def test_user_text_with_markup_characters_prints_as_typed(tmp_path, pdf):
    doc = regular_minutes()
    item = replace(doc.items[3], remarks=(Remark("Phạm Văn Sáu", "Giá <100 & >50 nghìn"),))
    doc = replace(doc, items=(*doc.items[:3], item, *doc.items[4:]))

    text = flat_text(pdf, write_minutes_pdf(doc, tmp_path / "bb.pdf"))

    assert "- Đồng chí Phạm Văn Sáu: Giá <100 & >50 nghìn." in text


@pytest.fixture
def long_printed(tmp_path):
    return write_minutes_pdf(long_minutes(), tmp_path / "dai.pdf")


def test_long_minutes_number_pages_from_the_second(long_printed, pdf):
    pages = pdf.texts(long_printed)

    assert len(pages) >= 4
    assert pages[0].split("\n")[0].strip() != "1"
    for number, text in enumerate(pages[1:], start=2):
        assert text.split("\n")[0].strip() == str(number)


def test_long_minutes_keep_every_remark(long_printed, pdf):
    text = flat_text(pdf, long_printed)

    for item in range(1, 7):
        for k in range(1, 11):
            assert f"Đồng chí Đảng viên Số {item}-{k}:" in text


def test_long_minutes_signature_is_not_alone_on_its_page(long_printed, pdf):
    last = pdf.flat(pdf.texts(long_printed)[-1])

    assert "Buổi sinh hoạt kết thúc lúc 10 giờ 00 cùng ngày" in last
    assert "THƯ KÝ" in last and "CHỦ TRÌ" in last
    assert SECRETARY in last and CHAIR in last


def test_long_minutes_text_stays_inside_the_margins(long_printed, pdf):
    width, height = A4
    for page in range(len(pdf.texts(long_printed))):
        for text, x, y in pdf.positioned(long_printed, page):
            assert 30 * mm - 0.5 <= x < width - 15 * mm, text
            assert 20 * mm - 4 <= y <= height - 8 * mm, text


def test_minutes_embed_truetype_fonts_only(long_printed, pdf):
    fonts = pdf.fonts(long_printed)

    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"]


def test_minutes_without_times_leave_blanks_to_fill_in(tmp_path, pdf):
    doc = regular_minutes(start_time=None, end_time=None, minutes_read_at=time(9, 50))

    text = flat_text(pdf, write_minutes_pdf(doc, tmp_path / "bb.pdf"))

    assert "bắt đầu lúc …… giờ ……, ngày 05/3/2026." in text
    assert "kết thúc lúc …… giờ …… cùng ngày" in text


def test_thematic_minutes_name_the_theme_and_who_prepared_it(tmp_path):
    from dataclasses import replace

    from meeting_papers_samples import THEME, thematic_minutes

    from desktop.printing.meetings.minutes import write_minutes_pdf

    doc = replace(thematic_minutes(), theme=THEME, theme_presenter="Trần Thị Hồng Nhung")
    target = write_minutes_pdf(doc, tmp_path / "chuyen-de.pdf")
    import unicodedata

    from pypdf import PdfReader

    text = unicodedata.normalize(
        "NFC", " ".join(p.extract_text() for p in PdfReader(target).pages)
    ).replace("\n", " ")
    assert "Chuyên đề sinh hoạt" in text
    assert "đồng chí Trần Thị Hồng Nhung chuẩn bị" in text


def test_section_named_in_the_study_item_title_is_printed_once(tmp_path):
    from dataclasses import replace

    from meeting_papers_samples import SECTION, regular_minutes

    doc = regular_minutes()
    items = tuple(
        replace(item, title=f"{item.title}: {SECTION}", code="study")
        if "Hồ Chí Minh" in item.title
        else item
        for item in doc.items
    )
    target = write_minutes_pdf(replace(doc, items=items), tmp_path / "bb.pdf")
    import unicodedata

    from pypdf import PdfReader

    text = unicodedata.normalize(
        "NFC", " ".join(p.extract_text() for p in PdfReader(target).pages)
    ).replace("\n", " ")
    # Once in I. NỘI DUNG and once in II. DIỄN BIẾN: the item title, never the extra line.
    assert text.count(SECTION.split()[0] + " " + SECTION.split()[1]) == 2


def test_a_draft_of_an_unheld_meeting_leaves_the_roll_blank(tmp_path, pdf):
    from desktop.printing.meetings.minutes_text import attendance_lines

    unheld = replace(ATTENDANCE, present=0, present_official=0, absent_excused=(),
                     absent_unexcused=(), not_marked=23)  # fmt: skip
    lines = attendance_lines(unheld, blank_roll=True)
    assert lines[1] == (
        "Có mặt: ……/23 đồng chí (chính thức ……, dự bị ……); vắng có lý do: ……; "
        "vắng không lý do: ……."
    )
    assert "0/23" not in " ".join(lines)


def test_those_present_are_split_into_official_probationary_and_temporary():
    from desktop.printing.meetings.minutes_text import attendance_lines

    summary = replace(ATTENDANCE, temporary_here=1, expected=24, present=21,
                      present_official=18, present_temporary=1)  # fmt: skip
    assert attendance_lines(summary)[2] == (
        "Trong số có mặt: chính thức 18, dự bị 2, sinh hoạt tạm thời 1."
    )
