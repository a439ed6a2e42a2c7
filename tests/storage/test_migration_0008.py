"""0008 adds ``deleted_at`` to meeting, topic and commitment; its downgrade removes them
and keeps every row (one in "Đã xóa" comes back as a live one)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command

from desktop.storage import schema

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema" / "sochibo-0007.sqlite3"
TABLES = ("meeting", "topic", "commitment")


def _columns(path: Path, table: str) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _run(path: Path, action, revision: str) -> None:
    engine = schema.make_migration_engine(path)
    try:
        config = schema._alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            action(config, revision)
    finally:
        engine.dispose()


def test_0008_up_adds_deleted_at_and_down_removes_it_keeping_every_row(tmp_path):
    path = tmp_path / "sochibo.sqlite3"
    shutil.copy(FIXTURE, path)
    before = _counts(path)
    assert all(before.values())  # the stored file has meetings, topics and commitments
    assert all("deleted_at" not in _columns(path, t) for t in TABLES)

    _run(path, command.upgrade, "0008")
    assert schema.stored_revision(path) == "0008"
    assert all("deleted_at" in _columns(path, t) for t in TABLES)
    assert _counts(path) == before
    with sqlite3.connect(path) as conn:
        live = conn.execute("SELECT count(*) FROM meeting WHERE deleted_at IS NULL").fetchone()
        assert live[0] == before["meeting"]
        conn.execute("UPDATE meeting SET deleted_at = '2026-12-01 10:00:00' WHERE id = 1")

    _run(path, command.downgrade, "0007")
    assert schema.stored_revision(path) == "0007"
    assert all("deleted_at" not in _columns(path, t) for t in TABLES)
    assert _counts(path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert not {f"ix_{t}_deleted_at" for t in TABLES} & indexes
