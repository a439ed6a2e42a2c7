"""Backups to a stick and the handover package for the next secretary, both verified and logged."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from desktop.exchange.read import read_package
from desktop.services.demo.builder import load_demo
from desktop.packaging.handover import README_NAME, backup_to, export_handover
from desktop.packaging.ratings import export_log, export_ratings

TODAY = date(2026, 12, 10)


def test_backup_to_a_stick_is_one_verified_database_file_and_is_logged(workspace, tmp_path):
    load_demo(workspace.db, today=TODAY)
    stick = tmp_path / "usb"
    stick.mkdir()

    result = backup_to(workspace.db, workspace.database_path, stick, now=datetime(2026, 12, 10, 9))

    assert result.path == stick / "SoChiBo-saoluu-20261210-090000.sqlite3"
    with sqlite3.connect(result.path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM member").fetchone()[0] == 25
    entry = export_log(workspace.db)[0]
    assert (entry.kind_label, entry.name, entry.sha256) == (
        "Bản sao lưu dữ liệu",
        result.path.name,
        result.sha256,
    )


def test_the_handover_package_holds_the_data_the_papers_and_a_note(workspace, tmp_path):
    load_demo(workspace.db, today=TODAY)
    stick = tmp_path / "usb"
    stick.mkdir()

    result = export_handover(workspace.db, workspace.database_path, 2026, stick, today=TODAY)

    contents = read_package(result.path)
    names = set(contents.files)
    assert {"du-lieu-so-chi-bo.sqlite3", "danh-sach-dang-vien.pdf", README_NAME} <= names
    assert "so-bien-ban-sinh-hoat-2026.pdf" in names
    assert "danh-sach-xep-loai-2026.pdf" in names
    note = contents.files[README_NAME].decode("utf-8")
    assert "du-lieu-so-chi-bo.sqlite3" in note and "\r\n" in note
    assert contents.manifest.kind == "handover"
    assert export_log(workspace.db)[0].kind_label == "Gói bàn giao"


def test_each_ratings_export_is_logged_newest_first(workspace, tmp_path):
    load_demo(workspace.db, today=TODAY)
    stick = tmp_path / "usb"
    stick.mkdir()

    first = export_ratings(workspace.db, 2026, stick, today=TODAY)
    second = export_ratings(workspace.db, 2026, stick, replace=True, today=TODAY)

    log = export_log(workspace.db)
    assert [e.sha256 for e in log] == [second.sha256, first.sha256]
    # PDF, xlsx, rating file, and the list of what is still missing (con-thieu-2026.txt).
    assert log[0].file_count == 3 + bool(second.gaps) and log[0].target == str(stick) and log[0].year == 2026


def test_a_backup_with_a_password_is_an_encrypted_package_that_restores(workspace, tmp_path):
    load_demo(workspace.db, today=TODAY)
    stick = tmp_path / "usb"
    stick.mkdir()

    result = backup_to(
        workspace.db,
        workspace.database_path,
        stick,
        password="Mật khẩu chi bộ",
        now=datetime(2026, 12, 10, 9),
    )

    assert result.encrypted and result.path == stick / "SoChiBo-saoluu-20261210-090000"
    assert sorted(p.name for p in result.path.iterdir()) == [
        "du-lieu.sochibo-enc",
        "manifest.json",
    ]
    raw = (result.path / "du-lieu.sochibo-enc").read_bytes()
    assert "Nguyễn".encode() not in raw and b"SQLite format 3" not in raw
    contents = read_package(result.path, "Mật khẩu chi bộ")
    assert contents.manifest.kind == "backup"
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(contents.files["du-lieu-so-chi-bo.sqlite3"])
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT count(*) FROM member").fetchone()[0] == 25
    assert export_log(workspace.db)[0].encrypted
