"""Rules of cell meetings (quy định sinh hoạt chi bộ), read from ``resources/rules/meetings.json``.

Durations follow Chỉ thị 50-CT/TW and Hướng dẫn 42-HD/BTCTW (2025); the quarterly thematic
meeting and the vote majority are marked "verify" in docs/domain.md, hence data, not constants.
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
_ALL_KEYS = (*_INT_KEYS, "vote_majority")


@dataclass(frozen=True)
class RuleSource:
    """Where a rule comes from: the full citation and the short form used in messages."""

    text: str
    cite: str
    verify: bool = False


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

    def source(self, key: str) -> RuleSource:
        return dict(self.sources).get(key, RuleSource("", ""))

    def votes_needed(self, voters: int) -> int:
        """The smallest number of "tán thành" votes that passes a resolution."""
        share = voters * self.vote_numerator
        needed, remainder = divmod(share, self.vote_denominator)
        if self.vote_strict or remainder:
            needed += 1
        return needed

    def vote_passes(self, in_favour: int, voters: int) -> bool:
        return voters > 0 and in_favour >= self.votes_needed(voters)

    @property
    def majority_text(self) -> str:
        """How the majority reads in a message: "quá 1/2", "ít nhất 2/3"."""
        word = "quá" if self.vote_strict else "ít nhất"
        if (self.vote_numerator, self.vote_denominator) == (1, 2):
            return "quá nửa" if self.vote_strict else "ít nhất một nửa"
        return f"{word} {self.vote_numerator}/{self.vote_denominator}"


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
    majority = rules["vote_majority"]
    numerator = _positive_int(path, "vote_majority", "numerator", majority)
    denominator = _positive_int(path, "vote_majority", "denominator", majority)
    if numerator > denominator:
        raise RuleFileError(
            f'Tệp quy định {path}, quy định "vote_majority": tử số không được lớn hơn mẫu số.'
        )
    strict = majority.get("strict", True)
    if not isinstance(strict, bool):
        raise RuleFileError(
            f'Tệp quy định {path}, quy định "vote_majority": "strict" phải là true hoặc false.'
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
        vote_numerator=numerator,
        vote_denominator=denominator,
        vote_strict=strict,
        unexcused_absence_flag=values["unexcused_absence_flag"],
        documents_before_days=values["documents_before_days"],
        sources=tuple((key, _source(path, key, rules[key])) for key in _ALL_KEYS),
    )


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
