"""Rules of cell meetings (quy định sinh hoạt chi bộ), read from ``resources/rules/meetings.json``.

Durations follow Chỉ thị 50-CT/TW and Hướng dẫn 42-HD/BTCTW (2025); the quarterly thematic
meeting and the vote majority are marked "verify" in docs/domain.md, hence data, not
constants. The vote base (who counts as "số đảng viên chính thức" when the cell votes) and
the two-thirds share of the admission and recognition votes are data too
(docs/rules-changes-issue12.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.paths import resource
from desktop.rules import RuleFileError, read_rule_file

_INT_KEYS = (
    "min_minutes",
    "min_minutes_combined",
    "thematic_per_quarter",
    "unexcused_absence_flag",
    "documents_before_days",
)
_ALL_KEYS = (*_INT_KEYS, "vote_majority", "vote_base", "recognition_majority")
# Who is left out of "số đảng viên chính thức" when a cell votes (resources/rules/meetings.json).
VOTE_EXCLUSIONS = ("temporary_away", "exempted_absent", "suspended", "excused_absent")


@dataclass(frozen=True)
class RuleSource:
    """Where a rule comes from: the full citation and the short form used in messages."""

    text: str
    cite: str
    verify: bool = False


@dataclass(frozen=True)
class Majority:
    """A share of a vote base: "quá nửa" (1/2, strict) or "ít nhất 2/3" (2/3, not strict)."""

    numerator: int
    denominator: int
    strict: bool  # "quá" (more than) rather than "ít nhất" (at least)

    def needed(self, base: int) -> int:
        """The smallest number of "tán thành" votes that reaches the share of ``base``."""
        needed, remainder = divmod(base * self.numerator, self.denominator)
        if self.strict or remainder:
            needed += 1
        return needed

    def passes(self, in_favour: int, base: int) -> bool:
        return base > 0 and in_favour >= self.needed(base)

    @property
    def text(self) -> str:
        word = "quá" if self.strict else "ít nhất"
        if (self.numerator, self.denominator) == (1, 2):
            return "quá nửa" if self.strict else "ít nhất một nửa"
        if (self.numerator, self.denominator) == (2, 3):
            return f"{word} hai phần ba"
        return f"{word} {self.numerator}/{self.denominator}"


@dataclass(frozen=True)
class MeetingRules:
    min_minutes: int
    min_minutes_combined: int
    thematic_per_quarter: int
    vote_numerator: int
    vote_denominator: int
    vote_strict: bool  # "quá" (more than) rather than "ít nhất" (at least)
    unexcused_absence_flag: int
    documents_before_days: int
    sources: tuple[tuple[str, RuleSource], ...] = ()
    # Left out of the vote base (see VOTE_EXCLUSIONS); the recognition vote's share.
    vote_exclusions: tuple[str, ...] = VOTE_EXCLUSIONS
    recognition: Majority = Majority(2, 3, False)

    def source(self, key: str) -> RuleSource:
        return dict(self.sources).get(key, RuleSource("", ""))

    @property
    def resolution(self) -> Majority:
        return Majority(self.vote_numerator, self.vote_denominator, self.vote_strict)

    def votes_needed(self, base: int) -> int:
        """The smallest number of "tán thành" votes that passes a resolution."""
        return self.resolution.needed(base)

    def vote_passes(self, in_favour: int, base: int) -> bool:
        return self.resolution.passes(in_favour, base)

    @property
    def majority_text(self) -> str:
        """How the majority reads in a message: "quá nửa", "ít nhất 2/3"."""
        return self.resolution.text


def default_path() -> Path:
    return resource("rules", "meetings.json")


@cache
def meeting_rules() -> MeetingRules:
    """The bundled meeting rules, read once per run."""
    return read_meeting_rules(default_path())


def read_meeting_rules(path: Path) -> MeetingRules:
    """Read and check a meeting rule file; every fault names the file and the key."""
    data = read_rule_file(path)
    rules = data.get("rules")
    if not isinstance(rules, dict):
        raise RuleFileError(f'Tệp quy định {path}: thiếu mục "rules".')
    for key in _ALL_KEYS:
        if not isinstance(rules.get(key), dict):
            raise RuleFileError(f'Tệp quy định {path}: thiếu quy định "{key}".')
    values = {key: _positive_int(path, key, "value", rules[key]) for key in _INT_KEYS}
    majority = _majority(path, "vote_majority", rules["vote_majority"])
    exclusions = rules["vote_base"].get("exclusions")
    if not isinstance(exclusions, list) or any(e not in VOTE_EXCLUSIONS for e in exclusions):
        raise RuleFileError(
            f'Tệp quy định {path}, quy định "vote_base": "exclusions" là danh sách, mỗi mục '
            f"là một trong {', '.join(VOTE_EXCLUSIONS)} (đang có: {exclusions!r})."
        )
    if values["min_minutes_combined"] < values["min_minutes"]:
        raise RuleFileError(
            f'Tệp quy định {path}, quy định "min_minutes_combined": không được ít hơn '
            f'"min_minutes" ({values["min_minutes"]} phút).'
        )
    return MeetingRules(
        min_minutes=values["min_minutes"],
        min_minutes_combined=values["min_minutes_combined"],
        thematic_per_quarter=values["thematic_per_quarter"],
        vote_numerator=majority.numerator,
        vote_denominator=majority.denominator,
        vote_strict=majority.strict,
        unexcused_absence_flag=values["unexcused_absence_flag"],
        documents_before_days=values["documents_before_days"],
        sources=tuple((key, _source(path, key, rules[key])) for key in _ALL_KEYS),
        vote_exclusions=tuple(exclusions),
        recognition=_majority(path, "recognition_majority", rules["recognition_majority"]),
    )


def _majority(path: Path, key: str, rule: dict) -> Majority:
    numerator = _positive_int(path, key, "numerator", rule)
    denominator = _positive_int(path, key, "denominator", rule)
    if numerator > denominator:
        raise RuleFileError(f'Tệp quy định {path}, quy định "{key}": tử số không được lớn hơn mẫu số.')
    strict = rule.get("strict", True)
    if not isinstance(strict, bool):
        raise RuleFileError(
            f'Tệp quy định {path}, quy định "{key}": "strict" phải là true hoặc false.'
        )
    return Majority(numerator, denominator, strict)


def _positive_int(path: Path, key: str, field: str, rule: dict) -> int:
    value = rule.get(field)
    # bool is an int in Python; "true" is never a count of minutes.
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise RuleFileError(
            f'Tệp quy định {path}, quy định "{key}": "{field}" phải là số nguyên dương '
            f"(đang có: {value!r})."
        )
    return value


def _source(path: Path, key: str, rule: dict) -> RuleSource:
    text = rule.get("source")
    if not isinstance(text, str) or not text.strip():
        raise RuleFileError(f'Tệp quy định {path}, quy định "{key}": thiếu nguồn ("source").')
    cite = rule.get("cite") or text
    return RuleSource(text.strip(), str(cite).strip(), bool(rule.get("verify", False)))
