"""Year-end self-reviews (bản tự kiểm điểm) on the form the year's rules give each member.

The form follows the member's review group (2A / 2B / 2C, or 02A / 02B / 02 in older
years); from 2025 the member scores each criteria group and the total implies a level.
The sections ``cam_ket``, ``tu_cham_diem`` and ``tu_xep_loai`` are filled from structured
data (the commitment result, the scores, the self-rating) rather than typed as free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Member, SelfReview
from desktop.rules.rating_model import FormSection, FormVariant, Level, RulePack, ScoreGroup
from desktop.rules.rating_rules import pack_for_year
from desktop.services.reviews.commitments import commitment_result_text, get_commitment
from desktop.errors import FieldError, NotFound, ValidationError
from desktop.storage.database import Database
from desktop.text import clean_paragraphs, format_number

STRUCTURED_SECTIONS = frozenset({"tu_cham_diem", "tu_xep_loai"})
COMMITMENT_SECTION = "cam_ket"


@dataclass
class SelfReviewData:
    written_on: date | None = None
    answers: dict[str, str] = field(default_factory=dict)
    scores: dict[str, Decimal] = field(default_factory=dict)
    self_level: str = ""


@dataclass(frozen=True)
class SelfReviewDetail:
    """A member's self-review for a year; ``id`` is None while nothing is written yet."""

    id: int | None
    member_id: int
    member_name: str
    year: int
    pack: RulePack
    form: FormVariant
    written_on: date | None
    answers: dict[str, str]
    scores: dict[str, Decimal]
    self_level: str
    commitment_result: str

    @property
    def text_sections(self) -> tuple[FormSection, ...]:
        return tuple(s for s in self.form.sections if s.code not in STRUCTURED_SECTIONS)

    @property
    def score_groups(self) -> tuple[ScoreGroup, ...]:
        scale = self.pack.score_scale
        return scale.groups if (scale and self.form.self_score) else ()

    @property
    def total(self) -> Decimal | None:
        return score_total(self.pack, self.scores) if self.score_groups else None

    @property
    def implied_level(self) -> Level | None:
        total = self.total
        return (
            self.pack.level_for_score(total) if total is not None and self.complete_scores else None
        )

    @property
    def complete_scores(self) -> bool:
        return all(g.code in self.scores for g in self.score_groups)

    @property
    def self_level_name(self) -> str:
        return self.pack.level(self.self_level).name if self.self_level else ""

    def answer(self, code: str) -> str:
        if code == COMMITMENT_SECTION and not self.answers.get(code):
            return self.commitment_result
        return self.answers.get(code, "")

    def data(self) -> SelfReviewData:
        return SelfReviewData(
            self.written_on, dict(self.answers), dict(self.scores), self.self_level
        )


def get_self_review(db: Database, member_id: int, year: int) -> SelfReviewDetail:
    """The stored self-review, or a blank one on the form the member's group gives."""
    commitment = get_commitment(db, member_id, year)
    with db.session() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("Không tìm thấy đảng viên.")
        review = _find(session, member_id, year)
        pack = pack_for_year(year)
        if review is None:
            return SelfReviewDetail(
                None, member_id, member.full_name, year, pack,
                pack.form_for(member.review_group or "2C"), None, {}, {}, "",
                commitment_result_text(commitment),
            )  # fmt: skip
        return _detail(review, member, pack, commitment_result_text(commitment))


def save_self_review(db: Database, member_id: int, year: int, data: SelfReviewData) -> int:
    pack = pack_for_year(year)
    with db.session() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("Không tìm thấy đảng viên.")
        review = _find(session, member_id, year)
        form = pack.form(review.form_code) if review else pack.form_for(member.review_group)
        scores = _checked_scores(pack, form, data)
        if data.self_level:
            try:
                pack.level(data.self_level)
            except KeyError:
                raise ValidationError(
                    [FieldError("self_level", "Mức tự xếp loại không có trong quy định năm này.")]
                ) from None
        if review is None:
            review = SelfReview(
                member_id=member_id, year=year, pack_id=pack.id, form_code=form.code
            )
            session.add(review)
        review.written_on = data.written_on
        review.answers = {
            code: clean_paragraphs(text)
            for code, text in data.answers.items()
            if clean_paragraphs(text)
        }
        review.scores = {code: str(value) for code, value in scores.items()}
        review.self_level = data.self_level
        session.flush()
        return review.id


def change_form(db: Database, member_id: int, year: int) -> None:
    """Move a written self-review to the form of the member's current review group."""
    with db.session() as session:
        member = session.get(Member, member_id)
        review = _find(session, member_id, year)
        if member is not None and review is not None:
            review.form_code = pack_for_year(year).form_for(member.review_group).code


def delete_self_review(db: Database, member_id: int, year: int) -> SelfReviewData | None:
    with db.session() as session:
        review = _find(session, member_id, year)
        if review is None:
            return None
        data = SelfReviewData(
            review.written_on,
            dict(review.answers or {}),
            _decimal_scores(review.scores),
            review.self_level,
        )
        session.delete(review)
        return data


def score_total(pack: RulePack, scores: dict[str, Decimal]) -> Decimal:
    groups = pack.score_scale.groups if pack.score_scale else ()
    return sum((scores.get(g.code, Decimal(0)) for g in groups), Decimal(0))


def parse_score(text: str) -> Decimal:
    """ "27,5" or "27.5" → Decimal; a Vietnamese ValueError otherwise."""
    cleaned = (text or "").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f'"{text}" không phải là số điểm.') from None
    if not value.is_finite():
        raise ValueError(f'"{text}" không phải là số điểm.')
    return value


def self_reviews_of_year(session: Session, year: int) -> dict[int, SelfReview]:
    return {
        r.member_id: r for r in session.scalars(select(SelfReview).where(SelfReview.year == year))
    }


def review_total(pack: RulePack, review: SelfReview) -> Decimal | None:
    """The stored review's total, when its form is scored and every group has a score."""
    form = pack.form(review.form_code)
    if not form.self_score or pack.score_scale is None:
        return None
    scores = _decimal_scores(review.scores)
    if not all(g.code in scores for g in pack.score_scale.groups):
        return None
    return score_total(pack, scores)


def _checked_scores(pack: RulePack, form: FormVariant, data: SelfReviewData) -> dict[str, Decimal]:
    if not data.scores:
        return {}
    if pack.score_scale is None or not form.self_score:
        raise ValidationError(
            [FieldError("scores", f"Quy định năm {pack.period_text} không chấm điểm.")]
        )
    groups = {g.code: g for g in pack.score_scale.groups}
    errors = []
    for code, value in data.scores.items():
        group = groups.get(code)
        if group is None:
            errors.append(FieldError("scores", f'Nhóm tiêu chí "{code}" không có trong quy định.'))
        elif value < 0 or value > group.max:
            errors.append(
                FieldError(
                    f"score:{code}",
                    f"{group.title}: điểm phải từ 0 đến {score_text(group.max)} "
                    f"(đang ghi {score_text(value)}).",
                )
            )
    if errors:
        raise ValidationError(errors)
    return dict(data.scores)


def _detail(review: SelfReview, member: Member, pack: RulePack, result: str) -> SelfReviewDetail:
    return SelfReviewDetail(
        id=review.id,
        member_id=member.id,
        member_name=member.full_name,
        year=review.year,
        pack=pack,
        form=pack.form(review.form_code),
        written_on=review.written_on,
        answers=dict(review.answers or {}),
        scores=_decimal_scores(review.scores),
        self_level=review.self_level,
        commitment_result=result,
    )


def _decimal_scores(stored: dict | None) -> dict[str, Decimal]:
    return {code: Decimal(str(value)) for code, value in (stored or {}).items()}


def _find(session: Session, member_id: int, year: int) -> SelfReview | None:
    return session.scalar(
        select(SelfReview).where(SelfReview.member_id == member_id, SelfReview.year == year)
    )


def score_text(value: Decimal | None) -> str:
    """27.5 → "27,5" (Vietnamese decimal comma, at most two decimals); "" for no score."""
    return format_number(value, 2) if value is not None else ""
