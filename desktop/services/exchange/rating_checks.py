"""Every field of a rating file checked before anything is stored (kiểm tra tệp xếp loại).

A package comes from a stick anyone may have edited: a value of the wrong type stored at
the superior (``proposed_level: ["HTXSNV"]``, ``full_name: {}``) used to crash every later
``print consolidated``. Each field of docs/formats/xep-loai-v1.md is checked for its type,
length and range; the refusal names the field in Vietnamese. Only the known fields are
kept, so nothing unchecked reaches the database.
"""

from __future__ import annotations

import json
import re
from datetime import date

from desktop.errors import DomainError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 8  # the format nests 4 deep (top → members → member → warnings)
MAX_MEMBERS = 5000
MAX_LEVELS = 20
MAX_WARNINGS = 100
SHORT, NAME, LONG = 40, 200, 2000
_SCORE = re.compile(r"^\d{1,3}(\.\d{1,2})?$")


class PayloadFieldError(DomainError):
    """A field of the rating file is missing or wrong; the message names it."""


def _refuse(field: str, what: str) -> PayloadFieldError:
    return PayloadFieldError(
        f"Tệp dữ liệu xếp loại không hợp lệ: trường “{field}” {what}. Gói không được nhập; "
        "hãy xin chi bộ xuất lại."
    )


def load_json(data: bytes) -> object:
    """Parse with bounded size and depth (no RecursionError, no 5,000-digit numbers)."""
    if len(data) > MAX_FILE_BYTES:
        raise _refuse("(toàn tệp)", f"lớn quá {MAX_FILE_BYTES // (1024 * 1024)} MB")
    depth = 0
    in_string = escaped = False
    for byte in data:  # a bracket count outside strings, before the parser recurses
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse("(toàn tệp)", f"lồng nhau quá {MAX_DEPTH} tầng")
        elif byte in (0x5D, 0x7D):
            depth -= 1
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PayloadFieldError(
            "Tệp dữ liệu xếp loại không đọc được (không phải JSON hợp lệ)."
        ) from None


def _no_constant(name: str) -> object:
    raise ValueError(f"JSON constant {name} is not allowed")


def _text(obj: dict, key: str, where: str, limit: int, *, required: bool = False) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str):
        raise _refuse(f"{where}{key}", "phải là chữ")
    if len(value) > limit:
        raise _refuse(f"{where}{key}", f"dài quá {limit} ký tự")
    if required and not value.strip():
        raise _refuse(f"{where}{key}", "bị trống")
    return value


def _optional_text(obj: dict, key: str, where: str, limit: int) -> str | None:
    return None if obj.get(key) is None else _text(obj, key, where, limit)


def _int(obj: dict, key: str, where: str, low: int, high: int, *, optional: bool = False):
    value = obj.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _refuse(f"{where}{key}", f"phải là số nguyên từ {low} đến {high}")
    return value


def _bool(obj: dict, key: str, where: str) -> bool:
    value = obj.get(key)
    if not isinstance(value, bool):
        raise _refuse(f"{where}{key}", "phải là đúng/sai (true/false)")
    return value


def _date(obj: dict, key: str, where: str, year: int, *, optional: bool = False) -> str | None:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) != 10:
        raise _refuse(f"{where}{key}", "phải là ngày dạng YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _refuse(f"{where}{key}", "phải là ngày dạng YYYY-MM-DD") from None
    if not year - 1 <= day.year <= year + 2:
        raise _refuse(f"{where}{key}", f"phải là một ngày gần năm {year}")
    return value


def _object(value: object, field: str) -> dict:
    if not isinstance(value, dict):
        raise _refuse(field, "phải là một nhóm thông tin")
    return value


def _list(value: object, field: str, limit: int) -> list:
    if not isinstance(value, list):
        raise _refuse(field, "phải là một danh sách")
    if len(value) > limit:
        raise _refuse(field, f"có quá {limit} mục")
    return value


def checked_payload(payload: object, format_name: str, version: int) -> dict:
    """The payload with only its known, checked fields; ``PayloadFieldError`` otherwise."""
    top = _object(payload, "(toàn tệp)")
    year = _int(top, "year", "", 2000, 2100)
    cell = _object(top.get("cell"), "cell")
    clean = {
        "format": format_name,
        "format_version": version,
        "app_version": _text(top, "app_version", "", SHORT),
        "cell": {
            "uid": _text(cell, "uid", "cell.", 64, required=True),
            "name": _text(cell, "name", "cell.", NAME, required=True),
            "superior_name": _text(cell, "superior_name", "cell.", NAME),
            "place_name": _text(cell, "place_name", "cell.", NAME),
        },
        "year": year,
        "rule_pack": _text(top, "rule_pack", "", SHORT),
        "review_on": _date(top, "review_on", "", year),
        "levels": [_level(lv, f"levels[{i}].") for i, lv in enumerate(_levels(top))],
        "members": [
            _member(m, f"members[{i}].", year)
            for i, m in enumerate(_list(top.get("members"), "members", MAX_MEMBERS), start=1)
        ],
        "summary": _summary(_object(top.get("summary"), "summary")),
    }
    return clean


def _levels(top: dict) -> list:
    return _list(top.get("levels"), "levels", MAX_LEVELS)


def _level(value: object, where: str) -> dict:
    level = _object(value, where.rstrip("."))
    return {
        "code": _text(level, "code", where, SHORT, required=True),
        "name": _text(level, "name", where, NAME),
        "short_name": _text(level, "short_name", where, SHORT),
        "rank": _int(level, "rank", where, 0, 100),
    }


def _member(value: object, where: str, year: int) -> dict:
    member = _object(value, where.rstrip("."))
    score = _optional_text(member, "self_score", where, 8)
    if score is not None and not _SCORE.match(score):
        raise _refuse(f"{where}self_score", "phải là điểm dạng 83.5")
    warnings = _list(member.get("warnings", []), f"{where}warnings", MAX_WARNINGS)
    for index, text in enumerate(warnings):
        if not isinstance(text, str) or len(text) > LONG:
            raise _refuse(f"{where}warnings[{index}]", f"phải là chữ, tối đa {LONG} ký tự")
    return {
        "full_name": _text(member, "full_name", where, NAME, required=True),
        "birth_year": _int(member, "birth_year", where, 1880, 2100, optional=True),
        "gender": _text(member, "gender", where, SHORT),
        "card_number": _text(member, "card_number", where, SHORT),
        "citizen_id": _text(member, "citizen_id", where, SHORT),
        "party_post": _text(member, "party_post", where, NAME),
        "review_group": _text(member, "review_group", where, SHORT),
        "form_code": _text(member, "form_code", where, SHORT),
        "rated": _bool(member, "rated", where),
        "not_rated_reason": _text(member, "not_rated_reason", where, LONG),
        "self_score": score,
        "self_level": _optional_text(member, "self_level", where, SHORT) or "",
        "proposed_level": _optional_text(member, "proposed_level", where, SHORT) or "",
        "votes_for": _int(member, "votes_for", where, 0, 100_000, optional=True),
        "votes_total": _int(member, "votes_total", where, 0, 100_000, optional=True),
        "decided_level": _optional_text(member, "decided_level", where, SHORT) or "",
        "decision_number": _optional_text(member, "decision_number", where, NAME) or "",
        "decision_date": _date(member, "decision_date", where, year, optional=True),
        "warnings": list(warnings),
    }


def _summary(summary: dict) -> dict:
    counts = {}
    for key in ("proposed", "decided"):
        table = _object(summary.get(key, {}), f"summary.{key}")
        if len(table) > MAX_LEVELS:
            raise _refuse(f"summary.{key}", f"có quá {MAX_LEVELS} mục")
        for code in table:
            if len(code) > SHORT:
                raise _refuse(f"summary.{key}", "có mã mức xếp loại quá dài")
            _int(table, code, f"summary.{key}.", 0, MAX_MEMBERS)
        counts[key] = dict(table)
    quota = _object(summary.get("quota", {}), "summary.quota")
    return {
        "on_roll": _int(summary, "on_roll", "summary.", 0, MAX_MEMBERS),
        "rated": _int(summary, "rated", "summary.", 0, MAX_MEMBERS),
        "not_rated": _int(summary, "not_rated", "summary.", 0, MAX_MEMBERS),
        **counts,
        "quota": {
            "allowed": _int(quota, "allowed", "summary.quota.", 0, MAX_MEMBERS, optional=True),
            "actual": _int(quota, "actual", "summary.quota.", 0, MAX_MEMBERS, optional=True),
            "exceeded": _bool(quota, "exceeded", "summary.quota."),
            "explanation": _text(quota, "explanation", "summary.quota.", LONG),
            "source": _text(quota, "source", "summary.quota.", LONG),
        },
    }
