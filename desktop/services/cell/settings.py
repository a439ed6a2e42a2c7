"""Cell-wide editable settings kept in the database (cài đặt của chi bộ).

They travel with the cell's data (backups, handover), unlike the PC's own settings in
``desktop.config``. The most visible one is the campaign's name (tên cuộc vận động):
"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" (Chỉ thị 05-CT/TW,
Kết luận 01-KL/TW); from 2025–2026 some guidance says "thực hành", so it is data.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Cell, CellSetting
from desktop.errors import FieldError, ValidationError
from desktop.storage.database import Database
from desktop.text import clean_spaces, nfc

DEFAULT_CAMPAIGN_NAME = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
CAMPAIGN_NAME_KEY = "campaign_name"
KEY_MAX_LENGTH = 60


def get_setting(db: Database, key: str, default: str = "") -> str:
    """The stored value of ``key``, or ``default`` when it was never set."""
    with db.session() as session:
        return read_setting(session, key, default)


def set_setting(db: Database, key: str, value: str) -> None:
    """Store ``value`` (NFC) under ``key``, replacing any earlier value."""
    with db.session() as session:
        write_setting(session, key, value)


def read_setting(session: Session, key: str, default: str = "") -> str:
    """``get_setting`` inside a service's own open session (one user action)."""
    row = session.get(CellSetting, key)
    return default if row is None else row.value


def write_setting(session: Session, key: str, value: str) -> None:
    """``set_setting`` inside a service's own open session, committed with its work."""
    if not key or len(key) > KEY_MAX_LENGTH:
        raise ValueError(f"setting key must be 1–{KEY_MAX_LENGTH} characters: {key!r}")
    row = session.get(CellSetting, key)
    if row is None:
        session.add(CellSetting(key=key, value=nfc(value)))
    else:
        row.value = nfc(value)


def delete_setting(db: Database, key: str) -> None:
    """Forget ``key``: the next ``get_setting`` returns its default again."""
    with db.session() as session:
        row = session.get(CellSetting, key)
        if row is not None:
            session.delete(row)


def campaign_name(db: Database) -> str:
    """The campaign's name as it prints in agendas, minutes and reports."""
    return get_setting(db, CAMPAIGN_NAME_KEY, DEFAULT_CAMPAIGN_NAME) or DEFAULT_CAMPAIGN_NAME


def set_campaign_name(db: Database, name: str) -> None:
    """Rename the campaign, e.g. to the "thực hành" wording of a newer guidance."""
    cleaned = clean_spaces(name)
    if not cleaned:
        raise ValidationError(
            [
                FieldError(
                    "campaign_name",
                    "Tên cuộc vận động không được để trống. Muốn dùng lại tên mặc định, "
                    f"hãy nhập: {DEFAULT_CAMPAIGN_NAME}.",
                )
            ]
        )
    set_setting(db, CAMPAIGN_NAME_KEY, cleaned)


# ---------------------------------------------------------------- Nơi nhận

# Who receives each kind of outgoing paper (nơi nhận), one line each; "- Lưu chi bộ." is
# always added last when printing (Hướng dẫn 36-HD/VPTW, 2018, mục nơi nhận).
RECIPIENT_KINDS = ("report", "notice")
_RECIPIENTS_KEY = "recipients_{}"

# Each kind as the settings page names it, and the papers that print it.
RECIPIENT_KIND_LABELS = {
    "report": (
        "Giấy tờ gửi cấp trên",
        "Danh sách đề nghị xếp loại, kiểm điểm tập thể chi bộ, tổng hợp cam kết.",
    ),
    "notice": (
        "Thông báo, chương trình sinh hoạt",
        "Thông báo sinh hoạt chi bộ và chương trình (nội dung) buổi sinh hoạt.",
    ),
}


def default_recipients(kind: str, superior_name: str) -> list[str]:
    """The usual recipients: the superior committee and its cadre in charge of the cell."""
    committee = _committee_of(superior_name)
    if kind == "notice":
        return [
            "Các đồng chí đảng viên trong chi bộ;",
            "Đồng chí cấp ủy viên phụ trách chi bộ (để dự);",
        ]
    return [
        f"{committee} (để báo cáo);" if committee else "Đảng ủy cấp trên (để báo cáo);",
        "Đồng chí cấp ủy viên phụ trách chi bộ;",
    ]


def _committee_of(superior_name: str) -> str:
    """"Đảng bộ xã Long Thạnh" is addressed as its committee, "Đảng ủy xã Long Thạnh"."""
    name = clean_spaces(superior_name or "")
    if name.casefold().startswith("đảng bộ "):
        return "Đảng ủy " + name[len("đảng bộ ") :]
    return name


def read_recipients(session: Session, kind: str, superior_name: str) -> list[str]:
    """The cell's recipients of ``kind`` ("report" or "notice"), its defaults when unset."""
    if kind not in RECIPIENT_KINDS:
        raise ValueError(f"unknown kind of recipients: {kind!r}")
    stored = read_setting(session, _RECIPIENTS_KEY.format(kind), "")
    lines = [clean_spaces(line) for line in stored.split("\n") if clean_spaces(line)]
    return lines or default_recipients(kind, superior_name)


def recipient_kinds() -> list[tuple[str, str, str]]:
    """The kinds of recipients lists: (kind, name, the papers it is printed on)."""
    return [(kind, *RECIPIENT_KIND_LABELS[kind]) for kind in RECIPIENT_KINDS]


def recipients(db: Database, kind: str) -> list[str]:
    """``read_recipients`` in its own session, for the settings page."""
    with db.session() as session:
        return read_recipients(session, kind, _superior_name(session))


def recipient_defaults(db: Database, kind: str) -> list[str]:
    """The lines "Khôi phục mặc định" puts back: the defaults for this cell's superior."""
    with db.session() as session:
        return default_recipients(kind, _superior_name(session))


def _superior_name(session: Session) -> str:
    cell = session.scalars(select(Cell).limit(1)).first()
    return cell.superior_name if cell is not None else ""


def set_recipients(db: Database, kind: str, lines: list[str]) -> None:
    """Store the recipients of ``kind``, one per line; an empty list restores the defaults."""
    if kind not in RECIPIENT_KINDS:
        raise ValueError(f"unknown kind of recipients: {kind!r}")
    cleaned = [clean_spaces(line).lstrip("-").strip() for line in lines]
    cleaned = [line for line in cleaned if line and line.rstrip(".").casefold() != "lưu chi bộ"]
    set_setting(db, _RECIPIENTS_KEY.format(kind), "\n".join(cleaned))
