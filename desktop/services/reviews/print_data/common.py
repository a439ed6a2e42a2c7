"""What every review-season paper shares: the head, a member's identity, levels and votes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.errors import NotFound
from desktop.models import PartyPost
from desktop.rules.rating_model import Level, RulePack
from desktop.services.cell.details import CellInfo, get_cell
from desktop.services.members.registry import get_member, list_members
from desktop.services.reviews.roster import review_members
from desktop.storage.database import Database
from desktop.text import format_number, format_percent, normalize_card_number, short_date

# The document kinds a source code names, for the "Căn cứ" line.
_SOURCE_KINDS = (("QĐ/", "Quy định"), ("HD/", "Hướng dẫn"), ("CT/", "Chỉ thị"), ("KL/", "Kết luận"))


@dataclass(frozen=True)
class PaperHead:
    """The cell and the bí thư who signs for it; the phó bí thư (or a chi ủy viên) signs
    for the cell when the paper is the bí thư's own."""

    cell: CellInfo
    secretary_name: str
    deputy_name: str = ""
    deputy_title: str = "Phó Bí thư"


@dataclass(frozen=True)
class MemberIdentity:
    """The identity lines at the top of a member's paper."""

    full_name: str
    birth: str  # "12/4/1950", "1950" or ""
    post: str  # chức vụ: party post and posts elsewhere, "" when none
    card_number: str


def find_member(db: Database, text: str) -> int:
    """The member a command line names by party card number (leading zero lost or not) or
    by the app's numeric id; NotFound with a Vietnamese message otherwise."""
    value = (text or "").strip()
    card = None
    try:
        card = normalize_card_number(value)
    except ValueError:
        pass
    rows = list_members(db)
    if card:
        for row in rows:
            if row.card_number == card:
                return row.id
    if value.isdigit() and int(value) in {row.id for row in rows}:
        return int(value)
    raise NotFound(f'Không tìm thấy đảng viên có số thẻ đảng viên hoặc mã số "{value}".')


def paper_head(db: Database, year: int, today: date | None = None) -> PaperHead:
    with db.session() as session:
        members = review_members(session, year, today)
    def holder(post: PartyPost) -> str:
        return next((m.full_name for m in members if m.party_post == post.label), "")

    secretary = holder(PartyPost.SECRETARY)
    deputy, title = holder(PartyPost.DEPUTY), PartyPost.DEPUTY.label
    if not deputy:
        deputy, title = holder(PartyPost.COMMITTEE), PartyPost.COMMITTEE.label
    return PaperHead(get_cell(db), secretary, deputy, title)


def member_identity(db: Database, member_id: int) -> MemberIdentity:
    data = get_member(db, member_id).data
    cell_post = f"{PartyPost(data.party_post).label} chi bộ" if data.party_post else ""
    post = "; ".join(p.strip() for p in (cell_post, data.other_posts) if p and p.strip())
    birth = data.birth_date.display() if data.birth_date else ""
    return MemberIdentity(data.full_name, birth, post, data.card_number or "")


def shares(counts: list[int], total: int, digits: int = 2) -> list[str]:
    """Each count as a share of ``total`` ("10,53%"), rounded by the largest-remainder rule
    so that shares of counts adding up to ``total`` add up to exactly 100%."""
    if total <= 0:
        return [""] * len(counts)
    unit = 100 * 10**digits  # hundredths of a percent
    exact = [count * unit for count in counts]
    floors = [value // total for value in exact]
    left = unit * sum(counts) // total - sum(floors) if sum(counts) == total else 0
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] % total), i))
    for i in order[:left]:
        floors[i] += 1
    if sum(counts) != total:  # not a partition: each share rounded on its own
        floors = [round(Decimal(value) / total) for value in exact]
    return [format_percent(Decimal(value) / unit) for value in floors]


def basis_line(pack: RulePack) -> str:
    """ "Căn cứ Quy định 366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW ngày 31/10/2025"."""
    parts = []
    for source in pack.sources:
        kind = next((name for key, name in _SOURCE_KINDS if key in source.code), "Văn bản")
        when = ""
        try:
            when = f" ngày {short_date(date.fromisoformat(source.date))}"
        except ValueError:
            pass
        parts.append(f"{kind} {source.code}{when}")
    return "Căn cứ " + "; ".join(parts) if parts else ""


def level_name(pack: RulePack, code: str) -> str:
    return level_of(pack, code).name if level_of(pack, code) else ""


def level_short(pack: RulePack, code: str) -> str:
    return level_of(pack, code).short_name if level_of(pack, code) else ""


def level_of(pack: RulePack, code: str) -> Level | None:
    if not code:
        return None
    try:
        return pack.level(code)
    except KeyError:
        return None


def votes_text(votes_for: int | None, votes_total: int | None, short: bool = False) -> str:
    if votes_for is None:
        return ""
    text = (
        f"{format_number(votes_for)}/{format_number(votes_total)}"
        if votes_total
        else str(votes_for)
    )
    return text if short else f"{text} phiếu tán thành"


_NESTED = re.compile(r"\(([^()]*?)\s*\(([^()]*)\)\s*\)")


def one_bracket(text: str) -> str:
    """Brackets inside brackets flattened: "(Quy định … khoản 1.5 (theo …))" prints
    "(Quy định … khoản 1.5; theo …)", as a superior's reader expects one pair."""
    text = text or ""
    while _NESTED.search(text):
        text = _NESTED.sub(r"(\1; \2)", text)
    return text


def clean_reason(text: str) -> str:
    """One pair of brackets, one full stop: "… (Quy định 366-QĐ/TW ngày 30/8/2025 (như
    Quy định 124-QĐ/TW, Điều 5))" prints "… (Quy định 366-QĐ/TW ngày 30/8/2025; như …)."."""
    text = one_bracket((text or "").strip())
    text = re.sub(r"\.{2,}$", ".", text)
    return text if not text or text.endswith(".") else text + "."
