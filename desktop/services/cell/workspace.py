"""Opening a data folder (thư mục dữ liệu): lock, schema upgrade, start-up backup.

Both faces of the app (GUI and command line) open data through ``Workspace`` so that
the lock, the migrations and the backups behave the same in both.

Fast start (docs/architecture.md, "Start-up"): when the stored schema is already the
newest, Alembic is not even imported (``storage.revision``); the GUI takes the start-up
backup after its first paint, in the background (``start_background_backup``), and any
write to the database waits for that backup to be made, or is refused if it failed.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from desktop.config import DATABASE_NAME, Settings
from desktop.errors import DomainError
from desktop.storage import backup as backups
from desktop.storage.database import Database
from desktop.storage.lock import DataFolderLock
from desktop.storage.revision import schema_is_current

# What SQLite statements only read; anything else is a write (flush, insert, DDL).
_READS = ("SELECT", "PRAGMA", "WITH", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


class DamagedDatabaseError(DomainError):
    pass


class Workspace:
    """An open data folder. Use as a context manager, or call ``close()``."""

    def __init__(self, data_dir: Path, *, lock: bool = True, backup_on_open: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = DataFolderLock(self.data_dir) if lock else None
        if self._lock:
            self._lock.acquire()
        try:
            self.settings = Settings.load(self.data_dir)
            existed = self.database_path.exists()
            self.db = Database(self.database_path)
            if existed:
                try:
                    result = self.db.quick_check()
                except SQLAlchemyDatabaseError as exc:
                    result = str(exc.orig)
                if result != "ok":
                    self.db.engine.dispose()
                    raise DamagedDatabaseError(
                        f"Tệp dữ liệu {self.database_path} bị hỏng ({result}). Hãy khôi phục "
                        "từ một bản sao lưu (sochibo restore TỆP, hoặc Cài đặt → Khôi phục)."
                    )
            self._background_backup: BackgroundBackup | None = None
            self._existed = existed
            if not (existed and schema_is_current(self.database_path)):
                from desktop.storage.schema import upgrade  # Alembic: only with work to do

                upgrade(self.db, self.backups_dir, keep=self.settings.backups_to_keep)
            if existed and backup_on_open:
                self.backup("khoi-dong")
        except BaseException:
            if self._lock:
                self._lock.release()
            raise

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
        except BaseException as exc:  # noqa: BLE001 - kept for the GUI and for every write
            self.error = exc

    def _before_statement(self, _conn, _cursor, statement: str, *_args) -> None:
        if self._writes_allowed or statement.lstrip()[:9].upper().startswith(_READS):
            return
        self.wait()
        if self.error is not None:
            raise self.error
        self._writes_allowed = True


def restore_backup(data_dir: Path, backup_file: Path, keep: int = 10) -> Path:
    """Restore ``backup_file`` into a closed data folder; the current data is backed up first.

    Returns the path of the safety backup of the data that was replaced.
    """
    data_dir = Path(data_dir)
    backups.verify_backup_file(backup_file)
    with DataFolderLock(data_dir):
        database = data_dir / DATABASE_NAME
        safety = None
        if database.exists():
            safety = backups.make_backup(
                database, data_dir / backups.BACKUP_DIR_NAME, "truoc-khoi-phuc", keep=max(keep, 2)
            )
        backups.restore_file(Path(backup_file), database)
    return safety
