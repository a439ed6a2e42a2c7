"""The rule pack for rating members (bộ quy định đánh giá, xếp loại chất lượng đảng viên).

Plain frozen values read from ``resources/rules/ratings/*.json`` by ``rating_loader``; a year
under review is judged by the pack whose period covers it (see ``rating_rules``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from desktop.rules.pack_base import Source  # noqa: F401 - a pack's sources, offered here


@dataclass(frozen=True)
class Condition:
    """One condition attached to a level (điều kiện của mức xếp loại)."""

    code: str
    text: str
    source: str
    verify: bool = False


@dataclass(frozen=True)
class Level:
    """A rating level; rank 1 is the highest (Hoàn thành xuất sắc nhiệm vụ)."""

    code: str
    name: str
    short_name: str
    rank: int
    conditions_mode: str = "all"  # "all" must hold together; "any" one of them suffices
    conditions: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    max: Decimal | None = None
    verify: bool = False


@dataclass(frozen=True)
class ScoreGroup:
    """A criteria group of the 100-point scale (nhóm tiêu chí) with its maximum."""

    code: str
    title: str
    max: Decimal
    criteria: tuple[Criterion, ...] = ()
    source: str = ""
    verify: bool = False


@dataclass(frozen=True)
class ScoreScale:
    max: Decimal
    groups: tuple[ScoreGroup, ...]
    source: str = ""
    verify: bool = False


@dataclass(frozen=True)
class Band:
    """Scores in [min, max) give ``level``; the top band also takes its ``max``."""

    min: Decimal
    max: Decimal
    level: str


@dataclass(frozen=True)
class Quota:
    """``level`` may not exceed ``share`` of those rated ``max_share_of`` (tỷ lệ xuất sắc)."""

    level: str
    max_share_of: str
    share: Decimal
    rounding: str  # "floor" | "half_up" | "ceiling" (rating_settings.ROUNDINGS)
    scope: str
    text: str
    source: str
    verify: bool = False
    rounding_note: str = ""
    # Where the superior applies the share: "cell" (chi bộ) or "party_committee" (the whole
    # đảng bộ, at consolidation); a share for outstanding units (tập thể có thành tích xuất
    # sắc). Settings the competent level fills in from its guidance (QĐ 366 Điều 11 k1.5).
    scope_level: str = "cell"
    outstanding_share: Decimal | None = None
    scope_source: str = ""


@dataclass(frozen=True)
class NotRatedRule:
    """Members who are not rated (không xếp loại); some still write the self-review."""

    code: str  # "exempted", "suspended", "recently_admitted"
    text: str
    writes_review: bool
    source: str
    months: int | None = None
    verify: bool = False


@dataclass(frozen=True)
class Cap:
    """The highest level a member may get in a given case (disciplined, long sick leave)."""

    code: str  # "disciplined", "sick_leave"
    max_level: str
    text: str
    source: str
    min_months: int | None = None
    exception_code: str | None = None
    exception_text: str = ""
    verify: bool = False


@dataclass(frozen=True)
class Question:
    """A KHTNV trigger the app cannot see (suy thoái, > 50% tasks not done): the secretary
    answers yes/no with a note in the proposal dialog."""

    code: str
    question: str
    source: str
    verify: bool = False


@dataclass(frozen=True)
class FormSection:
    code: str
    title: str


@dataclass(frozen=True)
class FormVariant:
    """A self-review form (mẫu bản kiểm điểm) and its sections."""

    code: str
    kind: str  # "individual" or "collective"
    template: str
    title: str
    self_score: bool
    sections: tuple[FormSection, ...]
    source: str
    verify: bool = False
    sections_verify: bool = False
    # The form's own criteria per score group, as its appendix words them (group code →
    # criteria); a group not listed uses the scale's. Maxima stay None until the superior's
    # guidance sets them (HD 43: cấp ủy cấp trên cụ thể hóa); then only totals are checked.
    criteria: tuple[tuple[str, tuple[Criterion, ...]], ...] = ()
    criteria_note: str = ""

    def criteria_of(self, group: ScoreGroup) -> tuple[Criterion, ...]:
        return dict(self.criteria).get(group.code, group.criteria)


@dataclass(frozen=True)
class CommitmentSection:
    """A section of the yearly commitment (bản cam kết); ``{year}`` is filled in by ``text``."""

    number: int
    code: str
    title: str

    def text(self, year: int) -> str:
        return self.title.replace("{year}", str(year))


@dataclass(frozen=True)
class RulePack:
    id: str
    title: str
    valid_from_year: int
    valid_to_year: int | None
    path: Path
    sources: tuple[Source, ...]
    levels: tuple[Level, ...]
    score_scale: ScoreScale | None
    bands: tuple[Band, ...]
    quota: Quota | None
    not_rated: tuple[NotRatedRule, ...]
    caps: tuple[Cap, ...]
    forms: tuple[FormVariant, ...]
    form_by_group: tuple[tuple[str, str], ...]
    form_by_group_note: str
    commitment_sections: tuple[CommitmentSection, ...]
    note: str = ""
    bands_source: str = ""
    commitment_source: str = ""
    form_by_group_verify: bool = False
    questions: tuple[Question, ...] = ()

    def covers(self, year: int) -> bool:
        return self.valid_from_year <= year and (
            self.valid_to_year is None or year <= self.valid_to_year
        )

    @property
    def period_text(self) -> str:
        """ "2018–2022" or "từ 2025"."""
        if self.valid_to_year is None:
            return f"từ {self.valid_from_year}"
        if self.valid_to_year == self.valid_from_year:
            return str(self.valid_from_year)
        return f"{self.valid_from_year}–{self.valid_to_year}"

    def level(self, code: str) -> Level:
        for level in self.levels:
            if level.code == code:
                return level
        raise KeyError(f'Bộ quy định {self.id} không có mức xếp loại "{code}".')

    def level_for_score(self, score: Decimal | float | int) -> Level | None:
        """The level the score bands give, or None when this pack does not score."""
        if self.score_scale is None:
            return None
        value = score if isinstance(score, Decimal) else Decimal(str(score))
        if value < 0 or value > self.score_scale.max:
            raise ValueError(
                f"Điểm {value} nằm ngoài thang điểm 0–{self.score_scale.max} "
                f"của bộ quy định {self.id}."
            )
        for band in self.bands:
            if band.min <= value < band.max:
                return self.level(band.level)
        return self.level(self.bands[-1].level)  # value == scale maximum

    @property
    def collective_form(self) -> FormVariant | None:
        """The cell's own report form (Mẫu 01 from 2025), when the pack names one."""
        return next((f for f in self.forms if f.kind == "collective"), None)

    def form(self, code: str) -> FormVariant:
        for form in self.forms:
            if form.code == code:
                return form
        raise KeyError(f'Bộ quy định {self.id} không có mẫu "{code}".')

    def form_for(self, review_group: str) -> FormVariant:
        """The self-review form for a member's review group ("2A", "2B", "2C")."""
        code = dict(self.form_by_group).get(str(review_group))
        if code is None:
            raise ValueError(
                f'Nhóm kiểm điểm "{review_group}" không có trong bộ quy định {self.id}.'
            )
        return self.form(code)

    def not_rated_rule(self, code: str) -> NotRatedRule | None:
        return next((r for r in self.not_rated if r.code == code), None)

    def cap(self, code: str) -> Cap | None:
        return next((c for c in self.caps if c.code == code), None)
