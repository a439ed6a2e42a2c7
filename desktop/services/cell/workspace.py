"""Opening a data folder (thư mục dữ liệu): lock, checks, schema upgrade, start-up backup.

Both faces of the app (GUI and command line) open data through ``Workspace`` so that
the lock, the migrations and the backups behave the same in both.

Opening never makes things worse: the file is first inspected read-only (a damaged or
newer file is refused byte-identical), a missing or empty database in a folder that
has held data is an incident, not a fresh start, and damage found by the weekly full
check or the start-up backup stops the app with the newest good backup on offer.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop.config import DATABASE_NAME, SETTINGS_NAME, Settings
from desktop.errors import DomainError
from desktop.exchange.signing import KEY_FILE_NAME
from desktop.storage import backup as backups
from desktop.storage.atomic import atomic_write_bytes
from desktop.storage.database import Database
from desktop.storage.health import problems
from desktop.storage.lock import LOCK_NAME, DataFolderLock
from desktop.storage.restore import validate_candidate
from desktop.storage.schema import check_revision_known, stored_revision, upgrade

FULL_CHECK_EVERY = timedelta(days=7)


class DataIncidentError(DomainError):
    """The data cannot be opened as it is; ``backup`` is the newest good copy, if any."""

    def __init__(self, message: str, backup: backups.BackupInfo | None) -> None:
        self.backup = backup
        if backup is not None:
            message += (
                f" Bản sao lưu tốt mới nhất: {backup.path.name} (lúc "
                f"{backup.made_at:%H:%M ngày %d/%m/%Y}). Có thể khôi phục ngay từ hộp thoại "
                f'này, hoặc bằng lệnh: sochibo restore "{backup.path}".'
            )
        else:
            message += (
                " Không tìm thấy bản sao lưu nào còn tốt trong thư mục backups. Nếu có bản "
                "sao lưu trên USB, hãy khôi phục từ đó (nút Khôi phục từ tệp… trong hộp thoại "
                'này, hoặc lệnh: sochibo restore "TỆP").'
            )
        super().__init__(message)


class DamagedDatabaseError(DataIncidentError):
    pass


class MissingDatabaseError(DataIncidentError):
    """The folder has held data (backups, settings, lock) but the database is gone or empty."""


def folder_has_held_data(data_dir: Path) -> bool:
    return (
        (data_dir / SETTINGS_NAME).exists()
        or (data_dir / LOCK_NAME).exists()
        or bool(backups.list_backups(data_dir / backups.BACKUP_DIR_NAME))
    )


class Workspace:
    """An open data folder. Use as a context manager, or call ``close()``.

    ``allow_new_database`` is the secretary's explicit choice to start empty in a folder
    whose database went missing; an empty file is then kept aside, never overwritten.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        lock: bool = True,
        backup_on_open: bool = False,
        allow_new_database: bool = False,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        held = folder_has_held_data(self.data_dir)
        self._lock = DataFolderLock(self.data_dir) if lock else None
        if self._lock:
            self._lock.acquire()
        try:
            self.settings = Settings.load(self.data_dir)
            self.notices = [self.settings.problem] if self.settings.problem else []
            existed = self._inspect(held, allow_new_database)
            self.db = Database(self.database_path)
            try:
                upgrade(self.db, self.backups_dir, keep=self.settings.backups_to_keep)
                if existed:
                    self._periodic_full_check()
                if existed and backup_on_open:
                    self._startup_backup()
            except BaseException:
                self.db.engine.dispose()
                raise
        except BaseException:
            if self._lock:
                self._lock.release()
            raise

    def _damaged(self, why: str) -> DamagedDatabaseError:
        return DamagedDatabaseError(
            f"Tệp dữ liệu {self.database_path} bị hỏng ({why}). Ứng dụng không mở và không "
            "sao lưu tệp này để các bản sao lưu tốt không bị thay thế.",
            backups.newest_good_backup(self.backups_dir),
        )

    def _inspect(self, held: bool, allow_new: bool) -> bool:
        """Read-only look at the file before anything may write to it; True if it exists."""
        path = self.database_path
        empty = path.exists() and path.stat().st_size == 0
        if not path.exists() or empty:
            if held and not allow_new:
                state = "trống (0 byte)" if empty else "không còn"
                raise MissingDatabaseError(
                    f"Tệp dữ liệu {path} {state}, dù thư mục này đã từng có dữ liệu. Có thể "
                    "tệp đã bị xóa hoặc ghi hỏng. Ứng dụng không tự tạo dữ liệu mới đè lên.",
                    backups.newest_good_backup(self.backups_dir),
                )
            if empty:
                stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
                os.replace(path, path.with_name(f"{path.name}.trong-{stamp}"))
            return False
        found = problems(path, full=False, tables=())
        if found:
            raise self._damaged("; ".join(found))
        try:
            revision = stored_revision(path)
        except sqlite3.DatabaseError as exc:
            raise self._damaged(str(exc)) from None
        check_revision_known(path, revision)
        return True

    def _periodic_full_check(self) -> None:
        """Weekly: the full integrity check and a read of every text; a pass is kept apart."""
        try:
            last = date.fromisoformat(self.settings.last_full_check)
        except ValueError:
            last = None
        if last is not None and date.today() - last < FULL_CHECK_EVERY:
            return
        self.full_check()

    def full_check(self) -> list[str]:
        """Full check now; raise the damaged-data incident, or record the pass and back up."""
        found = problems(self.database_path, full=True, tables=("alembic_version",))
        if found:
            raise self._damaged("; ".join(found))
        self.settings.last_full_check = date.today().isoformat()
        try:
            self.save_settings()
        except OSError:
            pass  # the check is only repeated next start
        self.backup(backups.CHECKED)
        return found

    def _startup_backup(self) -> None:
        try:
            self.backup("khoi-dong")
        except backups.BackupError as exc:
            raise self._damaged(str(exc)) from None

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / backups.BACKUP_DIR_NAME

    def backup(self, reason: str = "") -> Path:
        return backups.make_backup(
            self.database_path, self.backups_dir, reason, keep=self.settings.backups_to_keep
        )

    def save_settings(self) -> None:
        self.settings.save(self.data_dir)

    def is_empty(self) -> bool:
        """No cell details and no member yet (deleted ones count: their data is still here)."""
        from sqlalchemy import func, select

        from desktop.models import Member
        from desktop.services.cell.details import get_cell

        if get_cell(self.db).is_set:
            return False
        with self.db.session() as session:
            return not session.scalar(select(func.count(Member.id)))

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if self._lock:
                self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def restore_backup(data_dir: Path, backup_file: Path, keep: int = 10) -> Path | None:
    """Restore ``backup_file`` into a closed data folder; the current data is kept first.

    The candidate is tried on a copy before anything is replaced. Sound current data is
    backed up (protected from rotation); damaged current data cannot be a backup, so the
    file is moved aside beside the database instead. Returns where the old data went.
    Refused (``DataFolderInUse``) while another copy of the app holds the folder.
    """
    data_dir = Path(data_dir)
    validate_candidate(backup_file)
    with DataFolderLock(data_dir):
        database = data_dir / DATABASE_NAME
        kept = None
        if database.exists() and database.stat().st_size > 0:
            try:
                kept = backups.make_backup(
                    database, data_dir / backups.BACKUP_DIR_NAME, backups.BEFORE_RESTORE,
                    keep=max(keep, 2),
                )
            except backups.BackupError:
                kept = _move_aside(database)
        backups.restore_file(Path(backup_file), database)
        _install_signing_key(Path(backup_file).with_name(KEY_FILE_NAME), data_dir)
    return kept


def _install_signing_key(packaged: Path, data_dir: Path) -> None:
    """A handover package's key becomes this folder's key; a different old one is kept."""
    if not packaged.is_file():
        return
    current = data_dir / KEY_FILE_NAME
    data = packaged.read_bytes()
    if current.is_file():
        if current.read_bytes() == data:
            return
        os.replace(current, current.with_name(f"{KEY_FILE_NAME}.cu-{datetime.now():%Y%m%d-%H%M%S}"))
    atomic_write_bytes(current, data)


def _move_aside(database: Path) -> Path:
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    aside = database.with_name(f"{database.name}.hong-{stamp}")
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
    os.replace(database, aside)
    return aside
