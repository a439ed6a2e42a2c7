"""Bản tự kiểm điểm: the form each year's rules give a member's group, the self-score by
criteria group with the level it implies, and scores refused with the group's maximum."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from desktop.services.reviews.commitments import CommitmentData, CommitmentItemData, save_commitment
from desktop.errors import ValidationError
from desktop.services.members.registry import MemberData, create_member, get_member, update_member
from desktop.services.reviews.self_reviews import (
    SelfReviewData,
    change_form,
    delete_self_review,
    get_self_review,
    parse_score,
    save_self_review,
)

D = Decimal


def member(db, name, group) -> int:
    return create_member(
        db,
        MemberData(
            full_name=name,
            review_group=group,
            admitted_on=date(2001, 2, 3),
            official_on=date(2002, 2, 3),
        ),
    )


@pytest.fixture
def groups(db):
    return db, {
        "2A": member(db, "Nguyễn Văn An", "2A"),  # giữ chức vụ lãnh đạo, quản lý
        "2B": member(db, "Trần Thị Bình", "2B"),
        "2C": member(db, "Lê Văn Cường", "2C"),
    }


@pytest.mark.parametrize(
    ("year", "forms"),
    [
        (2021, {"2A": "02", "2B": "02", "2C": "02"}),
        (2024, {"2A": "02B", "2B": "02A", "2C": "02A"}),
        (2025, {"2A": "2A", "2B": "2B", "2C": "2C"}),
        (2026, {"2A": "2A", "2B": "2B", "2C": "2C"}),
    ],
)
def test_the_form_follows_the_members_group_and_the_year(groups, year, forms):
    db, ids = groups
    found = {group: get_self_review(db, ids[group], year) for group in ids}
    assert {group: review.form.code for group, review in found.items()} == forms
    assert all(review.id is None for review in found.values())
    # The leading-post form asks about leadership; the others do not.
    codes = {group: [s.code for s in review.text_sections] for group, review in found.items()}
    assert ("lanh_dao" in codes["2A"]) == (year >= 2023)
    assert "lanh_dao" not in codes["2B"] and "lanh_dao" not in codes["2C"]


def test_scores_are_typed_only_where_the_years_rules_score(groups):
    db, ids = groups
    assert get_self_review(db, ids["2C"], 2024).score_groups == ()
    assert [(g.code, g.max) for g in get_self_review(db, ids["2C"], 2026).score_groups] == [
        ("chung", 30),
        ("nhiem_vu", 70),
    ]
    with pytest.raises(ValidationError, match="Quy định năm 2023–2024 không chấm điểm"):
        save_self_review(db, ids["2C"], 2024, SelfReviewData(scores={"chung": D(25)}))


def test_a_2024_review_keeps_its_form_when_the_group_changes_later(groups):
    db, ids = groups
    save_self_review(
        db, ids["2B"], 2024, SelfReviewData(date(2024, 12, 2), {"uu_diem": "Dạy tốt"}, {}, "HTTNV")
    )
    detail = get_member(db, ids["2B"])
    update_member(db, ids["2B"], replace(detail.data, review_group="2A"))

    assert get_self_review(db, ids["2B"], 2024).form.code == "02A"
    save_self_review(
        db, ids["2B"], 2024, SelfReviewData(date(2024, 12, 3), {"uu_diem": "Dạy giỏi"}, {}, "HTTNV")
    )
    kept = get_self_review(db, ids["2B"], 2024)
    assert (kept.form.code, kept.answer("uu_diem")) == ("02A", "Dạy giỏi")
    # A review not yet written takes the new group's form.
    assert get_self_review(db, ids["2B"], 2026).form.code == "2A"
    change_form(db, ids["2B"], 2024)
    assert get_self_review(db, ids["2B"], 2024).form.code == "02B"


@pytest.mark.parametrize(
    ("general", "tasks", "level"),
    [
        ("27,5", "62", "HTTNV"),  # 89,5
        ("30", "60", "HTXSNV"),  # 90
        ("20", "50", "HTTNV"),  # 70
        ("29,99", "40", "HTNV"),  # 69,99
        ("20", "30", "HTNV"),  # 50
        ("19,5", "30", "KHTNV"),  # 49,5
        ("30", "70", "HTXSNV"),  # 100
        ("0", "0", "KHTNV"),
    ],
)
def test_the_total_implies_the_level_of_its_band(groups, general, tasks, level):
    db, ids = groups
    scores = {"chung": parse_score(general), "nhiem_vu": parse_score(tasks)}
    save_self_review(db, ids["2C"], 2026, SelfReviewData(date(2026, 12, 1), scores=scores))

    review = get_self_review(db, ids["2C"], 2026)
    assert review.total == scores["chung"] + scores["nhiem_vu"]
    assert review.complete_scores
    assert review.implied_level.code == level


@pytest.mark.parametrize(
    ("scores", "field", "message"),
    [
        ({"chung": D(30), "nhiem_vu": D("70.5")}, "score:nhiem_vu", "từ 0 đến 70 (đang ghi 70,5)"),
        ({"chung": D(-1), "nhiem_vu": D(70)}, "score:chung", "từ 0 đến 30 (đang ghi -1)"),
        ({"chung": D(31), "nhiem_vu": D(50)}, "score:chung", "từ 0 đến 30 (đang ghi 31)"),
    ],
)
def test_a_score_outside_its_group_is_refused_with_the_groups_maximum(
    groups, scores, field, message
):
    db, ids = groups
    with pytest.raises(ValidationError) as refused:
        save_self_review(db, ids["2C"], 2026, SelfReviewData(scores=scores))

    assert [e.field for e in refused.value.errors] == [field]
    assert message in refused.value.errors[0].message
    assert get_self_review(db, ids["2C"], 2026).id is None


def test_an_unknown_group_or_level_is_refused(groups):
    db, ids = groups
    with pytest.raises(ValidationError, match='Nhóm tiêu chí "ca_nhan" không có'):
        save_self_review(db, ids["2C"], 2026, SelfReviewData(scores={"ca_nhan": D(5)}))
    with pytest.raises(ValidationError, match="Mức tự xếp loại không có"):
        save_self_review(db, ids["2C"], 2026, SelfReviewData(self_level="GIOI"))


def test_incomplete_scores_imply_no_level(groups):
    db, ids = groups
    save_self_review(db, ids["2C"], 2026, SelfReviewData(scores={"chung": D(29)}))

    review = get_self_review(db, ids["2C"], 2026)
    assert not review.complete_scores
    assert review.implied_level is None


@pytest.mark.parametrize(("text", "value"), [("27,5", "27.5"), (" 30 ", "30"), ("8.25", "8.25")])
def test_scores_typed_with_a_comma_or_a_dot_are_read(text, value):
    assert parse_score(text) == D(value)


@pytest.mark.parametrize("text", ["", "ba mươi", "27,5,1", "inf", "NaN"])
def test_text_that_is_not_a_score_is_refused_in_vietnamese(text):
    with pytest.raises(ValueError, match="không phải là số điểm"):
        parse_score(text)


def test_the_commitment_result_is_pulled_in_unless_typed(groups):
    db, ids = groups
    who = ids["2C"]
    assert get_self_review(db, who, 2026).answer("cam_ket") == "Chưa có bản cam kết năm này."
    items = [CommitmentItemData("lam_theo", "Trồng 50 cây xanh dọc kênh", True, "vuot")]
    save_commitment(db, who, 2026, CommitmentData(items=items))
    assert get_self_review(db, who, 2026).answer("cam_ket") == (
        "1 nội dung cam kết (tự đánh giá: 1 vượt mức)."
    )
    save_self_review(db, who, 2026, SelfReviewData(answers={"cam_ket": "Tự viết"}))
    assert get_self_review(db, who, 2026).answer("cam_ket") == "Tự viết"


def test_delete_returns_what_saves_back_the_same_review(groups):
    db, ids = groups
    data = SelfReviewData(
        date(2026, 12, 1),
        {"uu_diem": "Gương mẫu", "han_che": "Còn ngại va chạm"},
        {"chung": D("27.5"), "nhiem_vu": D(60)},
        "HTTNV",
    )
    save_self_review(db, ids["2C"], 2026, data)

    undo = delete_self_review(db, ids["2C"], 2026)

    assert get_self_review(db, ids["2C"], 2026).id is None
    assert undo == data
    save_self_review(db, ids["2C"], 2026, undo)
    assert get_self_review(db, ids["2C"], 2026).data() == data
    assert get_self_review(db, ids["2C"], 2026).self_level_name == "Hoàn thành tốt nhiệm vụ"
