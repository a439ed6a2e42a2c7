"""The đảng ủy's consolidated rating list, as PDF and as a spreadsheet."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.printing.exchange.consolidated import print_consolidated
from desktop.printing.exchange.consolidated_xlsx import write_consolidated_xlsx
from desktop.services.exchange.consolidation import import_package, set_expected_cells
from desktop.services.cell.workspace import Workspace
from tests.services.test_consolidation import YEAR, make_cell, package_of


def superior_with_two_cells(tmp_path):
    from desktop.services.cell.details import CellInfo, save_cell

    ws = Workspace(tmp_path / "superior", lock=False)
    save_cell(ws.db, CellInfo("Đảng ủy xã Vị Thủy", "Đảng bộ tỉnh Cần Thơ", "Vị Thủy", ""))
    a = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTXSNV", "HTTNV", "HTTNV"])
    b = make_cell(tmp_path / "b", "Ấp Thạnh Lợi", ["HTXSNV", "HTTNV"], first_card=3)
    import_package(ws.db, package_of(a, tmp_path / "stick", "A"))
    import_package(ws.db, package_of(b, tmp_path / "stick", "B"))
    set_expected_cells(ws.db, ["Ấp Tân Phú", "Ấp Thạnh Lợi", "Ấp Long Bình"])
    return ws


def test_the_pdf_shows_each_cell_the_total_the_quota_the_missing_and_the_duplicate(tmp_path):
    ws = superior_with_two_cells(tmp_path)
    target = tmp_path / "tong-hop.pdf"

    print_consolidated(ws.db, YEAR, target)

    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    text = " ".join(text.split())
    assert "ĐẢNG ỦY XÃ VỊ THỦY" in text
    assert f"TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {YEAR}" in text
    assert "Ấp Tân Phú" in text and "Ấp Thạnh Lợi" in text and "Tổng cộng" in text
    assert "3 × 20% = 0,6" in text  # 2 xuất sắc over 3 tốt across both cells
    assert "Chi bộ chưa nộp kết quả: Ấp Long Bình" in text
    assert "092000000003" in text  # card 3 is in both cells


def test_the_spreadsheet_holds_the_same_numbers_as_numbers(tmp_path):
    ws = superior_with_two_cells(tmp_path)
    target = tmp_path / "tong-hop.xlsx"

    write_consolidated_xlsx(ws.db, YEAR, target)

    book = load_workbook(target)
    counts = book["Tổng hợp"]
    rows = [[c.value for c in row] for row in counts.iter_rows(min_row=5, max_row=7)]
    assert rows[0][1] == "Ấp Tân Phú" and rows[0][2:] == [3, 0, 1, 2, 0, 0, 0]
    assert rows[2][1] == "Tổng cộng" and rows[2][2:] == [5, 0, 2, 3, 0, 0, 0]
    assert book["Danh sách"].max_row == 9  # the Party header (3 rows), heads, five members


def test_the_spreadsheets_print_on_a4_like_the_pdf(tmp_path):
    from desktop.printing.reviews.rating_xlsx import rating_xlsx_bytes

    ws = superior_with_two_cells(tmp_path)
    consolidated = load_workbook(write_consolidated_xlsx(ws.db, YEAR, tmp_path / "th.xlsx"))
    make_list = __import__("tests.services.test_consolidation", fromlist=["make_cell"]).make_cell
    cell = make_list(tmp_path / "c", "Ấp Long Bình", ["HTTNV", "HTTNV"], first_card=9)
    ratings = load_workbook(__import__("io").BytesIO(rating_xlsx_bytes(cell.db, YEAR)))
    for book in (consolidated, ratings):
        for sheet in book.worksheets:
            setup = sheet.page_setup
            assert int(setup.paperSize) == int(sheet.PAPERSIZE_A4)  # A4
            assert setup.fitToWidth == 1 and setup.fitToHeight == 0
            assert sheet.sheet_properties.pageSetUpPr.fitToPage
            assert sheet.print_title_rows.replace("$", "") == "4:4" and sheet.print_area
            assert any("ĐẢNG CỘNG SẢN VIỆT NAM" in str(c.value) for c in sheet[1])
            fonts = {c.font.name for row in sheet.iter_rows() for c in row if c.value is not None}
            assert fonts == {"Times New Roman"}
            assert sheet.cell(row=4, column=1).border.left.style == "thin"
    assert consolidated["Tổng hợp"].page_setup.orientation == "landscape"
    assert ratings["Danh sách"].page_setup.orientation == "landscape"


def test_the_pdf_carries_the_dang_uy_own_header_number_signer_and_recipients(tmp_path):
    from datetime import date

    from desktop.services.exchange.consolidation import UnitHeader, set_unit_header

    ws = superior_with_two_cells(tmp_path)
    set_unit_header(
        ws.db, UnitHeader("Đảng bộ thành phố Cần Thơ", "Đảng ủy xã Vị Thủy", "Vị Thủy",
                          "Phạm Văn Minh", "Phó Bí thư"),
    )  # fmt: skip
    first = print_consolidated(ws.db, YEAR, tmp_path / "a.pdf", today=date(2026, 1, 10))
    again = print_consolidated(ws.db, YEAR, tmp_path / "b.pdf", today=date(2026, 3, 1))

    texts = [" ".join(" ".join(p.extract_text() for p in PdfReader(f).pages).split())
             for f in (first, again)]  # fmt: skip
    assert texts[0] == texts[1]
    text = texts[0]
    assert "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ" in text and "Số 01-DS/ĐU" in text
    assert "Vị Thủy, ngày 10 tháng 01 năm 2026" in text
    assert "T/M ĐẢNG ỦY PHÓ BÍ THƯ" in text and "Phạm Văn Minh" in text
    assert "Nơi nhận:" in text and "- Lưu Văn phòng Đảng ủy." in text
    assert "Chưa đề xuất" in text
