"""Parts of a rating pack that the superior sets (do cấp có thẩm quyền quy định).

QĐ 366-QĐ/TW Điều 11 k1.5 leaves the quota's scope to the competent level, allows up to
25% for outstanding units and states no rounding; HD 43 leaves points per criterion to the
superior's guidance. These are read here so ``rating_loader`` stays the checker of the rest.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from desktop.rules.rating_model import Criterion, Question

# How an allowed number is taken from share × base (QĐ 366 states none).
ROUNDINGS = {"floor": ROUND_FLOOR, "half_up": ROUND_HALF_UP, "ceiling": ROUND_CEILING}
ROUNDING_LABELS = {
    "floor": "lấy phần nguyên",
    "half_up": "làm tròn",
    "ceiling": "làm tròn lên",
}
SCOPE_LEVELS = {"cell": "chi bộ", "party_committee": "toàn đảng bộ"}


def rounding(r, raw: dict) -> str:
    value = r.text(raw, "rounding", "quota.rounding")
    if value not in ROUNDINGS:
        raise r.fail("quota.rounding", f'phải là một trong {", ".join(ROUNDINGS)} (đang có: "{value}").')
    return value


def quota_settings(r, raw: dict) -> dict:
    """scope_level, outstanding_share and scope_source of ``quota`` (all optional)."""
    scope_level = raw.get("scope_level", "cell")
    if scope_level not in SCOPE_LEVELS:
        raise r.fail(
            "quota.scope_level", f'phải là một trong {", ".join(SCOPE_LEVELS)} (đang có: {scope_level!r}).'
        )
    outstanding = None
    if raw.get("outstanding_share") is not None:
        outstanding = r.number(raw, "outstanding_share", "quota.outstanding_share")
    if outstanding is not None and not 0 < outstanding <= 1:
        raise r.fail("quota.outstanding_share", f"phải trong khoảng (0, 1] (đang có: {outstanding}).")
    return {
        "scope_level": scope_level,
        "outstanding_share": outstanding,
        "scope_source": r.text(raw, "scope_source", "quota.scope_source", required=False),
    }


def questions(r, data: dict) -> tuple[Question, ...]:
    raw = data.get("khtnv_questions")
    if raw is None:
        return ()
    out = []
    for i, item in enumerate(r.items(data, "khtnv_questions", "khtnv_questions")):
        f = f"khtnv_questions[{i}]"
        out.append(
            Question(
                code=r.text(item, "code", f"{f}.code"),
                question=r.text(item, "question", f"{f}.question"),
                source=r.text(item, "source", f"{f}.source"),
                verify=r.flag(item, "verify", f"{f}.verify"),
            )
        )
    if len({q.code for q in out}) != len(out):
        raise r.fail("khtnv_questions", "mã câu hỏi bị trùng.")
    return tuple(out)


def allowed_count(exact: Decimal, mode: str) -> int:
    return int(exact.to_integral_value(rounding=ROUNDINGS[mode]))


def criterion(r, c: dict, field: str) -> Criterion:
    return Criterion(
        code=r.text(c, "code", f"{field}.code"),
        title=r.text(c, "title", f"{field}.title"),
        max=r.number(c, "max", f"{field}.max", nullable=True) if "max" in c else None,
        verify=r.flag(c, "verify", f"{field}.verify"),
    )


def form_criteria(r, item: dict, field: str) -> dict:
    """``criteria`` (group code → list) and ``criteria_note`` of one form, both optional."""
    raw = item.get("criteria")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise r.fail(f"{field}.criteria", "phải là một đối tượng JSON (mã nhóm → danh sách).")
    groups = tuple(
        (
            str(group),
            tuple(
                criterion(r, c, f"{field}.criteria.{group}[{j}]")
                for j, c in enumerate(r.items(raw, group, f"{field}.criteria.{group}", allow_empty=True))
            ),
        )
        for group in raw
    )
    return {
        "criteria": groups,
        "criteria_note": r.text(item, "criteria_note", f"{field}.criteria_note", required=False),
    }


def check_form_criteria(r, forms, scale) -> None:
    """Each form's criteria name a group of the scale and stay within its maximum."""
    groups = {g.code: g for g in scale.groups} if scale is not None else {}
    for i, form in enumerate(forms):
        for code, criteria in form.criteria:
            if code not in groups:
                raise r.fail(f"forms[{i}].criteria.{code}", "không có nhóm tiêu chí này trong thang điểm.")
            known = sum((c.max for c in criteria if c.max is not None), Decimal(0))
            if known > groups[code].max:
                raise r.fail(
                    f"forms[{i}].criteria.{code}",
                    f"tổng điểm các tiêu chí ({known}) vượt {groups[code].max}.",
                )
