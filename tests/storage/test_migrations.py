"""Every stored database of a past schema version opens in this version with its data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.services.members.registry import list_members
from desktop.services.cell.workspace import Workspace
from desktop.storage.schema import current_revision, head_revision

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "schema"
PAST_VERSIONS = sorted(FIXTURES.glob("sochibo-*.sqlite3"))


@pytest.mark.parametrize("stored", PAST_VERSIONS, ids=lambda p: p.stem)
def test_past_database_is_backed_up_then_upgraded_keeping_members(tmp_path, stored):
    shutil.copy(stored, tmp_path / "sochibo.sqlite3")
    with Workspace(tmp_path, lock=False) as ws:
        assert current_revision(ws.db) == head_revision()
        names = {row.full_name for row in list_members(ws.db)}
    assert "Nguyễn Văn Thắng" in names and len(names) == 25
    if stored.stem != f"sochibo-{head_revision()}":
        assert list(tmp_path.glob("backups/*truoc-nang-cap*.sqlite3"))


def test_a_fixture_exists_for_every_past_revision():
    # When a migration is added, the database of the schema before it must be stored
    # here, so the upgrade is tested on a real file of the version users have.
    from alembic.script import ScriptDirectory

    from desktop.storage.schema import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    past = {r.revision for r in script.walk_revisions()} - {script.get_current_head()}
    stored = {p.stem.removeprefix("sochibo-") for p in PAST_VERSIONS}
    assert past - stored == set()
