"""A member's self-review (bản kiểm điểm) as printed, on the form of its year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.rating_model import RulePack
from desktop.services.members.registry import get_member
from desktop.services.reviews.print_data.common import (
    MemberIdentity,
    PaperHead,
    clean_reason,
    level_name,
    member_identity,
    paper_head,
    votes_text,
)
from desktop.services.reviews.ratings import RatingRow, rating_sheet
from desktop.services.reviews.self_reviews import get_self_review
from desktop.storage.database import Database
from desktop.text import short_date


@dataclass(frozen=True)
class AnsweredSection:
    number: int
    title: str
    answer: str  # "" prints dotted lines to write on by hand


@dataclass(frozen=True)
class ScoreLine:
    title: str
    maximum: Decimal
    score: Decimal | None
    # The form's criteria in this group, as its appendix words them: (title, maximum or
    # None while the superior has not set it). Printed as rows under the group.
    criteria: tuple[tuple[str, Decimal | None], ...] = ()


@dataclass(frozen=True)
class CellVerdict:
    """The cell's part under a self-review: discussion, proposal and the superior's word."""

    discussion: str
    proposed: str  # level name
    votes: str  # "18/20 phiếu tán thành" or ""
    decided: str
    decision: str  # "Quyết định số … ngày …" or ""


@dataclass(frozen=True)
class SelfReviewPaper:
    head: PaperHead
    year: int
    member: MemberIdentity
    template: str  # "Mẫu 2A-HD KĐ.ĐG 2025"
    title: str  # "Bản kiểm điểm cá nhân"
    title_note: str  # "(dùng cho …)"
    written_on: date | None
    sections: tuple[AnsweredSection, ...]
    scores: tuple[ScoreLine, ...]  # empty when the form is not scored
    total: Decimal | None
    total_maximum: Decimal | None
    implied_level: str
    self_level: str
    verdict: CellVerdict | None
    # "không thuộc diện kiểm điểm năm …, lý do …": printed instead of the form.
    not_reviewed: str = ""


def _not_reviewed_reason(
    db: Database, member_id: int, year: int, row: RatingRow | None, review_on: date
) -> str:
    """Why the member writes no self-review in ``year``; "" when he does."""
    if row is None:
        admitted = get_member(db, member_id).data.admitted_on
        if admitted is not None and admitted > review_on:
            return (
                f"vào Đảng ngày {short_date(admitted)}, sau thời điểm kiểm điểm "
                f"({short_date(review_on)})."
            )
        return f"không có tên trong danh sách đảng viên của chi bộ ngày {short_date(review_on)}."
    if not row.rated and not row.writes_review:
        return clean_reason(row.facts.not_rated_reason)
    return ""


def self_review_paper(
    db: Database, member_id: int, year: int, today: date | None = None
) -> SelfReviewPaper:
    """The self-review on the form it was written on (a 2024 review keeps 02A/02B); for a
    member who is not reviewed that year, the sentence saying so and why."""
    sheet = rating_sheet(db, year, today)
    row = next((r for r in sheet.rows if r.member_id == member_id), None)
    reason = _not_reviewed_reason(db, member_id, year, row, sheet.review_on)
    if reason:
        member = member_identity(db, member_id)
        return SelfReviewPaper(
            head=paper_head(db, year, today), year=year, member=member, template="",
            title="Bản kiểm điểm cá nhân", title_note="", written_on=None, sections=(),
            scores=(), total=None, total_maximum=None, implied_level="", self_level="",
            verdict=None,
            not_reviewed=(
                f"Đồng chí {member.full_name} không thuộc diện kiểm điểm năm {year}, "
                f"lý do: {reason}"
            ),
        )  # fmt: skip
    detail = get_self_review(db, member_id, year)
    form = detail.form
    title, _, note = form.title.partition(" (")
    sections = tuple(
        AnsweredSection(n, s.title, detail.answer(s.code))
        for n, s in enumerate(detail.text_sections, start=1)
    )
    scores = tuple(
        ScoreLine(
            g.title,
            g.max,
            detail.scores.get(g.code),
            tuple((c.title, c.max) for c in detail.form.criteria_of(g)),
        )
        for g in detail.score_groups
    )
    implied = detail.implied_level
    verdict = None
    if row is not None and (row.proposed_level or row.decided_level or row.discussion):
        verdict = _verdict(detail.pack, row)
    scale = detail.pack.score_scale
    return SelfReviewPaper(
        head=paper_head(db, year, today),
        year=year,
        member=member_identity(db, member_id),
        template=form.template,
        title=title,
        title_note=f"({note}" if note else "",
        written_on=detail.written_on,
        sections=sections,
        scores=scores,
        total=detail.total if scores and detail.complete_scores else None,
        total_maximum=scale.max if scores and scale else None,
        implied_level=implied.name if implied else "",
        self_level=detail.self_level_name,
        verdict=verdict,
    )


def _verdict(pack: RulePack, row: RatingRow) -> CellVerdict:
    decision = ""
    if row.decided_level and (row.decision_number or row.decision_date):
        decision = "Quyết định"
        if row.decision_number:
            decision += f" số {row.decision_number}"
        if row.decision_date:
            decision += f" ngày {short_date(row.decision_date)}"
    return CellVerdict(
        discussion=row.discussion,
        proposed=level_name(pack, row.proposed_level),
        votes=votes_text(row.votes_for, row.votes_total),
        decided=level_name(pack, row.decided_level),
        decision=decision,
    )
