"""Every stored database of a past schema version opens in this version with its data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.services.members import list_members
from desktop.services.workspace import Workspace
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
    revisions = {p.stem.removeprefix("sochibo-") for p in PAST_VERSIONS}
    assert "0001" in revisions
