"""The sample cell's review season: what the secretary finds after `sochibo demo` — 2024 done
under its own rules, 2025 done with scores, this year in progress with the quota warning."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models import (
    CollectiveReview,
    Commitment,
    CommitmentItem,
    CommitmentProgress,
    Meeting,
    Member,
    Rating,
    SelfReview,
)
from desktop.services.demo import reviews as demo_reviews
from desktop.services.reviews.collective import get_collective_review
from desktop.services.reviews.commitments import commitment_overview, get_commitment, save_commitment
from desktop.services.demo.builder import load_demo
from desktop.errors import DomainError
from desktop.services.reviews.ratings import ProposalData, proposal_warnings, rating_sheet
from desktop.services.reviews.self_reviews import get_self_review, save_self_review
from desktop.services.cell.workspace import Workspace

NOVEMBER = date(2026, 11, 23)
TABLES = (Member, Meeting, Commitment, CommitmentProgress, SelfReview, Rating, CollectiveReview)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One demo per day for the module; tests that write load their own."""
    made = {}

    def load(today):
        if today not in made:
            made[today] = Workspace(tmp_path_factory.mktemp("demo"), lock=False)
            load_demo(made[today].db, today=today)
        return made[today].db

    yield load
    for workspace in made.values():
        workspace.close()


@pytest.fixture
def november(loaded):
    return loaded(NOVEMBER)


def counts(db) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count(t.id))) for t in TABLES)


def names(rows) -> set[str]:
    return {r.member.full_name for r in rows}


# ---------------------------------------------------------------- this year, in progress


def test_this_years_proposals_exceed_the_quota_and_await_the_superior(november):
    sheet = rating_sheet(november, 2026, NOVEMBER)

    assert sheet.pack.id == "2025"
    quota = sheet.quota_proposed
    assert quota.exceeded and quota.actual == 4 and quota.allowed < 4
    excellent = [r for r in sheet.rows if r.proposed_level == "HTXSNV"]
    assert len(excellent) == 4
    for row in excellent:
        assert any(w.code == "quota" and "Số HTXSNV (4) vượt 20%" in w.text for w in row.warnings)
    assert all(not r.decided_level for r in sheet.rows)
    # The last excellent vote was recorded with the quota warning the cell saw.
    assert any("Số HTXSNV (4) vượt 20%" in text for text in excellent[-1].recorded_warnings)


def test_the_exempted_and_the_newly_admitted_members_are_not_rated(november):
    sheet = rating_sheet(november, 2026, NOVEMBER)
    assert names(sheet.not_rated) == {"Huỳnh Văn Bảy", "Trương Chí Cường"}
    assert all(not r.proposed_level for r in sheet.not_rated)


def test_most_members_have_written_with_a_spread_of_scores(november):
    sheet = rating_sheet(november, 2026, NOVEMBER)
    scores = {r.member.full_name: r.facts.self_score for r in sheet.rated}

    missing = {name for name, score in scores.items() if score is None}
    assert missing == {"Đỗ Đức Toàn", "Võ Thị Ngọc Hân", "Lê Văn Phúc"}
    written = [s for s in scores.values() if s is not None]
    assert sum(s >= 90 for s in written) == 4
    assert sum(60 <= s < 70 for s in written) == 1
    assert sum(70 <= s < 90 for s in written) == len(written) - 5
    assert names(sheet.awaiting_proposal) == missing | {"Mai Văn Tài"}


def test_the_absentee_shows_his_absences_and_a_self_rating_above_his_score(november):
    sheet = rating_sheet(november, 2026, NOVEMBER)
    tai = next(r for r in sheet.rows if r.member.full_name == "Mai Văn Tài")
    assert tai.facts.unexcused_months == 3

    review = get_self_review(november, tai.member_id, 2026)
    assert (review.implied_level.code, review.self_level) == ("HTNV", "HTTNV")
    shown = proposal_warnings(november, tai.member_id, 2026, ProposalData("HTTNV"), NOVEMBER)
    assert {w.code for w in shown} >= {"absences", "score"}


def test_the_sick_members_leave_is_recorded_as_a_fact(november):
    sheet = rating_sheet(november, 2026, NOVEMBER)
    toan = next(r for r in sheet.rows if r.member.full_name == "Đỗ Đức Toàn")
    assert toan.facts.sick_leave_months == 4 and not toan.proposed_level


def test_commitments_were_written_early_with_progress_at_the_demo_meetings(november):
    overview = commitment_overview(november, 2026, NOVEMBER)

    assert overview.not_written == []
    states = {r.full_name: r.state_label for r in overview.rows}
    assert states["Huỳnh Văn Bảy"] == "Được miễn"
    assert {r.full_name for r in overview.not_assessed} == {
        "Đỗ Đức Toàn", "Võ Thị Ngọc Hân", "Lê Văn Phúc",
    }  # fmt: skip
    warned = [r.full_name for r in overview.rows if r.warnings]
    assert warned == ["Võ Văn Hai"]  # no item on the study topic
    with_progress = 0
    for row in overview.rows:
        if not row.written:
            continue
        detail = get_commitment(november, row.member_id, 2026)
        # Written early in the year; the member admitted in the summer, after admission.
        newcomer = row.full_name == "Trương Chí Cường"
        assert detail.written_on.year == 2026 and (detail.written_on.month <= 4) != newcomer
        notes = [p for item in detail.items for p in item.progress]
        assert len(notes) <= 2
        assert all(p.meeting_label.startswith("Sinh hoạt tháng") for p in notes)
        with_progress += bool(notes)
    assert with_progress >= len(overview.rows) - 3


def test_this_years_collective_review_is_a_draft(november):
    review = get_collective_review(november, 2026)
    assert review.saved and review.form.code == "01"
    assert review.data.answers and not review.data.scores and not review.data.decided_level


# ---------------------------------------------------------------- completed years


def test_2024_is_judged_by_the_2023_2024_rules_and_every_rated_member_was_decided(november):
    sheet = rating_sheet(november, 2024, NOVEMBER)

    assert sheet.pack.id == "2023-2024" and sheet.pack.score_scale is None
    assert len(sheet.rated) >= 15
    for row in sheet.rated:
        assert row.proposed_level and row.decided_level == row.proposed_level
        assert row.decision_number == "125-QĐ/ĐU"
        assert date(2025, 1, 1) <= row.decision_date <= date(2025, 3, 31)
        assert row.form_code in ("02A", "02B")
        assert row.facts.self_review_written and row.facts.self_score is None
        assert row.facts.commitment_evaluation in ("tot", "dat")
    thang = next(r for r in sheet.rows if r.member.full_name == "Nguyễn Văn Thắng")
    assert thang.form_code == "02B"
    assert get_self_review(november, thang.member_id, 2024).answer("lanh_dao")
    assert not sheet.quota_proposed.exceeded
    assert get_collective_review(november, 2024).form is None
    assert get_collective_review(november, 2024).data.decision_number == "125-QĐ/ĐU"


def test_2025_is_completed_with_scores_and_decisions(november):
    sheet = rating_sheet(november, 2025, NOVEMBER)

    assert sheet.pack.id == "2025"
    assert sheet.awaiting_proposal == [] and sheet.awaiting_decision == []
    for row in sheet.rated:
        assert row.facts.self_score is not None
        implied = sheet.pack.level_for_score(row.facts.self_score)
        assert implied.code == row.proposed_level, row.member.full_name
    assert not sheet.quota_proposed.exceeded
    # The December meeting of 2025 is in the demo year: the vote is linked to it.
    december = sheet.rated[0].meeting_id
    assert december is not None and all(r.meeting_id == december for r in sheet.rated)
    collective = get_collective_review(november, 2025)
    assert (collective.total, collective.implied_level.code) == (88, "HTTNV")
    assert collective.data.decided_level == "HTTNV"


# ---------------------------------------------------------------- as the services see it


def test_every_record_passes_the_services_own_checks(db):
    load_demo(db, today=NOVEMBER)
    with db.session() as s:
        commitments = s.execute(select(Commitment.member_id, Commitment.year)).all()
        reviews = s.execute(select(SelfReview.member_id, SelfReview.year)).all()

    for member_id, year in commitments:
        before = get_commitment(db, member_id, year)
        save_commitment(db, member_id, year, before.data())
        assert get_commitment(db, member_id, year) == before
    for member_id, year in reviews:
        before = get_self_review(db, member_id, year)
        save_self_review(db, member_id, year, before.data())
        assert get_self_review(db, member_id, year) == before
        if before.score_groups:
            assert before.complete_scores and before.implied_level is not None


@pytest.mark.parametrize("year", (2024, 2025))
def test_warnings_kept_with_each_past_vote_are_those_the_services_show(november, year):
    for row in rating_sheet(november, year, NOVEMBER).rated:
        proposal = ProposalData(row.proposed_level, row.votes_for, row.votes_total)
        shown = proposal_warnings(november, row.member_id, year, proposal, NOVEMBER)
        assert row.recorded_warnings == tuple(w.text for w in shown), row.member.full_name


def test_this_years_last_vote_kept_the_warnings_the_services_show(november):
    sheet = rating_sheet(november, 2026, NOVEMBER)
    voted = [r for r in sheet.rows if r.proposed_level]
    last = voted[-1]
    proposal = ProposalData(last.proposed_level, last.votes_for, last.votes_total)
    shown = proposal_warnings(november, last.member_id, 2026, proposal, NOVEMBER)
    assert last.recorded_warnings == tuple(w.text for w in shown)
    assert all(r.votes_for * 2 > r.votes_total for r in voted)


def test_every_text_is_nfc_vietnamese_without_placeholders(november):
    with november.session() as s:
        columns = (
            Commitment.evaluation_comment,
            CommitmentItem.text,
            CommitmentItem.self_assessment_note,
            CommitmentProgress.text,
            Rating.discussion,
        )
        texts = [t for column in columns for (t,) in s.execute(select(column))]
        for column in (SelfReview.answers, CollectiveReview.answers):
            texts += [a for (answers,) in s.execute(select(column)) for a in answers.values()]
    assert texts
    for text in texts:
        assert unicodedata.is_normalized("NFC", text)
        assert "lorem" not in text.lower() and "{" not in text


# ---------------------------------------------------------------- any day, all or nothing


@pytest.mark.parametrize(
    "today",
    [date(2025, 6, 15), date(2026, 1, 5), date(2026, 5, 19), date(2027, 1, 10), date(2030, 12, 31)],
    ids=str,
)
def test_the_season_holds_together_on_any_day(db, today):
    load_demo(db, today=today)

    current = rating_sheet(db, today.year, today)
    assert current.quota_proposed.exceeded
    assert all(not r.decided_level for r in current.rows)
    assert rating_sheet(db, 2024, today).awaiting_decision == []
    if today.year == 2025:
        # The demo year holds December 2024: that year's vote was taken there.
        assert {r.meeting_id for r in rating_sheet(db, 2024, today).rated} != {None}
    if today.year > 2025:
        assert rating_sheet(db, 2025, today).awaiting_decision == []
    else:
        assert get_collective_review(db, 2025).data.decided_level == ""


def test_a_failure_in_the_season_leaves_the_data_folder_empty(db, monkeypatch):
    build_sheet = demo_reviews.build_sheet
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 4:
            raise DomainError("mất điện")
        return build_sheet(*args, **kwargs)

    monkeypatch.setattr(demo_reviews, "build_sheet", failing)
    with pytest.raises(DomainError, match="mất điện"):
        load_demo(db, today=NOVEMBER)

    assert counts(db) == (0,) * len(TABLES)


def test_loading_the_demo_again_is_refused_and_writes_nothing(db):
    load_demo(db, today=NOVEMBER)
    before = counts(db)

    with pytest.raises(DomainError, match="thư mục dữ liệu trống"):
        load_demo(db, today=NOVEMBER)

    assert counts(db) == before
    assert before[2:] != (0,) * (len(TABLES) - 2)
