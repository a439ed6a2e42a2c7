"""Cell-wide editable settings kept in the database (cài đặt của chi bộ).

They travel with the cell's data (backups, handover), unlike the PC's own settings in
``desktop.config``. The most visible one is the campaign's name (tên cuộc vận động):
"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" (Chỉ thị 05-CT/TW,
Kết luận 01-KL/TW); from 2025–2026 some guidance says "thực hành", so it is data.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.models import CellSetting
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
