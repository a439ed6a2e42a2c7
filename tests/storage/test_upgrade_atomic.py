"""A schema upgrade stopped at ANY statement leaves a file that still opens and upgrades.

The fault is injected in-process after the n-th statement the migration engine sends to
SQLite, for every n of the whole upgrade from the oldest stored schema (which runs every
migration) and from an empty file; ``bench/bench_reliability.py`` does the same with
kill -9.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop.services.cell.workspace import Workspace
from desktop.services.members.registry import list_members
from desktop.storage import schema
from desktop.storage.schema import head_revision

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "schema"
OLDEST = sorted(FIXTURES.glob("sochibo-*.sqlite3"))[0]


class Stop(Exception):
    pass


def _engine_failing_after(monkeypatch, limit: int | None, counter: list[int]):
    real = schema.make_migration_engine

    def failing(path):
        engine = real(path)

        @event.listens_for(engine, "before_cursor_execute")
        def count(*_args):
            counter[0] += 1
            if limit is not None and counter[0] > limit:
                raise Stop(f"stopped before statement {counter[0]}")

        return engine

    monkeypatch.setattr(schema, "make_migration_engine", failing)


def _statements(monkeypatch, source: Path | None, folder: Path) -> int:
    folder.mkdir()
    if source:
        shutil.copy(source, folder / "sochibo.sqlite3")
    counter = [0]
    _engine_failing_after(monkeypatch, None, counter)
    schema.run_migrations(folder / "sochibo.sqlite3")
    monkeypatch.undo()
    return counter[0]


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


@pytest.mark.parametrize("source", [OLDEST, None], ids=["oldest-stored", "empty-file"])
def test_upgrade_stopped_at_every_statement_rolls_back_and_upgrades_later(
    tmp_path, monkeypatch, source
):
    total = _statements(monkeypatch, source, tmp_path / "count")
    assert total > 20  # every migration's DDL and data statements went through the engine
    for limit in range(total):
        folder = tmp_path / f"stop-{limit}"
        folder.mkdir()
        db_file = folder / "sochibo.sqlite3"
        if source:
            shutil.copy(source, db_file)
            before = _tables(db_file)
        _engine_failing_after(monkeypatch, limit, [0])
        with pytest.raises(Stop):
            schema.run_migrations(db_file)
        monkeypatch.undo()
        if source:
            # Nothing of the next schema stayed behind: the same tables as before.
            assert _tables(db_file) == before, f"half-upgraded after {limit} statements"
        else:
            assert _tables(db_file) == set(), f"half-created after {limit} statements"
        schema.run_migrations(db_file)  # the next start upgrades the rolled-back file
        assert schema.stored_revision(db_file) == head_revision()
        if source:
            with sqlite3.connect(db_file) as conn:
                assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 25
    with Workspace(folder, lock=False) as ws:  # and the app opens the last one normally
        assert len(list_members(ws.db)) == (25 if source else 0)


def test_needs_upgrade_is_false_only_at_the_head(tmp_path):
    shutil.copy(OLDEST, tmp_path / "sochibo.sqlite3")
    from desktop.storage.database import Database

    db = Database(tmp_path / "sochibo.sqlite3")
    try:
        assert schema.needs_upgrade(db)
        schema.upgrade(db)
        assert not schema.needs_upgrade(db)
    finally:
        db.engine.dispose()
