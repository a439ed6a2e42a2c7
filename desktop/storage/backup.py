"""Backups (sao lưu) made with SQLite's online backup API, rotated, and restored safely.

A file copy of a live WAL database can miss committed pages; the backup API cannot.
Restoring removes stale ``-wal``/``-shm`` files, which would otherwise make a good
backup look "malformed".
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.storage.atomic import atomic_path

BACKUP_DIR_NAME = "backups"
_BACKUP_PATTERN = re.compile(r"^sochibo-(\d{8}-\d{6})(?:-(\d+))?(?:-([a-z-]+))?\.sqlite3$")


class BackupError(RuntimeError):
    """A backup could not be made or a file is not a usable backup."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    sequence: int
    reason: str
    size: int


def copy_database(source: Path, target: Path) -> None:
    """Copy a (possibly live) database into ``target`` atomically, verified afterwards."""
    with atomic_path(target) as tmp:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                result = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if result != "ok":
            raise BackupError(f"Bản sao lưu vừa tạo không toàn vẹn: {result}")


def make_backup(database: Path, backups_dir: Path, reason: str = "", keep: int = 10) -> Path:
    """Back up ``database`` into ``backups_dir`` and keep only the newest ``keep`` files."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = f"-{reason}" if reason else ""
    target = backups_dir / f"sochibo-{stamp}{suffix}.sqlite3"
    sequence = 1
    while target.exists() or any(backups_dir.glob(f"sochibo-{stamp}-{sequence}*.sqlite3")):
        sequence += 1
        target = backups_dir / f"sochibo-{stamp}-{sequence}{suffix}.sqlite3"
    copy_database(database, target)
    rotate(backups_dir, keep)
    return target


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    found = []
    if not backups_dir.is_dir():
        return found
    for path in backups_dir.iterdir():
        match = _BACKUP_PATTERN.match(path.name)
        if not match:
            continue
        made_at = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        sequence = int(match.group(2) or 1)
        size = path.stat().st_size
        found.append(BackupInfo(path, made_at, sequence, match.group(3) or "", size))
    found.sort(key=lambda b: (b.made_at, b.sequence), reverse=True)
    return found


def rotate(backups_dir: Path, keep: int) -> None:
    for old in list_backups(backups_dir)[max(1, keep) :]:
        old.path.unlink(missing_ok=True)


def verify_backup_file(path: Path) -> None:
    """Raise ``BackupError`` unless ``path`` is an intact Sổ Chi bộ database."""
    if not Path(path).is_file():
        raise BackupError(f"Không tìm thấy tệp {path}.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        name = Path(path).name
        raise BackupError(f"Tệp {name} không phải là bản sao lưu Sổ Chi bộ ({exc}).") from None
    if result != "ok":
        raise BackupError(f"Tệp {Path(path).name} bị hỏng: {result}")
    if "member" not in tables or "alembic_version" not in tables:
        raise BackupError(f"Tệp {Path(path).name} không phải là bản sao lưu Sổ Chi bộ.")


def restore_file(backup: Path, database: Path) -> None:
    """Replace ``database`` (which must be closed) by ``backup``, atomically."""
    verify_backup_file(backup)
    copy_database(backup, database.with_name(database.name + ".restoring"))
    for stale in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(database.with_name(database.name + ".restoring"), database)
