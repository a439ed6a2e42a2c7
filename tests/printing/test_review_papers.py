"""The review-season papers read back from the PDF (and the .xlsx) as a reader would:
bản cam kết, bảng tổng hợp cam kết, bản kiểm điểm, danh sách đề nghị xếp loại, kiểm
điểm tập thể — each on the form and under the rules of its own year."""

from __future__ import annotations

import unicodedata

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from review_samples import (
    CARD,
    DEPUTY,
    EXEMPTED,
    GOOD,
    NEWCOMER,
    SECRETARY,
    TODAY,
    build_review_cell,
)

from desktop.printing.reviews.collective import print_collective_review
from desktop.printing.reviews.commitment import print_commitment, print_commitment_summary
from desktop.printing.reviews.rating_list import print_rating_list
from desktop.printing.reviews.rating_xlsx import rating_xlsx_bytes, write_rating_xlsx
from desktop.printing.reviews.self_review import print_self_review
from desktop.services.members.registry import get_member, update_member

BASE_14 = ("Helvetica", "Times-", "Courier", "Symbol", "ZapfDingbats")
MIDDLE = A4[0] / 2


@pytest.fixture
def season(db):
    return build_review_cell(db)


def read(pdf, path) -> str:
    return pdf.flat("\n".join(pdf.texts(path)))


def spots(pdf, path, page=0) -> dict[str, tuple[float, float]]:
    return {text: (x, y) for text, x, y in pdf.positioned(path, page)}


# ---------------------------------------------------------------- bản cam kết


def test_commitment_prints_identity_sections_items_and_topic_mark(season, pdf, tmp_path):
    path = print_commitment(season.db, season.ids[SECRETARY], 2025, tmp_path / "ck.pdf", TODAY)

    text = read(pdf, path)
    assert "BẢN CAM KẾT" in text
    assert "tu dưỡng, rèn luyện, phấn đấu năm 2025" in text
    assert "Họ và tên: Đặng Thị Bắc" in text and "Ngày sinh: 12/4/1960" in text
    assert "Chức vụ: Bí thư chi bộ; Trưởng ấp" in text
    assert "Chi bộ Ấp Thạnh Lợi, Đảng bộ xã Vị Thủy" in text
    for title in ("1. Tư tưởng chính trị", "4. Ý thức tổ chức kỷ luật"):
        assert title in text
    assert "5. Nội dung làm theo chuyên đề năm 2025" in text
    assert "Mỗi tháng thăm một hộ nghèo của ấp (làm theo chuyên đề)" in text
    assert "Vận động 100% hộ đóng góp làm đường Tự" in text  # not marked: not topic-linked


def test_commitment_prints_year_end_assessment_and_the_chi_uy_evaluation(season, pdf, tmp_path):
    path = print_commitment(season.db, season.ids[SECRETARY], 2025, tmp_path / "ck.pdf", TODAY)

    text = read(pdf, path)
    assert "Tự đánh giá cuối năm: Vượt mức – Đường ấp hoàn thành tháng 9." in text
    assert "Chi ủy đánh giá kết quả thực hiện cam kết (ngày 10/12/2025): Thực hiện tốt." in text
    assert "Nhận xét: Gương mẫu, đi đầu" in text


def test_commitment_is_acknowledged_left_and_signed_by_the_member_right(season, pdf, tmp_path):
    path = print_commitment(season.db, season.ids[SECRETARY], 2025, tmp_path / "ck.pdf", TODAY)

    last = len(PdfReader(path).pages) - 1
    found = spots(pdf, path, last)
    assert found["XÁC NHẬN CỦA CHI ỦY"][0] < MIDDLE < found["NGƯỜI CAM KẾT"][0]
    assert "(Ngày 20/3/2025)" in found
    assert abs(found["XÁC NHẬN CỦA CHI ỦY"][1] - found["NGƯỜI CAM KẾT"][1]) < 1
    # The signature never stands alone: the evaluation moves over with it.
    assert "Thực hiện tốt" in pdf.texts(path)[last]


def test_member_without_commitment_gets_a_blank_form_to_fill_in(season, pdf, tmp_path):
    path = print_commitment(season.db, season.ids[GOOD[1]], 2025, tmp_path / "ck.pdf", TODAY)

    text = read(pdf, path)
    assert "Họ và tên: Lê Thị Dung" in text
    assert "5. Nội dung làm theo chuyên đề năm 2025" in text
    assert "........" in text
    assert "Vị Thủy, ngày …… tháng …… năm ……" in text


def test_commitment_summary_lists_every_member_and_who_has_not_written(season, pdf, tmp_path):
    path = print_commitment_summary(season.db, 2025, tmp_path / "th.pdf", TODAY)

    text = read(pdf, path)
    assert "BẢNG TỔNG HỢP CAM KẾT NĂM 2025" in text
    assert "3 Đặng Thị Bắc 10/3/2025 3 1 Đã đánh giá Thực hiện tốt" in text
    assert f"{EXEMPTED} Được miễn" in text
    assert "Tổng số đảng viên: 9; đã viết cam kết: 1; chưa viết: 7; được miễn: 1." in text
    assert "Chưa viết cam kết (7): Phạm Văn An, Lê Thị Dung" in text


# ---------------------------------------------------------------- bản kiểm điểm


def test_self_review_2025_prints_on_its_form_with_the_template_code_top_right(
    season, pdf, tmp_path
):
    path = print_self_review(season.db, season.ids[SECRETARY], 2025, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    assert "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN" in text and "Năm 2025" in text
    assert "(dùng cho cá nhân giữ chức vụ lãnh đạo, quản lý)" in text
    found = spots(pdf, path)
    code_x, code_y = found["Mẫu 2A-HD KĐ.ĐG 2025"]  # leaders: 2A (HD 43 §2.1b)
    assert code_x > MIDDLE and code_y > found["ĐẢNG CỘNG SẢN VIỆT NAM"][1]


def test_self_review_prints_answers_and_dotted_lines_for_empty_sections(season, pdf, tmp_path):
    path = print_self_review(season.db, season.ids[SECRETARY], 2025, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    assert "1. Ưu điểm, kết quả đạt được Lãnh đạo chi bộ hoàn thành các chỉ tiêu năm." in text
    assert "3. Hạn chế, khuyết điểm và nguyên nhân Còn chậm cập nhật sổ sách." in text
    assert "4. Kết quả khắc phục những hạn chế, khuyết điểm" in text
    assert "các kỳ kiểm điểm trước ......" in text
    # The commitment result comes in from the commitment itself.
    assert "8. Kết quả thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu 3 nội dung cam kết" in text


def test_self_review_prints_the_score_table_total_and_levels(season, pdf, tmp_path):
    path = print_self_review(season.db, season.ids[SECRETARY], 2025, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    assert "9. Tự chấm điểm theo các nhóm tiêu chí" in text
    assert "TT Nhóm tiêu chí Điểm tối đa Điểm tự chấm" in text
    assert "1 Nhóm tiêu chí chung 30 28" in text
    assert "2 Nhóm tiêu chí về kết quả thực hiện nhiệm vụ 70 64" in text
    assert "Tổng cộng 100 92" in text
    assert "Mức xếp loại tương ứng với tổng điểm: Hoàn thành xuất sắc nhiệm vụ." in text
    assert "Tự nhận mức xếp loại: Hoàn thành xuất sắc nhiệm vụ." in text
    assert "NGƯỜI TỰ KIỂM ĐIỂM" in text


def test_self_review_prints_a_decimal_score_with_a_comma(season, pdf, tmp_path):
    path = print_self_review(season.db, season.ids[DEPUTY], 2025, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    assert "Nhóm tiêu chí chung 30 27,5" in text
    assert "Tổng cộng 100 89,5" in text
    assert "Mức xếp loại tương ứng với tổng điểm: Hoàn thành tốt nhiệm vụ." in text
    assert "Mẫu 2C-HD KĐ.ĐG 2025" in text


def test_self_review_carries_the_cells_proposal_with_votes(season, pdf, tmp_path):
    path = print_self_review(season.db, season.ids[SECRETARY], 2025, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    assert "NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY/CHI BỘ Chi bộ thống nhất." in text
    assert "Chi bộ đề xuất xếp loại: Hoàn thành xuất sắc nhiệm vụ (7/7 phiếu tán thành)." in text
    # The bí thư's own form: the phó bí thư signs for the cell, not the bí thư himself.
    assert text.rstrip().endswith("T/M CHI BỘ PHÓ BÍ THƯ Lữ Văn Ổn")
    assert "T/M CHI BỘ BÍ THƯ Đặng Thị Bắc" not in text


def test_self_review_of_2024_keeps_the_form_it_was_written_on(season, pdf, tmp_path):
    an = season.ids[GOOD[0]]
    detail = get_member(season.db, an)
    detail.data.review_group = "2A"  # moved to a leading post later: the stored 02A decides
    update_member(season.db, an, detail.data, today=TODAY)

    path = print_self_review(season.db, an, 2024, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    assert "Mẫu 02A-HD KĐ.ĐG 2023" in text
    assert "(dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)" in text
    assert "Năm 2024" in text
    assert "2A-HD KĐ.ĐG 2025" not in text
    assert "Điểm tự chấm" not in text and "Tự chấm điểm" not in text
    assert "Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ." in text
    assert "Cấp ủy cấp trên quyết định xếp loại: Hoàn thành tốt nhiệm vụ" in text
    assert "(Quyết định số 125-QĐ/ĐU ngày 20/01/2025)" in text


def test_blank_self_review_prints_a_form_to_write_by_hand(season, pdf, tmp_path):
    path = print_self_review(season.db, season.ids[GOOD[2]], 2025, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    assert "Họ và tên: Nguyễn Văn Đức" in text
    assert "1. Ưu điểm, kết quả đạt được ......" in text
    assert "Tổng cộng 100" in text
    assert "Tự nhận mức xếp loại: ....." in text
    assert "NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY/CHI BỘ" in text  # the cell voted on him


# ---------------------------------------------------------------- danh sách xếp loại


@pytest.fixture
def list_2025(season, tmp_path):
    return print_rating_list(season.db, 2025, tmp_path / "ds.pdf", TODAY)


def test_rating_list_is_landscape_with_its_rules_named(list_2025, pdf):
    page = PdfReader(list_2025).pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = read(pdf, list_2025)
    assert "DANH SÁCH ĐỀ NGHỊ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025" in text
    assert (
        "Căn cứ Quy định 366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW ngày 31/10/2025." in text
    )


def test_rating_list_rows_show_score_self_level_proposal_and_votes(list_2025, pdf):
    text = read(pdf, list_2025)

    assert "Điểm tự chấm" in text
    assert "3 Đặng Thị Bắc 1960 Bí thư 92 Xuất sắc Xuất sắc 7/7 Vượt tỷ lệ xuất sắc" in text
    assert "9 Lữ Văn Ổn 1960 Phó Bí thư 89,5 Xuất sắc Xuất sắc 7/7" in text
    assert "1 Phạm Văn An 1960 Tốt 6/7 Chưa có bản kiểm điểm" in text


def test_rating_list_names_members_not_rated_with_the_reason(list_2025, pdf):
    text = read(pdf, list_2025)

    assert f"{EXEMPTED} 1960 Không xếp loại: miễn công tác và sinh hoạt đảng" in text
    assert f"{NEWCOMER} 1998 Không xếp loại: mới kết nạp chưa đủ 6 tháng (vào Đảng ngày" in text
    assert "được 3 tháng)" in text
    assert (
        "Tổng số đảng viên của chi bộ đến ngày 31/12/2025: 9 đồng chí; thuộc diện xếp loại: 7; "
        "không xếp loại: 2." in text
    )
    assert f"Đồng chí {NEWCOMER}: Mới kết nạp 3 tháng (chưa đủ 6 tháng)" in text
    assert f"Đồng chí {EXEMPTED}: Đảng viên được miễn công tác và sinh hoạt đảng" in text


def test_rating_list_counts_levels_with_shares_of_the_rated(list_2025, pdf):
    text = read(pdf, list_2025)

    assert "Hoàn thành xuất sắc nhiệm vụ (Xuất sắc) 2 28,57%" in text
    assert "Hoàn thành tốt nhiệm vụ (Tốt) 5 71,43%" in text
    assert "Không hoàn thành nhiệm vụ (Không hoàn thành) 0 0%" in text
    assert "Tỷ lệ tính trên 7 đảng viên thuộc diện xếp loại." in text


def test_rating_list_shows_the_quota_arithmetic_and_that_the_superior_decides(list_2025, pdf):
    text = read(pdf, list_2025)

    assert "Tỷ lệ xuất sắc: Số HTXSNV (2) vượt 20% số HTTNV (5 × 20% = 1)" in text
    assert "(Quy định 366-QĐ/TW ngày 30/8/2025, Điều 11, khoản 1.5" in text
    assert "vượt tỷ lệ quy định; đề nghị cấp ủy cấp trên xem xét, quyết định." in text
    assert text.rstrip().endswith("T/M CHI BỘ BÍ THƯ Đặng Thị Bắc")


def test_rating_list_of_2024_prints_under_the_2024_rules(season, pdf, tmp_path):
    path = print_rating_list(season.db, 2024, tmp_path / "ds.pdf", TODAY)

    text = read(pdf, path)
    assert "NĂM 2024" in text
    assert (
        "Căn cứ Quy định 124-QĐ/TW ngày 04/10/2023; Hướng dẫn 25-HD/BTCTW ngày 10/11/2023." in text
    )
    assert "366-QĐ/TW" not in text and "Điểm tự chấm" not in text
    assert "Cấp trên quyết định" in text
    assert "3 Đặng Thị Bắc 1960 Bí thư Xuất sắc 7/7 Xuất sắc" in text
    assert "1 Phạm Văn An 1960 Tốt Tốt 7/7 Tốt" in text
    assert "Số HTXSNV (1) không vượt 20% số HTTNV (6 × 20% = 1,2, lấy phần nguyên: 1)" in text
    assert "Quy định 124-QĐ/TW ngày 04/10/2023, Điều 12" in text
    assert "đề nghị cấp ủy cấp trên xem xét" not in text
    assert NEWCOMER not in text  # admitted in 2025: not on the 2024 roll


# ---------------------------------------------------------------- .xlsx


def test_rating_xlsx_has_the_same_rows_and_numbers_as_the_pdf(season, list_2025, pdf, tmp_path):
    path = write_rating_xlsx(season.db, 2025, tmp_path / "ds.xlsx", TODAY)

    book = load_workbook(path)
    assert book.sheetnames == ["Danh sách", "Tổng hợp"]
    sheet = book["Danh sách"]
    heads = [c.value for c in sheet[4]]
    assert heads[:6] == [
        "TT",
        "Họ và tên",
        "Năm sinh",
        "Chức vụ",
        "Số thẻ đảng viên",
        "Điểm tự chấm",
    ]
    assert sheet.freeze_panes == "C5"
    rows = {
        r[1]: dict(zip(heads, r, strict=True)) for r in sheet.iter_rows(min_row=5, values_only=True)
    }
    assert len(rows) == 9
    deputy = rows[DEPUTY]
    assert deputy["Điểm tự chấm"] == 89.5 and deputy["Năm sinh"] == 1960
    assert (deputy["Số phiếu tán thành"], deputy["Tổng số phiếu"]) == (7, 7)
    assert deputy["Chi bộ đề xuất"] == "Xuất sắc"
    assert rows[GOOD[0]]["Số thẻ đảng viên"] == CARD
    assert rows[EXEMPTED]["Ghi chú"] == "Không xếp loại: miễn công tác và sinh hoạt đảng"
    text = read(pdf, list_2025)
    for name, row in rows.items():
        assert f"{row['TT']} {name} {row['Năm sinh']}" in text


def test_rating_xlsx_summary_matches_the_printed_counts(season, list_2025, pdf):
    book = load_workbook(__import__("io").BytesIO(rating_xlsx_bytes(season.db, 2025, TODAY)))
    sheet = book["Tổng hợp"]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    levels = {r[0]: r for r in rows[:4]}
    # The share printed on the PDF (28,57%, largest remainder), as a number.
    assert levels["Hoàn thành xuất sắc nhiệm vụ"][2:4] == (2, 0.2857)
    assert levels["Hoàn thành tốt nhiệm vụ"][2] == 5
    facts = {r[0]: r[1] for r in rows[5:] if r[0]}
    assert facts["Tổng số đảng viên"] == 9
    assert facts["Thuộc diện xếp loại (mẫu số tính tỷ lệ)"] == 7
    assert facts["Tỷ lệ xuất sắc"] == "Số HTXSNV (2) vượt 20% số HTTNV (5 × 20% = 1)"
    assert facts["Vượt tỷ lệ"].startswith("Có")
    text = read(pdf, list_2025)
    assert facts["Tỷ lệ xuất sắc"] in text


# ---------------------------------------------------------------- kiểm điểm tập thể


def test_collective_review_2025_prints_form_01_with_scores_vote_and_level(season, pdf, tmp_path):
    path = print_collective_review(season.db, 2025, tmp_path / "tt.pdf", TODAY)

    text = read(pdf, path)
    assert "Mẫu 01-HD KĐ.ĐG 2025" in text
    assert "BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ Chi bộ Ấp Thạnh Lợi năm 2025" in text
    assert "1. Kết quả thực hiện chức năng, nhiệm vụ được giao Chi bộ lãnh đạo hoàn thành" in text
    assert "Tổng cộng 100 87" in text
    assert "Mức xếp loại tương ứng với tổng điểm: Hoàn thành tốt nhiệm vụ." in text
    # Form 01 has its own item "Trách nhiệm của tập thể, cá nhân" (issue 12), so 8 items.
    assert "5. Trách nhiệm của tập thể, cá nhân đối với những hạn chế, khuyết điểm" in text
    assert "8. Tự nhận mức xếp loại chất lượng Chi bộ tự nhận mức xếp loại: Hoàn thành tốt" in text
    assert "Kết quả biểu quyết: 7/7 phiếu tán thành." in text


def test_collective_review_before_2025_is_a_short_result_paper(season, pdf, tmp_path):
    path = print_collective_review(season.db, 2024, tmp_path / "tt.pdf", TODAY)

    text = read(pdf, path)
    assert "KẾT QUẢ TỰ ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ CHI BỘ" in text
    assert "Mẫu 01" not in text and "Tự chấm điểm" not in text


# ---------------------------------------------------------------- every paper


PAPERS = {
    "commitment": lambda s, p: print_commitment(s.db, s.ids[SECRETARY], 2025, p, TODAY),
    "summary": lambda s, p: print_commitment_summary(s.db, 2025, p, TODAY),
    "review": lambda s, p: print_self_review(s.db, s.ids[SECRETARY], 2025, p, TODAY),
    "review_2024": lambda s, p: print_self_review(s.db, s.ids[GOOD[0]], 2024, p, TODAY),
    "ratings": lambda s, p: print_rating_list(s.db, 2025, p, TODAY),
    "collective": lambda s, p: print_collective_review(s.db, 2025, p, TODAY),
}


@pytest.mark.parametrize("kind", sorted(PAPERS))
def test_every_review_paper_is_party_format_with_embedded_vietnamese_fonts(
    season, pdf, tmp_path, kind
):
    path = PAPERS[kind](season, tmp_path / f"{kind}.pdf")

    first = pdf.texts(path)[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "CHI BỘ ẤP THẠNH LỢI" in first
    text = "\n".join(pdf.texts(path))
    assert "\ufffd" not in text and "■" not in text
    assert unicodedata.is_normalized("NFC", text)
    for font in pdf.fonts(path):
        assert font["/Subtype"] == "/TrueType"
        assert "LiberationSerif" in font["/BaseFont"]
        assert not any(name in font["/BaseFont"] for name in BASE_14)
    assert PdfReader(path).metadata.author == "Sổ Chi bộ"


def test_the_commitment_is_confirmed_for_the_chi_uy_by_its_bi_thu(season, pdf, tmp_path):
    from desktop.printing.reviews.commitment import print_commitment

    path = print_commitment(season.db, season.ids[DEPUTY], 2025, tmp_path / "ck.pdf", TODAY)

    text = read(pdf, path)
    assert "XÁC NHẬN CỦA CHI ỦY T/M CHI ỦY BÍ THƯ" in text


def test_a_member_not_reviewed_that_year_gets_the_reason_not_a_blank_form(season, pdf, tmp_path):
    path = print_self_review(season.db, season.ids[EXEMPTED], 2025, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    assert f"Đồng chí {EXEMPTED} không thuộc diện kiểm điểm năm 2025, lý do:" in text
    assert "Tự nhận mức xếp loại" not in text and "Người tự kiểm điểm".upper() not in text


def test_self_review_prints_each_criterion_of_the_years_form_under_its_group(
    season, pdf, tmp_path
):
    path = print_self_review(season.db, season.ids[SECRETARY], 2025, tmp_path / "kd.pdf", TODAY)

    text = read(pdf, path)
    # QĐ 366's three general criteria for individuals, then the leaders' task criterion.
    assert "1.1 Phẩm chất chính trị, đạo đức, lối sống; thực hiện trách nhiệm nêu gương" in text
    assert "1.2 Tư duy đổi mới, chiến lược, khát vọng cống hiến, dám nghĩ, dám làm" in text
    assert "1.3 Tự phê bình và phê bình, tự soi, tự sửa, khắc phục hạn chế, khuyết điểm" in text
    assert "2.1 Kết quả thực hiện nhiệm vụ và năng lực lãnh đạo, quản lý" in text
    assert "1 Nhóm tiêu chí chung 30 28" in text and "Tổng cộng 100 92" in text


def test_rating_workbook_facts_wrap_inside_the_printed_width(tmp_path):
    """LibreOffice cut the summary's long reasons at the page edge: they now span the
    table's columns, wrap, and their rows are tall enough; wrapped headings get room."""
    from openpyxl import Workbook

    from desktop.printing.xlsx_page import fit_row_height, text_lines

    assert text_lines("ngắn", 30) == 1 and text_lines("x" * 100, 30) == 4
    sheet = Workbook().active
    sheet.column_dimensions["A"].width = 10
    sheet["A4"] = "Hoàn thành xuất sắc nhiệm vụ"
    fit_row_height(sheet, 4, 1)
    assert sheet.row_dimensions[4].height >= 15.75 * 3
