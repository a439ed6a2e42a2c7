"""The cell's review of itself as a collective (kiểm điểm tập thể chi bộ; Mẫu 01 from 2025).

Older years have no collective form in their pack: the cell still records its
self-rating, the vote and the superior's decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from desktop.models import CollectiveReview
from desktop.rules.rating_model import FormSection, FormVariant, Level, RulePack, ScoreGroup
from desktop.rules.rating_rules import pack_for_year
from desktop.errors import FieldError, ValidationError
from desktop.services.reviews.rating_checks import RatingWarning, vote_warning
from desktop.services.meetings.vote_base import VoteBase
from desktop.services.reviews.rating_votes import vote_base_for
from desktop.services.reviews.roster import review_date
from desktop.services.reviews.self_reviews import STRUCTURED_SECTIONS, score_total
from desktop.storage.database import Database
from desktop.text import clean_paragraphs, format_number


@dataclass
class CollectiveReviewData:
    written_on: date | None = None
    answers: dict[str, str] = field(default_factory=dict)
    scores: dict[str, Decimal] = field(default_factory=dict)
    self_level: str = ""
    votes_for: int | None = None
    votes_total: int | None = None
    decided_level: str = ""
    decision_number: str = ""
    decision_date: date | None = None


@dataclass(frozen=True)
class CollectiveReviewDetail:
    year: int
    pack: RulePack
    form: FormVariant | None
    data: CollectiveReviewData
    saved: bool
    # The cell's official members less the exclusions, on the day the report was written
    # (services.reviews.rating_votes): the base of the vote on the collective's level.
    vote_base: VoteBase | None = None

    @property
    def text_sections(self) -> tuple[FormSection, ...]:
        if self.form is None:
            return ()
        return tuple(s for s in self.form.sections if s.code not in STRUCTURED_SECTIONS)

    @property
    def score_groups(self) -> tuple[ScoreGroup, ...]:
        scale = self.pack.score_scale
        return scale.groups if (scale and self.form and self.form.self_score) else ()

    @property
    def total(self) -> Decimal | None:
        if not self.score_groups or not all(g.code in self.data.scores for g in self.score_groups):
            return None
        return score_total(self.pack, self.data.scores)

    @property
    def implied_level(self) -> Level | None:
        total = self.total
        return self.pack.level_for_score(total) if total is not None else None

    @property
    def warnings(self) -> list[RatingWarning]:
        found = []
        implied = self.implied_level
        if implied and self.data.self_level:
            chosen = self.pack.level(self.data.self_level)
            if chosen.rank < implied.rank:
                found.append(
                    RatingWarning(
                        "score",
                        f"Tổng điểm {format_number(self.total)} chỉ đạt mức "
                        f'"{implied.name}", thấp hơn mức tự nhận "{chosen.name}" '
                        f"({self.pack.bands_source}).",
                    )
                )
        vote = vote_warning(self.data.votes_for, self.data.votes_total, base=self.vote_base)
        if vote:
            found.append(vote)
        return found


def get_collective_review(db: Database, year: int) -> CollectiveReviewDetail:
    pack = pack_for_year(year)
    with db.session() as session:
        row = session.scalar(select(CollectiveReview).where(CollectiveReview.year == year))
        if row is None:
            return CollectiveReviewDetail(
                year, pack, pack.collective_form, CollectiveReviewData(), False
            )
        form = pack.form(row.form_code) if row.form_code else None
        data = CollectiveReviewData(
            written_on=row.written_on,
            answers=dict(row.answers or {}),
            scores={k: Decimal(str(v)) for k, v in (row.scores or {}).items()},
            self_level=row.self_level,
            votes_for=row.votes_for,
            votes_total=row.votes_total,
            decided_level=row.decided_level,
            decision_number=row.decision_number,
            decision_date=row.decision_date,
        )
        base = None
        if row.votes_for is not None:
            base = vote_base_for(session, year, None, row.written_on or review_date(year))
        return CollectiveReviewDetail(year, pack, form, data, True, base)


def save_collective_review(db: Database, year: int, data: CollectiveReviewData) -> None:
    pack = pack_for_year(year)
    form = pack.collective_form
    errors = _errors(pack, form, data)
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        row = session.scalar(select(CollectiveReview).where(CollectiveReview.year == year))
        if row is None:
            row = CollectiveReview(year=year, pack_id=pack.id, form_code=form.code if form else "")
            session.add(row)
        answers = {k: clean_paragraphs(v) for k, v in data.answers.items()}
        row.written_on = data.written_on
        row.answers = {k: v for k, v in answers.items() if v}
        row.scores = {k: str(v) for k, v in data.scores.items()}
        row.self_level = data.self_level
        row.votes_for = data.votes_for
        row.votes_total = data.votes_total
        row.decided_level = data.decided_level
        row.decision_number = clean_paragraphs(data.decision_number)
        row.decision_date = data.decision_date


def _errors(
    pack: RulePack, form: FormVariant | None, data: CollectiveReviewData
) -> list[FieldError]:
    errors = []
    codes = {level.code for level in pack.levels}
    for name in ("self_level", "decided_level"):
        value = getattr(data, name)
        if value and value not in codes:
            errors.append(FieldError(name, "Mức xếp loại không có trong quy định năm này."))
    groups = {g.code: g for g in (pack.score_scale.groups if pack.score_scale else ())}
    if data.scores and not (form and form.self_score):
        errors.append(
            FieldError("scores", f"Quy định năm {pack.period_text} không chấm điểm tập thể.")
        )
    for code, value in data.scores.items():
        group = groups.get(code)
        if group is None or value < 0 or value > group.max:
            maximum = group.max if group else 0
            errors.append(
                FieldError(f"score:{code}", f"Điểm nhóm tiêu chí phải từ 0 đến {maximum}.")
            )
    if (
        data.votes_for is not None
        and data.votes_total is not None
        and not 0 <= data.votes_for <= data.votes_total
    ):
        errors.append(
            FieldError("votes_for", "Số phiếu tán thành phải từ 0 đến số người biểu quyết.")
        )
    return errors
