"""What the corrected rules say differently about a year already voted (so sánh cảnh báo).

The superior's decisions are facts and stay as stored; the warnings are worked out again
under the year's (corrected) rule pack and compared with those the cell saw when it voted,
so the secretary sees, member by member, which warnings are new and which no longer apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.reviews.ratings import RatingSheet


@dataclass(frozen=True)
class WarningChange:
    member_id: int
    full_name: str
    proposed_level: str
    decided_level: str  # kept as decided, whatever the warnings say now
    added: tuple[str, ...]  # warned now, not when the cell voted
    dropped: tuple[str, ...]  # warned when the cell voted, no longer

    def text(self) -> str:
        parts = []
        if self.added:
            parts.append("nay có thêm cảnh báo: " + "; ".join(self.added))
        if self.dropped:
            parts.append("không còn cảnh báo: " + "; ".join(self.dropped))
        kept = f' (cấp trên đã quyết định "{self.decided_level}", giữ nguyên)' if self.decided_level else ""
        return f"Đồng chí {self.full_name}{kept}: " + "; ".join(parts) + "."


def warning_changes(sheet: RatingSheet) -> list[WarningChange]:
    """Members whose recorded vote is warned differently under the pack as it is now."""
    changes = []
    for row in sheet.rows:
        if not row.proposed_level:
            continue
        now = tuple(w.text for w in row.warnings)
        then = tuple(row.recorded_warnings)
        added = tuple(t for t in now if t not in then)
        dropped = tuple(t for t in then if t not in now)
        if added or dropped:
            changes.append(
                WarningChange(
                    row.member_id, row.member.full_name, row.proposed_level,
                    row.decided_level, added, dropped,
                )  # fmt: skip
            )
    return changes
