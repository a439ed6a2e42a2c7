"""The base of a cell's vote (số đảng viên chính thức để tính biểu quyết).

A resolution passes on more than half of the cell's official members, not of those present
(Điều lệ Đảng, Điều 9 khoản 5); the official members counted are those called to the
meeting less the exclusions of Quy định 24-QĐ/TW point 9.3.2: attached elsewhere for a
while, exempted and absent, suspended, absent all meeting with a reason the committee
accepted. The same base serves the two-thirds vote on admission and official recognition,
and the rating votes. Which exclusions apply is data (resources/rules/meetings.json,
"vote_base"); holding the meeting with enough people present is a separate matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.rules.meeting_rules import Majority, MeetingRules, meeting_rules
from desktop.services.meetings.common import Presence
from desktop.services.meetings.roster import AttendanceRow
from desktop.services.members.status import MemberStatus
from desktop.text import format_number

EXCLUSION_LABELS = {
    "temporary_away": "sinh hoạt tạm thời ở đảng bộ khác",
    "exempted_absent": "miễn công tác và sinh hoạt đảng, không có mặt",
    "suspended": "bị đình chỉ sinh hoạt đảng",
    "excused_absent": "vắng mặt có lý do",
}


@dataclass(frozen=True)
class Exclusion:
    name: str
    reason: str  # one of EXCLUSION_LABELS' values


@dataclass(frozen=True)
class VoteBase:
    """The official members of the cell, who is left out and why, and what remains."""

    official: int
    exclusions: tuple[Exclusion, ...]
    known_attendance: bool = True  # False when counted from the roll without a meeting

    @property
    def base(self) -> int:
        return self.official - len(self.exclusions)

    def arithmetic(self) -> str:
        """"20 đảng viên chính thức của chi bộ, trừ 2 (…) = 18"."""
        text = f"{format_number(self.official)} đảng viên chính thức của chi bộ"
        if not self.exclusions:
            return text
        names = "; ".join(f"{e.name} – {e.reason}" for e in self.exclusions)
        return (
            f"{text}, trừ {format_number(len(self.exclusions))} ({names}) = "
            f"{format_number(self.base)}"
        )

    def shortfall(self, in_favour: int, majority: Majority, cite: str = "") -> str | None:
        """Why ``in_favour`` does not reach the share, with the arithmetic; None if it does."""
        if majority.passes(in_favour, self.base):
            return None
        needed = majority.needed(self.base)
        source = f" ({cite})" if cite else ""
        return (
            f"tán thành {format_number(in_favour)}, cần {majority.text} số đảng viên chính "
            f"thức của chi bộ: {self.arithmetic()} → ít nhất {format_number(needed)} phiếu"
            f"{source}."
        )


def meeting_vote_base(
    rows: Iterable[AttendanceRow],
    rules: MeetingRules | None = None,
    suspended: Iterable[int] = (),
) -> VoteBase:
    """The base from a meeting's roll; ``suspended`` are member ids the secretary marked."""
    rules = rules or meeting_rules()
    rows = list(rows)
    suspended = set(suspended)
    official = [r for r in rows if r.is_official and MemberStatus(r.status).on_roll]
    exclusions = []
    for row in official:
        code = _exclusion(row, row.member_id in suspended)
        if code and code in rules.vote_exclusions:
            exclusions.append(Exclusion(row.full_name, EXCLUSION_LABELS[code]))
    return VoteBase(len(official), tuple(exclusions))


def roll_vote_base(
    members: Mapping[str, tuple[MemberStatus, bool]],
    rules: MeetingRules | None = None,
    suspended: Iterable[str] = (),
) -> VoteBase:
    """The base from the roll alone (name → (status, official)), when no meeting is linked:
    absences are unknown, so only the standing exclusions apply."""
    rules = rules or meeting_rules()
    suspended = set(suspended)
    official = {n: s for n, (s, is_official) in members.items() if is_official and s.on_roll}
    exclusions = []
    for name, status in official.items():
        code = _standing_exclusion(status, name in suspended)
        if code and code in rules.vote_exclusions:
            exclusions.append(Exclusion(name, EXCLUSION_LABELS[code]))
    return VoteBase(len(official), tuple(exclusions), known_attendance=False)


def _exclusion(row: AttendanceRow, suspended: bool) -> str | None:
    standing = _standing_exclusion(MemberStatus(row.status), suspended)
    if standing == "exempted_absent" and row.presence == Presence.PRESENT:
        return None  # present and voting: still counted (QĐ 24, 9.3.2)
    if standing:
        return standing
    if row.presence == Presence.EXCUSED:
        return "excused_absent"
    return None


def _standing_exclusion(status: MemberStatus, suspended: bool) -> str | None:
    if status == MemberStatus.TEMPORARY_AWAY:
        return "temporary_away"
    if status == MemberStatus.EXEMPTED:
        return "exempted_absent"
    if suspended:
        return "suspended"
    return None
