"""Opening a data folder fast (issue 15): no Alembic when the schema is current, and the
start-up backup taken in the background but always before the first write."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, table

from desktop.models import Cell
from desktop.services.cell.workspace import DamagedDatabaseError, Workspace
from desktop.storage import backup as backups
from desktop.storage.revision import head_of_files, schema_is_current, stored_revision_of
from desktop.storage.schema import head_revision


def _startup_backups(folder):
    return [b for b in backups.list_backups(folder / "backups") if b.reason == "khoi-dong"]


def test_the_head_read_from_the_migration_files_is_alembics_head():
    assert head_of_files() == head_revision()


def test_head_of_files_sees_a_branch_and_gives_no_answer(tmp_path):
    for name, revision, down in (("a", "1", None), ("b", "2", "1"), ("c", "3", "1")):
        (tmp_path / f"{name}.py").write_text(f"revision = {revision!r}\ndown_revision = {down!r}\n")
    assert head_of_files(tmp_path) is None
    (tmp_path / "d.py").write_text('revision = "4"\ndown_revision = ("2", "3")\n')
    assert head_of_files(tmp_path) == "4"


def test_schema_is_current_only_for_a_file_at_the_head(tmp_path):
    with Workspace(tmp_path / "data", lock=False) as ws:
        path = ws.database_path
    assert stored_revision_of(path) == head_revision() and schema_is_current(path)
    assert not schema_is_current(tmp_path / "missing.sqlite3")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    conn.close()
    assert not schema_is_current(path)
    plain = tmp_path / "plain.sqlite3"
    sqlite3.connect(plain).close()
    assert not schema_is_current(plain)


def test_an_older_file_is_still_upgraded_the_alembic_way(tmp_path):
    # A real file of an older schema (tests/fixtures/schema), not a head file relabelled:
    # later migrations then meet exactly the tables they were written for.
    folder = tmp_path / "data"
    folder.mkdir()
    stored = Path(__file__).resolve().parent.parent / "fixtures" / "schema" / "sochibo-0003.sqlite3"
    shutil.copyfile(stored, folder / "sochibo.sqlite3")
    with Workspace(folder, lock=False) as ws:
        assert stored_revision_of(ws.database_path) == head_revision()
        with ws.db.session() as session:
            session.execute(select(1).select_from(table("task_review"))).all()


def test_opening_a_current_folder_does_not_import_alembic(tmp_path):
    Workspace(tmp_path, lock=False).close()
    code = (
        "import sys, pathlib; from desktop.services.cell.workspace import DamagedDatabaseError, Workspace;"
        f"Workspace(pathlib.Path({str(tmp_path)!r})).close();"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_first_write_waits_for_the_deferred_backup(tmp_path):
    Workspace(tmp_path, lock=False).close()
    with Workspace(tmp_path, lock=False) as ws:
        backup = ws.defer_backup()
        with ws.db.session() as session:  # reading does not need it
            session.scalars(select(Cell)).all()
        assert not backup.done and _startup_backups(tmp_path) == []
        with ws.db.session() as session:
            session.add(Cell(name="Ấp Mới"))
        assert backup.done and backup.error is None
        [made] = _startup_backups(tmp_path)
        with sqlite3.connect(made.path) as copy:  # taken before the write
            assert copy.execute("SELECT count(*) FROM cell").fetchone()[0] == 0
        copy.close()


def test_a_failed_deferred_backup_refuses_every_write(tmp_path, monkeypatch):
    Workspace(tmp_path, lock=False).close()
    with Workspace(tmp_path, lock=False) as ws:

        def broken(_reason=""):
            raise backups.BackupError("Không sao lưu được: đĩa đầy.")

        monkeypatch.setattr(ws, "backup", broken)
        backup = ws.defer_backup()
        backup.start()
        backup.wait()
        # As a foreground start would: the damaged-data incident, good backups untouched.
        assert isinstance(backup.error, DamagedDatabaseError)
        with pytest.raises(DamagedDatabaseError):
            with ws.db.session() as session:
                session.add(Cell(name="Ấp Mới"))
        with ws.db.session() as session:
            assert session.scalars(select(Cell)).all() == []


def test_a_new_folder_has_nothing_to_back_up(tmp_path):
    with Workspace(tmp_path / "new", lock=False) as ws:
        assert ws.defer_backup() is None
    with Workspace(tmp_path / "new", lock=False) as ws:
        assert ws.defer_backup() is not None
