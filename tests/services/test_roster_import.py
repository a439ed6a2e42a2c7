"""Importing real-world rosters: every quirk is built in code so the test shows it."""

from __future__ import annotations

import csv
import unicodedata
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy.exc import OperationalError

from desktop.services.members import importing as roster_import
from desktop.errors import DomainError
from desktop.services.members.registry import MemberData, create_member, get_member, list_members
from desktop.services.members.import_columns import match_header
from desktop.services.members.importing import (
    DUPLICATE,
    NEW,
    REJECTED,
    apply_import,
    format_report,
    plan_import,
)
from desktop.text import PartialDate

HEADER = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số thẻ đảng viên", "Ngày vào Đảng"]


def write_xlsx(path, rows, merges=()):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def by_row(plan):
    return {row.row_number: row for row in plan.rows}


def imported(db):
    """The stored members by name, with their detail."""
    return {row.full_name: get_member(db, row.id).data for row in list_members(db)}


# --- the table inside the sheet ---------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("HỌ VÀ TÊN", "full_name"),
        ("Họ  và  tên:", "full_name"),
        ("Ngày, tháng, năm sinh", "birth_date"),
        ("Ngày sinh (ngày/tháng/năm)", "birth_date"),
        ("Số thẻ ĐV", "card_number"),
        ("so the dang vien", "card_number"),
        ("Ngày vào Đảng (kết nạp)", "admitted_on"),
        ("Chỗ ở hiện nay", "residence"),
        ("CMND/CCCD", "citizen_id"),
        ("LLCT", "political_theory"),
        ("SĐT", "phone"),
        ("Nữ", "female_mark"),
        ("Năm", None),
        ("STT", None),
        ("Xếp loại", None),
    ],
)
def test_headers_are_recognised_whatever_their_accents_case_and_punctuation(header, field):
    assert match_header(header) == field


def test_finds_header_below_merged_title_rows(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["ĐẢNG BỘ PHƯỜNG VỊ TÂN", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
            ["CHI BỘ KHU VỰC 3"],
            [],
            ["DANH SÁCH ĐẢNG VIÊN NĂM 2025"],
            HEADER,
            [1, "Lê Văn An", "Nam", "12/03/1950", "012345678901", "03/02/1975"],
        ],
        merges=["A1:C1", "D1:F1", "A2:C2", "A4:F4"],
    )
    plan = plan_import(db, path)
    assert plan.header_row == 5
    assert plan.mapping["full_name"] == 1 and plan.mapping["card_number"] == 4
    assert [(r.row_number, r.outcome) for r in plan.rows] == [(6, NEW)]


def test_skips_column_numbering_row_under_header(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
            [1, "Lê Văn An", "Nam", "1950", None, None],
        ],
    )
    plan = plan_import(db, path)
    assert [r.row_number for r in plan.rows] == [3]
    assert plan.skipped == [(2, "dòng đánh số cột (1), (2), (3)…")]


def test_total_and_signature_rows_below_data_are_not_members(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [1, "Lê Văn An", "Nam", "1950", None, None],
            [2, "Trần Thị Bé", "Nữ", "1962", None, None],
            ["Tổng cộng: 02 đồng chí"],
            [],
            [None, None, None, "Vị Tân, ngày 05 tháng 3 năm 2026"],
            [None, "Người lập biểu", None, "T/M CHI BỘ"],
            [None, None, None, "BÍ THƯ"],
            [None, "Phạm Văn Cường", None, "Nguyễn Văn Thắng"],
        ],
        merges=["A4:C4"],
    )
    plan = plan_import(db, path)
    assert [r.name for r in plan.rows] == ["Lê Văn An", "Trần Thị Bé"]
    assert [n for n, _ in plan.skipped] == [4, 6]
    assert "Dòng 6: bỏ qua — phần ký tên cuối bảng" in format_report(plan)


def test_member_lines_below_a_stray_date_line_are_still_read(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [1, "Lê Văn An", "Nam", "1950", None, None],
            [None, None, None, None, None, "ngày 05 tháng 3 năm 2020 chuyển đến"],
            [2, "Trần Thị Bé", "Nữ", "1962", None, None],
        ],
    )
    plan = plan_import(db, path)
    assert [r.name for r in plan.rows] == ["Lê Văn An", "Trần Thị Bé"]
    assert any(w.startswith("Dòng 4 nằm dưới phần ký tên") for w in plan.warnings)


def test_header_repeated_inside_the_table_is_not_a_member(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [1, "Lê Văn An", "Nam", "1950", None, None],
            HEADER,
            [2, "Trần Thị Bé", "Nữ", "1962", None, None],
        ],
    )
    plan = plan_import(db, path)
    assert [r.name for r in plan.rows] == ["Lê Văn An", "Trần Thị Bé"]
    assert plan.skipped == [(3, "dòng tiêu đề lặp lại")]


def test_section_titles_inside_the_table_are_not_members(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [None, "I. ĐẢNG VIÊN CHÍNH THỨC"],
            [1, "Lê Văn An", "Nam", "1950", None, None],
            ["II", "Đảng viên dự bị"],
            [2, "Trần Thị Bé", "Nữ", "1990", None, "05/3/2025"],
        ],
        merges=["B4:F4"],
    )
    plan = plan_import(db, path)
    assert [r.name for r in plan.rows] == ["Lê Văn An", "Trần Thị Bé"]
    assert [n for n, _ in plan.skipped] == [2, 4]


def test_two_row_header_with_group_title_over_sub_columns(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Trình độ", None, None, "Ghi chú"],
            [None, None, "Học vấn", "Chuyên môn", "LLCT", None],
            [1, "Lê Văn An", "12/12", "Kỹ sư", "Trung cấp", "Tổ 1"],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1", "F1:F2"],
    )
    plan = plan_import(db, path)
    assert plan.header_row == 2
    data = plan.rows[0].data
    assert (data.education, data.profession, data.political_theory, data.note) == (
        "12/12",
        "Kỹ sư",
        "Trung cấp",
        "Tổ 1",
    )


def test_name_split_over_merged_ho_va_ten_columns_is_joined(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", None, "Năm sinh"],
            [1, "Nguyễn Thị", "Lành", 1962],
        ],
        merges=["B1:C1"],
    )
    plan = plan_import(db, path)
    assert plan.rows[0].data.full_name == "Nguyễn Thị Lành"


def test_address_merged_down_over_several_members_belongs_to_each(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Năm sinh", "Nơi cư trú"],
            [1, "Lê Văn An", 1950, "Ấp Phú Thạnh"],
            [2, "Trần Văn Bình", 1955, None],
        ],
        merges=["D2:D3"],
    )
    plan = plan_import(db, path)
    assert [r.data.residence for r in plan.rows] == ["Ấp Phú Thạnh", "Ấp Phú Thạnh"]


def test_no_header_gives_vietnamese_error(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [["Lê Văn An", 1950], ["Trần Văn Bình", 1955]])
    with pytest.raises(DomainError, match="Không tìm thấy dòng tiêu đề"):
        plan_import(db, path)


def test_columns_chosen_by_the_user_replace_the_detected_ones(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [["STT", "Đồng chí", "Ngày sinh", "Số thẻ đảng viên"], [1, "Lê Văn An", "1950", None]],
    )
    detected = plan_import(db, path)
    assert "full_name" not in detected.mapping
    assert detected.rows == [] and "Chưa có cột Họ và tên" in detected.warnings[0]
    chosen = plan_import(db, path, mapping={**detected.mapping, "full_name": 1})
    assert [r.data.full_name for r in chosen.rows] == ["Lê Văn An"]


def test_preview_sample_shows_the_first_lines_as_text(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [HEADER, [1, "Lê Văn An", "Nam", datetime(1950, 3, 12), 12345678901.0, None]],
    )
    assert plan_import(db, path).sample == [
        ["1", "Lê Văn An", "Nam", "12/3/1950", "12345678901", ""]
    ]


def test_unknown_columns_are_listed_as_not_imported(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [["STT", "Họ và tên", "Năm sinh", "Xếp loại 2024"]])
    plan = plan_import(db, path)
    assert "Cột D (Xếp loại 2024) không được nhập." in plan.warnings


# --- repairs of single cells ------------------------------------------------------------


def test_all_caps_name_with_double_spaces_is_proper_cased_and_reported(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx", [HEADER, [1, "TRẦN  THỊ HỒNG   NHUNG", "NỮ", "1970", None, None]]
    )
    row = plan_import(db, path).rows[0]
    assert row.data.full_name == "Trần Thị Hồng Nhung"
    assert "Họ tên viết hoa → chuẩn hóa: Trần Thị Hồng Nhung" in row.repairs
    assert "Bỏ khoảng trắng thừa: Họ và tên" in row.repairs


def test_reads_dates_in_every_roster_form(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [1, "Lê Văn An", "Nam", "12/03/1950", None, "3-2-1975"],
            [2, "Lê Văn Bình", "Nam", "5-7-1951", None, datetime(1976, 5, 19)],
            [3, "Lê Văn Cường", "Nam", 1948, None, "19/05/1970"],
            [4, "Lê Văn Dũng", "Nam", "1949", None, None],
            [5, "Lê Văn Em", "Nam", datetime(1952, 9, 2), None, None],
            [6, "Lê Văn Giang", "Nam", "03/1953", None, None],
        ],
    )
    rows = by_row(plan_import(db, path))
    assert rows[2].data.birth_date == PartialDate(1950, 3, 12)
    assert rows[2].data.admitted_on == date(1975, 2, 3)
    assert rows[3].data.birth_date == PartialDate(1951, 7, 5)
    assert rows[3].data.admitted_on == date(1976, 5, 19)
    assert rows[4].data.birth_date == PartialDate(1948)
    assert "Ngày sinh chỉ có năm: 1948" in rows[4].repairs
    assert rows[5].data.birth_date == PartialDate(1949)
    assert rows[6].data.birth_date == PartialDate(1952, 9, 2)
    assert rows[7].data.birth_date == PartialDate(1953, 3)


def test_date_stored_as_excel_serial_number_is_read_and_reported(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, [1, "Lê Văn An", "Nam", 18334, None, None]])
    row = plan_import(db, path).rows[0]
    assert row.data.birth_date == PartialDate(1950, 3, 12)
    assert "Ngày sinh ghi dạng số Excel (18334) → 12/03/1950" in row.repairs


def test_school_grade_turned_into_a_date_by_excel_is_restored(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["Họ và tên", "Năm sinh", "Trình độ văn hóa"],
            ["Lê Văn An", 1950, datetime(2025, 12, 12)],
        ],
    )
    row = plan_import(db, path).rows[0]
    assert row.data.education == "12/12"
    assert "Học vấn bị Excel đổi thành ngày → 12/12" in row.repairs


def test_restores_leading_zero_of_card_number_stored_as_number(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [1, "Lê Văn An", "Nam", "1950", 12345678901, None],
            [2, "Lê Văn Bình", "Nam", "1951", 93012345678.0, None],
            [3, "Lê Văn Cường", "Nam", "1952", "0930 1234 5679", None],
        ],
    )
    rows = plan_import(db, path).rows
    assert [r.data.card_number for r in rows] == ["012345678901", "093012345678", "093012345679"]
    assert "Số thẻ mất số 0 đầu → 012345678901" in rows[0].repairs
    assert not any("Số thẻ" in text for text in rows[2].repairs)


def test_card_number_of_wrong_length_rejects_the_row(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx", [HEADER, [1, "Lê Văn An", "Nam", "1950", 1234567, None]]
    )
    row = plan_import(db, path).rows[0]
    assert row.outcome == REJECTED
    assert row.errors == ["Số thẻ đảng viên phải có 12 chữ số (giá trị: 1234567)"]


def test_old_nine_digit_cmnd_is_kept_in_the_note(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [["Họ và tên", "Năm sinh", "CMND/CCCD", "Ghi chú"], ["Lê Văn An", 1950, 361234567, "Tổ 2"]],
    )
    row = plan_import(db, path).rows[0]
    assert row.outcome == NEW
    assert row.data.citizen_id is None
    assert row.data.note == "Tổ 2; CMND/CCCD: 361234567"


def test_reads_gender_in_any_case(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [HEADER]
        + [
            [i, f"Lê Thị {n}", g, "1960", None, None]
            for i, (n, g) in enumerate(
                [("An", "Nữ"), ("Bình", "nữ"), ("Cúc", "NỮ"), ("Dũng", "NAM"), ("Em", " nam ")]
            )
        ],
    )
    assert [r.data.gender for r in plan_import(db, path).rows] == ["nu", "nu", "nu", "nam", "nam"]


def test_reads_gender_from_nam_and_nu_columns_under_gioi_tinh(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Giới tính", None, "Ngày sinh"],
            [None, None, "Nam", "Nữ", None],
            [1, "Lê Văn An", "x", None, "12/03/1950"],
            [2, "Trần Thị Bé", None, "X", "05/3/1962"],
        ],
        merges=["A1:A2", "B1:B2", "C1:D1", "E1:E2"],
    )
    plan = plan_import(db, path)
    assert plan.headers[2:4] == ["Giới tính / Nam", "Giới tính / Nữ"]
    assert [r.data.gender for r in plan.rows] == ["nam", "nu"]


def test_birth_date_written_in_the_nu_column_means_female(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Năm sinh", None],
            [None, None, "Nam", "Nữ"],
            [1, "Lê Văn An", "12/03/1950", None],
            [2, "Trần Thị Bé", None, 1962],
        ],
        merges=["A1:A2", "B1:B2", "C1:D1"],
    )
    rows = plan_import(db, path).rows
    assert [(r.data.gender, r.data.birth_date) for r in rows] == [
        ("nam", PartialDate(1950, 3, 12)),
        ("nu", PartialDate(1962)),
    ]


def test_party_post_in_a_single_chuc_vu_column_is_recognised(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["Họ và tên", "Năm sinh", "Chức vụ"],
            ["Lê Văn An", 1950, "Bí thư chi bộ, Trưởng ấp"],
            ["Lê Văn Bình", 1951, "Trưởng ban công tác Mặt trận"],
        ],
    )
    rows = plan_import(db, path).rows
    assert [(r.data.party_post, r.data.other_posts) for r in rows] == [
        ("bi_thu", "Trưởng ấp"),
        ("", "Trưởng ban công tác Mặt trận"),
    ]


def test_lone_nu_column_marks_the_women_and_the_rest_are_men(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Nữ", "Năm sinh"],
            [1, "Lê Văn An", None, "12/03/1950"],
            [2, "Trần Thị Bé", "x", "05/3/1962"],
        ],
    )
    rows = plan_import(db, path).rows
    assert [(r.data.gender, r.repairs) for r in rows] == [("nam", []), ("nu", [])]


def test_converts_tcvn3_cell_to_unicode(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx", [HEADER, [1, "NguyÔn V¨n Th¾ng", "Nam", "1950", None, None]]
    )
    row = plan_import(db, path).rows[0]
    assert row.data.full_name == "Nguyễn Văn Thắng"
    assert "Chuyển mã TCVN3 → Unicode: Họ và tên" in row.repairs


def test_converts_vni_cell_to_unicode(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [["Họ và tên", "Năm sinh", "Quê quán"], ["Lê Văn An", 1950, "Phöôùc Long"]],
    )
    row = plan_import(db, path).rows[0]
    assert row.data.hometown == "Phước Long"
    assert "Chuyển mã VNI → Unicode: Quê quán" in row.repairs


def test_decomposed_marks_are_stored_composed(db, tmp_path):
    name = unicodedata.normalize("NFD", "Trần Thị Hồng Nhung")
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, [1, name, "Nữ", "1970", None, None]])
    plan = plan_import(db, path)
    assert "Chuẩn hóa dấu tiếng Việt (dấu tách rời): Họ và tên" in plan.rows[0].repairs
    apply_import(db, plan)
    (stored,) = list_members(db)
    assert stored.full_name == "Trần Thị Hồng Nhung"
    assert unicodedata.is_normalized("NFC", stored.full_name)


def test_party_post_labels_become_codes(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["Họ và tên", "Năm sinh", "Chức vụ Đảng"],
            ["Lê Văn An", 1950, "BÍ THƯ"],
            ["Lê Văn Bình", 1951, "Phó bí thư"],
            ["Lê Văn Cường", 1952, "Chi ủy viên"],
            ["Lê Văn Dũng", 1953, "Bí thư, Trưởng ấp"],
        ],
    )
    rows = plan_import(db, path).rows
    assert [r.data.party_post for r in rows] == ["bi_thu", "pho_bi_thu", "chi_uy_vien", "bi_thu"]
    assert rows[3].data.other_posts == "Trưởng ấp"


# --- csv ----------------------------------------------------------------------------------


def to_cp1258(text: str) -> bytes:
    """Encode as Windows does: base letters precomposed (â, ă, ơ…), tone marks separate."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones))
        out.append(base + "".join(p for p in parts if p in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258"])
def test_reads_csv_roster_in_every_windows_encoding(db, tmp_path, encoding):
    text = (
        "DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP 3\r\n"
        "STT;Họ và tên;Giới tính;Ngày sinh;Số thẻ đảng viên;Quê quán\r\n"
        "1;Nguyễn Thị Lành;Nữ;05/3/1962;093012345678;Ấp Mỹ Hưng, xã Phước Long\r\n"
    )
    raw = to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    path = tmp_path / "ds.csv"
    path.write_bytes(raw)
    (row,) = plan_import(db, path).rows
    assert row.row_number == 3
    assert (row.data.full_name, row.data.gender, row.data.hometown) == (
        "Nguyễn Thị Lành",
        "nu",
        "Ấp Mỹ Hưng, xã Phước Long",
    )


# --- the report and the database -----------------------------------------------------------


def test_report_row_numbers_match_excel_rows(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["DANH SÁCH ĐẢNG VIÊN"],
            [],
            HEADER,
            [1, "Lê Văn An", "Nam", "1950", None, None],
            [],
            [2, None, "Nam", "1951", "012345678901", None],
            [3, "Trần Văn Bình", "Nam", "1955", None, None],
        ],
    )
    plan = plan_import(db, path)
    assert [(r.row_number, r.outcome) for r in plan.rows] == [
        (4, NEW),
        (6, REJECTED),
        (7, NEW),
    ]
    report = format_report(apply_import(db, plan))
    assert "Dòng 4: đã nhập Lê Văn An" in report
    assert "Dòng 6: không nhập — Thiếu họ tên" in report
    assert "Dòng 7: đã nhập Trần Văn Bình" in report


def test_file_with_bad_rows_imports_good_rows_and_gives_reasons(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [1, "Lê Văn An", "Nam", "1950", None, "03/02/1975"],
            [2, "Lê Văn Bình", "Nam", "1951", None, "31/02/2020"],
            [3, "Lê Văn Cường", "Không rõ", "1952", None, None],
            [4, "Lê Văn Dũng", "Nam", "2070", None, None],
            [5, "Lê Văn Em", "Nam", "1953", None, None],
        ],
    )
    report = apply_import(db, plan_import(db, path))
    assert (report.imported, report.rejected) == (2, 3)
    assert sorted(imported(db)) == ["Lê Văn An", "Lê Văn Em"]
    assert "Dòng 3: không nhập Lê Văn Bình — Ngày vào Đảng không hợp lệ: 31/02/2020" in report.lines
    assert "Dòng 4: không nhập Lê Văn Cường — Giới tính không rõ: Không rõ" in report.lines
    assert "Dòng 5: không nhập Lê Văn Dũng — Ngày sinh không được sau ngày hôm nay" in report.lines


def test_importing_the_same_file_twice_adds_nobody_and_says_so(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [1, "Lê Văn An", "Nam", "12/03/1950", 12345678901, "03/02/1975"],
            [2, "Trần Thị Bé", "Nữ", "05/3/1962", None, None],
            [3, "Phạm Văn Cường", "Nam", None, None, None],
        ],
    )
    first = apply_import(db, plan_import(db, path))
    assert first.imported == 3
    second_plan = plan_import(db, path)
    assert [r.outcome for r in second_plan.rows] == [DUPLICATE] * 3
    second = apply_import(db, second_plan)
    assert (second.imported, second.duplicates) == (0, 3)
    assert len(list_members(db)) == 3
    assert second.lines[0] == (
        "Dòng 2: bỏ qua Lê Văn An — đã có (trùng số thẻ 012345678901: Lê Văn An)"
    )
    assert "trùng họ tên và ngày sinh: Trần Thị Bé" in second.lines[1]
    assert "Đã nhập 0 đảng viên" in format_report(second)


def test_applying_one_plan_twice_adds_nobody_the_second_time(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, [1, "Lê Văn An", "Nam", "1950", None, None]])
    plan = plan_import(db, path)
    apply_import(db, plan)
    again = apply_import(db, plan)
    assert (again.imported, again.duplicates) == (0, 1)
    assert len(list_members(db)) == 1


def test_member_recorded_by_hand_with_full_birth_date_matches_a_year_only_line(db, tmp_path):
    create_member(db, MemberData(full_name="Lê Văn An", birth_date=PartialDate(1950, 3, 12)))
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, [1, "LÊ VĂN AN", "Nam", "1950", None, None]])
    row = plan_import(db, path).rows[0]
    assert row.outcome == DUPLICATE
    assert row.match_reason == "trùng họ tên và năm sinh 1950: Lê Văn An"


def test_duplicate_lines_within_one_file_are_imported_once(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            HEADER,
            [1, "Lê Văn An", "Nam", "1950", "012345678901", None],
            [2, "Trần Văn Bình", "Nam", "1955", None, None],
            [3, "Lê Văn An", "Nam", "1950", 12345678901, None],
        ],
    )
    plan = plan_import(db, path)
    assert by_row(plan)[4].outcome == DUPLICATE
    assert by_row(plan)[4].match_reason == ("trùng với dòng 2 trong tệp (cùng số thẻ 012345678901)")
    assert apply_import(db, plan).imported == 2


def test_planning_writes_nothing(db, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, [1, "Lê Văn An", "Nam", "1950", None, None]])
    plan_import(db, path)
    assert list_members(db) == []


def test_import_records_admission_and_official_events(db, tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["Họ và tên", "Ngày sinh", "Ngày kết nạp", "Ngày công nhận chính thức"],
            ["Lê Văn An", "1950", "03/02/1975", "03/02/1976"],
        ],
    )
    apply_import(db, plan_import(db, path))
    (row,) = list_members(db)
    detail = get_member(db, row.id)
    assert [(e.kind.value, e.happened_on) for e in detail.events] == [
        ("ket_nap", date(1975, 2, 3)),
        ("chinh_thuc", date(1976, 2, 3)),
    ]


def test_failed_write_leaves_the_database_unchanged(db, tmp_path, monkeypatch):
    create_member(db, MemberData(full_name="Võ Văn Cũ", birth_date=PartialDate(1940)))
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [HEADER]
        + [
            [i, f"Lê Văn {n}", "Nam", "1950", None, None]
            for i, n in enumerate(["An", "Bình", "Cường", "Dũng"], start=1)
        ],
    )
    plan = plan_import(db, path)
    real = roster_import._new_member
    calls = []

    def failing(data, *rest):
        calls.append(data)
        if len(calls) == 3:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real(data, *rest)

    monkeypatch.setattr(roster_import, "_new_member", failing)
    with pytest.raises(DomainError, match="Chưa có đảng viên nào được ghi"):
        apply_import(db, plan)
    assert [m.full_name for m in list_members(db)] == ["Võ Văn Cũ"]


def test_csv_with_only_names_imports(db, tmp_path):
    path = tmp_path / "ds.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["STT", "Họ và tên"])
        writer.writerow(["1", "Lê Văn An"])
    plan = plan_import(db, path)
    assert [r.data.full_name for r in plan.rows] == ["Lê Văn An"]
    assert any("không có cột Giới tính" in w for w in plan.warnings)


def test_tone_marks_and_card_numbers_make_different_people(db, tmp_path):
    """Six people born the same day: different card numbers are never duplicates."""
    names = ["Nguyễn Văn Ánh", "Nguyễn Văn Ảnh", "Nguyễn Văn Anh", "Nguyễn Văn Ảnh",
             "Nguyễn Văn Ãnh", "Nguyễn Văn Ạnh"]  # fmt: skip
    rows = [HEADER] + [
        [n, name, "Nam", "12/03/1950", 12345678900 + n, None] for n, name in enumerate(names, 1)
    ]
    plan = plan_import(db, write_xlsx(tmp_path / "ds.xlsx", rows))
    assert plan.new_count == 6 and plan.duplicate_count == 0
    assert apply_import(db, plan).imported == 6


def test_a_name_matching_only_without_tone_marks_is_a_question_not_a_skip(db, tmp_path):
    from desktop.services.members.importing import POSSIBLE_DUPLICATE

    create_member(db, MemberData(full_name="Nguyễn Văn Ánh", birth_date=PartialDate(1950, 3, 12)))
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, [1, "Nguyễn Văn Anh", "Nam", "12/03/1950"]])
    plan = plan_import(db, path)
    assert [r.outcome for r in plan.rows] == [POSSIBLE_DUPLICATE]
    assert "cần bí thư xác nhận" in format_report(plan)
    report = apply_import(db, plan)
    assert report.imported == 0 and "chưa nhập Nguyễn Văn Anh" in report.lines[0]
    plan = plan_import(db, path)
    plan.import_possible_duplicates()
    assert apply_import(db, plan).imported == 1
    assert len(list_members(db)) == 2


def test_the_same_citizen_id_is_the_same_person_whatever_the_name(db, tmp_path):
    create_member(db, MemberData(full_name="Lê Văn An", citizen_id="093162001234"))
    header = ["STT", "Họ và tên", "Giới tính", "Số CCCD"]
    path = write_xlsx(tmp_path / "ds.xlsx", [header, [1, "Lê Văn Ân", "Nam", "093162001234"]])
    row = plan_import(db, path).rows[0]
    assert row.outcome == DUPLICATE and "số CCCD 093162001234" in row.match_reason


def test_formulas_without_a_computed_value_are_named_in_the_warnings(db, tmp_path):
    import openpyxl

    path = tmp_path / "ds.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Giới tính"])
    sheet.append([1, '=CONCATENATE("Lê ","Văn An")', "Nam"])  # openpyxl stores no value
    sheet.append([2, "Trần Thị Bé", "Nữ"])
    book.save(path)
    plan = plan_import(db, path)
    assert any("1 ô công thức chưa được tính" in w for w in plan.warnings)
