"""The cell's rating of its members for a year (đánh giá, xếp loại chất lượng đảng viên).

``rating_sheet`` gathers, for every member on the roll, the self-review, the commitment
result, absences, discipline and the cell's proposal and superior's decision, and judges
them by the rule pack of that year — so a 2024 list is judged and reprinted by 2024's rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Commitment, Member, Rating
from desktop.rules.rating_model import Level, RulePack
from desktop.rules.rating_rules import QuotaResult, is_rated, pack_for_year, quota_check
from desktop.errors import FieldError, NotFound, ValidationError
from desktop.services.meetings.attendance import unexcused_months
from desktop.services.reviews.rating_checks import (
    MemberFacts,
    RatingWarning,
    level_warnings,
    quota_warning,
    vote_warning,
)
from desktop.services.reviews.quota_scope import cell_pack
from desktop.services.reviews.rating_votes import vote_base_for
from desktop.services.reviews.roster import ReviewMember, review_date, review_members
from desktop.services.reviews.self_reviews import review_total, self_reviews_of_year
from desktop.services.members.status import MemberStatus
from desktop.services.reviews.vote_bound import vote_bound_errors
from desktop.storage.database import Database
from desktop.text import clean_paragraphs


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


@dataclass
class ProposalData:
    """The cell's vote on one member (chi bộ đề xuất mức xếp loại)."""

    level: str
    votes_for: int | None = None
    votes_total: int | None = None
    discussion: str = ""
    proposed_on: date | None = None
    meeting_id: int | None = None
    # Answers to the pack's KHTNV questions: code → {"answer": "yes"|"no"|"", "note": str}.
    answers: dict = field(default_factory=dict)


@dataclass
class RatingFacts:
    """Facts the secretary enters because the registry does not hold them."""

    suspended: bool = False
    sick_leave_months: int = 0
    remedied_self_found: bool = False
    not_rated_note: str = ""


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


def proposal_warnings(
    db: Database, member_id: int, year: int, proposal: ProposalData, today: date | None = None
) -> list[RatingWarning]:
    """What the secretary sees before recording the vote (quota counted with this vote)."""
    # Only an unknown level stops the check; vote-count mistakes are reported on recording
    # while the warnings still show as the secretary types.
    errors = [e for e in _proposal_errors(pack_for_year(year), proposal) if e.field == "level"]
    if errors:
        raise ValidationError(errors)
    sheet = rating_sheet(db, year, today)
    row = sheet.row(member_id)
    pack = sheet.pack
    facts = replace(row.facts, answers=answer_tuples(proposal.answers))
    found = level_warnings(pack, facts, proposal.level)
    with db.session() as session:
        base = vote_base_for(
            session, year, proposal.meeting_id, proposal.proposed_on or sheet.review_on
        )
    vote = vote_warning(proposal.votes_for, proposal.votes_total, base=base)
    if vote:
        found.append(vote)
    if proposal.level and row.rated:
        counts = {c.level.code: c.proposed for c in sheet.counts}
        if row.proposed_level:
            counts[row.proposed_level] -= 1
        counts[proposal.level] = counts.get(proposal.level, 0) + 1
        quota = quota_warning(pack, counts)
        if quota and pack.quota and proposal.level == pack.quota.level:
            found.append(quota)
    return found


def record_proposal(
    db: Database, member_id: int, year: int, proposal: ProposalData, today: date | None = None
) -> list[RatingWarning]:
    """Store the cell's vote with the warnings shown at that moment; returns them."""
    pack = pack_for_year(year)
    errors = _proposal_errors(pack, proposal)
    errors += vote_bound_errors(db, proposal.meeting_id, proposal.votes_for, proposal.votes_total)
    if errors:
        raise ValidationError(errors)
    warnings = proposal_warnings(db, member_id, year, proposal, today) if proposal.level else []
    with db.session() as session:
        rating = _rating(session, member_id, year, pack)
        rating.proposed_level = proposal.level
        rating.votes_for = proposal.votes_for
        rating.votes_total = proposal.votes_total
        rating.discussion = clean_paragraphs(proposal.discussion)
        rating.proposed_on = proposal.proposed_on
        rating.meeting_id = proposal.meeting_id
        rating.warnings = [w.text for w in warnings]
        rating.question_answers = _clean_answers(pack, proposal.answers)
    return warnings


def _clean_answers(pack: RulePack, answers: dict) -> dict:
    """Only the pack's questions, each as {"answer": yes|no|"", "note": text}."""
    codes = {q.code for q in pack.questions}
    out = {}
    for code, value in (answers or {}).items():
        if code in codes and isinstance(value, dict):
            answer = value.get("answer", "")
            out[code] = {
                "answer": answer if answer in ("yes", "no") else "",
                "note": clean_paragraphs(str(value.get("note", ""))),
            }
    return out


def _vote_base(session: Session, year: int, row: RatingRow, today: date | None, cache: dict):
    """The base of this row's vote (rating_votes); None while no vote is recorded."""
    if row.votes_for is None:
        return None
    day = row.proposed_on or review_date(year, today)
    return vote_base_for(session, year, row.meeting_id, day, cache)


def set_facts(db: Database, member_id: int, year: int, facts: RatingFacts) -> None:
    if not 0 <= facts.sick_leave_months <= 12:
        raise ValidationError([FieldError("sick_leave_months", "Số tháng nghỉ ốm từ 0 đến 12.")])
    with db.session() as session:
        rating = _rating(session, member_id, year, pack_for_year(year))
        rating.suspended = facts.suspended
        rating.sick_leave_months = facts.sick_leave_months
        rating.remedied_self_found = facts.remedied_self_found
        rating.not_rated_note = clean_paragraphs(facts.not_rated_note)


def record_decision(
    db: Database,
    member_id: int,
    year: int,
    level: str,
    decision_number: str = "",
    decision_date: date | None = None,
) -> None:
    """The superior's decision (cấp ủy cấp trên quyết định); "" clears it."""
    pack = pack_for_year(year)
    if level:
        _check_level(pack, level, "decided_level")
    with db.session() as session:
        rating = _rating(session, member_id, year, pack)
        rating.decided_level = level
        rating.decision_number = clean_paragraphs(decision_number)
        rating.decision_date = decision_date if level else None


def accept_proposals(
    db: Database, year: int, decision_number: str, decision_date: date | None
) -> int:
    """The superior approved the cell's list as proposed: copy every proposal across."""
    with db.session() as session:
        count = 0
        for rating in session.scalars(select(Rating).where(Rating.year == year)):
            if rating.proposed_level and not rating.decided_level:
                rating.decided_level = rating.proposed_level
                rating.decision_number = clean_paragraphs(decision_number)
                rating.decision_date = decision_date
                count += 1
        return count


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


def _rating(session: Session, member_id: int, year: int, pack: RulePack) -> Rating:
    if session.get(Member, member_id) is None:
        raise NotFound("Không tìm thấy đảng viên.")
    rating = session.scalar(
        select(Rating).where(Rating.member_id == member_id, Rating.year == year)
    )
    if rating is None:
        rating = Rating(member_id=member_id, year=year, pack_id=pack.id, warnings=[])
        session.add(rating)
    return rating


def _proposal_errors(pack: RulePack, proposal: ProposalData) -> list[FieldError]:
    errors = []
    if proposal.level:
        try:
            pack.level(proposal.level)
        except KeyError:
            errors.append(FieldError("level", "Mức xếp loại không có trong quy định năm này."))
    for name, value in (("votes_for", proposal.votes_for), ("votes_total", proposal.votes_total)):
        if value is not None and value < 0:
            errors.append(FieldError(name, "Số phiếu không được âm."))
    if (
        proposal.votes_for is not None
        and proposal.votes_total is not None
        and proposal.votes_for > proposal.votes_total
    ):
        errors.append(
            FieldError("votes_for", "Số phiếu tán thành không thể nhiều hơn số người biểu quyết.")
        )
    return errors


def _check_level(pack: RulePack, level: str, field: str) -> None:
    try:
        pack.level(level)
    except KeyError:
        raise ValidationError(
            [FieldError(field, "Mức xếp loại không có trong quy định năm này.")]
        ) from None


def review_years(db: Database) -> list[int]:
    """Years with any review-season record (rating, self-review, commitment, collective)."""
    from desktop.models import CollectiveReview, SelfReview

    with db.session() as session:
        years: set[int] = set()
        for model in (Rating, SelfReview, Commitment, CollectiveReview):
            years.update(session.scalars(select(model.year).distinct()))
        return sorted(years)
