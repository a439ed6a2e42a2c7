"""Checking a file before it may replace the data (khôi phục an toàn).

A restore candidate is opened and tried first, and nothing is replaced unless it passes:
a full integrity check, the tables of a Sổ Chi bộ database, a schema revision this
version knows, an upgrade run on a throw-away copy, and the cell's data present.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from desktop.storage.backup import BackupError, copy_database
from desktop.storage.health import problems
from desktop.storage.schema import known_revisions, run_migrations, stored_revision

CANDIDATE_TABLES = ("alembic_version", "member", "cell")


def validate_candidate(path: Path) -> None:
    """Raise ``BackupError`` (Vietnamese, naming the file) unless ``path`` can be restored."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp {path}.")
    found = problems(path, full=True, tables=CANDIDATE_TABLES)
    if found:
        raise BackupError(
            f"Không khôi phục: tệp {name} không phải là bản sao lưu Sổ Chi bộ dùng được "
            f"({'; '.join(found)}). Dữ liệu hiện tại được giữ nguyên."
        )
    revision = stored_revision(path)
    if revision is None:
        raise BackupError(
            f"Không khôi phục: tệp {name} không ghi phiên bản lược đồ. Dữ liệu hiện tại "
            "được giữ nguyên."
        )
    if revision not in known_revisions():
        raise BackupError(
            f"Không khôi phục: tệp {name} do phiên bản Sổ Chi bộ mới hơn tạo ra (lược đồ "
            f"{revision}). Hãy cài phiên bản mới nhất rồi khôi phục. Dữ liệu hiện tại được "
            "giữ nguyên."
        )
    with tempfile.TemporaryDirectory(prefix="sochibo-thu-") as work:
        trial = Path(work) / "trial.sqlite3"
        copy_database(path, trial, tables=CANDIDATE_TABLES)
        try:
            run_migrations(trial)
        except Exception as exc:  # noqa: BLE001 - any failure means: do not restore it
            raise BackupError(
                f"Không khôi phục: tệp {name} không nâng cấp được lên phiên bản hiện tại "
                f"({exc.__class__.__name__}: {exc}). Dữ liệu hiện tại được giữ nguyên."
            ) from None
        found = problems(trial, full=True, tables=CANDIDATE_TABLES)
        if found:
            raise BackupError(
                f"Không khôi phục: tệp {name} hỏng sau khi nâng cấp thử ({found[0]})."
            )
        conn = sqlite3.connect(f"file:{trial}?mode=ro", uri=True)
        try:
            cells = conn.execute("SELECT count(*) FROM cell").fetchone()[0]
            members = conn.execute("SELECT count(*) FROM member").fetchone()[0]
        finally:
            conn.close()
    if cells == 0 and members == 0:
        raise BackupError(
            f"Không khôi phục: tệp {name} không có thông tin chi bộ và không có đảng viên nào. "
            "Dữ liệu hiện tại được giữ nguyên."
        )
