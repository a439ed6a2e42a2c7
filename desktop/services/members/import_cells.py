"""Reading one line of an imported roster (một dòng danh sách đảng viên) into MemberData.

Each cell is repaired when the repair cannot change its meaning (legacy encodings,
decomposed marks, double spaces, ALL CAPS names, a leading zero Excel dropped, a school
grade Excel turned into a date) and every repair is described in Vietnamese. What
cannot be repaired safely rejects the line with its reason; data that is doubtful but
harmless to keep (an old 9-digit CMND, a year-only admission date) goes to "Ghi chú"
so that nothing the secretary typed is lost.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.models import Gender, PartyPost, ReviewGroup
from desktop.services.members.registry import MemberData, normalize, validate
from desktop.services.members.import_columns import label_for
from desktop.text import (
    PartialDate,
    clean_spaces,
    detect_legacy,
    fold,
    normalize_card_number,
    normalize_citizen_id,
    parse_date,
    proper_case_name,
    to_unicode,
)

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

_LEGACY_NAMES = {"tcvn3": "TCVN3", "vni": "VNI"}

_PARTY_POSTS = {
    "bi thu": PartyPost.SECRETARY,
    "bi thu chi bo": PartyPost.SECRETARY,
    "bt": PartyPost.SECRETARY,
    "pho bi thu": PartyPost.DEPUTY,
    "pho bi thu chi bo": PartyPost.DEPUTY,
    "pbt": PartyPost.DEPUTY,
    "chi uy vien": PartyPost.COMMITTEE,
    "chi uy": PartyPost.COMMITTEE,
    "uy vien chi uy": PartyPost.COMMITTEE,
    "cuv": PartyPost.COMMITTEE,
    "dang vien": PartyPost.NONE,
    "khong": PartyPost.NONE,
}
_PARTY_POST_CODES = {p.value: p for p in PartyPost if p.value}

_MARK_FALSE = {"", "0", "khong", "k", "-", "false", "no"}
_GENDER_VALUES = {
    "nam": Gender.MALE,
    "m": Gender.MALE,
    "nu": Gender.FEMALE,
    "f": Gender.FEMALE,
}
# Vietnamese mobile numbers have 10 digits and start with 0, which Excel drops.
_PHONE_WITHOUT_ZERO = re.compile(r"[1-9]\d{8}")


@dataclass
class RowResult:
    data: MemberData | None
    repairs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class _Log:
    """Collects a line's repairs, merging repeats of one kind into one sentence."""

    def __init__(self) -> None:
        self.repairs: list[str] = []
        self.errors: list[str] = []
        self._grouped: dict[str, list[str]] = {}
        self.notes: list[str] = []

    def group(self, kind: str, label: str) -> None:
        labels = self._grouped.setdefault(kind, [])
        if label not in labels:
            labels.append(label)

    def finish(self) -> list[str]:
        grouped = [f"{kind}: {', '.join(labels)}" for kind, labels in self._grouped.items()]
        return grouped + self.repairs


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_row(
    values: dict[str, object], *, has_gender: bool, today: date | None = None
) -> RowResult:
    """MemberData from ``values`` (field -> raw cell value); None with errors if rejected.

    ``has_gender`` says whether the file has any gender column: when it has one, an
    empty cell is reported; when it has none, the importer warns once for the file.
    """
    log = _Log()
    data = MemberData()

    data.full_name = _name(values, log)
    for name in TEXT_FIELDS:
        if name in values:
            # An empty "Dân tộc" cell stays empty: "Kinh" and "Không" are defaults for a
            # file without the column, not guesses about one person.
            setattr(data, name, _text(values[name], label_for(name), log))
    data.education = _education(values.get("education"), log)
    _gender(values, data, log, has_gender)
    if not is_blank(values.get("birth_date")):
        data.birth_date = _date(values["birth_date"], "birth_date", log)
    if data.birth_date is not None and data.birth_date.month is None:
        log.repairs.append(f"Ngày sinh chỉ có năm: {data.birth_date.year}")
    elif data.birth_date is not None and data.birth_date.day is None:
        log.repairs.append(f"Ngày sinh chỉ có tháng và năm: {data.birth_date.display()}")
    _event_dates(values, data, log)
    data.card_number = _card_number(values.get("card_number"), log)
    data.citizen_id = _citizen_id(values.get("citizen_id"), log)
    data.phone = _phone(values.get("phone"), log)
    _party_post(values.get("party_post"), data, log)
    if "party_post" not in values:
        _party_post_from_other_posts(data, log)
    data.review_group = _review_group(values.get("review_group"), log)
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


# --- text -------------------------------------------------------------------------------


def _text(value: object, label: str, log: _Log) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return PartialDate.from_date(value).display()
    text = str(value)
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            log.group("Chuẩn hóa dấu tiếng Việt (dấu tách rời)", label)
            text = unicodedata.normalize("NFC", text)
        encoding = detect_legacy(text)
        if encoding:
            log.group(f"Chuyển mã {_LEGACY_NAMES[encoding]} → Unicode", label)
            text = to_unicode(text, fix_case=True)
        # Eth looks exactly like Đ; no roster holds Icelandic.
        text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    cleaned = clean_spaces(text)
    if "  " in text.strip():
        log.group("Bỏ khoảng trắng thừa", label)
    return cleaned


def _name(values: dict[str, object], log: _Log) -> str:
    label = label_for("full_name")
    if not is_blank(values.get("full_name")):
        name = _text(values["full_name"], label, log)
    else:
        parts = [_text(values.get(f), label, log) for f in ("family_name", "given_name")]
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


def _education(value: object, log: _Log) -> str:
    label = label_for("education")
    if isinstance(value, datetime | date):
        # Excel reads a typed "12/12" as 12 December of the current year.
        text = f"{value.day}/{value.month}"
        log.repairs.append(f"{label} bị Excel đổi thành ngày → {text}")
        return text
    return _text(value, label, log)


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


def _gender(values: dict[str, object], data: MemberData, log: _Log, has_gender: bool) -> None:
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


def _date(value: object, name: str, log: _Log) -> PartialDate | None:
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


def _event_dates(values: dict[str, object], data: MemberData, log: _Log) -> None:
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


# --- identifiers and numbers ------------------------------------------------------------


def _digits_of(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "".join(ch for ch in str(value) if ch.isdigit())


def _card_number(value: object, log: _Log) -> str | None:
    if is_blank(value):
        return None
    try:
        card = normalize_card_number(value)
    except ValueError as exc:
        log.errors.append(str(exc))
        return None
    if card != _digits_of(value) and card.lstrip("0") == _digits_of(value).lstrip("0"):
        log.repairs.append(f"Số thẻ mất số 0 đầu → {card}")
    return card


def _citizen_id(value: object, log: _Log) -> str | None:
    if is_blank(value):
        return None
    try:
        number = normalize_citizen_id(value)
    except ValueError:
        shown = _digits_of(value) if isinstance(value, int | float) else clean_spaces(str(value))
        kind = "CMND cũ" if len(_digits_of(value)) == 9 else "Số CCCD không đủ 12 số"
        log.notes.append(f"CMND/CCCD: {shown}")
        log.repairs.append(f"{kind} ({shown}) → ghi vào Ghi chú")
        return None
    if number != _digits_of(value):
        log.repairs.append(f"Số CCCD mất số 0 đầu → {number}")
    return number


def _phone(value: object, log: _Log) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = _digits_of(value)
        if _PHONE_WITHOUT_ZERO.fullmatch(digits):
            log.repairs.append(f"Số điện thoại mất số 0 đầu → 0{digits}")
            return "0" + digits
        return digits
    return clean_spaces(str(value))


def _party_post(value: object, data: MemberData, log: _Log) -> None:
    label = label_for("party_post")
    text = _text(value, label, log)
    if not text:
        return
    key = fold(text).strip(" .")
    post = _PARTY_POSTS.get(key) or _PARTY_POST_CODES.get(text)
    if post is not None:
        data.party_post = post.value
        return
    # "Bí thư, Trưởng ấp": the party post first, the other posts after it.
    parts = re.split(r"[,;]", text, maxsplit=1)
    first = fold(parts[0]).strip(" .")
    if len(parts) == 2 and first in _PARTY_POSTS:
        data.party_post = _PARTY_POSTS[first].value
        extra = clean_spaces(parts[1])
    else:
        extra = text
    if extra:
        data.other_posts = "; ".join(filter(None, [data.other_posts, extra]))
        log.repairs.append(
            f"{label} “{extra}” không phải Bí thư/Phó Bí thư/Chi ủy viên → ghi vào Chức vụ khác"
        )


def _party_post_from_other_posts(data: MemberData, log: _Log) -> None:
    """A single "Chức vụ" column holding "Bí thư chi bộ, Trưởng ấp"."""
    parts = re.split(r"[,;]", data.other_posts, maxsplit=1)
    post = _PARTY_POSTS.get(fold(parts[0]).strip(" ."))
    if not post:
        return
    data.party_post = post.value
    data.other_posts = clean_spaces(parts[1]) if len(parts) == 2 else ""
    log.repairs.append(f"“{parts[0].strip()}” chuyển sang cột Chức vụ Đảng")


def _review_group(value: object, log: _Log) -> str:
    if is_blank(value):
        return ReviewGroup.C.value
    key = re.sub(r"[^0-9a-z]", "", fold(str(value)))
    for group in ReviewGroup:
        code = group.value.lower()
        if key in (code, code[1:]) or key.endswith(code):
            return group.value
    log.repairs.append(
        f"Nhóm kiểm điểm không rõ ({clean_spaces(str(value))}) → tạm ghi 2C, cần kiểm tra lại"
    )
    return ReviewGroup.C.value


def _flag(value: object) -> bool:
    return _marked(value)
