"""Reading one line of an imported roster (một dòng danh sách đảng viên) into MemberData.

Each cell is repaired when the repair cannot change its meaning (legacy encodings,
decomposed marks, double spaces, ALL CAPS names, a leading zero Excel dropped, a school
grade Excel turned into a date) and every repair is described in Vietnamese. What
cannot be repaired safely rejects the line with its reason; data that is doubtful but
harmless to keep (an old 9-digit CMND, a year-only admission date) goes to "Ghi chú"
so that nothing the secretary typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.models import Gender
from desktop.services.members.import_columns import label_for
from desktop.services.members.import_values import (
    CellLog,
    cell_text,
    is_blank,
    party_post_from_other_posts,
    read_card_number,
    read_citizen_id,
    read_party_post,
    read_phone,
    read_review_group,
)
from desktop.services.members.registry import MemberData, normalize, validate
from desktop.text import PartialDate, clean_spaces, fold, parse_date, proper_case_name

__all__ = ["TEXT_FIELDS", "RowResult", "is_blank", "read_row"]

TEXT_FIELDS = (
    "other_name",
    "ethnicity",
    "religion",
    "hometown",
    "residence",
    "profession",
    "political_theory",
    "occupation",
    "other_posts",
    "workplace",
    "note",
)

_MARK_FALSE = {"", "0", "khong", "k", "-", "false", "no"}
_GENDER_VALUES = {
    "nam": Gender.MALE,
    "m": Gender.MALE,
    "nu": Gender.FEMALE,
    "f": Gender.FEMALE,
}


@dataclass
class RowResult:
    data: MemberData | None
    repairs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_row(
    values: dict[str, object], *, has_gender: bool, today: date | None = None
) -> RowResult:
    """MemberData from ``values`` (field -> raw cell value); None with errors if rejected.

    ``has_gender`` says whether the file has any gender column: when it has one, an
    empty cell is reported; when it has none, the importer warns once for the file.
    """
    log = CellLog()
    data = MemberData()

    data.full_name = _name(values, log)
    for name in TEXT_FIELDS:
        if name in values:
            # An empty "Dân tộc" cell stays empty: "Kinh" and "Không" are defaults for a
            # file without the column, not guesses about one person.
            setattr(data, name, cell_text(values[name], label_for(name), log))
    data.education = _education(values.get("education"), log)
    _gender(values, data, log, has_gender)
    if not is_blank(values.get("birth_date")):
        data.birth_date = _date(values["birth_date"], "birth_date", log)
    if data.birth_date is not None and data.birth_date.month is None:
        log.repairs.append(f"Ngày sinh chỉ có năm: {data.birth_date.year}")
    elif data.birth_date is not None and data.birth_date.day is None:
        log.repairs.append(f"Ngày sinh chỉ có tháng và năm: {data.birth_date.display()}")
    _event_dates(values, data, log)
    data.card_number = read_card_number(values.get("card_number"), log)
    data.citizen_id = read_citizen_id(values.get("citizen_id"), log)
    data.phone = read_phone(values.get("phone"), log)
    read_party_post(values.get("party_post"), data, log)
    if "party_post" not in values:
        party_post_from_other_posts(data, log)
    data.review_group = read_review_group(values.get("review_group"), log)
    data.works_far_away = _flag(values.get("works_far_away"))
    if log.notes:
        data.note = "; ".join(filter(None, [data.note, *log.notes]))

    if not data.full_name:
        log.errors.insert(0, "Thiếu họ tên")
    if log.errors:
        return RowResult(None, log.finish(), log.errors)
    data = normalize(data)
    errors = [
        e.message.rstrip(".")
        for e in validate(data, today)
        if not (e.field == "gender" and data.gender == "")  # unknown: listed, filled later
    ]
    if errors:
        return RowResult(None, log.finish(), errors)
    return RowResult(data, log.finish(), [])


def _name(values: dict[str, object], log: CellLog) -> str:
    label = label_for("full_name")
    if not is_blank(values.get("full_name")):
        name = cell_text(values["full_name"], label, log)
    else:
        parts = [cell_text(values.get(f), label, log) for f in ("family_name", "given_name")]
        name = " ".join(p for p in parts if p)
    proper = proper_case_name(name)
    if name and proper != name:
        letters = [ch for ch in name if ch.isalpha()]
        if all(ch.isupper() for ch in letters):
            log.repairs.append(f"Họ tên viết hoa → chuẩn hóa: {proper}")
        elif all(ch.islower() for ch in letters):
            log.repairs.append(f"Họ tên viết thường → chuẩn hóa: {proper}")
        else:
            log.repairs.append(f"Họ tên viết hoa chưa đúng → chuẩn hóa: {proper}")
    return proper


def _education(value: object, log: CellLog) -> str:
    label = label_for("education")
    if isinstance(value, datetime | date):
        # Excel reads a typed "12/12" as 12 December of the current year.
        text = f"{value.day}/{value.month}"
        log.repairs.append(f"{label} bị Excel đổi thành ngày → {text}")
        return text
    return cell_text(value, label, log)


# --- gender -----------------------------------------------------------------------------


def _mark_date(value: object) -> PartialDate | None:
    """A birth date written in a "Nam" or "Nữ" column (under "Năm sinh"), if it is one."""
    if isinstance(value, datetime | date):
        return PartialDate.from_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 1900:
        try:
            return parse_date(value)
        except ValueError:
            return None
    if isinstance(value, str) and any(ch.isdigit() for ch in value):
        try:
            return parse_date(value)
        except ValueError:
            return None
    return None


def _marked(value: object) -> bool:
    if is_blank(value):
        return False
    if isinstance(value, str):
        return fold(value).strip(" .") not in _MARK_FALSE
    return value not in (0, False)


def _gender(values: dict[str, object], data: MemberData, log: CellLog, has_gender: bool) -> None:
    raw = values.get("gender")
    if not is_blank(raw):
        key = fold(str(raw)).strip(" .")
        gender = _GENDER_VALUES.get(key)
        if gender is None:
            log.errors.append(f"Giới tính không rõ: {clean_spaces(str(raw))}")
        else:
            data.gender = gender.value
        return
    male, female = values.get("male_mark"), values.get("female_mark")
    is_male, is_female = _marked(male), _marked(female)
    if is_male and is_female:
        log.errors.append("Đánh dấu cả cột Nam và cột Nữ")
        return
    if is_male or is_female:
        data.gender = (Gender.FEMALE if is_female else Gender.MALE).value
        born = _mark_date(female if is_female else male)
        if born is not None and is_blank(values.get("birth_date")):
            values["birth_date"] = born
        return
    # A lone "Nữ" column marks the women; everyone else in the table is a man.
    if "female_mark" in values and "male_mark" not in values and "gender" not in values:
        return
    if "male_mark" in values and "female_mark" not in values and "gender" not in values:
        data.gender = Gender.FEMALE.value
        return
    # Unknown: left blank for the secretary to fill, never guessed silently. A middle
    # name "Thị" is offered as a hint only.
    data.gender = ""
    hint = " (tên có chữ “Thị”: có lẽ là Nữ)" if " thi " in f" {fold(data.full_name)} " else ""
    log.repairs.append(f"Chưa rõ giới tính → để trống, cần bổ sung{hint}")


# --- dates ------------------------------------------------------------------------------


def _date(value: object, name: str, log: CellLog) -> PartialDate | None:
    label = label_for(name)
    try:
        parsed = parse_date(value)
    except ValueError:
        shown = clean_spaces(str(value))
        log.errors.append(f"{label} không hợp lệ: {shown}")
        return None
    if isinstance(value, int | float) and parsed is not None and parsed.month is not None:
        log.repairs.append(f"{label} ghi dạng số Excel ({value:g}) → {_dmy(parsed)}")
    return parsed


def _dmy(d: PartialDate) -> str:
    if d.month is None:
        return str(d.year)
    if d.day is None:
        return f"{d.month:02d}/{d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _event_dates(values: dict[str, object], data: MemberData, log: CellLog) -> None:
    partial: list[str] = []
    for name in ("admitted_on", "official_on"):
        raw = values.get(name)
        if is_blank(raw):
            continue
        parsed = _date(raw, name, log)
        if parsed is None:
            continue
        full = parsed.to_date()
        if full is None:
            partial.append(name)
            log.notes.append(f"{label_for(name)}: {parsed.display()}")
            log.repairs.append(
                f"{label_for(name)} thiếu ngày hoặc tháng ({parsed.display()}) → "
                "ghi vào Ghi chú, cần bổ sung"
            )
        setattr(data, name, full)
    if "admitted_on" in partial and data.official_on is not None:
        # A complete official date without the admission date it follows cannot be
        # saved; keep it in the note beside the partial admission date.
        official = _dmy(PartialDate.from_date(data.official_on))
        log.notes.append(f"{label_for('official_on')}: {official}")
        log.repairs.append("Ngày chính thức ghi vào Ghi chú vì ngày vào Đảng chưa đủ")
        data.official_on = None


def _flag(value: object) -> bool:
    return _marked(value)
