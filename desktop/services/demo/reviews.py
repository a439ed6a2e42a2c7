"""The sample cell's review season (mùa kiểm điểm, đánh giá, xếp loại mẫu) for "Chi bộ Ấp Tân Phú".

Who is reviewed and who is rated is read from each year's rating sheet (``build_sheet``),
never assumed: the exempted member and the newly admitted one are left out by the rules
themselves. What is written lives in ``demo_reviews_text``.

- **2024** (when before this year), a completed year under Quy định 124 (forms 02A / 02B,
  no scores): commitments assessed and evaluated, self-reviews written, the cell's vote at
  its December meeting when the demo has it, the superior's decision "125-QĐ/ĐU" early in
  2025, and the cell's own rating.
- **2025** (when before this year), completed the same way under Quy định 366 with scores.
- **This year**, in progress: commitments written early in the year with progress reported
  at the demo's meetings; most self-reviews written with scores (four at 90 or more, one
  in the sixties, a few not yet written); the cell's proposals for most members with more
  "xuất sắc" than 20% of "tốt" allows, so the quota warning shows; no decision yet; a
  draft of the collective review.

**Rows, not service calls**: the records are added to the demo's one session as rows and
flushed once per year. Through the services every recorded vote rebuilds the whole rating
sheet, which alone doubled the demo's loading time. The levels and the warnings recorded
with each vote still come from the rating rules (``level_warnings``, ``vote_warning``,
``quota_warning`` over the sheet's facts, votes counted in list order as at a meeting);
tests check that every record passes the services' own checks and that the warnings kept
are the ones ``proposal_warnings`` shows.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import cycle

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import (
    CollectiveReview,
    Commitment,
    CommitmentItem,
    CommitmentProgress,
    Meeting,
    Member,
    Rating,
    SelfReview,
)
from desktop.rules.rating_model import RulePack
from desktop.services.demo import reviews_text as say
from desktop.services.meetings.roster import sheet_rows, summarize
from desktop.services.demo.meetings import ABSENTEE, SharedSession
from desktop.services.reviews.rating_checks import level_warnings, quota_warning, vote_warning
from desktop.services.reviews.ratings import RatingRow, RatingSheet, build_sheet
from desktop.services.members.status import MemberStatus
from desktop.storage.database import Database

OLD_RULES_YEAR = 2024  # the completed year under the rules before Quy định 366
NEW_RULES_YEAR = 2025
DECISIONS = {2024: "125-QĐ/ĐU", 2025: "09-QĐ/ĐU"}
DAY = timedelta(days=1)
# Rated "xuất sắc": two in completed years (within the quota), four this year (above it).
EXCELLENT_PAST = ("Nguyễn Văn Thắng", "Trần Thị Hồng Nhung")
EXCELLENT_NOW = (*EXCELLENT_PAST, "Đặng Thị Mỹ Hạnh", "Vũ Thị Thu Hà")
ILL_OLD = "Đinh Văn Lộc"  # ill, elderly: "hoàn thành nhiệm vụ" while on the roll
SICK_NOW = "Đỗ Đức Toàn"  # long sick leave this year, no self-review yet
NOT_WRITTEN_NOW = (SICK_NOW, "Võ Thị Ngọc Hân", "Lê Văn Phúc")
NO_TOPIC_ITEM = "Võ Văn Hai"  # his commitment has no item on the study topic: a warning
EXCELLENT_TOTALS = (Decimal(95), Decimal("93.5"), Decimal(91), Decimal(90))
GOOD_TOTALS = tuple(Decimal(t) for t in ("88", "86.5", "85", "84", "82.5", "81", "80", "79"))
LOW_TOTAL = Decimal(66)  # the absentee's self-score: in the sixties


def load_demo_reviews(db: Database | SharedSession, today: date) -> None:
    """Write the review season of 2024, 2025 (when past) and this year, all or nothing,
    into a cell whose members and meetings are already there."""
    with db.session() as session:
        _Season(session, today).build()


class _Season:
    def __init__(self, session: Session, today: date) -> None:
        self.session, self.today = session, today
        self.occupation = dict(session.execute(select(Member.id, Member.occupation)).all())

    def build(self) -> None:
        for year in (OLD_RULES_YEAR, NEW_RULES_YEAR):
            if year < self.today.year:
                self._completed_year(year)
        self._current_year(self.today.year)

    # ------------------------------------------------------------------ a past year
    def _completed_year(self, year: int) -> None:
        sheet = build_sheet(self.session, year, self.today)
        meeting_id, voted_on = self._meeting_in(year, 12)
        voted_on = voted_on or date(year, 12, 15)
        levels = {row.member_id: _past_level(row) for row in sheet.rated}
        for index, row in enumerate(_writers(sheet)):
            level = levels.get(row.member_id)
            written = max(date(year, 3, 1), _after(row.member.admitted_on, 14))
            written = min(written, date(year, 12, 20))
            commitment = self._commitment(row, index, year, sheet.pack, written, assessed=True)
            commitment.evaluation = "tot" if level == "HTXSNV" else "dat"
            commitment.evaluation_comment = say.EVALUATION_COMMENTS[commitment.evaluation]
            if row.member.full_name == ABSENTEE:
                commitment.evaluation_comment = say.ABSENT_COMMENT
            commitment.evaluated_on = max(written, date(year, 11, 28))
            if level is not None:
                # Written before the rating meeting that votes on them.
                written_on = min(date(year, 12, 1) + timedelta(index % 5), voted_on - DAY)
                total = _total_for(level, index)
                self._self_review(row, index, year, sheet.pack, written_on, level, total)
        self.session.flush()
        sheet = build_sheet(self.session, year, self.today)  # with the facts just written
        votes = [(row, levels[row.member_id]) for row in sheet.rated]
        decided_on = min(date(year + 1, 1, 16), self.today)
        for rating in self._vote(sheet, votes, voted_on, meeting_id):
            rating.decided_level = rating.proposed_level
            rating.decision_number = DECISIONS[year]
            rating.decision_date = decided_on
        form = sheet.pack.collective_form
        scored = form is not None and form.self_score
        voters = _voters(sheet) - 1
        self.session.add(
            CollectiveReview(
                year=year,
                pack_id=sheet.pack.id,
                form_code=form.code if form else "",
                written_on=date(year, 12, 10),
                answers=dict(say.COLLECTIVE) if form else {},
                scores={"chung": "27", "nhiem_vu": "61"} if scored else {},
                self_level="HTTNV",
                votes_for=voters,
                votes_total=voters,
                decided_level="HTTNV",
                decision_number=DECISIONS[year],
                decision_date=decided_on,
            )
        )
        self.session.flush()

    # ------------------------------------------------------------------ this year
    def _current_year(self, year: int) -> None:
        sheet = build_sheet(self.session, year, self.today)
        pack = sheet.pack
        meetings = self._held_meetings(year)
        meeting_id, voted_on = meetings[-1] if meetings else (None, self.today)
        rated = {row.member_id for row in sheet.rated}
        good, excellent = cycle(GOOD_TOTALS), iter(EXCELLENT_TOTALS)  # cycle: any cell size
        levels: dict[int, str] = {}
        for index, row in enumerate(_writers(sheet)):
            name = row.member.full_name
            written = name not in NOT_WRITTEN_NOW
            early = max(date(year, 3, 2) + timedelta(index), _after(row.member.admitted_on, 14))
            written_on = min(early, self.today)
            commitment = self._commitment(row, index, year, pack, written_on, assessed=written)
            topic_item = next((i for i in commitment.items if i.topic_linked), None)
            later = [m for m in meetings if m[1] > written_on]
            reports = say.TOPIC_ITEMS[index % len(say.TOPIC_ITEMS)][1]
            for step, (meeting, held_on) in enumerate(later[index % 3 :: 4][:2]):
                if topic_item is not None:
                    note = CommitmentProgress(
                        noted_on=held_on, text=reports[step], meeting_id=meeting
                    )
                    topic_item.progress.append(note)
            if row.member_id not in rated:
                continue
            if name == SICK_NOW:  # the fact the secretary enters (set_facts)
                self.session.add(_rating(row, year, pack, sick_leave_months=4))
            if not written:
                continue
            if name in EXCELLENT_NOW:
                total = next(excellent)
            elif name == ABSENTEE:
                total = LOW_TOTAL
            else:
                total = next(good)
            level = _level_now(pack, name, total)
            # Written in the days before the meeting that votes on them (real order:
            # self-review, the cell's meeting with its attendance, the vote, the superior).
            review_on = min(voted_on - timedelta(1 + index % 7), self.today)
            self_level = "HTTNV" if name == ABSENTEE else level
            self._self_review(row, index, year, pack, review_on, self_level, total)
            if name == ABSENTEE:
                continue  # the cell has still to discuss him: his line awaits its vote
            commitment.evaluation = "tot" if level == "HTXSNV" else "dat"
            commitment.evaluation_comment = say.EVALUATION_COMMENTS[commitment.evaluation]
            commitment.evaluated_on = review_on
            levels[row.member_id] = level
        self.session.flush()
        sheet = build_sheet(self.session, year, self.today)
        votes = [(row, levels[row.member_id]) for row in sheet.rated if row.member_id in levels]
        self._vote(sheet, votes, voted_on, meeting_id)
        self.session.add(
            CollectiveReview(
                year=year,
                pack_id=pack.id,
                form_code=pack.collective_form.code if pack.collective_form else "",
                answers=dict(say.COLLECTIVE_DRAFT),
                scores={},
            )
        )
        self.session.flush()

    # ------------------------------------------------------------------ one member
    def _commitment(
        self,
        row: RatingRow,
        index: int,
        year: int,
        pack: RulePack,
        written_on: date,
        *,
        assessed: bool,
    ) -> Commitment:
        kind = say.kind_of(self.occupation.get(row.member_id, ""))
        topic_text, _, beyond_note = say.TOPIC_ITEMS[index % len(say.TOPIC_ITEMS)]
        absentee = row.member.full_name == ABSENTEE

        def item(section: str, text: str, *, topic=False, beyond=False, failed=False):
            result, note = "", ""
            if assessed:
                result, note = ("vuot", beyond_note) if beyond else ("dat", "")
                if failed:
                    result, note = "chua_dat", say.ABSENT_COMMENT
            return CommitmentItem(
                section_code=section,
                text=text,
                topic_linked=topic,
                self_assessment=result,
                self_assessment_note=note,
            )

        items = [
            item("tu_tuong", say.TU_TUONG[index % 3]),
            item("dao_duc", say.DAO_DUC[index % 3]),
            item("nhiem_vu", say.NHIEM_VU[kind]),
            item("ky_luat", say.KY_LUAT[index % 3], failed=absentee),
        ]
        if row.member.full_name != NO_TOPIC_ITEM:
            items.append(item("lam_theo", topic_text, topic=True, beyond=index % 3 == 0))
        for position, entry in enumerate(items):
            entry.position = position
        commitment = Commitment(
            member_id=row.member_id,
            year=year,
            pack_id=pack.id,
            written_on=written_on,
            acknowledged_on=min(written_on + timedelta(days=5), max(self.today, written_on)),
            evaluation="",
            evaluation_comment="",
            items=items,
        )
        self.session.add(commitment)
        return commitment

    def _self_review(
        self,
        row: RatingRow,
        index: int,
        year: int,
        pack: RulePack,
        written_on: date,
        self_level: str,
        total: Decimal,
    ) -> None:
        kind = say.kind_of(self.occupation.get(row.member_id, ""))
        absentee = row.member.full_name == ABSENTEE
        answers = {
            "uu_diem": say.UU_DIEM[kind],
            "han_che": say.ABSENTEE_HAN_CHE if absentee else say.HAN_CHE[index % 4],
            "khac_phuc": say.KHAC_PHUC[index % 3],
            "phuong_huong": say.PHUONG_HUONG[index % 3],
        }
        form = pack.form(row.form_code)
        if any(section.code == "lanh_dao" for section in form.sections):
            answers["lanh_dao"] = say.LANH_DAO
        scores = _split(total) if pack.score_scale is not None and form.self_score else {}
        self.session.add(
            SelfReview(
                member_id=row.member_id,
                year=year,
                pack_id=pack.id,
                form_code=form.code,
                written_on=written_on,
                answers=answers,
                scores={code: str(value) for code, value in scores.items()},
                self_level=self_level,
            )
        )

    def _vote(
        self,
        sheet: RatingSheet,
        votes: list[tuple[RatingRow, str]],
        voted_on: date,
        meeting_id: int | None,
    ) -> list[Rating]:
        """The cell's vote, member by member in list order, each kept with the warnings the
        rules give at that moment (the quota counted with the votes so far)."""
        pack = sheet.pack
        # Only the official members present at the rating meeting vote (its attendance).
        present = self._present_official(meeting_id) or max(_voters(sheet) - 1, 1)
        counts = {level.code: 0 for level in pack.levels}
        existing = {
            r.member_id: r
            for r in self.session.scalars(select(Rating).where(Rating.year == sheet.year))
        }
        ratings = []
        for index, (row, level) in enumerate(votes):
            counts[level] += 1
            votes_for = present - (1 if index % 4 == 1 else 0)
            warnings = level_warnings(pack, row.facts, level)
            vote = vote_warning(votes_for, present)
            if vote:
                warnings.append(vote)
            quota = quota_warning(pack, counts)
            if quota and pack.quota and level == pack.quota.level:
                warnings.append(quota)
            discussion = say.DISCUSSION[level]
            if isinstance(discussion, tuple):
                discussion = discussion[index % len(discussion)]
            if row.member.full_name == ILL_OLD:
                discussion = say.ILL_DISCUSSION
            rating = existing.get(row.member_id) or _rating(row, sheet.year, pack)
            rating.proposed_level = level
            rating.votes_for, rating.votes_total = votes_for, present
            rating.discussion = discussion
            rating.proposed_on, rating.meeting_id = voted_on, meeting_id
            rating.warnings = [w.text for w in warnings]
            self.session.add(rating)
            ratings.append(rating)
        return ratings

    # ------------------------------------------------------------------ reading
    def _present_official(self, meeting_id: int | None) -> int | None:
        if meeting_id is None:
            return None
        meeting = self.session.get(Meeting, meeting_id)
        return summarize(sheet_rows(self.session, meeting)).present_official

    def _meeting_in(self, year: int, month: int) -> tuple[int | None, date | None]:
        found = self.session.execute(
            select(Meeting.id, Meeting.held_on).where(
                Meeting.year == year,
                Meeting.month == month,
                Meeting.kind == "thuong_ky",
                Meeting.held_on.is_not(None),
            )
        ).first()
        return (found.id, found.held_on) if found else (None, None)

    def _held_meetings(self, year: int) -> list[tuple[int, date]]:
        """Regular meetings of ``year`` already held, oldest first."""
        rows = self.session.execute(
            select(Meeting.id, Meeting.held_on)
            .where(
                Meeting.year == year,
                Meeting.kind == "thuong_ky",
                Meeting.held_on.is_not(None),
                Meeting.held_on <= self.today,
            )
            .order_by(Meeting.held_on)
        )
        return [(r.id, r.held_on) for r in rows]


def _writers(sheet: RatingSheet) -> list[RatingRow]:
    """Everyone on the roll writes a commitment except exempted members."""
    return [r for r in sheet.rows if r.member.status != MemberStatus.EXEMPTED]


def _voters(sheet: RatingSheet) -> int:
    """Official members vote; probationary members do not."""
    return sum(1 for r in sheet.rated if r.member.status != MemberStatus.PROBATIONARY)


def _past_level(row: RatingRow) -> str:
    name = row.member.full_name
    if row.facts.disciplined:
        return "KHTNV"
    if name in EXCELLENT_PAST:
        return "HTXSNV"
    if name in (ABSENTEE, ILL_OLD):
        return "HTNV"
    return "HTTNV"


def _level_now(pack: RulePack, name: str, total: Decimal) -> str:
    """The level the self-score gives, or under rules without scores the one the demo
    designs (the excellent four above the quota, the others good)."""
    if pack.score_scale is not None:
        return pack.level_for_score(total).code
    return "HTXSNV" if name in EXCELLENT_NOW else "HTTNV"


def _rating(row: RatingRow, year: int, pack: RulePack, sick_leave_months: int = 0) -> Rating:
    return Rating(
        member_id=row.member_id,
        year=year,
        pack_id=pack.id,
        suspended=False,
        sick_leave_months=sick_leave_months,
        remedied_self_found=False,
        not_rated_note="",
        discussion="",
        proposed_level="",
        decided_level="",
        decision_number="",
        warnings=[],
    )


def _after(day: date | None, days: int) -> date:
    return day + timedelta(days=days) if day else date.min


def _total_for(level: str, index: int) -> Decimal:
    if level == "HTXSNV":
        return EXCELLENT_TOTALS[index % 2]
    if level == "HTTNV":
        return GOOD_TOTALS[index % len(GOOD_TOTALS)]
    return Decimal(62) if level == "HTNV" else Decimal(45)


def _split(total: Decimal) -> dict[str, Decimal]:
    """The total split between the 30-point and the 70-point groups, in half points."""
    general = min(Decimal(30), (total * 3 / 10 * 2).to_integral_value() / 2)
    return {"chung": general, "nhiem_vu": total - general}
