"""Opening a data folder (thư mục dữ liệu): lock, schema upgrade, start-up backup.

Both faces of the app (GUI and command line) open data through ``Workspace`` so that
the lock, the migrations and the backups behave the same in both.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from desktop.config import DATABASE_NAME, Settings
from desktop.errors import DomainError
from desktop.storage import backup as backups
from desktop.storage.database import Database
from desktop.storage.lock import DataFolderLock
from desktop.storage.schema import upgrade


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
