"""The cell's rating of its members for a year (đánh giá, xếp loại chất lượng đảng viên).

What the secretary records: the cell's proposal with its vote (and the warnings shown at
that moment), the facts the registry does not hold, and the superior's decision. The
sheet they are read back into, judged by that year's rule pack, is ``sheet``; its names
are offered here too, so callers need one module.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import FieldError, NotFound, ValidationError
from desktop.models import Member, Rating
from desktop.rules.rating_model import RulePack
from desktop.rules.rating_rules import pack_for_year
from desktop.services.reviews.rating_checks import (
    RatingWarning,
    level_warnings,
    quota_warning,
    vote_warning,
)
from desktop.services.reviews.rating_votes import vote_base_for
from desktop.services.reviews.sheet import (
    LevelCount,
    RatingRow,
    RatingSheet,
    answer_tuples,
    build_sheet,
    implied_level,
    rating_sheet,
    review_years,
)
from desktop.services.reviews.vote_bound import vote_bound_errors
from desktop.storage.database import Database
from desktop.text import clean_paragraphs

__all__ = [
    "LevelCount",
    "ProposalData",
    "RatingFacts",
    "RatingRow",
    "RatingSheet",
    "accept_proposals",
    "answer_tuples",
    "build_sheet",
    "implied_level",
    "proposal_warnings",
    "rating_sheet",
    "record_decision",
    "record_proposal",
    "review_years",
    "set_facts",
]


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
