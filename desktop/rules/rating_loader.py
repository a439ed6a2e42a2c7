"""Reading and checking one rating rule file (tệp quy định đánh giá, xếp loại).

Every fault stops with a Vietnamese message naming the file and the field, e.g.
``Tệp quy định …/2025.json, mục "bands[1].level": …``, so a secretary editing a pack by
hand can find the mistake.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop.rules import rating_forms, rating_settings, read_rule_file
from desktop.rules.pack_base import PackReader
from desktop.rules.rating_model import (
    Band,
    Cap,
    Condition,
    Criterion,
    Level,
    NotRatedRule,
    Quota,
    RulePack,
    ScoreGroup,
    ScoreScale,
)

NOT_RATED_CODES = ("exempted", "suspended", "recently_admitted")
CAP_CODES = ("disciplined", "sick_leave")


class _Reader(PackReader):
    """The pack reader, with the rating packs' numbers and level codes."""

    BLANK_OPTIONAL_TEXT = False

    def integer(self, obj: dict, key: str, field: str, *, nullable: bool = False) -> int | None:
        value = self.get(obj, key, field)
        if value is None and nullable:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(field, f"phải là số nguyên (đang có: {value!r}).")
        return value

    def number(self, obj: dict, key: str, field: str, *, nullable: bool = False) -> Decimal | None:
        value = self.get(obj, key, field)
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(field, f"phải là một số (đang có: {value!r}).")
        try:
            number = Decimal(str(value))
        except InvalidOperation as exc:  # pragma: no cover - json gives finite numbers
            raise self.fail(field, f"không phải số hợp lệ ({value!r}).") from exc
        if number < 0:
            raise self.fail(field, f"không được âm (đang có: {value!r}).")
        return number

    def level_code(self, obj: dict, key: str, field: str, codes: set[str]) -> str:
        code = self.text(obj, key, field)
        if code not in codes:
            known = ", ".join(sorted(codes))
            raise self.fail(field, f'mức xếp loại "{code}" không có trong "levels" ({known}).')
        return code


def load_pack(path: Path | str) -> RulePack:
    """Read and check one rule pack file; raises ``RuleFileError`` in Vietnamese."""
    path = Path(path)
    data = read_rule_file(path)
    r = _Reader(path)
    first = r.integer(data, "valid_from_year", "valid_from_year")
    last = r.integer(data, "valid_to_year", "valid_to_year", nullable=True)
    if first < 1930:
        raise r.fail("valid_from_year", f"năm {first} không hợp lệ.")
    if last is not None and last < first:
        raise r.fail("valid_to_year", f"năm kết thúc ({last}) trước năm bắt đầu ({first}).")
    levels = _levels(r, data)
    codes = {level.code for level in levels}
    scale = _scale(r, data)
    bands = _bands(r, data, scale, codes)
    forms = rating_forms.forms(r, data)
    rating_settings.check_form_criteria(r, forms, scale)
    return RulePack(
        id=r.text(data, "id", "id"),
        title=r.text(data, "title", "title"),
        valid_from_year=first,
        valid_to_year=last,
        path=path,
        sources=r.sources(data),
        levels=levels,
        score_scale=scale,
        bands=bands,
        quota=_quota(r, data, codes),
        not_rated=_not_rated(r, data),
        caps=_caps(r, data, codes),
        forms=forms,
        form_by_group=rating_forms.form_by_group(
            r, data, {f.code for f in forms if f.kind == "individual"}
        ),
        form_by_group_note=r.text(data, "form_by_group_note", "form_by_group_note", required=False),
        commitment_sections=rating_forms.commitment_sections(r, data),
        note=r.text(data, "note", "note", required=False),
        bands_source=r.text(data, "bands_source", "bands_source", required=scale is not None),
        commitment_source=r.text(data, "commitment_source", "commitment_source", required=False),
        form_by_group_verify=r.flag(data, "form_by_group_verify", "form_by_group_verify"),
        questions=rating_settings.questions(r, data),
    )


def _conditions(r: _Reader, items: list, field: str) -> tuple[Condition, ...]:
    return tuple(
        Condition(
            code=r.text(c, "code", f"{field}[{i}].code"),
            text=r.text(c, "text", f"{field}[{i}].text"),
            source=r.text(c, "source", f"{field}[{i}].source"),
            verify=r.flag(c, "verify", f"{field}[{i}].verify"),
        )
        for i, c in enumerate(items)
    )


def _levels(r: _Reader, data: dict) -> tuple[Level, ...]:
    out: list[Level] = []
    for i, item in enumerate(r.items(data, "levels", "levels")):
        f = f"levels[{i}]"
        code = r.text(item, "code", f"{f}.code")
        if any(level.code == code for level in out):
            raise r.fail(f"{f}.code", f'mức "{code}" bị lặp.')
        mode = item.get("conditions_mode", "all")
        if mode not in ("all", "any"):
            raise r.fail(f"{f}.conditions_mode", f'phải là "all" hoặc "any" (đang có: {mode!r}).')
        conditions = r.items(item, "conditions", f"{f}.conditions", allow_empty=True)
        out.append(
            Level(
                code=code,
                name=r.text(item, "name", f"{f}.name"),
                short_name=r.text(item, "short_name", f"{f}.short_name"),
                rank=r.integer(item, "rank", f"{f}.rank"),
                conditions_mode=mode,
                conditions=_conditions(r, conditions, f"{f}.conditions"),
            )
        )
    ranks = sorted(level.rank for level in out)
    if ranks != list(range(1, len(out) + 1)):
        raise r.fail("levels", f"thứ bậc (rank) phải là 1, 2, … {len(out)}, không lặp.")
    return tuple(sorted(out, key=lambda level: level.rank))


def _scale(r: _Reader, data: dict) -> ScoreScale | None:
    raw = r.get(data, "score_scale", "score_scale")
    if raw is None:
        return None
    maximum = r.number(raw, "max", "score_scale.max")
    if maximum <= 0:
        raise r.fail("score_scale.max", "phải lớn hơn 0.")
    groups = []
    for i, item in enumerate(r.items(raw, "groups", "score_scale.groups")):
        f = f"score_scale.groups[{i}]"
        group_max = r.number(item, "max", f"{f}.max")
        criteria = []
        for j, c in enumerate(r.items(item, "criteria", f"{f}.criteria", allow_empty=True)):
            cf = f"{f}.criteria[{j}]"
            criteria.append(
                Criterion(
                    code=r.text(c, "code", f"{cf}.code"),
                    title=r.text(c, "title", f"{cf}.title"),
                    max=r.number(c, "max", f"{cf}.max", nullable=True) if "max" in c else None,
                    verify=r.flag(c, "verify", f"{cf}.verify"),
                )
            )
        known = sum((c.max for c in criteria if c.max is not None), Decimal(0))
        if known > group_max:
            raise r.fail(f"{f}.criteria", f"tổng điểm các tiêu chí ({known}) vượt {group_max}.")
        groups.append(
            ScoreGroup(
                code=r.text(item, "code", f"{f}.code"),
                title=r.text(item, "title", f"{f}.title"),
                max=group_max,
                criteria=tuple(criteria),
                source=r.text(item, "source", f"{f}.source", required=False),
                verify=r.flag(item, "verify", f"{f}.verify"),
            )
        )
    total = sum((g.max for g in groups), Decimal(0))
    if total != maximum:
        raise r.fail("score_scale.groups", f"tổng điểm các nhóm ({total}) khác {maximum}.")
    return ScoreScale(
        max=maximum,
        groups=tuple(groups),
        source=r.text(raw, "source", "score_scale.source"),
        verify=r.flag(raw, "verify", "score_scale.verify"),
    )


def _bands(r: _Reader, data: dict, scale: ScoreScale | None, codes: set[str]) -> tuple[Band, ...]:
    items = r.items(data, "bands", "bands", allow_empty=True)
    if scale is None:
        if items:
            raise r.fail("bands", 'có khung điểm nhưng "score_scale" là null.')
        return ()
    if not items:
        raise r.fail("bands", "có thang điểm nên phải có khung điểm cho các mức.")
    bands = []
    for i, item in enumerate(items):
        f = f"bands[{i}]"
        low, high = r.number(item, "min", f"{f}.min"), r.number(item, "max", f"{f}.max")
        if high <= low:
            raise r.fail(f"{f}.max", f"phải lớn hơn min ({low}).")
        bands.append((i, Band(low, high, r.level_code(item, "level", f"{f}.level", codes))))
    bands.sort(key=lambda pair: pair[1].min)
    expected = Decimal(0)
    for i, band in bands:
        if band.min < expected:
            raise r.fail(f"bands[{i}].min", f"khung điểm chồng lên khung trước (đến {expected}).")
        if band.min > expected:
            raise r.fail(f"bands[{i}].min", f"bỏ trống khoảng điểm {expected}–{band.min}.")
        expected = band.max
    if expected != scale.max:
        raise r.fail("bands", f"khung cao nhất phải kết thúc ở {scale.max} (đang: {expected}).")
    return tuple(band for _, band in bands)


def _quota(r: _Reader, data: dict, codes: set[str]) -> Quota | None:
    raw = r.get(data, "quota", "quota")
    if raw is None:
        return None
    share = r.number(raw, "share", "quota.share")
    if not 0 < share <= 1:
        raise r.fail("quota.share", f"phải trong khoảng (0, 1] (đang có: {share}).")
    return Quota(
        level=r.level_code(raw, "level", "quota.level", codes),
        max_share_of=r.level_code(raw, "max_share_of", "quota.max_share_of", codes),
        share=share,
        rounding=rating_settings.rounding(r, raw),
        scope=r.text(raw, "scope", "quota.scope"),
        text=r.text(raw, "text", "quota.text"),
        source=r.text(raw, "source", "quota.source"),
        verify=r.flag(raw, "verify", "quota.verify"),
        rounding_note=r.text(raw, "rounding_note", "quota.rounding_note", required=False),
        **rating_settings.quota_settings(r, raw),
    )


def _not_rated(r: _Reader, data: dict) -> tuple[NotRatedRule, ...]:
    out = []
    for i, item in enumerate(r.items(data, "not_rated", "not_rated", allow_empty=True)):
        f = f"not_rated[{i}]"
        code = r.text(item, "code", f"{f}.code")
        if code not in NOT_RATED_CODES:
            raise r.fail(f"{f}.code", f'"{code}" không thuộc {", ".join(NOT_RATED_CODES)}.')
        months = None
        if code == "recently_admitted":
            months = r.integer(item, "months", f"{f}.months")
            if months <= 0:
                raise r.fail(f"{f}.months", "phải là số tháng dương.")
        if "writes_review" not in item:
            raise r.fail(f"{f}.writes_review", "thiếu mục này.")
        out.append(
            NotRatedRule(
                code=code,
                text=r.text(item, "text", f"{f}.text"),
                writes_review=r.flag(item, "writes_review", f"{f}.writes_review"),
                source=r.text(item, "source", f"{f}.source"),
                months=months,
                verify=r.flag(item, "verify", f"{f}.verify"),
            )
        )
    return tuple(out)


def _caps(r: _Reader, data: dict, codes: set[str]) -> tuple[Cap, ...]:
    out = []
    for i, item in enumerate(r.items(data, "caps", "caps", allow_empty=True)):
        f = f"caps[{i}]"
        code = r.text(item, "code", f"{f}.code")
        if code not in CAP_CODES:
            raise r.fail(f"{f}.code", f'"{code}" không thuộc {", ".join(CAP_CODES)}.')
        months = r.integer(item, "min_months", f"{f}.min_months") if code == "sick_leave" else None
        exception = item.get("exception")
        if exception is not None and not isinstance(exception, dict):
            raise r.fail(f"{f}.exception", "phải là null hoặc một đối tượng JSON.")
        out.append(
            Cap(
                code=code,
                max_level=r.level_code(item, "max_level", f"{f}.max_level", codes),
                text=r.text(item, "text", f"{f}.text"),
                source=r.text(item, "source", f"{f}.source"),
                min_months=months,
                exception_code=r.text(exception, "code", f"{f}.exception.code")
                if exception
                else None,
                exception_text=r.text(exception, "text", f"{f}.exception.text")
                if exception
                else "",
                verify=r.flag(item, "verify", f"{f}.verify"),
            )
        )
    return tuple(out)
