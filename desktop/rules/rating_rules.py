"""Rules for the year-end rating (đánh giá, xếp loại chất lượng đảng viên), by year.

Each period's rules are one file in ``resources/rules/ratings/``; ``pack_for_year`` picks
the pack in force for the year under review so that old years are judged (and reprinted)
by their own rules. The checks here only explain: the cell proposes and the superior
decides (cấp ủy cấp trên quyết định), so nothing here blocks a rating.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.paths import resource
from desktop.rules import RuleFileError
from desktop.rules.rating_loader import load_pack
from desktop.rules.rating_settings import ROUNDING_LABELS, SCOPE_LEVELS, allowed_count
from desktop.rules.rating_model import (
    Band,
    Cap,
    FormVariant,
    Level,
    NotRatedRule,
    Quota,
    RulePack,
    ScoreScale,
    Source,
)
from desktop.text import format_number, format_percent

__all__ = [
    "Band",
    "Cap",
    "FormVariant",
    "Level",
    "NotRatedRule",
    "Quota",
    "QuotaResult",
    "RuleFileError",
    "RulePack",
    "ScoreScale",
    "Source",
    "all_packs",
    "cap_for",
    "default_directory",
    "is_rated",
    "load_pack",
    "pack_for_year",
    "quota_check",
]

FIRST_YEAR = 2018  # the shipped packs must cover every year from here on


def default_directory() -> Path:
    return resource("rules", "ratings")


def all_packs(directory: Path | str | None = None) -> list[RulePack]:
    """Every pack in ``directory`` (the bundled one by default), oldest first, checked."""
    folder = Path(directory) if directory is not None else default_directory()
    return list(_load_directory(folder.resolve()))


def pack_for_year(year: int, directory: Path | str | None = None) -> RulePack:
    """The pack in force for ``year``; a Vietnamese error when none covers it."""
    for pack in all_packs(directory):
        if pack.covers(year):
            return pack
    folder = "resources/rules/ratings/" if directory is None else f"{directory}"
    raise RuleFileError(
        f"Chưa có bộ quy định đánh giá, xếp loại cho năm {year}; "
        f"hãy thêm tệp quy định mới vào {folder}"
    )


@cache
def _load_directory(folder: Path) -> tuple[RulePack, ...]:
    files = sorted(folder.glob("*.json"))
    if not files:
        raise RuleFileError(f"Thư mục {folder} không có tệp quy định đánh giá, xếp loại nào.")
    packs = sorted((load_pack(path) for path in files), key=lambda p: p.valid_from_year)
    _check_periods(packs)
    return tuple(packs)


def _check_periods(packs: list[RulePack]) -> None:
    """Periods must not overlap and must follow one another without a gap."""
    for earlier, later in zip(packs, packs[1:], strict=False):
        if earlier.valid_to_year is None or earlier.valid_to_year >= later.valid_from_year:
            end = "không giới hạn" if earlier.valid_to_year is None else earlier.valid_to_year
            raise RuleFileError(
                f'Tệp quy định {earlier.path}, mục "valid_to_year": thời gian áp dụng '
                f"({earlier.valid_from_year}–{end}) chồng lên tệp {later.path} "
                f"(từ {later.valid_from_year}); hãy đặt năm kết thúc trước "
                f"{later.valid_from_year}."
            )
        if earlier.valid_to_year + 1 != later.valid_from_year:
            raise RuleFileError(
                f'Tệp quy định {later.path}, mục "valid_from_year": các năm '
                f"{earlier.valid_to_year + 1}–{later.valid_from_year - 1} chưa có bộ quy định "
                f"nào (tệp trước là {earlier.path})."
            )


@dataclass(frozen=True)
class QuotaResult:
    allowed: int
    actual: int
    exceeded: bool
    explanation: str
    source: str = ""
    verify: bool = False
    # Set when the superior applies the share over more than this cell (scope_level).
    scope_note: str = ""


def quota_check(pack: RulePack, counts: dict[str, int]) -> QuotaResult:
    """Whether the top level exceeds its share (a warning with the arithmetic, never a block)."""
    quota = pack.quota
    if quota is None:
        actual = sum(counts.values())
        return QuotaResult(
            actual, actual, False, f"Bộ quy định {pack.period_text} không giới hạn tỷ lệ."
        )
    base = int(counts.get(quota.max_share_of, 0))
    actual = int(counts.get(quota.level, 0))
    exact = base * quota.share
    allowed = allowed_count(exact, quota.rounding)
    arithmetic = f"{format_number(base)} × {format_percent(quota.share)} = {format_number(exact)}"
    if exact != allowed:
        arithmetic += f", {ROUNDING_LABELS[quota.rounding]}: {format_number(allowed)}"
    exceeded = actual > allowed
    verb = "vượt" if exceeded else "không vượt"
    explanation = (
        f"Số {quota.level} ({format_number(actual)}) {verb} {format_percent(quota.share)} số "
        f"{quota.max_share_of} ({arithmetic})"
    )
    scope_note = ""
    if quota.scope_level != "cell":
        # QĐ 366 Điều 11 k1.5: the scope is the competent level's; a small cell cannot
        # judge the share alone, so its own count is for information only.
        scope_note = (
            f"Cấp trên áp dụng tỷ lệ trên phạm vi {SCOPE_LEVELS[quota.scope_level]} "
            f"({quota.scope}), không riêng từng chi bộ"
        )
        if quota.outstanding_share is not None:
            scope_note += (
                f"; đơn vị có thành tích xuất sắc, nổi trội có thể đến "
                f"{format_percent(quota.outstanding_share)}"
            )
        scope_note += "."
    return QuotaResult(
        allowed, actual, exceeded, explanation, quota.source, quota.verify, scope_note
    )


def cap_for(
    pack: RulePack, *, disciplined: bool, remedied_self_found: bool, sick_leave_months: int
) -> tuple[str | None, str]:
    """The highest level allowed for a member, with the reason and its source.

    Returns ``(None, "")`` when no cap applies; when several apply, the strictest wins.
    """
    found: list[tuple[Cap, str]] = []
    cap = pack.cap("disciplined")
    if disciplined and cap is not None:
        if remedied_self_found and cap.exception_code == "self_found_remedied":
            pass  # QĐ 124: a violation the member found and remedied does not cap the level
        elif remedied_self_found and cap.exception_code == "superior_considers":
            # QĐ 366: the remedy is for the competent level to weigh, not an automatic lift.
            found.append(
                (cap, f"Bị kỷ luật trong năm: {cap.text}; {cap.exception_text} ({cap.source}).")
            )
        else:
            found.append((cap, f"Bị kỷ luật trong năm: {cap.text} ({cap.source})."))
    cap = pack.cap("sick_leave")
    if cap is not None and cap.min_months is not None and sick_leave_months >= cap.min_months:
        found.append(
            (cap, f"Nghỉ ốm {sick_leave_months} tháng trong năm: {cap.text} ({cap.source}).")
        )
    if not found:
        return None, ""
    strictest = max(found, key=lambda pair: pack.level(pair[0].max_level).rank)
    return strictest[0].max_level, strictest[1]


def is_rated(
    pack: RulePack, *, exempted: bool, suspended: bool, months_since_admission: int | None
) -> tuple[bool, str, bool]:
    """Whether the member is rated this year: ``(rated, reason, writes_review)``.

    ``months_since_admission`` counts whole months from admission to the review; ``None``
    when unknown, which is treated as long enough.
    """
    checks = (
        ("exempted", exempted),
        ("suspended", suspended),
    )
    for code, applies in checks:
        rule = pack.not_rated_rule(code)
        if applies and rule is not None:
            return False, f"{rule.text} ({rule.source}).", rule.writes_review
    rule = pack.not_rated_rule("recently_admitted")
    if (
        rule is not None
        and rule.months is not None
        and months_since_admission is not None
        and months_since_admission < rule.months
    ):
        reason = (
            f"Mới kết nạp {months_since_admission} tháng (chưa đủ {rule.months} tháng): "
            f"{rule.text} ({rule.source})."
        )
        return False, reason, rule.writes_review
    return True, "", True
