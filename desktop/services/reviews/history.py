"""A member's ratings across years (lịch sử xếp loại), for "n năm liền" checks.

The superior's decision counts; a year without one shows the cell's proposal, marked so.
Each year is named by its own rule pack, since level names are the pack's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.models import Rating
from desktop.rules.rating_rules import RuleFileError, pack_for_year
from desktop.storage.database import Database


@dataclass(frozen=True)
class YearRating:
    year: int
    level: str
    level_name: str
    decided: bool  # False: only the cell's proposal is known
    decision_number: str
    decision_date: date | None


@dataclass(frozen=True)
class RatingHistory:
    member_id: int
    years: tuple[YearRating, ...]  # newest first

    def streak(self, level: str, up_to_year: int) -> int:
        """Consecutive decided years at ``level`` ending with ``up_to_year``."""
        by_year = {y.year: y for y in self.years}
        count = 0
        year = up_to_year
        while (entry := by_year.get(year)) and entry.decided and entry.level == level:
            count += 1
            year -= 1
        return count


def rating_history(db: Database, member_id: int) -> RatingHistory:
    with db.session() as session:
        ratings = session.scalars(
            select(Rating).where(Rating.member_id == member_id).order_by(Rating.year.desc())
        ).all()
        years = []
        for rating in ratings:
            level = rating.decided_level or rating.proposed_level
            if not level:
                continue
            years.append(
                YearRating(
                    year=rating.year,
                    level=level,
                    level_name=_level_name(rating.year, level),
                    decided=bool(rating.decided_level),
                    decision_number=rating.decision_number,
                    decision_date=rating.decision_date,
                )
            )
        return RatingHistory(member_id, tuple(years))


def streak_note(
    history: RatingHistory, up_to_year: int, level: str = "HTXSNV", years: int = 5
) -> str:
    """ "5 năm liền hoàn thành xuất sắc nhiệm vụ (2022–2026)" when the streak is long enough."""
    count = history.streak(level, up_to_year)
    if count < years:
        return ""
    name = _level_name(up_to_year, level)
    return f"{count} năm liền {name[0].lower()}{name[1:]} ({up_to_year - count + 1}–{up_to_year})"


def _level_name(year: int, code: str) -> str:
    try:
        return pack_for_year(year).level(code).name
    except (KeyError, RuleFileError):
        return code
