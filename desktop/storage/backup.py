"""Backups (sao lưu) made with SQLite's online backup API, rotated, and restored safely.

A file copy of a live WAL database can miss committed pages; the backup API cannot.
Restoring removes stale ``-wal``/``-shm`` files, which would otherwise make a good
backup look "malformed".

Rotation never loses the last good copies: a copy is kept only after a full check (so a
damaged database is never backed up), the newest backup of each protected kind (before
an upgrade, before a restore, after a full check) is never rotated out, and a file is
removed only when a newer verified backup exists.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.storage.atomic import atomic_path
from desktop.storage.health import problems

BACKUP_DIR_NAME = "backups"
_BACKUP_PATTERN = re.compile(r"^sochibo-(\d{8}-\d{6})(?:-(\d+))?(?:-([a-z-]+))?\.sqlite3$")
BEFORE_UPGRADE, BEFORE_RESTORE, CHECKED = "truoc-nang-cap", "truoc-khoi-phuc", "da-kiem-tra"
PROTECTED_REASONS = (BEFORE_UPGRADE, BEFORE_RESTORE, CHECKED)


class BackupError(RuntimeError):
    """A backup could not be made or a file is not a usable backup."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    sequence: int
    reason: str
    size: int


def copy_database(
    source: Path, target: Path, tables: tuple[str, ...] = ("alembic_version",)
) -> None:
    """Copy a (possibly live) database into ``target`` atomically, fully checked afterwards.

    The copy is checked, not the source: it is what will be trusted later. A copy that
    fails (damage in the source, a text that does not decode) is thrown away.
    """
    with atomic_path(target) as tmp:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        except sqlite3.DatabaseError as exc:
            name = Path(source).name
            raise BackupError(f"Không sao lưu được {name}: SQLite báo {exc}.") from None
        finally:
            src.close()
        found = problems(tmp, full=True, tables=tables)
        if found:
            raise BackupError(
                f"Không sao lưu: dữ liệu {Path(source).name} không qua được kiểm tra "
                f"({'; '.join(found)}). Các bản sao lưu cũ được giữ nguyên."
            )


def make_backup(database: Path, backups_dir: Path, reason: str = "", keep: int = 10) -> Path:
    """Back up ``database`` into ``backups_dir`` and keep only the newest ``keep`` files."""
    now = datetime.now().replace(microsecond=0)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    suffix = f"-{reason}" if reason else ""
    # The sequence only grows within a second: reusing a rotated-out name would sort the
    # newest backup as the oldest one of that second.
    taken = [b.sequence for b in list_backups(backups_dir) if b.made_at == now]
    sequence = max(taken, default=0) + 1
    target = backups_dir / f"sochibo-{stamp}{suffix}.sqlite3"
    while sequence > 1 or target.exists():
        sequence = max(sequence, 2)
        target = backups_dir / f"sochibo-{stamp}-{sequence}{suffix}.sqlite3"
        if not target.exists():
            break
        sequence += 1
    copy_database(database, target)
    rotate(backups_dir, keep, newest_verified=target)
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


def rotate(backups_dir: Path, keep: int, newest_verified: Path) -> list[Path]:
    """Remove ordinary backups beyond the newest ``keep``; return what was removed.

    Only files older than ``newest_verified`` (a backup that just passed a full check)
    are candidates, and the newest backup of each protected reason always stays.
    """
    found = list_backups(backups_dir)
    anchor = next((b for b in found if b.path == Path(newest_verified)), None)
    if anchor is None:
        return []
    protected = set()
    for reason in PROTECTED_REASONS:
        newest = next((b for b in found if b.reason == reason), None)
        if newest is not None:
            protected.add(newest.path)
    removed = []
    ordinary = [b for b in found if b.path not in protected]
    for old in ordinary[max(1, keep) :]:
        if (old.made_at, old.sequence) < (anchor.made_at, anchor.sequence):
            old.path.unlink(missing_ok=True)
            removed.append(old.path)
    return removed


def newest_good_backup(backups_dir: Path) -> BackupInfo | None:
    """The newest backup that passes a full check now (damaged copies are skipped)."""
    for info in list_backups(backups_dir):
        if not problems(info.path, full=True):
            return info
    return None


def verify_backup_file(path: Path) -> None:
    """Raise ``BackupError`` unless ``path`` is an intact Sổ Chi bộ database."""
    if not Path(path).is_file():
        raise BackupError(f"Không tìm thấy tệp {path}.")
    found = problems(path, full=True)
    if found:
        raise BackupError(
            f"Tệp {Path(path).name} không phải là bản sao lưu Sổ Chi bộ dùng được: "
            f"{'; '.join(found)}."
        )


def restore_file(backup: Path, database: Path) -> None:
    """Replace ``database`` (which must be closed) by ``backup``, atomically."""
    verify_backup_file(backup)
    copy_database(backup, database.with_name(database.name + ".restoring"))
    for stale in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(database.with_name(database.name + ".restoring"), database)
