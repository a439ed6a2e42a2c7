"""The data folder keeps people's data safe: WAL, one transaction per action, migrations."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import text

from desktop.models import Member
from desktop.services.cell.workspace import Workspace
from desktop.storage.schema import NewerDatabaseError, head_revision


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_data_folder_gets_current_schema_with_wal_and_foreign_keys(tmp_path):
    with Workspace(tmp_path, lock=False) as ws:
        with ws.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == head_revision()
    assert (tmp_path / "sochibo.sqlite3").exists()


def test_failed_action_saves_nothing(workspace):
    with pytest.raises(RuntimeError):
        with workspace.db.session() as session:
            session.add(Member(full_name="Nguyễn Văn An"))
            session.flush()
            raise RuntimeError("mất điện giữa chừng")
    with workspace.db.session() as session:
        assert session.query(Member).count() == 0


def test_database_from_newer_version_is_refused_and_left_untouched(tmp_path):
    Workspace(tmp_path, lock=False).close()
    db_file = tmp_path / "sochibo.sqlite3"
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(db_file)
    with pytest.raises(NewerDatabaseError) as caught:
        Workspace(tmp_path, lock=False)
    assert "phiên bản Sổ Chi bộ mới hơn" in str(caught.value)
    assert _digest(db_file) == before
    assert not (tmp_path / "backups").exists()


def test_existing_database_is_backed_up_before_migrating(tmp_path):
    Workspace(tmp_path, lock=False).close()
    db_file = tmp_path / "sochibo.sqlite3"
    with sqlite3.connect(db_file) as conn:
        # An older schema: everything the migrations made is gone, only old data remains.
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            if table != "alembic_version":
                conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM alembic_version")
        conn.execute("CREATE TABLE old_notes (body TEXT)")
        conn.execute("INSERT INTO old_notes VALUES ('sổ cũ')")
    with Workspace(tmp_path, lock=False) as ws:
        backups = list((tmp_path / "backups").glob("*truoc-nang-cap*.sqlite3"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as conn:
            assert conn.execute("SELECT body FROM old_notes").fetchone() == ("sổ cũ",)
        with ws.db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM member")).scalar() == 0


def test_backup_on_open_is_taken_for_existing_data_only(tmp_path):
    Workspace(tmp_path, lock=False, backup_on_open=True).close()
    assert not list(tmp_path.glob("backups/*.sqlite3"))
    Workspace(tmp_path, lock=False, backup_on_open=True).close()
    assert len(list((tmp_path / "backups").glob("*khoi-dong*.sqlite3"))) == 1


def test_damaged_database_is_reported_not_opened(tmp_path):
    from desktop.services.cell.workspace import DamagedDatabaseError

    db_file = tmp_path / "sochibo.sqlite3"
    db_file.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(DamagedDatabaseError) as caught:
        Workspace(tmp_path, lock=False)
    assert "bị hỏng" in str(caught.value)
    assert "khôi phục" in str(caught.value)


def test_committed_work_is_in_the_main_file_right_after_each_action(tmp_path):
    """A -wal lost or deleted while the app runs must not take acknowledged work with it."""
    import shutil

    with Workspace(tmp_path / "data", lock=False) as ws:
        for number in range(5):
            with ws.db.session() as session:
                session.add(Member(full_name=f"Đảng viên {number}"))
        alone = tmp_path / "main-file-only.sqlite3"
        shutil.copy(ws.database_path, alone)  # as a copy that leaves the -wal behind
        with sqlite3.connect(alone) as conn:
            assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 5
