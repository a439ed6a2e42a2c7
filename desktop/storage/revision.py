"""The start-up fast path: is the stored schema already the newest? (no Alembic needed).

Importing Alembic and reading its script directory costs about half a second; on almost
every start there is nothing to migrate. ``schema_is_current`` answers with ``sqlite3``
(``SELECT version_num FROM alembic_version``, read-only) and the ``revision`` /
``down_revision`` lines of the migration files, read as text. Whenever the answer is not
a plain yes (no file, no table, an unknown or older revision, branched migrations) the
caller goes the full Alembic way (``schema.upgrade``), which decides and explains.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def head_of_files(versions_dir: Path = VERSIONS_DIR) -> str | None:
    """The one revision no migration file builds on, or None when that is not clear."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions_dir.glob("*.py"):
        found = dict(_ASSIGNMENT.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
        except (ValueError, SyntaxError):
            return None
        revisions.add(revision)
        parents.update(down if isinstance(down, tuple | list) else [down] if down else [])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision_of(path: Path) -> str | None:
    """``alembic_version`` of the file, read-only; None when there is none to read."""
    if not Path(path).is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return rows[0][0] if len(rows) == 1 else None


def schema_is_current(path: Path, versions_dir: Path = VERSIONS_DIR) -> bool:
    """True only when the stored revision is certainly the newest: no migration to run."""
    stored = stored_revision_of(path)
    return stored is not None and stored == head_of_files(versions_dir)
