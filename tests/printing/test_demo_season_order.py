"""The demo's review season follows the real order: the forms are handed out at the meeting
before, the self-reviews are written before the rating meeting, the rating meeting (with its
attendance) hears them and votes, and the superior decides after it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import Meeting, Rating, SelfReview
from desktop.printing.meetings.minutes_text import minutes_text
from desktop.services.cell.workspace import Workspace
from desktop.services.demo.builder import load_demo
from desktop.services.meetings import plan as mt

HAND_OUT = "Phát mẫu bản tự kiểm điểm"


@pytest.fixture(scope="module", params=[date(2026, 12, 2), date(2026, 1, 10)], ids=str)
def demo(request, tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("demo")
    with Workspace(folder, lock=False) as ws:
        load_demo(ws.db, today=request.param)
        yield ws.db, request.param


def given(db, meeting_id: int) -> list[str]:
    """The tasks handed out at the meeting (not the earlier ones it checks)."""
    return [task.description for task in mt.minutes_document(db, meeting_id).tasks]


def text_of(db, meeting_id: int) -> str:
    return "\n".join(block.text for block in minutes_text(mt.minutes_document(db, meeting_id)).blocks)


def test_each_rating_meeting_hears_self_reviews_written_before_it(demo):
    db, today = demo
    with db.session() as session:
        # A year whose December lies before the demo's meetings has its votes but no minutes.
        ratings = session.scalars(select(Rating).where(Rating.meeting_id.is_not(None))).all()
        years = {r.year for r in ratings}
        assert years, "the demo votes proposals"
        for year in years:
            voted = [r for r in ratings if r.year == year]
            meeting_ids = {r.meeting_id for r in voted}
            assert len(meeting_ids) == 1
            meeting = session.get(Meeting, meeting_ids.pop())
            assert {r.proposed_on for r in voted} == {meeting.held_on}
            reviews = session.scalars(select(SelfReview).where(SelfReview.year == year)).all()
            assert reviews and all(r.written_on < meeting.held_on for r in reviews)
            decided = [r for r in voted if r.decision_date is not None]
            assert all(r.decision_date > meeting.held_on for r in decided)
            rating_text = text_of(db, meeting.id)
            # Never handed out at the meeting that votes; checked there as done.
            assert not [task for task in given(db, meeting.id) if HAND_OUT in task]
            assert "trình bày bản tự kiểm điểm" in rating_text
            earlier = session.scalars(
                select(Meeting)
                .where(Meeting.kind == "thuong_ky", Meeting.held_on < meeting.held_on)
                .order_by(Meeting.held_on.desc())
            ).first()
            if earlier is not None and earlier.held_on.year == year:
                assert [task for task in given(db, earlier.id) if HAND_OUT in task]
                # ... and the rating meeting checks it as done before hearing the reviews.
                assert f"{HAND_OUT}, hướng dẫn" in rating_text and "đã hoàn thành" in rating_text


def test_only_the_rating_meetings_speak_of_handing_out_or_voting(demo):
    db, today = demo
    with db.session() as session:
        voting = set(session.scalars(select(Rating.meeting_id).where(Rating.meeting_id.is_not(None))))
        held = session.scalars(
            select(Meeting).where(Meeting.kind == "thuong_ky", Meeting.held_on.is_not(None))
        ).all()
    for meeting in held:
        text = text_of(db, meeting.id)
        if meeting.id not in voting:
            assert "trình bày bản tự kiểm điểm" not in text
