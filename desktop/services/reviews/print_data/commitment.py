"""The commitment papers as data: a member's bản cam kết and the year's summary table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from desktop.models import Commitment
from desktop.services.cell.numbering import REPORT, Issue, issue_of
from desktop.services.reviews.commitments import (
    ItemResult,
    commitment_overview,
    commitment_sections,
    get_commitment,
)
from desktop.services.reviews.print_data.common import (
    MemberIdentity,
    PaperHead,
    member_identity,
    paper_head,
)
from desktop.storage.database import Database
from desktop.text import short_date


@dataclass(frozen=True)
class CommitmentLine:
    text: str
    topic_linked: bool
    assessment: str  # "Vượt mức" / "Đạt" / "Chưa đạt" / ""
    assessment_note: str


@dataclass(frozen=True)
class CommitmentPart:
    number: int
    title: str
    lines: tuple[CommitmentLine, ...]


@dataclass(frozen=True)
class CommitmentPaper:
    head: PaperHead
    year: int
    member: MemberIdentity
    written: bool
    written_on: date | None
    acknowledged_on: date | None
    parts: tuple[CommitmentPart, ...]
    assessed: bool  # at least one item carries a self-assessment
    evaluation: str  # the chi ủy's label, "" until evaluated
    evaluation_comment: str
    evaluated_on: date | None


@dataclass(frozen=True)
class CommitmentSummaryLine:
    number: int
    full_name: str
    written_on: str
    items: str
    topic_items: str
    assessed: str
    evaluation: str


@dataclass(frozen=True)
class CommitmentSummaryPaper:
    head: PaperHead
    year: int
    issued_on: date | None  # None on a draft
    lines: tuple[CommitmentSummaryLine, ...]
    total: int
    written: int
    exempted: tuple[str, ...]
    not_written: tuple[str, ...]
    not_assessed: tuple[str, ...]
    not_evaluated: tuple[str, ...]
    issue: Issue | None = None


def commitment_paper(
    db: Database, member_id: int, year: int, today: date | None = None
) -> CommitmentPaper:
    """The member's commitment; a blank form (sections only) when none is written."""
    member = member_identity(db, member_id)
    detail = get_commitment(db, member_id, year)
    sections = detail.sections if detail else commitment_sections(year)
    labels = {r.value: r.label for r in ItemResult}
    parts = tuple(
        CommitmentPart(
            s.number,
            s.title,
            tuple(
                CommitmentLine(
                    i.text,
                    i.topic_linked,
                    labels.get(i.self_assessment, ""),
                    i.self_assessment_note,
                )  # fmt: skip
                for i in (detail.items_of(s.code) if detail else [])
            ),
        )
        for s in sections
    )
    return CommitmentPaper(
        head=paper_head(db, year, today),
        year=year,
        member=member,
        written=detail is not None,
        written_on=detail.written_on if detail else None,
        acknowledged_on=detail.acknowledged_on if detail else None,
        parts=parts,
        assessed=bool(detail and any(i.self_assessment for i in detail.items)),
        evaluation=detail.evaluation_label if detail else "",
        evaluation_comment=detail.evaluation_comment if detail else "",
        evaluated_on=detail.evaluated_on if detail else None,
    )


def commitment_summary_paper(
    db: Database, year: int, today: date | None = None
) -> CommitmentSummaryPaper:
    overview = commitment_overview(db, year, today)
    lines = []
    for number, row in enumerate(overview.rows, start=1):
        if not row.written:
            lines.append(
                CommitmentSummaryLine(number, row.full_name, row.state_label, "", "", "", "")
            )
            continue
        lines.append(
            CommitmentSummaryLine(
                number,
                row.full_name,
                short_date(row.written_on) if row.written_on else "Đã viết",
                str(row.items),
                str(row.topic_items),
                "Đã đánh giá" if row.assessed else "Chưa",
                row.evaluation_label or "Chưa",
            )
        )
    # Issued once every commitment is evaluated, dated the last evaluation; a draft before.
    final = bool(overview.rows) and not overview.not_evaluated and not overview.not_written
    issue = issue_of(
        db, "commitment_summary", str(year), REPORT, _last_evaluation(db, year),
        final=final, today=today,
    )  # fmt: skip
    return CommitmentSummaryPaper(
        head=paper_head(db, year, today),
        year=year,
        issued_on=issue.issued_on,
        issue=issue,
        lines=tuple(lines),
        total=len(overview.rows),
        written=sum(1 for r in overview.rows if r.written),
        exempted=tuple(r.full_name for r in overview.rows if r.exempted and not r.written),
        not_written=tuple(r.full_name for r in overview.not_written),
        not_assessed=tuple(r.full_name for r in overview.not_assessed),
        not_evaluated=tuple(r.full_name for r in overview.not_evaluated),
    )


def _last_evaluation(db: Database, year: int) -> date | None:
    """The day the chi ủy evaluated the year's last commitment (the summary's act)."""
    with db.session() as session:
        return session.scalar(
            select(func.max(Commitment.evaluated_on)).where(
                Commitment.year == year, Commitment.deleted_at.is_(None)
            )
        )
