"""A damaged or lost database offers the restore in the message itself (no dead end)."""

from __future__ import annotations

import sqlite3

from desktop.app import open_errors
from desktop.services.cell.details import CellInfo, get_cell, save_cell
from desktop.services.cell.workspace import Workspace
from desktop.ui import incident, messages


def _used_folder(tmp_path):
    folder = tmp_path / "data"
    with Workspace(folder) as ws:
        save_cell(ws.db, CellInfo(name="Ấp Tân Phú"))
    Workspace(folder, backup_on_open=True).close()
    return folder


def _choosing(monkeypatch, *labels):
    offered = []
    queue = list(labels)

    def choose(parent, title, text, options, *, danger=True):
        offered.append((text, options))
        wanted = queue.pop(0)
        return options.index(incident.LABELS[wanted]) if wanted else None

    monkeypatch.setattr(messages, "choose", choose)
    return offered


def test_damaged_data_offers_the_newest_good_backup_and_restores_it(
    app, tmp_path, monkeypatch, answers
):
    folder = _used_folder(tmp_path)
    with sqlite3.connect(folder / "sochibo.sqlite3") as conn:
        conn.execute("UPDATE cell SET name = CAST(x'41ff' AS TEXT)")
    (folder / "settings.json").write_text('{"last_full_check": ""}')
    offered = _choosing(monkeypatch, incident.LATEST)
    workspace = incident.open_data_folder(folder, open_errors())
    try:
        assert workspace is not None
        assert get_cell(workspace.db).name == "Ấp Tân Phú"
    finally:
        workspace.close()
    text, options = offered[0]
    assert "bị hỏng" in text and incident.LABELS[incident.LATEST] in options
    assert incident.LABELS[incident.NEW_DATA] not in options  # damaged data is never dropped
    assert any(kind == "info" and "Đã khôi phục" in t for kind, t in answers.shown)
    assert list(folder.glob("sochibo.sqlite3.hong-*"))  # the damaged file is kept aside


def test_lost_data_can_start_new_only_after_a_second_yes(app, tmp_path, monkeypatch, answers):
    folder = _used_folder(tmp_path)
    (folder / "sochibo.sqlite3").write_bytes(b"")
    answers.reply = False
    _choosing(monkeypatch, incident.NEW_DATA, incident.QUIT)
    assert incident.open_data_folder(folder, open_errors()) is None
    assert (folder / "sochibo.sqlite3").stat().st_size == 0
    answers.reply = True
    _choosing(monkeypatch, incident.NEW_DATA)
    workspace = incident.open_data_folder(folder, open_errors())
    try:
        assert not get_cell(workspace.db).is_set
    finally:
        workspace.close()


def test_closing_the_box_quits_and_touches_nothing(app, tmp_path, monkeypatch):
    folder = _used_folder(tmp_path)
    (folder / "sochibo.sqlite3").unlink()
    _choosing(monkeypatch, None)
    assert incident.open_data_folder(folder, open_errors()) is None
    assert not (folder / "sochibo.sqlite3").exists()


def test_a_run_time_decode_error_is_the_damaged_data_message():
    try:
        conn = sqlite3.connect(":memory:")
        conn.execute("SELECT CAST(x'41ff' AS TEXT)").fetchall()
    except sqlite3.OperationalError as exc:
        text, _details = messages.user_message(exc)
    assert text == messages.DAMAGED_AT_RUN_TIME
