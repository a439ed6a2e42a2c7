"""The cell's rating list (danh sách đề nghị xếp loại) as data: rows, tallies, shares, notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.rating_model import RulePack
from desktop.services.cell.numbering import LIST, Issue, issue_of
from desktop.services.members.status import MemberStatus
from desktop.services.reviews.print_data.common import (
    PaperHead,
    basis_line,
    clean_reason,
    level_short,
    paper_head,
    shares,
    votes_text,
)
from desktop.services.reviews.ratings import RatingRow, RatingSheet, rating_sheet
from desktop.services.reviews.self_rating import self_rating_mismatch
from desktop.storage.database import Database
from desktop.text import short_date

# A warning's code put briefly, for the narrow "Ghi chú" column of the rating list.
_WARNING_NOTES = {
    "quota": "Vượt tỷ lệ xuất sắc",
    "votes": "Chưa đủ phiếu tán thành",
    "no_review": "Chưa có bản kiểm điểm",
}


@dataclass(frozen=True)
class RatingLine:
    number: int
    full_name: str
    birth_year: str
    post: str
    self_score: Decimal | None
    self_level: str  # short names ("Tốt"), "" when none
    proposed: str
    votes: str  # "18/20"
    decided: str
    note: str
    card_number: str = ""
    votes_for: int | None = None
    votes_total: int | None = None


@dataclass(frozen=True)
class LevelTally:
    name: str
    short_name: str
    proposed: int
    proposed_share: str  # "10%" of the rated, "" when nobody is rated
    decided: int
    decided_share: str


@dataclass(frozen=True)
class RatingListPaper:
    head: PaperHead
    year: int
    issued_on: date | None  # None on a draft
    review_on: date
    pack_period: str
    basis: str  # "Căn cứ Quy định 366-QĐ/TW ngày 30/8/2025; …"
    scored: bool
    has_decisions: bool
    lines: tuple[RatingLine, ...]
    on_roll: int
    rated: int
    not_rated: tuple[tuple[str, str], ...]  # (name, reason with its source)
    awaiting: tuple[str, ...]  # rated members without a proposal yet
    tallies: tuple[LevelTally, ...]
    quota_line: str  # QuotaResult.explanation, as the rules give it
    quota_source: str
    quota_exceeded: bool
    decided_quota_line: str
    issue: Issue | None = None
    # The "Chưa đề xuất" / "Chưa quyết định" row, so each column adds up to ``rated``.
    awaiting_share: str = ""
    undecided: int = 0
    undecided_share: str = ""

    @property
    def proposed_total(self) -> int:
        """Every rated member: at a level, or still without the cell's proposal."""
        return sum(t.proposed for t in self.tallies) + len(self.awaiting)

    @property
    def decided_total(self) -> int:
        return sum(t.decided for t in self.tallies) + self.undecided


def rating_list_paper(
    db: Database, year: int, today: date | None = None, sheet: RatingSheet | None = None
) -> RatingListPaper:
    """The cell's list of proposed ratings, judged by the rules of ``year``."""
    sheet = sheet or rating_sheet(db, year, today)
    pack = sheet.pack
    lines = []
    for number, row in enumerate(sheet.rows, start=1):
        member = row.member
        lines.append(
            RatingLine(
                number=number,
                full_name=member.full_name,
                birth_year=str(member.birth_year) if member.birth_year else "",
                post=member.party_post,
                self_score=row.facts.self_score,
                self_level=level_short(pack, row.self_level) if row.rated else "",
                proposed=level_short(pack, row.proposed_level) if row.rated else "",
                votes=votes_text(row.votes_for, row.votes_total, short=True) if row.rated else "",
                decided=level_short(pack, row.decided_level) if row.rated else "",
                note=_note(pack, row),
                card_number=member.card_number,
                votes_for=row.votes_for if row.rated else None,
                votes_total=row.votes_total if row.rated else None,
            )
        )
    rated = len(sheet.rated)
    awaiting = len(sheet.awaiting_proposal)
    proposed = [c.proposed for c in sheet.counts] + [awaiting]
    undecided = rated - sum(c.decided for c in sheet.counts)
    decided = [c.decided for c in sheet.counts] + [undecided]
    proposed_shares = shares(proposed, rated)
    decided_shares = shares(decided, rated)
    tallies = tuple(
        LevelTally(
            c.level.name, c.level.short_name, c.proposed, proposed_shares[i], c.decided,
            decided_shares[i],
        )
        for i, c in enumerate(sheet.counts)
    )  # fmt: skip
    has_decisions = any(r.decided_level for r in sheet.rows)
    # The cell's list is issued when every rated member has the cell's proposal, dated the
    # day of the proposal (the rating meeting); until then it is a draft.
    proposed_on = [r.proposed_on for r in sheet.rated if r.proposed_level and r.proposed_on]
    issue = issue_of(
        db, "rating_list", str(year), LIST, max(proposed_on, default=None),
        final=bool(sheet.rated) and not sheet.awaiting_proposal, today=today,
    )  # fmt: skip
    return RatingListPaper(
        head=paper_head(db, year, today),
        year=year,
        issued_on=issue.issued_on,
        issue=issue,
        review_on=sheet.review_on,
        pack_period=pack.period_text,
        basis=basis_line(pack),
        scored=pack.score_scale is not None,
        has_decisions=has_decisions,
        lines=tuple(lines),
        on_roll=len(sheet.rows),
        rated=rated,
        not_rated=tuple(
            (r.member.full_name, clean_reason(r.facts.not_rated_reason)) for r in sheet.not_rated
        ),
        awaiting=tuple(r.member.full_name for r in sheet.awaiting_proposal),
        tallies=tallies,
        quota_line=sheet.quota_proposed.explanation,
        quota_source=sheet.quota_proposed.source,
        quota_exceeded=sheet.quota_proposed.exceeded,
        decided_quota_line=sheet.quota_decided.explanation if has_decisions else "",
        awaiting_share=proposed_shares[-1],
        undecided=undecided,
        undecided_share=decided_shares[-1],
    )


def admission_words(pack: RulePack, admitted_on: date | None, months: int | None) -> str:
    """A newcomer as the rule words it: "mới kết nạp chưa đủ 6 tháng (vào Đảng ngày
    31/12/2025, được 0 tháng)"; never a bare "0 tháng"."""
    rule = pack.not_rated_rule("recently_admitted")
    limit = f" chưa đủ {rule.months} tháng" if rule is not None and rule.months else ""
    facts = []
    if admitted_on is not None:
        facts.append(f"vào Đảng ngày {short_date(admitted_on)}")
    if months is not None:
        facts.append("chưa được 1 tháng" if months < 1 else f"được {months} tháng")
    return f"mới kết nạp{limit}" + (f" ({', '.join(facts)})" if facts else "")


def self_level_outside_band(pack: RulePack, row: RatingRow) -> str:
    """The flag when the self-rating is outside the band of the member's own score (the
    same words as the app shows)."""
    return self_rating_mismatch(pack, row.self_level, row.facts.self_score)


def _note(pack: RulePack, row: RatingRow) -> str:
    """Why a member is not rated, or the warnings on the proposal, put briefly."""
    if not row.rated:
        member = row.member
        if member.status == MemberStatus.EXEMPTED:
            reason = "miễn công tác và sinh hoạt đảng"
        elif row.suspended:
            reason = "đình chỉ sinh hoạt đảng"
        elif row.not_rated_note:
            reason = row.not_rated_note.rstrip(".")
        elif member.months_since_admission is not None:
            reason = admission_words(pack, member.admitted_on, member.months_since_admission)
        else:
            reason = "không thuộc diện xếp loại"
        return f"Không xếp loại: {reason}"
    notes = [flag] if (flag := self_level_outside_band(pack, row)) else []
    for warning in row.warnings:
        facts = row.facts
        if warning.code == "absences":
            notes.append(f"Vắng không lý do {facts.unexcused_months} tháng")
        elif warning.code == "score":
            scored = facts.self_score is not None
            notes.append("Mức cao hơn điểm tự chấm" if scored else "Chưa đủ điểm tự chấm")
        elif warning.code == "cap":
            notes.append("Bị kỷ luật trong năm" if facts.disciplined else "Nghỉ ốm dài ngày")
        elif warning.code == "commitment":
            written = facts.commitment_written
            notes.append("Cam kết chưa đạt" if written else "Chưa có bản cam kết")
        elif warning.code in _WARNING_NOTES:
            notes.append(_WARNING_NOTES[warning.code])
    return "; ".join(dict.fromkeys(notes))
