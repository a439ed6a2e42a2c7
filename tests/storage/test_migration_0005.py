"""Migration 0005 on a stored database of schema 0004 (the demo cell as users had it)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.services.cell.workspace import Workspace

STORED = Path(__file__).resolve().parent.parent / "fixtures" / "schema" / "sochibo-0004.sqlite3"


def _groups_and_forms(path: Path) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    with sqlite3.connect(path) as con:
        groups = dict(con.execute("SELECT full_name, review_group FROM member"))
        forms = {
            (name, year): code
            for name, year, code in con.execute(
                "SELECT m.full_name, s.year, s.form_code FROM self_review s "
                "JOIN member m ON m.id = s.member_id"
            )
        }
    return groups, forms


def test_upgrade_relabels_2025_forms_and_groups_but_keeps_older_codes(tmp_path):
    target = tmp_path / "sochibo.sqlite3"
    shutil.copy(STORED, target)
    groups_before, forms_before = _groups_and_forms(target)
    # The stored data as the old code wrote it: the secretary (bí thư) was group 2B.
    assert groups_before["Nguyễn Văn Thắng"] == "2B"
    assert forms_before[("Nguyễn Văn Thắng", 2025)] == "2B"
    assert forms_before[("Nguyễn Văn Thắng", 2024)] == "02B"
    with Workspace(tmp_path, lock=False):
        pass
    groups, forms = _groups_and_forms(target)
    assert groups["Nguyễn Văn Thắng"] == "2A"  # leaders: Mẫu 2A (HD 43 §2.1b)
    assert groups["Vũ Thị Thu Hà"] == "2B"
    assert forms[("Nguyễn Văn Thắng", 2025)] == "2A"
    assert forms[("Nguyễn Văn Thắng", 2026)] == "2A"
    assert forms[("Vũ Thị Thu Hà", 2025)] == "2B"
    # 2024 kept the forms of HD 25 (02A non-leaders, 02B leaders): those codes were right.
    assert forms[("Nguyễn Văn Thắng", 2024)] == "02B"
    assert forms[("Vũ Thị Thu Hà", 2024)] == "02A"
    for key, code in forms_before.items():
        if code == "2C" or key[1] < 2025:
            assert forms[key] == code
    assert sum(1 for g in groups.values() if g == "2C") == sum(
        1 for g in groups_before.values() if g == "2C"
    )
    with sqlite3.connect(target) as con:
        columns = {row[1] for row in con.execute("PRAGMA table_info(member_event)")}
    assert "ceremony_on" in columns


def test_downgrade_restores_the_stored_codes(tmp_path):
    from alembic import command

    from desktop.storage.schema import _alembic_config

    target = tmp_path / "sochibo.sqlite3"
    shutil.copy(STORED, target)
    before = _groups_and_forms(target)
    with Workspace(tmp_path, lock=False):
        pass
    from desktop.storage.database import Database

    database = Database(target)
    config = _alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    database.close()
    assert _groups_and_forms(target) == before
