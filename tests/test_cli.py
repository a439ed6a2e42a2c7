"""The command line does what the GUI does, on the same services, in Vietnamese."""

from __future__ import annotations

import unicodedata

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.services.members.registry import list_members
from desktop.services.cell.workspace import Workspace


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo_dir(tmp_path, capsys):
    data = tmp_path / "data"
    code, out, _ = run(capsys, "--data", data, "demo")
    assert code == 0 and "Đã nạp chi bộ mẫu" in out
    return data


def test_demo_then_print_roster(tmp_path, capsys, demo_dir):
    target = tmp_path / "danh-sach.pdf"
    code, out, _ = run(
        capsys, "--data", demo_dir, "print", "roster", "-o", target, "--date", "23/11/2026"
    )
    assert code == 0 and target.exists()
    text = unicodedata.normalize(
        "NFC", "\n".join(p.extract_text() for p in PdfReader(target).pages)
    )
    assert "DANH SÁCH ĐẢNG VIÊN" in text
    assert "ngày 23 tháng 11 năm 2026" in text
    assert "DỮ LIỆU MẪU" in text  # the sample cell's papers say so
    with Workspace(demo_dir, lock=False) as ws:
        for row in list_members(ws.db, include_off_roll=False)[:5]:
            assert row.full_name in text


def test_demo_refuses_a_folder_that_has_data(capsys, demo_dir):
    code, _, err = run(capsys, "--data", demo_dir, "demo")
    assert code == 1 and "thư mục dữ liệu trống" in err


def test_demo_of_a_given_size_takes_everyone_through_the_year(tmp_path, capsys):
    from sqlalchemy import func, select

    from desktop.models import Attendance, Commitment, Member, Rating

    data = tmp_path / "big"
    code, out, _ = run(capsys, "--data", data, "demo", "--members", "60")
    assert code == 0 and "60 đảng viên" in out
    with Workspace(data, lock=False) as ws, ws.db.session() as session:
        assert session.scalar(select(func.count(Member.id))) == 60
        names = session.scalars(select(Member.full_name)).all()
        assert len(set(names)) == 60  # the sample's 25 keep their names to themselves
        synthetic = select(Member.id).where(Member.id > 25)
        # The synthetic members attend the meetings and go through the review season too.
        for table in (Attendance, Commitment, Rating):
            count = select(func.count()).select_from(table).where(table.member_id.in_(synthetic))
            assert session.scalar(count) > 0, table.__name__


def test_demo_smaller_than_the_sample_cell_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "--data", tmp_path / "small", "demo", "--members", "10")
    assert code == 1 and "ít nhất 25" in err


def test_export_then_import_elsewhere_and_again(tmp_path, capsys, demo_dir):
    sheet = tmp_path / "danh-sach.xlsx"
    code, out, _ = run(capsys, "--data", demo_dir, "members", "export", sheet)
    assert code == 0 and "Đã xuất 25 đảng viên" in out
    other = tmp_path / "other"
    code, out, _ = run(capsys, "--data", other, "members", "import", sheet)
    assert code == 0
    with Workspace(other, lock=False) as ws:
        assert len(list_members(ws.db)) == 25
    code, out, _ = run(capsys, "--data", other, "members", "import", sheet)
    assert code == 0
    with Workspace(other, lock=False) as ws:
        assert len(list_members(ws.db)) == 25  # nothing duplicated
    assert "trùng" in out


def test_unreadable_file_gives_vietnamese_error_and_failure_code(tmp_path, capsys):
    bogus = tmp_path / "hong.xlsx"
    bogus.write_bytes(b"\x00\x01 not a workbook")
    code, _, err = run(capsys, "--data", tmp_path / "data", "members", "import", bogus)
    assert code != 0
    assert "Không đọc được tệp" in err


def test_backup_restore_and_check(tmp_path, capsys, demo_dir):
    stick = tmp_path / "usb"
    stick.mkdir()
    code, out, _ = run(capsys, "--data", demo_dir, "backup", "--to", stick)
    assert code == 0 and "Đã sao lưu và kiểm tra" in out
    (backup_file,) = stick.glob("SoChiBo-saoluu-*.sqlite3")
    fresh = tmp_path / "fresh"
    code, out, _ = run(capsys, "--data", fresh, "restore", backup_file)
    assert code == 0
    code, out, _ = run(capsys, "--data", fresh, "check")
    assert code == 0 and "tốt" in out and "số đảng viên: 25" in out


def test_busy_data_folder_is_refused(capsys, demo_dir):
    with Workspace(demo_dir):
        code, _, err = run(capsys, "--data", demo_dir, "check")
    assert code == 1 and "đang được mở" in err


def test_bad_arguments_are_explained_in_vietnamese(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["print", "roster"])
    assert caught.value.code == 2
    assert "Lỗi cú pháp lệnh" in capsys.readouterr().err
