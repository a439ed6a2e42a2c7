"""A self-rating that does not match the member's own score (from 2025, when the rules score).

The score bands of the year's rules (resources/rules/ratings/) give one level for a total;
a member who rates himself in another level is flagged, in the same words, on the rating
list and in the app (the reviews table, the self-review and proposal dialogs), so the cell
sees it before the meeting and the superior sees it on the paper.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.rules.rating_model import RulePack
from desktop.text import format_number


def self_rating_mismatch(pack: RulePack, self_level: str, score: Decimal | float | None) -> str:
    """"Tự xếp loại «Tốt» nhưng điểm 66 thuộc mức «Hoàn thành»", or "" when the self-rating
    sits in the band of the score (or the year does not score, or nothing is filled in)."""
    if not self_level or score is None or pack.score_scale is None:
        return ""
    try:
        band = pack.level_for_score(score)
        chosen = pack.level(self_level)
    except (KeyError, ValueError):
        return ""
    if band is None or chosen.code == band.code:
        return ""
    return (
        f"Tự xếp loại «{chosen.short_name}» nhưng điểm {format_number(score)} "
        f"thuộc mức «{band.short_name}»"
    )
