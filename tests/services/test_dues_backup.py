"""Dues travel with the cell's data: the backup copy and the handover package hold them."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from desktop.exchange.read import read_package
from desktop.packaging.handover import DATA_FILE, backup_to, export_handover
from desktop.services.demo.builder import load_demo

TODAY = date(2026, 12, 10)


def test_backup_copy_holds_the_dues_ledger(workspace, tmp_path):
    load_demo(workspace.db, today=TODAY)
    with sqlite3.connect(workspace.database_path) as live:
        expected = live.execute("SELECT count(*), sum(amount) FROM dues_payment "
                                "WHERE voided_at IS NULL").fetchone()
    stick = tmp_path / "usb"
    stick.mkdir()
    result = backup_to(workspace.db, workspace.database_path, stick, now=datetime(2026, 12, 10, 9))
    with sqlite3.connect(result.path) as copy:
        got = copy.execute("SELECT count(*), sum(amount) FROM dues_payment "
                           "WHERE voided_at IS NULL").fetchone()
        assert got == expected and got[0] > 200
        for table in ("dues_assignment", "dues_month_closing", "dues_correction",
                      "dues_remittance", "cell_setting"):
            assert copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table


def test_handover_package_holds_the_year_ledger_and_the_dues_data(workspace, tmp_path):
    load_demo(workspace.db, today=TODAY)
    stick = tmp_path / "usb"
    stick.mkdir()
    result = export_handover(workspace.db, workspace.database_path, 2026, stick, today=TODAY)
    contents = read_package(result.path)
    assert contents.files["so-theo-doi-dang-phi-2026.pdf"].startswith(b"%PDF")
    data = tmp_path / "data.sqlite3"
    data.write_bytes(contents.files[DATA_FILE])
    with sqlite3.connect(data) as copy:
        assert copy.execute("SELECT count(*) FROM dues_payment").fetchone()[0] > 200
