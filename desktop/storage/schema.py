"""Bring a data folder's database to the current schema, safely.

Before any migration of an existing file a backup is taken; a file written by a newer
version of the app is refused untouched (OpenLP and TagStudio do the same).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.storage.backup import make_backup
from desktop.storage.database import Database

if TYPE_CHECKING:  # Alembic costs ~0.5 s to import: only when a migration may run
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer Sổ Chi bộ than this one."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"Dữ liệu trong {path} được tạo bởi phiên bản Sổ Chi bộ mới hơn phiên bản đang "
            f"chạy (lược đồ {revision}). Để tránh làm hỏng dữ liệu, ứng dụng không mở tệp này. "
            "Hãy cài phiên bản mới nhất của Sổ Chi bộ."
        )


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(database: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _has_tables(database: Database) -> bool:
    with database.engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())


def upgrade(database: Database, backups_dir: Path | None = None, keep: int = 10) -> bool:
    """Migrate to the newest schema; return True when anything was migrated."""
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    current = current_revision(database)
    head = script.get_current_head()
    if current == head:
        return False
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:  # alembic raises its own errors for unknown revisions
            raise NewerDatabaseError(database.path, current) from exc
    if backups_dir is not None and _has_tables(database):
        make_backup(database.path, backups_dir, reason="truoc-nang-cap", keep=keep)
    config = _alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return True
