"""Is this line a member already recorded? (đối chiếu trùng khi nhập danh sách)

A party card number or a CCCD names one person: the same number is the same member, a
different number is a different member, whatever the names. Tone marks make different
names ("Nguyễn Văn Ánh", "Ảnh", "Anh" are three people), so only the same name with the
same tone marks (case aside) and the same birth is a sure duplicate; names that match
only without tone marks are a question for the secretary, never a silent skip.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from desktop.services.members.registry import MemberData
from desktop.text import PartialDate, fold

SURE, QUESTION = "sure", "question"


@dataclass(frozen=True)
class FileRow:
    row_number: int


@dataclass
class Known:
    name: str
    birth: PartialDate | None
    card: str | None
    citizen: str | None
    owner: int | FileRow  # member id, or the earlier line of the same file


@dataclass(frozen=True)
class Match:
    kind: str  # SURE or QUESTION
    reason: str
    owner: int | FileRow


def _exact(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def same_birth(a: PartialDate, b: PartialDate) -> bool:
    if a == b:
        return True
    # A year-only record and a full date of the same year are the same person here.
    return a.year == b.year and (a.month is None or b.month is None)


def _different_ids(data: MemberData, known: Known) -> bool:
    cards = data.card_number and known.card and data.card_number != known.card
    citizens = data.citizen_id and known.citizen and data.citizen_id != known.citizen
    return bool(cards or citizens)


class MatchIndex:
    """The members already recorded, and the lines already planned, by number and name."""

    def __init__(self) -> None:
        self.by_card: dict[str, Known] = {}
        self.by_citizen: dict[str, Known] = {}
        self.by_name: dict[str, list[Known]] = {}

    def add(self, data: MemberData, owner: int | FileRow) -> None:
        known = Known(data.full_name, data.birth_date, data.card_number, data.citizen_id, owner)
        if data.card_number:
            self.by_card.setdefault(data.card_number, known)
        if data.citizen_id:
            self.by_citizen.setdefault(data.citizen_id, known)
        self.by_name.setdefault(fold(data.full_name), []).append(known)

    def find(self, data: MemberData) -> Match | None:
        if data.card_number and (known := self.by_card.get(data.card_number)):
            return Match(SURE, reason(known, f"số thẻ {data.card_number}"), known.owner)
        if data.citizen_id and (known := self.by_citizen.get(data.citizen_id)):
            return Match(SURE, reason(known, f"số CCCD {data.citizen_id}"), known.owner)
        question = None
        for known in self.by_name.get(fold(data.full_name), ()):
            if _different_ids(data, known):
                continue  # another number: another person
            if data.birth_date is not None and known.birth is not None:
                if not same_birth(data.birth_date, known.birth):
                    continue
                both_full = data.birth_date.day is not None and known.birth.day is not None
                how = (
                    "họ tên và ngày sinh" if both_full else f"họ tên và năm sinh {known.birth.year}"
                )
            elif data.birth_date is None and not data.card_number and not data.citizen_id:
                how = "họ tên (dòng này không có số thẻ, CCCD và ngày sinh)"
            else:
                continue
            if _exact(known.name) == _exact(data.full_name):
                return Match(SURE, reason(known, how), known.owner)
            if question is None:
                question = Match(
                    QUESTION,
                    f"có thể trùng với {known.name} (tên chỉ giống khi bỏ dấu; cùng "
                    f"{how.removeprefix('họ tên và ')}) — hãy xác nhận là người khác",
                    known.owner,
                )
        return question


def reason(known: Known, how: str) -> str:
    if isinstance(known.owner, FileRow):
        return f"trùng với dòng {known.owner.row_number} trong tệp (cùng {how})"
    return f"trùng {how}: {known.name}"
