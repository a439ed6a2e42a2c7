"""Is this file a whole, readable Sổ Chi bộ database? (kiểm tra dữ liệu)

``quick_check`` misses most damage (flipped blocks inside a page, broken indexes), so a
file is trusted — as a backup, as a restore candidate, weekly — only after SQLite's
``integrity_check`` and a read of every text column: a flipped byte inside a title passes
both SQLite checks yet cannot be decoded later (https://www.sqlite.org/pragma.html
#pragma_integrity_check). Every check opens the file read-only, so it changes no byte.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

APP_TABLES = ("alembic_version", "member")


class DatabaseHealthError(RuntimeError):
    """The file is damaged or is not a Sổ Chi bộ database; the message says which."""


def open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)


def problems(path: Path, *, full: bool = True, tables: tuple[str, ...] = APP_TABLES) -> list[str]:
    """Vietnamese descriptions of what is wrong with ``path``; empty when it is sound."""
    path = Path(path)
    if not path.is_file():
        return [f"không tìm thấy tệp {path.name}"]
    if path.stat().st_size == 0:
        return [f"tệp {path.name} trống (0 byte)"]
    try:
        conn = open_read_only(path)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            if rows != ["ok"]:
                return [f"SQLite báo hỏng: {'; '.join(rows[:5])}"]
            listed = conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            names = {r[0] for r in listed}
            missing = [t for t in tables if t not in names]
            if missing:
                return [f"thiếu bảng {', '.join(missing)}: không phải dữ liệu Sổ Chi bộ"]
            return undecodable_text(conn) if full else []
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"SQLite không đọc được tệp ({exc})"]


def undecodable_text(conn: sqlite3.Connection) -> list[str]:
    """Every text column of every table is read once; a value that is not UTF-8 is damage."""
    found = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        columns = [
            r[1]
            for r in conn.execute(f'PRAGMA table_info("{table}")')
            if "CHAR" in str(r[2]).upper() or "TEXT" in str(r[2]).upper() or not r[2]
        ]
        for column in columns:
            cursor = conn.execute(f'SELECT "{column}" FROM "{table}"')
            try:
                while cursor.fetchmany(500):
                    pass
            except sqlite3.OperationalError as exc:
                found.append(f"cột {table}.{column} có chữ không đọc được ({exc})")
    return found


def require_healthy(path: Path, *, full: bool = True, what: str = "Tệp dữ liệu") -> None:
    found = problems(path, full=full)
    if found:
        raise DatabaseHealthError(f"{what} {Path(path).name} không dùng được: {'; '.join(found)}.")
