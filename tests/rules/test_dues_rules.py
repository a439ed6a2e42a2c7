"""The dues packs: bundled files load, cover every month once, and faults name file and field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.rules import RuleFileError
from desktop.rules.dues_rules import (
    default_dir,
    dues_packs,
    load_dues_pack,
    pack_for_month,
    retirement_age_months,
)

BUNDLED = default_dir()
NEW = BUNDLED / "2026-02_qd-01.json"


def copy_packs(tmp_path: Path) -> Path:
    folder = tmp_path / "dues"
    shutil.copytree(BUNDLED, folder)
    return folder


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_old_rules_end_in_january_2026_and_the_new_start_in_february():
    assert pack_for_month((2011, 4)).id == pack_for_month((2026, 1)).id == "qd-342-2010"
    assert pack_for_month((2026, 2)).id == "qd-01-2026"
    assert pack_for_month((2040, 12)).id == "qd-01-2026"
    with pytest.raises(RuleFileError, match="03/2011"):
        pack_for_month((2011, 3))


def test_every_value_cites_a_source_and_unconfirmed_ones_are_marked():
    for pack in dues_packs():
        assert pack.sources and pack.removal.source.startswith("Điều lệ Đảng, Điều 8")
        for item in pack.classes:
            assert item.source
            if "chưa xác nhận" in item.source or "không tìm thấy" in item.source.lower():
                assert item.verify, (pack.id, item.code)
        assert pack.rounding.verify and "chưa xác nhận" in pack.rounding.source
    assert "chưa xác nhận" in pack_for_month((2026, 2)).retention.source
    assert "chưa xác nhận" in pack_for_month((2026, 2)).zone_wages[0].source


def test_retirement_age_rises_by_steps_until_62_and_60():
    assert retirement_age_months(2020, False) == 720
    assert retirement_age_months(2026, False) == 738 and retirement_age_months(2026, True) == 684
    assert retirement_age_months(2040, False) == 744 and retirement_age_months(2040, True) == 720


def test_a_rate_written_as_a_float_is_refused_with_file_and_field(tmp_path):
    path = tmp_path / "pack.json"
    shutil.copy(NEW, path)
    edit(path, lambda d: d["classes"][0]["amount"].update(rate=0.01))
    with pytest.raises(RuleFileError, match=r'classes\[0\]\.amount\.rate.*ngoặc kép'):
        load_dues_pack(path)


def test_a_zone_table_must_name_every_zone(tmp_path):
    path = tmp_path / "pack.json"
    shutil.copy(NEW, path)
    edit(path, lambda d: d["zone_wages"][0]["values"].pop("IV"))
    with pytest.raises(RuleFileError, match=r"zone_wages\[0\]\.values"):
        load_dues_pack(path)


def test_a_retention_default_outside_its_range_is_refused(tmp_path):
    path = tmp_path / "pack.json"
    shutil.copy(NEW, path)
    edit(path, lambda d: d["retention"]["options"][0].update(default="0.6"))
    with pytest.raises(RuleFileError, match=r"retention\.options\[0\]\.default"):
        load_dues_pack(path)


def test_packs_may_neither_overlap_nor_leave_a_gap(tmp_path):
    folder = copy_packs(tmp_path)
    edit(folder / "2011-04_qd-342.json", lambda d: d.update(valid_to="2025-12"))
    with pytest.raises(RuleFileError, match="bỏ trống từ tháng 01/2026"):
        dues_packs(folder)
    edit(folder / "2011-04_qd-342.json", lambda d: d.update(valid_to="2026-03"))
    with pytest.raises(RuleFileError, match="chồng thời gian"):
        dues_packs(folder)


def test_a_base_month_class_must_exist(tmp_path):
    path = tmp_path / "pack.json"
    shutil.copy(NEW, path)
    edit(path, lambda d: d["base_month"].update(applies_to=["wages"]))
    with pytest.raises(RuleFileError, match="base_month.applies_to"):
        load_dues_pack(path)
