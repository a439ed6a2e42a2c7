"""What the year's rating sheet still lacks (còn thiếu), by name.

Shown on the home page and before a ratings export, and written into the package when
the secretary sends it anyway, so the superior sees the gaps instead of blank cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.storage.database import Database


@dataclass(frozen=True)
class RatingGaps:
    year: int
    total: int  # members rated this year
    no_self_review: tuple[str, ...]
    not_proposed: tuple[str, ...]
    not_decided: tuple[str, ...]

    @property
    def any(self) -> bool:
        return bool(self.no_self_review or self.not_proposed or self.not_decided)

    def lines(self) -> list[str]:
        """One line per step that is not complete: "Chưa có bản tự kiểm điểm (2): A, B"."""
        found = []
        for what, names in (
            ("Chưa có bản tự kiểm điểm", self.no_self_review),
            ("Chi bộ chưa đề xuất mức xếp loại", self.not_proposed),
            ("Chưa có quyết định xếp loại của cấp trên", self.not_decided),
        ):
            if names:
                found.append(f"{what} ({len(names)}): {', '.join(names)}")
        return found


def gaps_of_sheet(sheet) -> RatingGaps:
    """From a built ``ratings.RatingSheet``: its rated members missing each step."""
    rows = sheet.rated
    return RatingGaps(
        year=sheet.year,
        total=len(rows),
        no_self_review=tuple(r.member.full_name for r in rows
                             if r.writes_review and not r.self_level),
        not_proposed=tuple(r.member.full_name for r in rows if not r.proposed_level),
        not_decided=tuple(r.member.full_name for r in rows if not r.decided_level),
    )


def rating_gaps(db: Database, year: int, today: date | None = None) -> RatingGaps:
    """The same gaps as ``gaps_of_sheet(rating_sheet(...))``, read without building the
    sheet: the home page shows them at start-up, and the sheet's warnings, vote bases and
    commitment facts (most of its cost on a large cell) play no part in what is missing."""
    from sqlalchemy import select

    from desktop.models import Rating, SelfReview
    from desktop.rules.rating_rules import is_rated
    from desktop.services.members.status import MemberStatus
    from desktop.services.reviews.quota_scope import cell_pack
    from desktop.services.reviews.roster import review_members

    with db.session() as session:
        pack = cell_pack(session, year)
        members = review_members(session, year, today)
        ratings = {
            r.member_id: r
            for r in session.execute(
                select(
                    Rating.member_id,
                    Rating.suspended,
                    Rating.not_rated_note,
                    Rating.proposed_level,
                    Rating.decided_level,
                ).where(Rating.year == year)
            )
        }
        self_levels = dict(
            session.execute(
                select(SelfReview.member_id, SelfReview.self_level).where(SelfReview.year == year)
            ).all()
        )
    no_review, not_proposed, not_decided, total = [], [], [], 0
    for member in members:
        rating = ratings.get(member.id)
        rated, _reason, writes_review = is_rated(
            pack,
            exempted=member.status == MemberStatus.EXEMPTED,
            suspended=bool(rating and rating.suspended),
            months_since_admission=member.months_since_admission,
        )
        if not rated or (rating and rating.not_rated_note):
            continue
        total += 1
        if writes_review and not self_levels.get(member.id):
            no_review.append(member.full_name)
        if not (rating and rating.proposed_level):
            not_proposed.append(member.full_name)
        if not (rating and rating.decided_level):
            not_decided.append(member.full_name)
    return RatingGaps(year, total, tuple(no_review), tuple(not_proposed), tuple(not_decided))


def gaps_file_text(gaps: RatingGaps, cell_name: str) -> str:
    """The package's "con-thieu-YYYY.txt": what was sent incomplete, in plain words."""
    head = [
        f"DANH SÁCH CÒN THIẾU — XẾP LOẠI NĂM {gaps.year}",
        f"Chi bộ {cell_name}: {gaps.total} đảng viên được xếp loại.",
        "Bí thư chi bộ gửi gói này khi còn thiếu những mục sau:",
        "",
    ]
    return "\n".join(head + gaps.lines()) + "\n"


def gaps_file_name(year: int) -> str:
    return f"con-thieu-{year}.txt"
