"""The command line on damaged, missing and unwritable data: Vietnamese, exit 1, no trace."""

from __future__ import annotations

import sqlite3

from desktop.cli import main
from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.cell.workspace import Workspace


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out = capsys.readouterr()
    return code, out.out, out.err


def _data(tmp_path):
    data = tmp_path / "data"
    with Workspace(data) as ws:
        save_cell(ws.db, CellInfo(name="Ấp Tân Phú"))
    return data


def test_check_finds_a_text_that_does_not_decode(tmp_path, capsys):
    data = _data(tmp_path)
    code, out, _ = run(capsys, "--data", data, "check")
    assert code == 0 and "tốt" in out
    with sqlite3.connect(data / "sochibo.sqlite3") as conn:
        conn.execute("UPDATE cell SET name = CAST(x'41ff' AS TEXT)")
    code, out, err = run(capsys, "--data", data, "check")
    assert code == 1 and "bị hỏng" in err and "sochibo restore" in err
    assert "tốt" not in out


def test_zero_byte_database_is_not_reported_good(tmp_path, capsys):
    data = _data(tmp_path)
    (data / "sochibo.sqlite3").write_bytes(b"")
    code, out, err = run(capsys, "--data", data, "check")
    assert code == 1 and "0 byte" in err and "tốt" not in out
    code, out, _ = run(capsys, "--data", data, "--new-database", "check")
    assert code == 0 and "số đảng viên: 0" in out


def test_an_unwritable_output_file_is_a_vietnamese_message(tmp_path, capsys):
    data = _data(tmp_path)
    target = tmp_path / "khong-co-thu-muc" / "x" / "danh-sach.csv"
    (tmp_path / "khong-co-thu-muc").write_text("một tệp, không phải thư mục")
    code, _, err = run(capsys, "--data", data, "members", "export", target)
    assert code == 1
    assert "Traceback" not in err and "khong-co-thu-muc" in err
    assert "Hãy kiểm tra ổ đĩa" in err


def test_damaged_settings_are_reported_on_the_command_line(tmp_path, capsys):
    data = _data(tmp_path)
    (data / "settings.json").write_text('{"backups_to_keep": "abc"}')
    code, _, err = run(capsys, "--data", data, "check")
    assert code == 0 and "Chú ý" in err and "settings.json" in err


def test_a_lock_file_that_cannot_be_written_is_a_vietnamese_message(tmp_path, capsys, monkeypatch):
    import builtins

    data = _data(tmp_path)
    real_open = builtins.open

    def refusing(path, *args, **kwargs):
        if str(path).endswith("sochibo.lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing)
    code, _, err = run(capsys, "--data", data, "check")
    assert code == 1 and "sochibo.lock" in err and "không có quyền" in err


def test_a_closed_stdout_ends_in_exit_1_not_a_traceback(tmp_path, capsys, monkeypatch):
    import sys

    data = _data(tmp_path)

    class Broken:
        def write(self, _text):
            raise OSError(32, "Broken pipe")

        def flush(self):
            pass

    monkeypatch.setattr(sys, "stdout", Broken())
    assert main(["--data", str(data), "check"]) == 1
