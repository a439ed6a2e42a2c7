"""The cell's rating vote is bounded by the official members present at its meeting."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.errors import ValidationError
from desktop.models import Rating, SelfReview
from desktop.services.cell.workspace import Workspace
from desktop.services.demo.builder import load_demo
from desktop.services.reviews.ratings import ProposalData, record_proposal
from desktop.services.reviews.vote_bound import present_official

TODAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with Workspace(tmp_path_factory.mktemp("demo"), lock=False) as ws:
        load_demo(ws.db, today=TODAY)
        yield ws.db


def test_more_votes_than_official_members_present_are_refused_with_the_arithmetic(demo):
    with demo.session() as s:
        rating = s.scalars(select(Rating).where(Rating.meeting_id.is_not(None))).first()
        member_id, year, meeting_id, level = (
            rating.member_id, rating.year, rating.meeting_id, rating.proposed_level
        )  # fmt: skip
    present = present_official(demo, meeting_id)
    proposal = ProposalData(level, present, present + 1, meeting_id=meeting_id)
    with pytest.raises(ValidationError) as caught:
        record_proposal(demo, member_id, year, proposal, today=TODAY)
    message = str(caught.value)
    assert f"tán thành {present} + không tán thành 1 = {present + 1}" in message
    assert f"có mặt tại buổi sinh hoạt ({present})" in message


def test_a_proposal_at_a_meeting_that_does_not_exist_is_refused(demo):
    with demo.session() as s:
        rating = s.scalars(select(Rating).where(Rating.meeting_id.is_not(None))).first()
        member_id, year, level = rating.member_id, rating.year, rating.proposed_level
    with pytest.raises(ValidationError, match="Không tìm thấy buổi sinh hoạt"):
        record_proposal(demo, member_id, year, ProposalData(level, 1, 1, meeting_id=99_999))


def test_the_demo_season_follows_the_real_order_and_its_votes_fit_the_meeting(demo):
    with demo.session() as s:
        ratings = list(s.scalars(select(Rating).where(Rating.proposed_level != "")))
        reviews = {(r.member_id, r.year): r.written_on for r in s.scalars(select(SelfReview))}
        facts = [
            (r.year, r.meeting_id, r.votes_total, r.proposed_on, r.decision_date,
             reviews.get((r.member_id, r.year)))
            for r in ratings
        ]  # fmt: skip
    assert facts
    for year, meeting_id, votes_total, proposed_on, decided_on, written_on in facts:
        # 2024's rating meeting lies before the demo's year of meetings.
        assert meeting_id is not None or year == 2024
        if meeting_id is not None:
            assert votes_total <= present_official(demo, meeting_id)
        if written_on is not None:
            assert written_on < proposed_on  # self-review, then the meeting's vote
        if decided_on is not None:
            assert proposed_on < decided_on  # then the superior's decision


def test_votes_at_a_meeting_whose_roll_was_not_taken_ask_for_the_roll_first(demo):
    from desktop.services.meetings import plan as mt

    with demo.session() as s:
        rating = s.scalars(select(Rating).where(Rating.year == 2026)).first()
        member_id, level = rating.member_id, rating.proposed_level or "HTTNV"
    meeting = mt.find_meeting(demo, 2026, 12)  # this month's meeting: only planned
    with pytest.raises(ValidationError, match="chưa điểm danh"):
        record_proposal(demo, member_id, 2026, ProposalData(level, 3, 3, meeting_id=meeting))
