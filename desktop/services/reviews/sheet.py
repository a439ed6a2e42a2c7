"""The year's rating sheet (danh sách đánh giá, xếp loại): one read of the review season.

``rating_sheet`` gathers, for every member on the roll, the self-review, the commitment
result, absences, discipline and the cell's proposal and superior's decision, and judges
them by the rule pack of that year — so a 2024 list is judged and reprinted by 2024's rules.
What the secretary records into it (proposals, facts, decisions) is in ``ratings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import NotFound
from desktop.models import Commitment, Rating
from desktop.rules.rating_model import Level, RulePack
from desktop.rules.rating_rules import QuotaResult, is_rated, quota_check
from desktop.services.meetings.attendance import unexcused_months
from desktop.services.members.status import MemberStatus
from desktop.services.reviews.quota_scope import cell_pack
from desktop.services.reviews.rating_checks import (
    MemberFacts,
    RatingWarning,
    level_warnings,
    quota_warning,
    vote_warning,
)
from desktop.services.reviews.rating_votes import vote_base_for
from desktop.services.reviews.roster import ReviewMember, review_date, review_members
from desktop.services.reviews.self_reviews import review_total, self_reviews_of_year
from desktop.storage.database import Database


@dataclass(frozen=True)
class RatingRow:
    """One member's line in the year's rating (danh sách đề nghị xếp loại)."""

    member: ReviewMember
    facts: MemberFacts
    writes_review: bool
    form_code: str
    self_level: str
    suspended: bool
    not_rated_note: str
    discussion: str
    proposed_level: str
    votes_for: int | None
    votes_total: int | None
    proposed_on: date | None
    meeting_id: int | None
    recorded_warnings: tuple[str, ...]
    decided_level: str
    decision_number: str
    decision_date: date | None
    warnings: tuple[RatingWarning, ...]
    # The KHTNV questions as answered with the vote: code → {"answer": yes|no|"", "note"}.
    answers: dict = field(default_factory=dict)

    @property
    def member_id(self) -> int:
        return self.member.id

    @property
    def rated(self) -> bool:
        return self.facts.rated


@dataclass(frozen=True)
class LevelCount:
    level: Level
    proposed: int
    decided: int


@dataclass(frozen=True)
class RatingSheet:
    year: int
    pack: RulePack
    review_on: date
    rows: tuple[RatingRow, ...]
    counts: tuple[LevelCount, ...]
    quota_proposed: QuotaResult
    quota_decided: QuotaResult

    @property
    def rated(self) -> list[RatingRow]:
        return [r for r in self.rows if r.rated]

    @property
    def not_rated(self) -> list[RatingRow]:
        return [r for r in self.rows if not r.rated]

    @property
    def awaiting_proposal(self) -> list[RatingRow]:
        return [r for r in self.rated if not r.proposed_level]

    @property
    def awaiting_decision(self) -> list[RatingRow]:
        return [r for r in self.rated if r.proposed_level and not r.decided_level]

    def row(self, member_id: int) -> RatingRow:
        for row in self.rows:
            if row.member.id == member_id:
                return row
        raise NotFound("Đảng viên không có trong danh sách kiểm điểm năm này.")


def rating_sheet(db: Database, year: int, today: date | None = None) -> RatingSheet:
    with db.session() as session:
        return build_sheet(session, year, today)


def build_sheet(session: Session, year: int, today: date | None = None) -> RatingSheet:
    pack = cell_pack(session, year)  # the pack, with the quota scope the cell recorded
    members = review_members(session, year, today)
    ratings = {r.member_id: r for r in session.scalars(select(Rating).where(Rating.year == year))}
    reviews = self_reviews_of_year(session, year)
    live = select(Commitment).where(Commitment.year == year, Commitment.deleted_at.is_(None))
    commitments = {c.member_id: c for c in session.scalars(live)}
    absences = unexcused_months(session, year)
    base_rows = [
        _row(pack, m, ratings.get(m.id), reviews.get(m.id), commitments.get(m.id), absences)
        for m in members
    ]
    proposed = _counts(pack, (r.proposed_level for r in base_rows if r.rated))
    decided = _counts(pack, (r.decided_level for r in base_rows if r.rated))
    quota_text = quota_warning(pack, proposed)
    rows = []
    bases: dict = {}
    for row in base_rows:
        warnings = level_warnings(pack, row.facts, row.proposed_level)
        vote = vote_warning(
            row.votes_for, row.votes_total, base=_vote_base(session, year, row, today, bases)
        )
        if vote:
            warnings.append(vote)
        quota_level = pack.quota.level if pack.quota else None
        if quota_text and row.rated and row.proposed_level == quota_level:
            warnings.append(quota_text)
        rows.append(replace(row, warnings=tuple(warnings)))
    counts = tuple(
        LevelCount(level, proposed.get(level.code, 0), decided.get(level.code, 0))
        for level in pack.levels
    )
    return RatingSheet(
        year=year,
        pack=pack,
        review_on=review_date(year, today),
        rows=tuple(rows),
        counts=counts,
        quota_proposed=quota_check(pack, proposed),
        quota_decided=quota_check(pack, decided),
    )


def _vote_base(session: Session, year: int, row: RatingRow, today: date | None, cache: dict):
    """The base of this row's vote (rating_votes); None while no vote is recorded."""
    if row.votes_for is None:
        return None
    day = row.proposed_on or review_date(year, today)
    return vote_base_for(session, year, row.meeting_id, day, cache)


def _row(pack, member: ReviewMember, rating, review, commitment, absences) -> RatingRow:
    exempted = member.status == MemberStatus.EXEMPTED
    suspended = bool(rating and rating.suspended)
    rated, reason, writes_review = is_rated(
        pack,
        exempted=exempted,
        suspended=suspended,
        months_since_admission=member.months_since_admission,
    )
    note = rating.not_rated_note if rating else ""
    if rated and note:
        rated, reason = False, note
    facts = MemberFacts(
        rated=rated,
        not_rated_reason=reason,
        self_review_written=review is not None,
        self_score=review_total(pack, review) if review else None,
        disciplined=bool(member.disciplined_in_year),
        remedied_self_found=bool(rating and rating.remedied_self_found),
        sick_leave_months=rating.sick_leave_months if rating else 0,
        commitment_written=commitment is not None,
        commitment_evaluation=commitment.evaluation if commitment else "",
        unexcused_months=absences.get(member.id, 0),
        exempted_from_commitment=exempted,
        answers=answer_tuples(rating.question_answers if rating else None),
    )
    return RatingRow(
        member=member,
        facts=facts,
        writes_review=writes_review,
        form_code=review.form_code if review else pack.form_for(member.review_group).code,
        self_level=review.self_level if review else "",
        suspended=suspended,
        not_rated_note=note,
        discussion=rating.discussion if rating else "",
        proposed_level=rating.proposed_level if rating else "",
        votes_for=rating.votes_for if rating else None,
        votes_total=rating.votes_total if rating else None,
        proposed_on=rating.proposed_on if rating else None,
        meeting_id=rating.meeting_id if rating else None,
        recorded_warnings=tuple(rating.warnings or ()) if rating else (),
        decided_level=rating.decided_level if rating else "",
        decision_number=rating.decision_number if rating else "",
        decision_date=rating.decision_date if rating else None,
        warnings=(),
        answers=dict(rating.question_answers or {}) if rating else {},
    )


def answer_tuples(answers: dict | None) -> tuple[tuple[str, str, str], ...]:
    """Stored answers as MemberFacts reads them; anything malformed counts as unanswered."""
    out = []
    for code, value in (answers or {}).items():
        if isinstance(value, dict):
            out.append((str(code), str(value.get("answer", "")), str(value.get("note", ""))))
    return tuple(out)


def implied_level(pack: RulePack, row: RatingRow) -> Level | None:
    score = row.facts.self_score
    return pack.level_for_score(score) if score is not None else None


def _counts(pack: RulePack, levels) -> dict[str, int]:
    counts = {level.code: 0 for level in pack.levels}
    for code in levels:
        if code in counts:
            counts[code] += 1
    return counts


def review_years(db: Database) -> list[int]:
    """Years with any review-season record (rating, self-review, commitment, collective)."""
    from desktop.models import CollectiveReview, SelfReview

    with db.session() as session:
        years: set[int] = set()
        for model in (Rating, SelfReview, Commitment, CollectiveReview):
            years.update(session.scalars(select(model.year).distinct()))
        return sorted(years)
