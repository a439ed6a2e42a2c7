"""The cell's dues settings (cài đặt đảng phí), kept in the database with the cell's data.

Per rule pack: the zone the cell lives in (vùng lương tối thiểu under Quy định 01-QĐ/TW,
khu vực under Hướng dẫn 03-HD/VPTW) and the share it keeps (trích để lại) within the range
the pack allows; and the treasurer's name, who collects by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from desktop.errors import DomainError
from desktop.rules.dues_model import DuesPack, RetentionOption, percent_text
from desktop.services.cell.settings import read_setting, write_setting
from desktop.storage.database import Database
from desktop.text import clean_spaces

TREASURER_KEY = "dues.treasurer"


def _zone_key(pack: DuesPack) -> str:
    return f"dues.zone.{pack.id}"


def _retention_key(pack: DuesPack) -> str:
    return f"dues.retention.{pack.id}"


@dataclass(frozen=True)
class RetentionChoice:
    option: RetentionOption
    share: Decimal

    @property
    def text(self) -> str:
        return f"{self.option.name}: để lại {percent_text(self.share)}"


def zone(session: Session, pack: DuesPack) -> str:
    return read_setting(session, _zone_key(pack))


def set_zone(db: Database, pack: DuesPack, code: str) -> None:
    if code not in dict(pack.zones):
        raise DomainError(f"{pack.zone_label} không có mã {code!r}.")
    with db.session() as session:
        write_setting(session, _zone_key(pack), code)


def retention(session: Session, pack: DuesPack) -> RetentionChoice:
    """The option and share stored for ``pack``, or the pack's first option and default."""
    stored = read_setting(session, _retention_key(pack))
    code, _, share_text = stored.partition(":")
    option = pack.retention.option(code)
    try:
        share = Decimal(share_text) if share_text else option.default
    except InvalidOperation:
        share = option.default
    if not option.min <= share <= option.max or option.code != code:
        share = option.default if option.code != code else min(max(share, option.min), option.max)
    return RetentionChoice(option, share)


def set_retention(db: Database, pack: DuesPack, code: str, share: Decimal) -> None:
    option = pack.retention.option(code)
    if option.code != code:
        raise DomainError(f"Quy định {pack.id} không có loại tổ chức {code!r}.")
    if not option.min <= share <= option.max:
        raise DomainError(
            f"Tỷ lệ để lại của {option.name.lower()} phải từ {percent_text(option.min)} "
            f"đến {percent_text(option.max)}."
        )
    with db.session() as session:
        write_setting(session, _retention_key(pack), f"{code}:{share}")


def treasurer(session: Session) -> str:
    return read_setting(session, TREASURER_KEY)


def set_treasurer(db: Database, name: str) -> None:
    with db.session() as session:
        write_setting(session, TREASURER_KEY, clean_spaces(name))
