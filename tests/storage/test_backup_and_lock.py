"""Backups rotate and restore cleanly; a second app on the same folder is refused."""

from __future__ import annotations

import pytest

from desktop.services.cell.details import CellInfo, get_cell, save_cell
from desktop.services.cell.workspace import Workspace, restore_backup
from desktop.storage.atomic import atomic_path, atomic_write_bytes
from desktop.storage.backup import BackupError, list_backups, make_backup, verify_backup_file
from desktop.storage.lock import DataFolderInUse


def test_second_app_on_the_same_data_folder_is_refused_politely(tmp_path):
    with Workspace(tmp_path):
        with pytest.raises(DataFolderInUse) as caught:
            Workspace(tmp_path)
    assert "đang được mở" in str(caught.value)
    Workspace(tmp_path).close()  # free again once the first one closed


def test_backups_keep_only_the_newest(tmp_path, workspace):
    for _ in range(5):
        make_backup(workspace.database_path, tmp_path / "bk", keep=3)
    kept = list_backups(tmp_path / "bk")
    assert len(kept) == 3
    for info in kept:
        verify_backup_file(info.path)


def test_restore_brings_back_old_data_and_keeps_current_as_backup(tmp_path):
    data = tmp_path / "data"
    with Workspace(data, lock=False) as ws:
        save_cell(ws.db, CellInfo(name="Ấp Tân Phú"))
        old = ws.backup("thu")
        save_cell(ws.db, CellInfo(name="Ấp Mới"))
    # Stale WAL files beside a restored database make it look "malformed".
    (data / "sochibo.sqlite3-wal").write_bytes(b"stale")
    (data / "sochibo.sqlite3-shm").write_bytes(b"stale")
    safety = restore_backup(data, old)
    with Workspace(data, lock=False) as ws:
        assert get_cell(ws.db).name == "Ấp Tân Phú"
    with Workspace(tmp_path / "other", lock=False):
        pass
    restore_backup(tmp_path / "other", safety)
    with Workspace(tmp_path / "other", lock=False) as ws:
        assert get_cell(ws.db).name == "Ấp Mới"


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, workspace):
    bogus = tmp_path / "not-a-backup.sqlite3"
    bogus.write_bytes(b"hello")
    with pytest.raises(BackupError) as caught:
        restore_backup(workspace.data_dir, bogus)
    assert "không phải là bản sao lưu" in str(caught.value)


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "settings.json"
    atomic_write_bytes(target, b"old")
    with pytest.raises(OSError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise OSError("đĩa đầy")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
