"""Kiểm điểm tập thể chi bộ: Mẫu 01 with the self-score from 2025, no form before, and the
warnings when the cell rates itself above its score or its vote is not a majority."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.services.reviews.collective import (
    CollectiveReviewData,
    get_collective_review,
    save_collective_review,
)
from desktop.errors import ValidationError

D = Decimal


def test_from_2025_the_cell_reports_on_form_01_with_the_self_score(db):
    for year in (2025, 2026):
        review = get_collective_review(db, year)
        assert review.form.code == "01" and not review.saved
        assert [g.code for g in review.score_groups] == ["chung", "nhiem_vu"]
        codes = [s.code for s in review.text_sections]
        assert codes[0] == "ket_qua"
        assert "tu_cham_diem" not in codes and "tu_xep_loai" not in codes


def test_in_2024_there_is_no_collective_form_and_no_score(db):
    review = get_collective_review(db, 2024)
    assert (review.form, review.text_sections, review.score_groups) == (None, (), ())
    with pytest.raises(ValidationError, match="Quy định năm 2023–2024 không chấm điểm tập thể"):
        save_collective_review(db, 2024, CollectiveReviewData(scores={"chung": D(25)}))

    save_collective_review(
        db, 2024, CollectiveReviewData(date(2024, 12, 20), self_level="HTTNV", votes_for=14,
                                       votes_total=15, decided_level="HTTNV",
                                       decision_number="125-QĐ/ĐU", decision_date=date(2025, 1, 20))
    )  # fmt: skip
    saved = get_collective_review(db, 2024)
    assert saved.saved and saved.form is None
    assert (saved.data.decided_level, saved.data.decision_number) == ("HTTNV", "125-QĐ/ĐU")
    assert saved.warnings == []


def test_saved_scores_give_the_total_and_the_level(db):
    data = CollectiveReviewData(
        date(2026, 12, 10),
        {"ket_qua": "Hoàn thành các chỉ tiêu nghị quyết", "han_che": "  "},
        {"chung": D("27.5"), "nhiem_vu": D(62)},
        "HTTNV",
        votes_for=18,
        votes_total=20,
    )
    save_collective_review(db, 2026, data)

    review = get_collective_review(db, 2026)
    assert review.saved and review.form.code == "01"
    assert review.total == D("89.5")
    assert review.implied_level.code == "HTTNV"
    assert review.data.answers == {"ket_qua": "Hoàn thành các chỉ tiêu nghị quyết"}
    assert review.warnings == []


def test_incomplete_scores_give_no_total(db):
    save_collective_review(db, 2026, CollectiveReviewData(scores={"chung": D(28)}))
    review = get_collective_review(db, 2026)
    assert (review.total, review.implied_level) == (None, None)


def test_rating_itself_above_its_score_warns_with_the_total_in_vietnamese(db):
    save_collective_review(
        db, 2026, CollectiveReviewData(scores={"chung": D("25.5"), "nhiem_vu": D(60)},
                                       self_level="HTXSNV", votes_for=6, votes_total=12)
    )  # fmt: skip

    warnings = get_collective_review(db, 2026).warnings

    assert [w.code for w in warnings] == ["score", "votes"]
    assert warnings[0].text.startswith('Tổng điểm 85,5 chỉ đạt mức "Hoàn thành tốt nhiệm vụ"')
    assert "Quy định 366-QĐ/TW" in warnings[0].text
    assert warnings[1].text.startswith("6/12 phiếu tán thành")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (CollectiveReviewData(scores={"chung": D(31)}), "score:chung"),
        (CollectiveReviewData(scores={"nhiem_vu": D(-1)}), "score:nhiem_vu"),
        (CollectiveReviewData(scores={"khac": D(5)}), "score:khac"),
        (CollectiveReviewData(self_level="TOT"), "self_level"),
        (CollectiveReviewData(decided_level="TOT"), "decided_level"),
        (CollectiveReviewData(votes_for=13, votes_total=12), "votes_for"),
    ],
)
def test_impossible_values_are_refused(db, data, field):
    with pytest.raises(ValidationError) as refused:
        save_collective_review(db, 2026, data)
    assert [e.field for e in refused.value.errors] == [field]
    assert not get_collective_review(db, 2026).saved


def test_the_group_maximum_is_named_when_a_score_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        save_collective_review(db, 2026, CollectiveReviewData(scores={"nhiem_vu": D("70.5")}))
    assert "từ 0 đến 70" in refused.value.errors[0].message


def test_the_collective_vote_counts_the_cells_official_members_not_the_votes_cast(db):
    from desktop.services.members.registry import MemberData, create_member

    for i in range(10):
        create_member(
            db,
            MemberData(full_name=f"Đảng viên {i}", admitted_on=date(2001, 2, 3), official_on=date(2002, 2, 3)),
        )
    data = CollectiveReviewData(date(2026, 12, 10), self_level="HTNV", votes_for=5, votes_total=6)
    save_collective_review(db, 2026, data)
    votes = [w.text for w in get_collective_review(db, 2026).warnings if w.code == "votes"]
    assert votes and "10 đảng viên chính thức của chi bộ → ít nhất 6 phiếu" in votes[0]
    data.votes_for = 6
    save_collective_review(db, 2026, data)
    assert not [w for w in get_collective_review(db, 2026).warnings if w.code == "votes"]
