"""Repairing one cell of an imported roster: text, identifiers, phone numbers, posts.

Each repair is one that cannot change the cell's meaning (legacy encodings, decomposed
marks, double spaces, a leading zero Excel dropped) and is told in Vietnamese through the
line's ``CellLog``; ``import_cells.read_row`` puts the cells of a line together.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from desktop.models import PartyPost, ReviewGroup
from desktop.services.members.import_columns import label_for
from desktop.services.members.registry import MemberData
from desktop.text import (
    PartialDate,
    clean_spaces,
    detect_legacy,
    fold,
    normalize_card_number,
    normalize_citizen_id,
    to_unicode,
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

# Vietnamese mobile numbers have 10 digits and start with 0, which Excel drops.
_PHONE_WITHOUT_ZERO = re.compile(r"[1-9]\d{8}")


class CellLog:
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


# --- text -------------------------------------------------------------------------------


def cell_text(value: object, label: str, log: CellLog) -> str:
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


# --- identifiers and numbers ------------------------------------------------------------


def digits_of(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "".join(ch for ch in str(value) if ch.isdigit())


def read_card_number(value: object, log: CellLog) -> str | None:
    if is_blank(value):
        return None
    try:
        card = normalize_card_number(value)
    except ValueError as exc:
        log.errors.append(str(exc))
        return None
    if card != digits_of(value) and card.lstrip("0") == digits_of(value).lstrip("0"):
        log.repairs.append(f"Số thẻ mất số 0 đầu → {card}")
    return card


def read_citizen_id(value: object, log: CellLog) -> str | None:
    if is_blank(value):
        return None
    try:
        number = normalize_citizen_id(value)
    except ValueError:
        shown = digits_of(value) if isinstance(value, int | float) else clean_spaces(str(value))
        kind = "CMND cũ" if len(digits_of(value)) == 9 else "Số CCCD không đủ 12 số"
        log.notes.append(f"CMND/CCCD: {shown}")
        log.repairs.append(f"{kind} ({shown}) → ghi vào Ghi chú")
        return None
    if number != digits_of(value):
        log.repairs.append(f"Số CCCD mất số 0 đầu → {number}")
    return number


def read_phone(value: object, log: CellLog) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = digits_of(value)
        if _PHONE_WITHOUT_ZERO.fullmatch(digits):
            log.repairs.append(f"Số điện thoại mất số 0 đầu → 0{digits}")
            return "0" + digits
        return digits
    return clean_spaces(str(value))


def read_party_post(value: object, data: MemberData, log: CellLog) -> None:
    label = label_for("party_post")
    text = cell_text(value, label, log)
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


def party_post_from_other_posts(data: MemberData, log: CellLog) -> None:
    """A single "Chức vụ" column holding "Bí thư chi bộ, Trưởng ấp"."""
    parts = re.split(r"[,;]", data.other_posts, maxsplit=1)
    post = _PARTY_POSTS.get(fold(parts[0]).strip(" ."))
    if not post:
        return
    data.party_post = post.value
    data.other_posts = clean_spaces(parts[1]) if len(parts) == 2 else ""
    log.repairs.append(f"“{parts[0].strip()}” chuyển sang cột Chức vụ Đảng")


def read_review_group(value: object, log: CellLog) -> str:
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
