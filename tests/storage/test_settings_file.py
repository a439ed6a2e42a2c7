"""A damaged or hand-edited settings.json never stops the app: defaults, kept aside, said."""

from __future__ import annotations

import pytest

from desktop.config import Settings
from desktop.services.cell.workspace import Workspace


@pytest.mark.parametrize(
    "text", ["[]", "null", '{"backups_to_keep": "abc"}', "{", '"x"', "\xff\xfe", "[" * 100000]
)
def test_damaged_settings_fall_back_to_defaults_and_the_file_is_kept(tmp_path, text):
    (tmp_path / "settings.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    settings = Settings.load(tmp_path)
    assert settings.backups_to_keep == 10 and settings.font_point_size == 12
    assert "settings.json" in settings.problem and "giữ lại" in settings.problem
    assert list(tmp_path.glob("settings.json.hong-*"))


def test_good_values_are_kept_and_out_of_range_ones_clamped(tmp_path):
    (tmp_path / "settings.json").write_text(
        '{"backups_to_keep": 3, "font_point_size": 99, "first_start_done": true}'
    )
    settings = Settings.load(tmp_path)
    assert (settings.backups_to_keep, settings.font_point_size) == (3, 28)
    assert settings.first_start_done and not settings.problem


def test_workspace_opens_with_damaged_settings_and_reports_it(tmp_path):
    Workspace(tmp_path).close()
    (tmp_path / "settings.json").write_text("null")
    with Workspace(tmp_path) as ws:
        assert ws.notices and "mặc định" in ws.notices[0]
        ws.save_settings()
    assert Settings.load(tmp_path).problem == ""
