"""Opening a data folder (thư mục dữ liệu): lock, checks, schema upgrade, start-up backup.

Both faces of the app (GUI and command line) open data through ``Workspace`` so that
the lock, the migrations and the backups behave the same in both.

Opening never makes things worse: the file is first inspected read-only (a damaged or
newer file is refused byte-identical), a missing or empty database in a folder that
has held data is an incident, not a fresh start, and damage found by the weekly full
check or the start-up backup stops the app with the newest good backup on offer.

Fast start (docs/architecture.md, "Start-up"): when the stored schema is already the
newest, Alembic is not even imported (``storage.revision``); the GUI takes the start-up
backup after its first paint, in the background (``defer_backup``), and any write to
the database waits for that backup to be made, or is refused if it failed.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import event

from desktop.config import DATABASE_NAME, SETTINGS_NAME, Settings
from desktop.errors import DomainError
from desktop.storage import backup as backups
from desktop.storage.atomic import atomic_write_bytes
from desktop.storage.database import Database
from desktop.storage.health import problems
from desktop.storage.lock import LOCK_NAME, DataFolderLock
from desktop.storage.restore import validate_candidate
from desktop.storage.revision import schema_is_current
from desktop.storage.schema import check_revision_known, stored_revision, upgrade

FULL_CHECK_EVERY = timedelta(days=7)
# What SQLite statements only read; anything else is a write (flush, insert, DDL).
_READS = ("SELECT", "PRAGMA", "WITH", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


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
            self._background_backup: BackgroundBackup | None = None
            self._existed = existed
            try:
                if not (existed and schema_is_current(self.database_path)):
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

    def defer_backup(self, reason: str = "khoi-dong") -> BackgroundBackup | None:
        """Arm the start-up backup: ``start()`` it on a thread when convenient (the GUI:
        after its first paint); the first write waits for it, or makes it first if it has
        not started. None for a database that did not exist before (nothing to back up)."""
        if self._background_backup is None and self._existed:
            self._background_backup = BackgroundBackup(self, reason)
        return self._background_backup

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
            if self._background_backup is not None and self._background_backup._started:
                self._background_backup.wait()  # the folder is not let go mid-copy
            self.db.close()
        finally:
            if self._lock:
                self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class BackgroundBackup:
    """The start-up backup (sao lưu khi khởi động) made off the GUI thread.

    Until it is made, the first statement that would write to the database waits for it;
    if it failed, that write is refused with the backup's own error, as opening the
    folder would have been: nothing is written over data that has no fresh backup.
    """

    def __init__(self, workspace: Workspace, reason: str) -> None:
        self.path: Path | None = None
        self.error: BaseException | None = None
        self._writes_allowed = False
        self._started = False
        self._lock = threading.Lock()
        event.listen(workspace.db.engine, "before_cursor_execute", self._before_statement)
        self._thread = threading.Thread(
            target=self._run, args=(workspace, reason), name="startup-backup", daemon=True
        )

    def start(self) -> None:
        with self._lock:
            if not self._started:
                self._started = True
                self._thread.start()

    @property
    def done(self) -> bool:
        return self._started and not self._thread.is_alive()

    def wait(self) -> None:
        """Until the backup is made (started now if it was not yet)."""
        if self._thread is not threading.current_thread():
            self.start()
            self._thread.join()

    def _run(self, workspace: Workspace, reason: str) -> None:
        try:
            self.path = workspace.backup(reason)
        except backups.BackupError as exc:
            # As at a foreground start: damage found while copying is the damaged-data
            # incident, and the good backups are left as they were.
            self.error = workspace._damaged(str(exc))
        except BaseException as exc:  # noqa: BLE001 - kept for the GUI and for every write
            self.error = exc

    def _before_statement(self, _conn, _cursor, statement: str, *_args) -> None:
        if self._writes_allowed or statement.lstrip()[:9].upper().startswith(_READS):
            return
        self.wait()
        if self.error is not None:
            raise self.error
        self._writes_allowed = True


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
        from desktop.exchange.signing import KEY_FILE_NAME  # the whole exchange: not at start

        _install_signing_key(Path(backup_file).with_name(KEY_FILE_NAME), data_dir)
    return kept


def _install_signing_key(packaged: Path, data_dir: Path) -> None:
    """A handover package's key becomes this folder's key; a different old one is kept."""
    from desktop.exchange.signing import KEY_FILE_NAME

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
