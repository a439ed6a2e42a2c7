"""The cell's collective review (kiểm điểm tập thể) as printed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.services.cell.numbering import REPORT, Issue, issue_of
from desktop.services.reviews.collective import get_collective_review
from desktop.services.reviews.print_data.common import (
    PaperHead,
    level_name,
    paper_head,
    votes_text,
)
from desktop.services.reviews.print_data.self_review import AnsweredSection, ScoreLine
from desktop.storage.database import Database
from desktop.text import short_date


@dataclass(frozen=True)
class CollectivePaper:
    head: PaperHead
    year: int
    template: str  # "" before 2025 (no collective form)
    title: str
    written_on: date | None
    sections: tuple[AnsweredSection, ...]
    scores: tuple[ScoreLine, ...]
    total: Decimal | None
    total_maximum: Decimal | None
    implied_level: str
    self_level: str
    votes: str
    decided: str
    decision: str
    issue: Issue | None = None


def collective_paper(db: Database, year: int, today: date | None = None) -> CollectivePaper:
    detail = get_collective_review(db, year)
    data = detail.data
    form = detail.form
    sections = tuple(
        AnsweredSection(n, s.title, data.answers.get(s.code, ""))
        for n, s in enumerate(detail.text_sections, start=1)
    )
    scores = tuple(ScoreLine(g.title, g.max, data.scores.get(g.code)) for g in detail.score_groups)
    implied = detail.implied_level
    decision = ""
    if data.decided_level and (data.decision_number or data.decision_date):
        decision = "Quyết định"
        if data.decision_number:
            decision += f" số {data.decision_number}"
        if data.decision_date:
            decision += f" ngày {short_date(data.decision_date)}"
    scale = detail.pack.score_scale
    # The cell's own report is issued once it has rated itself, dated the day it was written.
    final = bool(data.self_level and data.written_on)
    issue = issue_of(
        db, "collective_review", str(year), REPORT, data.written_on, final=final, today=today
    )
    return CollectivePaper(
        head=paper_head(db, year, today),
        year=year,
        template=form.template if form else "",
        title=form.title if form else "Kết quả tự đánh giá, xếp loại tập thể chi bộ",
        written_on=issue.issued_on,
        issue=issue,
        sections=sections,
        scores=scores,
        total=detail.total,
        total_maximum=scale.max if scores and scale else None,
        implied_level=implied.name if implied else "",
        self_level=level_name(detail.pack, data.self_level),
        votes=votes_text(data.votes_for, data.votes_total),
        decided=level_name(detail.pack, data.decided_level),
        decision=decision,
    )
