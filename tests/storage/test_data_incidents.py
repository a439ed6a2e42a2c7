"""Nothing lost: damaged data is never backed up over good copies, missing data is an
incident, restore tries a candidate first, refused files stay byte-identical."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from desktop.services.cell.details import CellInfo, get_cell, save_cell
from desktop.services.cell.workspace import (
    DamagedDatabaseError,
    MissingDatabaseError,
    Workspace,
    restore_backup,
)
from desktop.storage.backup import (
    BEFORE_UPGRADE,
    BackupError,
    list_backups,
    make_backup,
    rotate,
)
from desktop.storage.lock import DataFolderInUse


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder_with_data(path, name="Ấp Tân Phú"):
    with Workspace(path, lock=False) as ws:
        save_cell(ws.db, CellInfo(name=name))
    return path / "sochibo.sqlite3"


def _undecodable_title(db_file):
    """Damage that passes quick_check and integrity_check: a text that is not UTF-8."""
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE cell SET name = CAST(x'4170ff20c3' AS TEXT)")


def test_damaged_database_never_rotates_good_backups_out(tmp_path):
    db_file = _folder_with_data(tmp_path)
    for _ in range(3):
        Workspace(tmp_path, lock=False, backup_on_open=True).close()
    good = {b.path for b in list_backups(tmp_path / "backups")}
    _undecodable_title(db_file)
    for _ in range(12):
        with pytest.raises(DamagedDatabaseError) as caught:
            Workspace(tmp_path, lock=False, backup_on_open=True)
    assert {b.path for b in list_backups(tmp_path / "backups")} == good
    assert caught.value.backup is not None and caught.value.backup.path in good
    assert "sochibo restore" in str(caught.value)


def test_protected_backups_survive_any_number_of_ordinary_ones(tmp_path, workspace):
    folder = tmp_path / "bk"
    before_upgrade = make_backup(workspace.database_path, folder, BEFORE_UPGRADE, keep=3)
    for _ in range(8):
        make_backup(workspace.database_path, folder, "khoi-dong", keep=3)
    kept = list_backups(folder)
    assert before_upgrade in {b.path for b in kept}
    assert len([b for b in kept if b.reason == "khoi-dong"]) == 3


def test_rotation_removes_nothing_without_a_newer_verified_backup(tmp_path, workspace):
    folder = tmp_path / "bk"
    for _ in range(4):
        make_backup(workspace.database_path, folder, keep=10)
    assert rotate(folder, 1, newest_verified=folder / "sochibo-unknown.sqlite3") == []
    assert len(list_backups(folder)) == 4


def test_backup_of_an_empty_file_is_refused(tmp_path):
    empty = tmp_path / "sochibo.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(BackupError):
        make_backup(empty, tmp_path / "bk")
    assert list_backups(tmp_path / "bk") == []


@pytest.mark.parametrize("state", ["zero-byte", "missing"])
def test_lost_database_in_a_used_folder_is_an_incident_not_a_fresh_start(tmp_path, state):
    db_file = _folder_with_data(tmp_path)
    Workspace(tmp_path, lock=False, backup_on_open=True).close()
    if state == "zero-byte":
        db_file.write_bytes(b"")
    else:
        db_file.unlink()
    for _ in range(3):
        with pytest.raises(MissingDatabaseError) as caught:
            Workspace(tmp_path, lock=False, backup_on_open=True)
    assert "đã từng có dữ liệu" in str(caught.value)
    assert caught.value.backup is not None
    assert (db_file.stat().st_size == 0) if state == "zero-byte" else not db_file.exists()
    restore_backup(tmp_path, caught.value.backup.path)
    with Workspace(tmp_path, lock=False) as ws:
        assert get_cell(ws.db).name == "Ấp Tân Phú"


def test_secretary_may_choose_a_new_database_and_the_empty_file_is_kept(tmp_path):
    db_file = _folder_with_data(tmp_path)
    db_file.write_bytes(b"")
    with Workspace(tmp_path, lock=False, allow_new_database=True) as ws:
        assert not get_cell(ws.db).is_set
    assert list(tmp_path.glob("sochibo.sqlite3.trong-*"))


def test_a_brand_new_folder_still_starts_fresh(tmp_path):
    Workspace(tmp_path / "new").close()
    assert (tmp_path / "new" / "sochibo.sqlite3").stat().st_size > 0


def test_restore_refuses_a_file_without_the_app_schema_and_keeps_the_data(tmp_path):
    db_file = _folder_with_data(tmp_path / "data")
    bogus = tmp_path / "bogus.sqlite3"
    with sqlite3.connect(bogus) as conn:
        conn.execute("CREATE TABLE member (x)")
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        conn.execute("INSERT INTO alembic_version VALUES ('0004')")
    before = _digest(db_file)
    with pytest.raises(BackupError) as caught:
        restore_backup(tmp_path / "data", bogus)
    assert "Dữ liệu hiện tại được giữ nguyên" in str(caught.value)
    assert _digest(db_file) == before
    assert list_backups(tmp_path / "data" / "backups") == []


def test_restore_refuses_a_backup_from_a_newer_version(tmp_path):
    db_file = _folder_with_data(tmp_path / "data")
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(db_file) as src, sqlite3.connect(newer) as dst:
        src.backup(dst)
        dst.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _digest(db_file)
    with pytest.raises(BackupError) as caught:
        restore_backup(tmp_path / "data", newer)
    assert "mới hơn" in str(caught.value)
    assert _digest(db_file) == before


def test_restore_refuses_a_damaged_backup(tmp_path):
    _folder_with_data(tmp_path / "old", name="Cũ")
    damaged = tmp_path / "old" / "sochibo.sqlite3"
    _undecodable_title(damaged)
    _folder_with_data(tmp_path / "data")
    with pytest.raises(BackupError):
        restore_backup(tmp_path / "data", damaged)


def test_restore_over_damaged_data_moves_it_aside_and_backs_up_nothing_bad(tmp_path):
    good = make_backup(_folder_with_data(tmp_path / "data"), tmp_path / "elsewhere")
    _undecodable_title(tmp_path / "data" / "sochibo.sqlite3")
    kept = restore_backup(tmp_path / "data", good)
    assert kept.name.startswith("sochibo.sqlite3.hong-")
    assert list_backups(tmp_path / "data" / "backups") == []
    with Workspace(tmp_path / "data", lock=False) as ws:
        assert get_cell(ws.db).name == "Ấp Tân Phú"


def test_refused_newer_rollback_journal_database_stays_byte_identical(tmp_path):
    db_file = _folder_with_data(tmp_path)
    with sqlite3.connect(db_file) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(db_file)
    from desktop.storage.schema import NewerDatabaseError

    with pytest.raises(NewerDatabaseError):
        Workspace(tmp_path, lock=False)
    assert _digest(db_file) == before
    assert not (tmp_path / "sochibo.sqlite3-wal").exists()


def test_weekly_full_check_finds_text_damage_quick_check_misses(tmp_path):
    db_file = _folder_with_data(tmp_path)
    _undecodable_title(db_file)
    with pytest.raises(DamagedDatabaseError) as caught:
        Workspace(tmp_path, lock=False)
    assert "không đọc được" in str(caught.value)


def test_a_passed_full_check_is_remembered_and_kept_as_a_protected_backup(tmp_path):
    _folder_with_data(tmp_path)
    with Workspace(tmp_path, lock=False) as ws:
        assert ws.settings.last_full_check
    reasons = [b.reason for b in list_backups(tmp_path / "backups")]
    assert reasons == ["da-kiem-tra"]
    Workspace(tmp_path, lock=False).close()  # not again within the week
    assert len(list_backups(tmp_path / "backups")) == 1


def test_deleting_the_lock_file_does_not_let_a_second_copy_in(tmp_path):
    with Workspace(tmp_path):
        (tmp_path / "sochibo.lock").unlink()
        with pytest.raises(DataFolderInUse):
            Workspace(tmp_path)


def test_restore_is_refused_while_the_app_holds_the_folder(tmp_path):
    _folder_with_data(tmp_path / "data")
    good = make_backup(tmp_path / "data" / "sochibo.sqlite3", tmp_path / "elsewhere")
    with Workspace(tmp_path / "data") as ws:
        save_cell(ws.db, CellInfo(name="Đang ghi"))
        (tmp_path / "data" / "sochibo.lock").unlink()
        with pytest.raises(DataFolderInUse):
            restore_backup(tmp_path / "data", good)
        assert get_cell(ws.db).name == "Đang ghi"


def test_many_backups_in_one_second_keep_the_newest(tmp_path, workspace):
    folder = tmp_path / "bk"
    made = [make_backup(workspace.database_path, folder, keep=2) for _ in range(6)]
    kept = [b.path for b in list_backups(folder)]
    assert made[-1] in kept and len(kept) == 2
