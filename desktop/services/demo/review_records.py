"""The records of the sample review season, written as rows into the demo's one session.

``reviews._Season`` decides, year by year, who writes what and when; the methods here
add one member's commitment, self-review and rated vote (``SeasonRecords``), and the
helpers pick the demo's levels and scores. The cast (who is excellent, who is ill) is
named here so the season and its tests read the same names.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Commitment, CommitmentItem, Meeting, Rating, SelfReview
from desktop.rules.rating_model import RulePack
from desktop.services.demo import reviews_text as say
from desktop.services.demo.meetings import ABSENTEE
from desktop.services.meetings.roster import sheet_rows, summarize
from desktop.services.members.status import MemberStatus
from desktop.services.reviews.rating_checks import level_warnings, quota_warning, vote_warning
from desktop.services.reviews.ratings import RatingRow, RatingSheet

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


class SeasonRecords:
    """Adds one member's records of a year to ``session``."""

    session: Session
    today: date
    occupation: dict[int, str]

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
        present = self._present_official(meeting_id) or max(voter_count(sheet) - 1, 1)
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
            rating = existing.get(row.member_id) or rating_record(row, sheet.year, pack)
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


def writers(sheet: RatingSheet) -> list[RatingRow]:
    """Everyone on the roll writes a commitment except exempted members."""
    return [r for r in sheet.rows if r.member.status != MemberStatus.EXEMPTED]


def voter_count(sheet: RatingSheet) -> int:
    """Official members vote; probationary members do not."""
    return sum(1 for r in sheet.rated if r.member.status != MemberStatus.PROBATIONARY)


def past_level(row: RatingRow) -> str:
    name = row.member.full_name
    if row.facts.disciplined:
        return "KHTNV"
    if name in EXCELLENT_PAST:
        return "HTXSNV"
    if name in (ABSENTEE, ILL_OLD):
        return "HTNV"
    return "HTTNV"


def level_now(pack: RulePack, name: str, total: Decimal) -> str:
    """The level the self-score gives, or under rules without scores the one the demo
    designs (the excellent four above the quota, the others good)."""
    if pack.score_scale is not None:
        return pack.level_for_score(total).code
    return "HTXSNV" if name in EXCELLENT_NOW else "HTTNV"


def rating_record(row: RatingRow, year: int, pack: RulePack, sick_leave_months: int = 0) -> Rating:
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


def days_after(day: date | None, days: int) -> date:
    return day + timedelta(days=days) if day else date.min


def total_for(level: str, index: int) -> Decimal:
    if level == "HTXSNV":
        return EXCELLENT_TOTALS[index % 2]
    if level == "HTTNV":
        return GOOD_TOTALS[index % len(GOOD_TOTALS)]
    return Decimal(62) if level == "HTNV" else Decimal(45)


def _split(total: Decimal) -> dict[str, Decimal]:
    """The total split between the 30-point and the 70-point groups, in half points."""
    general = min(Decimal(30), (total * 3 / 10 * 2).to_integral_value() / 2)
    return {"chung": general, "nhiem_vu": total - general}
