"""Rating rule packs: each year judged by its own rules, explained in Vietnamese."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest

from desktop.rules import RuleFileError
from desktop.rules.rating_rules import (
    all_packs,
    cap_for,
    default_directory,
    is_rated,
    load_pack,
    pack_for_year,
    quota_check,
)

LEVELS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def test_every_shipped_pack_loads_and_the_periods_run_from_2018_without_gap():
    packs = all_packs()
    assert [p.id for p in packs] == ["2018-2022", "2023-2024", "2025"]
    assert packs[0].valid_from_year == 2018
    assert packs[-1].valid_to_year is None
    for pack in packs:
        assert [level.code for level in pack.levels] == LEVELS
        assert pack.level("HTXSNV").name == "Hoàn thành xuất sắc nhiệm vụ"
        assert pack.level("KHTNV").name == "Không hoàn thành nhiệm vụ"
        assert pack.sources and all(s.code and s.date for s in pack.sources)
        assert [s.number for s in pack.commitment_sections] == [1, 2, 3, 4, 5]
        assert pack.commitment_sections[4].text(2025) == "Nội dung làm theo chuyên đề năm 2025"
        for group in ("2A", "2B", "2C"):
            assert pack.form_for(group).sections[-1].title == "Tự nhận mức xếp loại chất lượng"


@pytest.mark.parametrize(
    ("year", "pack_id"),
    [(y, "2018-2022") for y in range(2018, 2023)]
    + [(2023, "2023-2024"), (2024, "2023-2024")]
    + [(y, "2025") for y in range(2025, 2031)],
)
def test_each_year_from_2018_to_2030_is_judged_by_its_own_pack(year, pack_id):
    assert pack_for_year(year).id == pack_id


def test_a_year_before_the_first_pack_is_refused_in_vietnamese():
    with pytest.raises(RuleFileError, match="Chưa có bộ quy định đánh giá, xếp loại cho năm 2017"):
        pack_for_year(2017)


def test_forms_follow_the_year():
    assert pack_for_year(2020).form_for("2B").code == "02"
    old = pack_for_year(2024)
    # Groups are named after the 2025 forms: 2A leaders, 2B others, 2C outside the system.
    assert [old.form_for(g).code for g in ("2A", "2B", "2C")] == ["02B", "02A", "02A"]
    assert old.form_by_group_verify  # 2C → 02A is an inference, flagged
    new = pack_for_year(2025)
    assert [new.form_for(g).code for g in ("2A", "2B", "2C")] == ["2A", "2B", "2C"]
    assert new.form_for("2C").self_score and not old.form_for("2A").self_score
    assert new.collective_form is not None and new.collective_form.code == "01"
    with pytest.raises(ValueError, match="Nhóm kiểm điểm"):
        new.form_for("3X")


@pytest.mark.parametrize(
    ("year", "form", "title_part"),
    [
        (2020, "02", "Bản kiểm điểm cá nhân"),
        (2022, "02", "Bản kiểm điểm cá nhân"),
        (2023, "02B", "giữ chức vụ lãnh đạo, quản lý"),
        (2024, "02B", "giữ chức vụ lãnh đạo, quản lý"),
        (2025, "2A", "giữ chức vụ lãnh đạo, quản lý"),
        (2026, "2A", "giữ chức vụ lãnh đạo, quản lý"),
    ],
)
def test_a_leaders_form_code_per_year(year, form, title_part):
    # HD 21: one form 02; HD 25: 02B for leaders; HD 43 §2.1b: 2A for leaders.
    chosen = pack_for_year(year).form_for("2A")
    assert chosen.code == form and title_part in chosen.title
    assert "không giữ" not in chosen.title


def test_a_non_leaders_form_in_2025_is_2b():
    chosen = pack_for_year(2025).form_for("2B")
    assert chosen.code == "2B" and "không giữ chức vụ lãnh đạo" in chosen.title
    assert not any(s.code == "lanh_dao" for s in chosen.sections)
    assert any(s.code == "lanh_dao" for s in pack_for_year(2025).form_for("2A").sections)


def test_the_2025_scale_is_30_general_plus_70_task_points():
    scale = pack_for_year(2025).score_scale
    assert scale is not None and scale.max == 100
    assert [(g.code, g.max) for g in scale.groups] == [("chung", 30), ("nhiem_vu", 70)]


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (89.5, "HTTNV"),
        (90, "HTXSNV"),
        (70, "HTTNV"),
        (69.99, "HTNV"),
        (50, "HTNV"),
        (49.9, "KHTNV"),
        (0, "KHTNV"),
        (100, "HTXSNV"),
        (Decimal("89.99"), "HTTNV"),
    ],
)
def test_2025_score_bands_at_their_edges(score, level):
    assert pack_for_year(2025).level_for_score(score).code == level


def test_excellent_band_carries_its_extra_conditions():
    excellent = pack_for_year(2025).level("HTXSNV")
    assert excellent.conditions_mode == "all"
    assert [c.code for c in excellent.conditions] == [
        "tasks_all_on_time",
        "tasks_30_beyond",
        "shortcomings_remedied",
    ]
    assert all("366-QĐ/TW" in c.source for c in excellent.conditions)


def test_packs_without_a_score_give_no_level_and_scores_outside_the_scale_are_refused():
    assert pack_for_year(2024).level_for_score(95) is None
    with pytest.raises(ValueError, match="ngoài thang điểm"):
        pack_for_year(2025).level_for_score(100.5)


@pytest.mark.parametrize("year", [2020, 2024, 2025])
def test_quota_at_exactly_20_percent_is_allowed(year):
    result = quota_check(pack_for_year(year), {"HTTNV": 15, "HTXSNV": 3, "HTNV": 4})
    assert (result.allowed, result.actual, result.exceeded) == (3, 3, False)
    assert result.explanation == "Số HTXSNV (3) không vượt 20% số HTTNV (15 × 20% = 3)"


def test_one_above_the_quota_is_a_warning_with_the_arithmetic():
    result = quota_check(pack_for_year(2025), {"HTTNV": 15, "HTXSNV": 4})
    assert result.exceeded and result.allowed == 3
    assert result.explanation == "Số HTXSNV (4) vượt 20% số HTTNV (15 × 20% = 3)"
    assert "366-QĐ/TW" in result.source and result.verify


def test_quota_rounds_down_and_says_so():
    result = quota_check(pack_for_year(2020), {"HTTNV": 12, "HTXSNV": 3})
    assert result.allowed == 2 and result.exceeded
    assert "12 × 20% = 2,4, lấy phần nguyên: 2" in result.explanation
    assert not result.verify


def test_with_no_member_rated_good_no_excellent_is_allowed():
    assert not quota_check(pack_for_year(2025), {"HTTNV": 0, "HTXSNV": 0}).exceeded
    result = quota_check(pack_for_year(2025), {"HTXSNV": 1})
    assert (result.allowed, result.exceeded) == (0, True)
    assert "(0 × 20% = 0)" in result.explanation


def test_a_disciplined_member_is_capped_at_not_completed():
    for year in (2020, 2024, 2025):
        level, reason = cap_for(
            pack_for_year(year), disciplined=True, remedied_self_found=False, sick_leave_months=0
        )
        assert level == "KHTNV"
        assert reason.startswith("Bị kỷ luật trong năm") and "(" in reason


def test_self_found_and_remedied_violation_is_excepted_only_where_the_pack_says_so():
    old = cap_for(
        pack_for_year(2020), disciplined=True, remedied_self_found=True, sick_leave_months=0
    )
    assert old[0] == "KHTNV" and "21-HD/BTCTW" in old[1]
    assert cap_for(
        pack_for_year(2024), disciplined=True, remedied_self_found=True, sick_leave_months=0
    ) == (None, "")


def test_long_sick_leave_caps_at_completed_and_the_strictest_cap_wins():
    pack = pack_for_year(2024)
    assert cap_for(pack, disciplined=False, remedied_self_found=False, sick_leave_months=2) == (
        None,
        "",
    )
    level, reason = cap_for(pack, disciplined=False, remedied_self_found=False, sick_leave_months=3)
    assert level == "HTNV" and reason.startswith("Nghỉ ốm 3 tháng")
    both = cap_for(pack, disciplined=True, remedied_self_found=False, sick_leave_months=5)
    assert both[0] == "KHTNV"


def test_exempted_and_suspended_members_are_neither_reviewed_nor_rated():
    for year in (2020, 2024, 2025):
        pack = pack_for_year(year)
        for kwargs in (
            {"exempted": True, "suspended": False},
            {"exempted": False, "suspended": True},
        ):
            rated, reason, writes = is_rated(pack, months_since_admission=120, **kwargs)
            assert not rated and not writes and reason


def test_members_admitted_less_than_6_months_before_are_not_rated():
    old, new = pack_for_year(2020), pack_for_year(2024)
    rated, reason, writes = is_rated(old, exempted=False, suspended=False, months_since_admission=5)
    assert not rated and writes  # HD 21: they still write the self-review
    assert reason.startswith("Mới kết nạp 5 tháng (chưa đủ 6 tháng)")
    assert is_rated(new, exempted=False, suspended=False, months_since_admission=5)[2] is False
    for pack in (old, new):
        assert is_rated(pack, exempted=False, suspended=False, months_since_admission=6) == (
            True,
            "",
            True,
        )
        assert is_rated(pack, exempted=False, suspended=False, months_since_admission=None)[0]


def _pack_data(name: str = "2025.json") -> dict:
    return json.loads((default_directory() / name).read_text(encoding="utf-8"))


def _write(path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_new_years_rules_are_one_data_file(tmp_path):
    data = _pack_data()
    data.update(id="2031", valid_from_year=2031, valid_to_year=None)
    data["bands"][2]["min"] = 75  # a changed rule: "tốt" from 75 points
    data["bands"][1]["max"] = 75
    _write(tmp_path / "2031.json", data)
    assert [p.id for p in all_packs(directory=tmp_path)] == ["2031"]
    pack = pack_for_year(2031, directory=tmp_path)
    assert pack.level_for_score(72).code == "HTNV"
    with pytest.raises(RuleFileError, match="năm 2030"):
        pack_for_year(2030, directory=tmp_path)


def test_adding_a_pack_beside_an_open_ended_one_asks_to_close_the_old_period(tmp_path):
    shutil.copy(default_directory() / "2025.json", tmp_path / "2025.json")
    data = _pack_data()
    data.update(id="2031", valid_from_year=2031, valid_to_year=None)
    _write(tmp_path / "2031.json", data)
    with pytest.raises(RuleFileError, match='2025.json, mục "valid_to_year".*chồng lên'):
        all_packs(directory=tmp_path)


def test_a_gap_between_periods_is_refused(tmp_path):
    old = _pack_data("2023-2024.json")
    old.update(valid_to_year=2023)
    _write(tmp_path / "2023.json", old)
    shutil.copy(default_directory() / "2025.json", tmp_path / "2025.json")
    with pytest.raises(RuleFileError, match="2024–2024 chưa có bộ quy định"):
        all_packs(directory=tmp_path)


def test_overlapping_bands_name_the_file_and_field(tmp_path):
    data = _pack_data()
    data["bands"][2]["min"] = 65
    _write(tmp_path / "broken.json", data)
    with pytest.raises(RuleFileError) as info:
        load_pack(tmp_path / "broken.json")
    message = str(info.value)
    assert "broken.json" in message and 'mục "bands[' in message and "chồng lên" in message


def test_a_band_with_an_unknown_level_names_the_file_and_field(tmp_path):
    data = _pack_data()
    data["bands"][0]["level"] = "YEU"
    _write(tmp_path / "broken.json", data)
    with pytest.raises(RuleFileError, match=r'broken\.json, mục "bands\[0\]\.level".*"YEU"'):
        load_pack(tmp_path / "broken.json")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["bands"].pop(), '"bands"'),
        (lambda d: d["bands"][1].update(min=55), '"bands[1].min"'),
        (lambda d: d.update(valid_to_year=2020), '"valid_to_year"'),
        (lambda d: d["quota"].update(max_share_of="TOT"), '"quota.max_share_of"'),
        (lambda d: d["caps"][0].update(max_level="X"), '"caps[0].max_level"'),
        (lambda d: d["form_by_group"].update({"2C": "9Z"}), '"form_by_group.2C"'),
        (lambda d: d["score_scale"]["groups"][0].update(max=40), '"score_scale.groups"'),
        (lambda d: d["levels"][0].pop("name"), '"levels[0].name"'),
        (lambda d: d["not_rated"][2].pop("writes_review"), '"not_rated[2].writes_review"'),
    ],
)
def test_broken_values_are_reported_with_their_field(tmp_path, change, field):
    data = _pack_data()
    change(data)
    _write(tmp_path / "broken.json", data)
    with pytest.raises(RuleFileError) as info:
        load_pack(tmp_path / "broken.json")
    assert f"broken.json, mục {field}" in str(info.value)


def test_a_cell_with_4_good_is_told_the_superior_applies_the_share_over_the_party_committee():
    # QĐ 366 Điều 11 k1.5: the scope is set by the competent level; rounding 4 × 20% down
    # per cell would tell a small cell it may propose none.
    result = quota_check(pack_for_year(2025), {"HTTNV": 4, "HTXSNV": 1})
    assert result.exceeded and "4 × 20% = 0,8, lấy phần nguyên: 0" in result.explanation
    assert result.scope_note.startswith("Cấp trên áp dụng tỷ lệ trên phạm vi toàn đảng bộ")
    assert "có thể đến 25%" in result.scope_note


def test_scope_share_and_rounding_are_settings_of_the_pack(tmp_path):
    import json

    from desktop.rules.rating_loader import load_pack

    source = pack_for_year(2025).path
    data = json.loads(source.read_text(encoding="utf-8"))
    data["quota"].update(scope_level="cell", share=0.25, rounding="half_up")
    path = tmp_path / "2025.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pack = load_pack(path)
    result = quota_check(pack, {"HTTNV": 4, "HTXSNV": 1})
    assert (result.allowed, result.exceeded, result.scope_note) == (1, False, "")
    data["quota"]["rounding"] = "bankers"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleFileError, match="quota.rounding"):
        load_pack(path)


def test_2025_asks_the_secretary_the_khtnv_triggers_the_app_cannot_see():
    pack = pack_for_year(2025)
    assert [q.code for q in pack.questions] == ["suy_thoai", "nhiem_vu_duoi_50"]
    assert all("366-QĐ/TW" in q.source and q.verify for q in pack.questions)
    assert pack_for_year(2024).questions == ()


def test_from_2025_a_remedied_violation_is_left_to_the_superior_not_lifted():
    level, reason = cap_for(
        pack_for_year(2025), disciplined=True, remedied_self_found=True, sick_leave_months=0
    )
    assert level == "KHTNV" and "cấp có thẩm quyền xem xét" in reason


def test_sick_leave_caps_only_before_2025():
    for year, capped in ((2020, "HTNV"), (2024, "HTNV"), (2025, None)):
        level, _ = cap_for(
            pack_for_year(year), disciplined=False, remedied_self_found=False, sick_leave_months=3
        )
        assert level == capped


def test_2025_forms_hold_their_criteria_with_maxima_left_to_the_superior():
    pack = pack_for_year(2025)
    general, tasks = pack.score_scale.groups
    leaders, others, outside = (pack.form(code) for code in ("2A", "2B", "2C"))
    titles = [c.title for c in others.criteria_of(general)]
    assert titles[0].startswith("Phẩm chất chính trị, đạo đức, lối sống")
    assert titles[1].startswith("Tư duy đổi mới") and titles[2].startswith("Tự phê bình")
    assert all(c.max is None for c in others.criteria_of(general))  # only totals checked
    assert "năng lực lãnh đạo, quản lý" in leaders.criteria_of(tasks)[0].title
    assert outside.criteria_of(general) == () and "Phụ lục 5" in outside.criteria_note
    assert outside.title.startswith("Bản kiểm điểm, tự đánh giá, xếp loại cá nhân")
    assert any(s.code == "trach_nhiem" for s in pack.collective_form.sections)


def test_criteria_maxima_are_data_the_superior_fills_in(tmp_path):
    import json

    from desktop.rules.rating_loader import load_pack

    data = json.loads(pack_for_year(2025).path.read_text(encoding="utf-8"))
    form = next(f for f in data["forms"] if f["code"] == "2B")
    form["criteria"] = {"chung": [{"code": "a", "title": "A", "max": 20}, {"code": "b", "title": "B", "max": 15}]}
    path = tmp_path / "2025.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleFileError, match="vượt 30"):
        load_pack(path)
    form["criteria"]["chung"][1]["max"] = 10
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pack = load_pack(path)
    assert [c.max for c in pack.form("2B").criteria_of(pack.score_scale.groups[0])] == [20, 10]
