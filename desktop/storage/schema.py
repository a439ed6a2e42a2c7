"""Bring a data folder's database to the current schema, safely.

Before any migration of an existing file a backup is taken; a file written by a newer
version of the app is refused untouched (OpenLP and TagStudio do the same).

The whole upgrade runs in ONE SQLite transaction. Python's ``sqlite3`` driver does not
begin a transaction before DDL, so ``engine.begin()`` alone would autocommit every
CREATE/ALTER and a crash in the middle would leave tables of the next schema under the
old ``alembic_version`` (the file then never opens again). The migration engine takes
over BEGIN as SQLAlchemy's SQLite dialect documentation describes ("Serializable
isolation / Savepoints / Transactional DDL"), so a crash or an error at any statement
rolls the file back to the schema it had.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event

from desktop.storage.backup import make_backup
from desktop.storage.database import Database
from desktop.storage.revision import head_of_files

if TYPE_CHECKING:  # Alembic costs ~0.5 s to import: only when a migration may run
    from alembic.config import Config
    from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer Sổ Chi bộ than this one."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"Dữ liệu trong {path} được tạo bởi phiên bản Sổ Chi bộ mới hơn phiên bản đang "
            f"chạy (lược đồ {revision}). Để tránh làm hỏng dữ liệu, ứng dụng không mở tệp này. "
            "Hãy cài phiên bản mới nhất của Sổ Chi bộ."
        )


class UpgradeFailedError(RuntimeError):
    """The upgrade stopped; the file was rolled back to its previous schema."""


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(database: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def stored_revision(path: Path) -> str | None:
    """The schema revision of a file, read without writing a byte (read-only open)."""
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def check_revision_known(path: Path, revision: str | None) -> None:
    """Raise ``NewerDatabaseError`` for a revision this version does not know."""
    # The newest revision is known without asking Alembic (storage.revision reads the files).
    if revision is None or revision == head_of_files():
        return
    if revision not in known_revisions():
        raise NewerDatabaseError(path, revision)


def needs_upgrade(database: Database) -> bool:
    """True unless the stored revision is already the head (a cheap start-up test)."""
    return current_revision(database) != head_revision()


def _has_tables(database: Database) -> bool:
    with database.engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())


def _on_migration_connect(dbapi_connection: sqlite3.Connection, _record) -> None:
    # The driver must not manage transactions itself: BEGIN is emitted below.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # Batch migrations rebuild tables (copy, DROP, rename); with foreign keys on, a DROP
    # would cascade into child rows. SQLite's own procedure for schema changes turns
    # them off outside the transaction and checks them before commit
    # (https://www.sqlite.org/lang_altertable.html#otheralter).
    cursor.execute("PRAGMA foreign_keys=OFF")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _on_migration_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_migration_engine(path: Path) -> Engine:
    """An engine whose transactions include DDL (one BEGIN … COMMIT for the upgrade)."""
    engine = create_engine(f"sqlite:///{Path(path)}", future=True)
    event.listen(engine, "connect", _on_migration_connect)
    event.listen(engine, "begin", _on_migration_begin)
    return engine


def upgrade(database: Database, backups_dir: Path | None = None, keep: int = 10) -> bool:
    """Migrate to the newest schema; return True when anything was migrated."""
    current = current_revision(database)
    if current == head_revision():
        return False
    check_revision_known(database.path, current)
    if backups_dir is not None and _has_tables(database):
        make_backup(database.path, backups_dir, reason="truoc-nang-cap", keep=keep)
    run_migrations(database.path)
    return True


def run_migrations(path: Path) -> None:
    """Every pending migration of ``path`` in one transaction: all of them or none."""
    from alembic import command

    engine = make_migration_engine(path)
    try:
        config = _alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise UpgradeFailedError(
                    f"Nâng cấp dữ liệu {path} dừng lại: {len(broken)} dòng tham chiếu hỏng. "
                    "Dữ liệu được giữ nguyên như trước khi nâng cấp."
                )
    finally:
        engine.dispose()
