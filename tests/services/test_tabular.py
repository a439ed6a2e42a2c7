"""Reading spreadsheets into grids: encodings, delimiters, raw Excel types, merged cells."""

from __future__ import annotations

import os
from datetime import datetime

import openpyxl
import pytest

from desktop.errors import DomainError
from desktop.services.members.tabular import read_grid

ROSTER_LINE = "Nguyễn Thị Lành,Nữ,05/3/1962"


def test_random_bytes_named_xlsx_give_vietnamese_error(tmp_path):
    path = tmp_path / "danh sach.xlsx"
    path.write_bytes(os.urandom(2048))
    with pytest.raises(DomainError) as info:
        read_grid(path)
    assert str(info.value).startswith("Không đọc được tệp danh sach.xlsx:")


def test_a_damaged_xls_file_is_a_vietnamese_message(tmp_path):
    path = tmp_path / "cu.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + os.urandom(100))
    with pytest.raises(DomainError, match="Không đọc được tệp cu.xls"):
        read_grid(path)


def test_other_file_types_are_refused(tmp_path):
    path = tmp_path / "danh sach.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(DomainError, match="chỉ nhận tệp .xlsx, .xls hoặc .csv"):
        read_grid(path)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(DomainError, match="không tìm thấy tệp"):
        read_grid(tmp_path / "khong-co.csv")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_reads_unicode_csv(tmp_path, encoding):
    path = tmp_path / "ds.csv"
    path.write_bytes(f"Họ và tên,Giới tính,Ngày sinh\n{ROSTER_LINE}\n".encode(encoding))
    grid = read_grid(path)
    assert grid.rows == [["Họ và tên", "Giới tính", "Ngày sinh"], ROSTER_LINE.split(",")]


def to_cp1258(text: str) -> bytes:
    """Encode as Windows does: base letters precomposed (â, ă, ơ…), tone marks separate."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones))
        out.append(base + "".join(p for p in parts if p in tones))
    return "".join(out).encode("cp1258")


def test_reads_windows_1258_csv_as_composed_unicode(tmp_path):
    raw = to_cp1258(f"Họ và tên;Giới tính;Ngày sinh\r\n{ROSTER_LINE.replace(',', ';')}\r\n")
    # Really decomposed in the file: the dot below of "ọ" is a byte of its own.
    assert raw.startswith(b"Ho" + "\u0323".encode("cp1258"))
    path = tmp_path / "ds.csv"
    path.write_bytes(raw)
    grid = read_grid(path)
    assert grid.encoding == "cp1258"
    assert grid.rows[1] == ["Nguyễn Thị Lành", "Nữ", "05/3/1962"]
    assert grid.rows[0][0] == "Họ và tên"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_detects_csv_delimiter(tmp_path, delimiter):
    lines = ["DANH SÁCH ĐẢNG VIÊN", delimiter.join(["STT", "Họ và tên", "Nơi cư trú"])]
    lines.append(delimiter.join(["1", "Lê Văn An", '"Ấp 3, xã Long Trị"']))
    path = tmp_path / "ds.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    grid = read_grid(path)
    assert grid.rows[2] == ["1", "Lê Văn An", "Ấp 3, xã Long Trị"]


def test_excel_sep_hint_line_is_honoured(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("sep=;\nHọ và tên;Ngày sinh\nLê Văn An;1950\n", encoding="utf-8")
    assert read_grid(path).rows == [["Họ và tên", "Ngày sinh"], ["Lê Văn An", "1950"]]


def test_xlsx_keeps_raw_cell_types(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Lê Văn An", datetime(1950, 3, 5), 93012345678, 1.5])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    row = read_grid(path).rows[0]
    assert row == ["Lê Văn An", datetime(1950, 3, 5), 93012345678, 1.5]
    assert isinstance(row[2], int)


def test_header_cells_fill_merged_ranges_but_data_cells_only_fill_down(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Giới tính", None, "Nơi cư trú"])
    sheet.append([None, "Nam", "Nữ", None])
    sheet.append(["Lê Văn An", "x", None, "Ấp 3"])
    sheet.append(["Trần Văn Bình", "x", None, None])
    sheet.append(["Tổng cộng: 2 đồng chí", None, None, None])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("D3:D4")  # one hamlet for both members
    sheet.merge_cells("A5:D5")
    path = tmp_path / "ds.xlsx"
    book.save(path)
    grid = read_grid(path)
    assert grid.header_cells(0) == ["Họ và tên", "Giới tính", "Giới tính", "Nơi cư trú"]
    assert grid.header_cells(1) == ["Họ và tên", "Nam", "Nữ", None]
    assert grid.data_cells(3) == ["Trần Văn Bình", "x", None, "Ấp 3"]
    assert grid.data_cells(4) == ["Tổng cộng: 2 đồng chí", None, None, None]


def test_picks_the_visible_sheet_that_holds_the_roster(tmp_path):
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Hướng dẫn"
    notes.append(["Ghi chú: cập nhật đến tháng 3"])
    hidden = book.create_sheet("Cũ")
    hidden.append(["STT", "Họ và tên", "Ngày sinh", "Số thẻ đảng viên"])
    hidden.sheet_state = "hidden"
    roster = book.create_sheet("Danh sách")
    roster.append(["STT", "Họ và tên", "Ngày sinh"])
    roster.append([1, "Lê Văn An", 1950])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    grid = read_grid(path)
    assert grid.sheet_name == "Danh sách"
    assert grid.rows[1] == [1, "Lê Văn An", 1950]


def test_an_unmatched_quote_that_merges_lines_refuses_the_file(tmp_path):
    lines = ["Họ và tên,Giới tính,Ngày sinh"] + [f"Người {n},Nam,01/01/1970" for n in range(1, 4)]
    lines.insert(4, '"Lê Văn Năm,Nam,01/01/1970')  # line 5 opens a quote it never closes
    lines += [f"Người {n},Nam,01/01/1970" for n in range(6, 12)]
    path = tmp_path / "ds.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DomainError) as info:
        read_grid(path)
    message = str(info.value)
    assert "dòng 5–11 bị gộp" in message and "Không có dòng nào được nhập" in message


def test_a_field_over_the_csv_limit_is_a_message_not_a_crash(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Ghi chú\nLê Văn An," + "x" * 140_000 + "\n", encoding="utf-8")
    with pytest.raises(DomainError, match="dòng 2, một ô dài quá"):
        read_grid(path)


def test_utf32_csv_is_read(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes(("Họ và tên,Giới tính\n" + ROSTER_LINE + "\n").encode("utf-32"))
    grid = read_grid(path)
    assert grid.rows[1][0] == "Nguyễn Thị Lành" and grid.encoding == "utf-32"


FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "import")


def test_an_excel_97_roster_is_read_with_dates_and_text(tmp_path):
    # Made once with xlwt (not a dependency): the shape of an old district roster.
    grid = read_grid(os.path.join(FIXTURES, "danh-sach-excel-97.xls"))
    assert grid.rows[2][:3] == ["STT", "Họ và tên", "Giới tính"]
    assert grid.rows[3][1] == "Nguyễn Thị Lành" and grid.rows[3][0] == 1
    assert grid.rows[3][3] == datetime(1962, 3, 5)
    assert grid.rows[4][4] == "000123456789"


def test_an_xls_roster_imports(db):
    from desktop.services.members.importing import apply_import, plan_import

    report = apply_import(db, plan_import(db, os.path.join(FIXTURES, "danh-sach-excel-97.xls")))
    assert report.imported == 2


def test_a_password_protected_xlsx_is_named_as_such(tmp_path):
    path = tmp_path / "mat-khau.xlsx"
    body = b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + body)
    with pytest.raises(DomainError, match="được đặt mật khẩu"):
        read_grid(path)


def test_a_stray_cell_far_away_does_not_build_a_huge_grid(tmp_path):
    import time

    path = tmp_path / "ds.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Giới tính"])
    sheet.append(["Nguyễn Thị Lành", "Nữ"])
    sheet["XFD1048576"] = "x"
    sheet.cell(row=200_000, column=2000, value="y")
    book.save(path)
    started = time.perf_counter()
    grid = read_grid(path)
    assert time.perf_counter() - started < 10
    assert len(grid.rows) == 2 and grid.width == 2
