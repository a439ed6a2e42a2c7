"""The sample cell's review season (mùa kiểm điểm, đánh giá, xếp loại mẫu) for "Chi bộ Ấp Tân Phú".

Who is reviewed and who is rated is read from each year's rating sheet (``build_sheet``),
never assumed: the exempted member and the newly admitted one are left out by the rules
themselves. What is written lives in ``reviews_text``; the records themselves are added by
``review_records``.

- **2024** (when before this year), a completed year under Quy định 124 (forms 02A / 02B,
  no scores): commitments assessed and evaluated, self-reviews written, the cell's vote at
  its December meeting when the demo has it, the superior's decision "125-QĐ/ĐU" early in
  2025, and the cell's own rating.
- **2025** (when before this year), completed the same way under Quy định 366 with scores.
- **This year**, in progress: commitments written early in the year with progress reported
  at the demo's meetings; most self-reviews written with scores (four at 90 or more, one
  in the sixties, a few not yet written); the cell's proposals for most members with more
  "xuất sắc" than 20% of "tốt" allows, so the quota warning shows; no decision yet; a
  draft of the collective review.

**Rows, not service calls**: the records are added to the demo's one session as rows and
flushed once per year. Through the services every recorded vote rebuilds the whole rating
sheet, which alone doubled the demo's loading time. The levels and the warnings recorded
with each vote still come from the rating rules (``level_warnings``, ``vote_warning``,
``quota_warning`` over the sheet's facts, votes counted in list order as at a meeting);
tests check that every record passes the services' own checks and that the warnings kept
are the ones ``proposal_warnings`` shows.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import cycle

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import CollectiveReview, CommitmentProgress, Member
from desktop.services.demo import reviews_text as say
from desktop.services.demo.meetings import ABSENTEE, SharedSession
from desktop.services.demo.review_records import (
    DAY,
    DECISIONS,
    EXCELLENT_NOW,
    EXCELLENT_TOTALS,
    GOOD_TOTALS,
    LOW_TOTAL,
    NEW_RULES_YEAR,
    NOT_WRITTEN_NOW,
    OLD_RULES_YEAR,
    SICK_NOW,
    SeasonRecords,
    days_after,
    level_now,
    past_level,
    rating_record,
    total_for,
    voter_count,
    writers,
)
from desktop.services.reviews.ratings import build_sheet
from desktop.storage.database import Database


def load_demo_reviews(db: Database | SharedSession, today: date) -> None:
    """Write the review season of 2024, 2025 (when past) and this year, all or nothing,
    into a cell whose members and meetings are already there."""
    with db.session() as session:
        _Season(session, today).build()


class _Season(SeasonRecords):
    def __init__(self, session: Session, today: date) -> None:
        self.session, self.today = session, today
        self.occupation = dict(session.execute(select(Member.id, Member.occupation)).all())

    def build(self) -> None:
        for year in (OLD_RULES_YEAR, NEW_RULES_YEAR):
            if year < self.today.year:
                self._completed_year(year)
        self._current_year(self.today.year)

    # ------------------------------------------------------------------ a past year
    def _completed_year(self, year: int) -> None:
        sheet = build_sheet(self.session, year, self.today)
        meeting_id, voted_on = self._meeting_in(year, 12)
        voted_on = voted_on or date(year, 12, 15)
        levels = {row.member_id: past_level(row) for row in sheet.rated}
        for index, row in enumerate(writers(sheet)):
            level = levels.get(row.member_id)
            written = max(date(year, 3, 1), days_after(row.member.admitted_on, 14))
            written = min(written, date(year, 12, 20))
            commitment = self._commitment(row, index, year, sheet.pack, written, assessed=True)
            commitment.evaluation = "tot" if level == "HTXSNV" else "dat"
            commitment.evaluation_comment = say.EVALUATION_COMMENTS[commitment.evaluation]
            if row.member.full_name == ABSENTEE:
                commitment.evaluation_comment = say.ABSENT_COMMENT
            commitment.evaluated_on = max(written, date(year, 11, 28))
            if level is not None:
                # Written before the rating meeting that votes on them.
                written_on = min(date(year, 12, 1) + timedelta(index % 5), voted_on - DAY)
                total = total_for(level, index)
                self._self_review(row, index, year, sheet.pack, written_on, level, total)
        self.session.flush()
        sheet = build_sheet(self.session, year, self.today)  # with the facts just written
        votes = [(row, levels[row.member_id]) for row in sheet.rated]
        decided_on = min(date(year + 1, 1, 16), self.today)
        for rating in self._vote(sheet, votes, voted_on, meeting_id):
            rating.decided_level = rating.proposed_level
            rating.decision_number = DECISIONS[year]
            rating.decision_date = decided_on
        form = sheet.pack.collective_form
        scored = form is not None and form.self_score
        voters = voter_count(sheet) - 1
        self.session.add(
            CollectiveReview(
                year=year,
                pack_id=sheet.pack.id,
                form_code=form.code if form else "",
                written_on=date(year, 12, 10),
                answers=dict(say.COLLECTIVE) if form else {},
                scores={"chung": "27", "nhiem_vu": "61"} if scored else {},
                self_level="HTTNV",
                votes_for=voters,
                votes_total=voters,
                decided_level="HTTNV",
                decision_number=DECISIONS[year],
                decision_date=decided_on,
            )
        )
        self.session.flush()

    # ------------------------------------------------------------------ this year
    def _current_year(self, year: int) -> None:
        sheet = build_sheet(self.session, year, self.today)
        pack = sheet.pack
        meetings = self._held_meetings(year)
        meeting_id, voted_on = meetings[-1] if meetings else (None, self.today)
        rated = {row.member_id for row in sheet.rated}
        good, excellent = cycle(GOOD_TOTALS), iter(EXCELLENT_TOTALS)  # cycle: any cell size
        levels: dict[int, str] = {}
        for index, row in enumerate(writers(sheet)):
            name = row.member.full_name
            written = name not in NOT_WRITTEN_NOW
            early = max(date(year, 3, 2) + timedelta(index), days_after(row.member.admitted_on, 14))
            written_on = min(early, self.today)
            commitment = self._commitment(row, index, year, pack, written_on, assessed=written)
            topic_item = next((i for i in commitment.items if i.topic_linked), None)
            later = [m for m in meetings if m[1] > written_on]
            reports = say.TOPIC_ITEMS[index % len(say.TOPIC_ITEMS)][1]
            for step, (meeting, held_on) in enumerate(later[index % 3 :: 4][:2]):
                if topic_item is not None:
                    note = CommitmentProgress(
                        noted_on=held_on, text=reports[step], meeting_id=meeting
                    )
                    topic_item.progress.append(note)
            if row.member_id not in rated:
                continue
            if name == SICK_NOW:  # the fact the secretary enters (set_facts)
                self.session.add(rating_record(row, year, pack, sick_leave_months=4))
            if not written:
                continue
            if name in EXCELLENT_NOW:
                total = next(excellent)
            elif name == ABSENTEE:
                total = LOW_TOTAL
            else:
                total = next(good)
            level = level_now(pack, name, total)
            # Written in the days before the meeting that votes on them (real order:
            # self-review, the cell's meeting with its attendance, the vote, the superior).
            review_on = min(voted_on - timedelta(1 + index % 7), self.today)
            self_level = "HTTNV" if name == ABSENTEE else level
            self._self_review(row, index, year, pack, review_on, self_level, total)
            if name == ABSENTEE:
                continue  # the cell has still to discuss him: his line awaits its vote
            commitment.evaluation = "tot" if level == "HTXSNV" else "dat"
            commitment.evaluation_comment = say.EVALUATION_COMMENTS[commitment.evaluation]
            commitment.evaluated_on = review_on
            levels[row.member_id] = level
        self.session.flush()
        sheet = build_sheet(self.session, year, self.today)
        votes = [(row, levels[row.member_id]) for row in sheet.rated if row.member_id in levels]
        self._vote(sheet, votes, voted_on, meeting_id)
        self.session.add(
            CollectiveReview(
                year=year,
                pack_id=pack.id,
                form_code=pack.collective_form.code if pack.collective_form else "",
                answers=dict(say.COLLECTIVE_DRAFT),
                scores={},
            )
        )
        self.session.flush()

