"""sochibo export ratings / import ratings / print consolidated, end to end."""

from __future__ import annotations

import shutil

from pypdf import PdfReader

from desktop.cli import main
from tests.services.test_consolidation import YEAR, make_cell


def cell_folder(tmp_path, name, levels, first_card=1):
    folder = tmp_path / name
    make_cell(folder, f"Ấp {name}", levels, first_card).close()
    return folder


def test_ratings_travel_from_two_cells_to_the_superior_and_print(tmp_path, capsys):
    stick = tmp_path / "usb"
    stick.mkdir()
    for name, levels, first in (("Một", ["HTXSNV", "HTTNV"], 1), ("Hai", ["HTTNV"], 10)):
        code = main(["--data", str(cell_folder(tmp_path, name, levels, first)), "export",
                     "ratings", "--year", str(YEAR), "--to", str(stick)])  # fmt: skip
        assert code == 0
    out = capsys.readouterr().out
    assert "Có thể rút USB an toàn" in out
    packages = sorted(p for p in stick.iterdir())
    assert [p.name for p in packages] == [
        f"SoChiBo-XepLoai-{YEAR}-Ap-Hai",
        f"SoChiBo-XepLoai-{YEAR}-Ap-Mot",
    ]
    assert (packages[0] / "manifest.json").exists()
    assert (packages[0] / f"danh-sach-xep-loai-{YEAR}.xlsx").exists()

    superior = tmp_path / "superior"
    code = main(["--data", str(superior), "import", "ratings", *map(str, packages)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Đã nhập gói của chi bộ Ấp Hai" in out and "2 chi bộ đã nộp, 3 đảng viên" in out

    target = tmp_path / "tong-hop.pdf"
    assert main(["--data", str(superior), "print", "consolidated", "--year", str(YEAR),
                 "-o", str(target)]) == 0  # fmt: skip
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Ấp Một" in text and "Ấp Hai" in text


def test_a_tampered_package_is_refused_with_its_reason_and_a_failing_exit(tmp_path, capsys):
    stick = tmp_path / "usb"
    stick.mkdir()
    folder = cell_folder(tmp_path, "Một", ["HTTNV"])
    assert main(["--data", str(folder), "export", "ratings", "--year", str(YEAR),
                 "--to", str(stick)]) == 0  # fmt: skip
    package = next(stick.iterdir())
    copy = tmp_path / "copy" / package.name
    shutil.copytree(package, copy)
    data = copy / f"xep-loai-{YEAR}.json"
    data.write_bytes(data.read_bytes().replace(b"HTTNV", b"HTXSN", 1))
    capsys.readouterr()

    code = main(["--data", str(tmp_path / "superior"), "import", "ratings", str(copy)])

    assert code == 1
    assert "đã bị thay đổi hoặc hỏng" in capsys.readouterr().err


def test_export_with_a_password_file_makes_a_package_that_needs_it(tmp_path, capsys):
    stick = tmp_path / "usb"
    stick.mkdir()
    secret = tmp_path / "matkhau.txt"
    secret.write_text("Mật khẩu chi bộ 2026\n", encoding="utf-8")
    folder = cell_folder(tmp_path, "Một", ["HTTNV"])
    assert main(["--data", str(folder), "export", "ratings", "--year", str(YEAR),
                 "--to", str(stick), "--password-file", str(secret)]) == 0  # fmt: skip
    package = next(stick.iterdir())
    assert sorted(p.name for p in package.iterdir()) == [
        "chu-ky.json", "du-lieu.sochibo-enc", "manifest.json"
    ]
    capsys.readouterr()

    superior = str(tmp_path / "superior")
    assert main(["--data", superior, "import", "ratings", str(package)]) == 1
    assert "mật khẩu" in capsys.readouterr().err
    assert main(["--data", superior, "import", "ratings", str(package),
                 "--password-file", str(secret)]) == 0  # fmt: skip


def test_a_password_backup_restores_from_the_command_line(tmp_path, capsys):
    secret = tmp_path / "matkhau.txt"
    secret.write_text("Mật khẩu sao lưu\n", encoding="utf-8")
    source = cell_folder(tmp_path, "Một", ["HTTNV", "HTTNV"])
    stick = tmp_path / "usb"
    stick.mkdir()
    assert main(["--data", str(source), "backup", "--to", str(stick),
                 "--password-file", str(secret)]) == 0  # fmt: skip
    package = next(stick.iterdir())
    target = tmp_path / "new-secretary"
    capsys.readouterr()

    assert main(["--data", str(target), "restore", str(package)]) == 1
    assert "mật khẩu" in capsys.readouterr().err
    assert main(["--data", str(target), "restore", str(package / "manifest.json"),
                 "--password-file", str(secret)]) == 0  # fmt: skip
    assert main(["--data", str(target), "check"]) == 0
    assert "số đảng viên: 2" in capsys.readouterr().out


def test_export_names_what_the_package_is_sent_without(tmp_path, capsys):
    stick = tmp_path / "usb"
    stick.mkdir()
    folder = cell_folder(tmp_path, "Một", ["HTTNV"])
    capsys.readouterr()
    assert main(["--data", str(folder), "export", "ratings", "--year", str(YEAR),
                 "--to", str(stick)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert f"danh sách còn thiếu (con-thieu-{YEAR}.txt)" in out
    listed = (next(stick.iterdir()) / f"con-thieu-{YEAR}.txt").read_text(encoding="utf-8")
    for line in listed.splitlines()[4:]:
        assert f"  - {line}" in out
