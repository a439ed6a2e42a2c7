"""The SQLite database of one data folder: engine, pragmas and one session per action.

WAL with ``synchronous=NORMAL`` survives power cuts without corruption (only the last
transaction can be lost); foreign keys are on for every connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker


def _on_connect(dbapi_connection: sqlite3.Connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{Path(path)}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


class Database:
    """One open database file; ``session()`` is the unit of work of one user action."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.engine = make_engine(self.path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Commit once at the end, or roll everything back: saved whole or not at all."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        self.checkpoint()

    def checkpoint(self) -> None:
        """Copy committed pages from the -wal into the main file (after each user action).

        A -wal deleted or lost with the main file copied alone (a USB copy of the folder,
        a cleaner tool) would otherwise take acknowledged work with it. PASSIVE never
        waits for readers; a busy checkpoint is simply finished by the next one.
        """
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except Exception:  # noqa: BLE001 - the data is committed; the copy is a bonus
            pass

    def quick_check(self) -> str:
        """``ok`` or SQLite's description of the damage."""
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)

    def close(self) -> None:
        # Fold the WAL back into the main file so a plain copy of the folder is complete.
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.engine.dispose()
