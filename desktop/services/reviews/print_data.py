"""What the review-season papers print (bản cam kết, bản kiểm điểm, danh sách đề nghị xếp
loại, báo cáo kiểm điểm tập thể), gathered through the review services as plain data.

Printing (``desktop/printing``) lays these out and computes nothing, so the PDF and the
.xlsx of the rating list always show the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from desktop.models import Commitment, PartyPost
from desktop.rules.rating_model import Level, RulePack
from desktop.services.cell.details import CellInfo, get_cell
from desktop.services.cell.numbering import LIST, REPORT, Issue, issue_of
from desktop.services.reviews.collective import get_collective_review
from desktop.services.reviews.commitments import (
    ItemResult,
    commitment_overview,
    commitment_sections,
    get_commitment,
)
from desktop.errors import NotFound
from desktop.services.members.registry import get_member, list_members
from desktop.services.reviews.ratings import RatingRow, RatingSheet, implied_level, rating_sheet
from desktop.services.reviews.roster import review_members
from desktop.services.reviews.self_reviews import get_self_review
from desktop.services.members.status import MemberStatus
from desktop.storage.database import Database
from desktop.text import format_number, format_percent, normalize_card_number, short_date

# The document kinds a source code names, for the "Căn cứ" line.
_SOURCE_KINDS = (("QĐ/", "Quy định"), ("HD/", "Hướng dẫn"), ("CT/", "Chỉ thị"), ("KL/", "Kết luận"))
# A warning's code put briefly, for the narrow "Ghi chú" column of the rating list.
_WARNING_NOTES = {
    "quota": "Vượt tỷ lệ xuất sắc",
    "votes": "Chưa đủ phiếu tán thành",
    "no_review": "Chưa có bản kiểm điểm",
}


@dataclass(frozen=True)
class PaperHead:
    """The cell and the bí thư who signs for it; the phó bí thư (or a chi ủy viên) signs
    for the cell when the paper is the bí thư's own."""

    cell: CellInfo
    secretary_name: str
    deputy_name: str = ""
    deputy_title: str = "Phó Bí thư"


@dataclass(frozen=True)
class MemberIdentity:
    """The identity lines at the top of a member's paper."""

    full_name: str
    birth: str  # "12/4/1950", "1950" or ""
    post: str  # chức vụ: party post and posts elsewhere, "" when none
    card_number: str


# ---------------------------------------------------------------- bản cam kết


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


# ---------------------------------------------------------------- bản kiểm điểm


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


# ---------------------------------------------------------------- danh sách xếp loại


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


# ---------------------------------------------------------------- kiểm điểm tập thể


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


# ---------------------------------------------------------------- gathering


def find_member(db: Database, text: str) -> int:
    """The member a command line names by party card number (leading zero lost or not) or
    by the app's numeric id; NotFound with a Vietnamese message otherwise."""
    value = (text or "").strip()
    card = None
    try:
        card = normalize_card_number(value)
    except ValueError:
        pass
    rows = list_members(db)
    if card:
        for row in rows:
            if row.card_number == card:
                return row.id
    if value.isdigit() and int(value) in {row.id for row in rows}:
        return int(value)
    raise NotFound(f'Không tìm thấy đảng viên có số thẻ đảng viên hoặc mã số "{value}".')


def paper_head(db: Database, year: int, today: date | None = None) -> PaperHead:
    with db.session() as session:
        members = review_members(session, year, today)
    def holder(post: PartyPost) -> str:
        return next((m.full_name for m in members if m.party_post == post.label), "")

    secretary = holder(PartyPost.SECRETARY)
    deputy, title = holder(PartyPost.DEPUTY), PartyPost.DEPUTY.label
    if not deputy:
        deputy, title = holder(PartyPost.COMMITTEE), PartyPost.COMMITTEE.label
    return PaperHead(get_cell(db), secretary, deputy, title)


def member_identity(db: Database, member_id: int) -> MemberIdentity:
    data = get_member(db, member_id).data
    cell_post = f"{PartyPost(data.party_post).label} chi bộ" if data.party_post else ""
    post = "; ".join(p.strip() for p in (cell_post, data.other_posts) if p and p.strip())
    birth = data.birth_date.display() if data.birth_date else ""
    return MemberIdentity(data.full_name, birth, post, data.card_number or "")


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


def _last_evaluation(db: Database, year: int) -> date | None:
    """The day the chi ủy evaluated the year's last commitment (the summary's act)."""
    with db.session() as session:
        return session.scalar(
            select(func.max(Commitment.evaluated_on)).where(Commitment.year == year)
        )


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
        proposed=_name(pack, row.proposed_level),
        votes=_votes(row.votes_for, row.votes_total),
        decided=_name(pack, row.decided_level),
        decision=decision,
    )


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
                self_level=_short(pack, row.self_level) if row.rated else "",
                proposed=_short(pack, row.proposed_level) if row.rated else "",
                votes=_votes(row.votes_for, row.votes_total, short=True) if row.rated else "",
                decided=_short(pack, row.decided_level) if row.rated else "",
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


def shares(counts: list[int], total: int, digits: int = 2) -> list[str]:
    """Each count as a share of ``total`` ("10,53%"), rounded by the largest-remainder rule
    so that shares of counts adding up to ``total`` add up to exactly 100%."""
    if total <= 0:
        return [""] * len(counts)
    unit = 100 * 10**digits  # hundredths of a percent
    exact = [count * unit for count in counts]
    floors = [value // total for value in exact]
    left = unit * sum(counts) // total - sum(floors) if sum(counts) == total else 0
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] % total), i))
    for i in order[:left]:
        floors[i] += 1
    if sum(counts) != total:  # not a partition: each share rounded on its own
        floors = [round(Decimal(value) / total) for value in exact]
    return [format_percent(Decimal(value) / unit) for value in floors]


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
        self_level=_name(detail.pack, data.self_level),
        votes=_votes(data.votes_for, data.votes_total),
        decided=_name(detail.pack, data.decided_level),
        decision=decision,
    )


def basis_line(pack: RulePack) -> str:
    """ "Căn cứ Quy định 366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW ngày 31/10/2025"."""
    parts = []
    for source in pack.sources:
        kind = next((name for key, name in _SOURCE_KINDS if key in source.code), "Văn bản")
        when = ""
        try:
            when = f" ngày {short_date(date.fromisoformat(source.date))}"
        except ValueError:
            pass
        parts.append(f"{kind} {source.code}{when}")
    return "Căn cứ " + "; ".join(parts) if parts else ""


# ---------------------------------------------------------------- small wording


def _name(pack: RulePack, code: str) -> str:
    return _level(pack, code).name if _level(pack, code) else ""


def _short(pack: RulePack, code: str) -> str:
    return _level(pack, code).short_name if _level(pack, code) else ""


def _level(pack: RulePack, code: str) -> Level | None:
    if not code:
        return None
    try:
        return pack.level(code)
    except KeyError:
        return None


def _votes(votes_for: int | None, votes_total: int | None, short: bool = False) -> str:
    if votes_for is None:
        return ""
    text = (
        f"{format_number(votes_for)}/{format_number(votes_total)}"
        if votes_total
        else str(votes_for)
    )
    return text if short else f"{text} phiếu tán thành"


_NESTED = re.compile(r"\(([^()]*?)\s*\(([^()]*)\)\s*\)")


def clean_reason(text: str) -> str:
    """One pair of brackets, one full stop: "… (Quy định 366-QĐ/TW ngày 30/8/2025 (như
    Quy định 124-QĐ/TW, Điều 5))" prints "… (Quy định 366-QĐ/TW ngày 30/8/2025; như …)."."""
    text = (text or "").strip()
    while _NESTED.search(text):
        text = _NESTED.sub(r"(\1; \2)", text)
    text = re.sub(r"\.{2,}$", ".", text)
    return text if not text or text.endswith(".") else text + "."


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
    """The flag when the self-rating is above the band of the member's own score."""
    band = implied_level(pack, row)
    if band is None or not row.self_level or row.self_level == band.code:
        return ""
    codes = [level.code for level in pack.levels]  # highest first
    if row.self_level in codes and codes.index(row.self_level) < codes.index(band.code):
        score = format_number(row.facts.self_score)
        return f"Tự xếp loại cao hơn khung điểm ({score} điểm: {band.short_name})"
    return ""


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
