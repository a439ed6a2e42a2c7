"""Where the superior applies the HTXSNV quota (phạm vi áp dụng tỷ lệ xuất sắc).

QĐ 366-QĐ/TW Điều 11 k1.5 leaves the scope to the competent level. The rule pack gives a
default (resources/rules/ratings, "quota.scope_level"); a cell, or a đảng ủy on its own
copy, records what its guidance says (a cell setting that travels with its data), and
the year's warnings follow it.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from desktop.errors import FieldError, ValidationError
from desktop.rules.rating_model import RulePack
from desktop.rules.rating_rules import pack_for_year
from desktop.rules.rating_settings import SCOPE_LEVELS
from desktop.services.cell.settings import read_setting, set_setting
from desktop.storage.database import Database

QUOTA_SCOPE_KEY = "rating_quota_scope"
AS_THE_PACK = ""


def set_quota_scope(db: Database, scope: str) -> None:
    """Record the scope: "cell", "party_committee", or "" for the pack's default."""
    if scope != AS_THE_PACK and scope not in SCOPE_LEVELS:
        raise ValidationError(
            [FieldError("quota_scope", "Phạm vi áp dụng tỷ lệ là chi bộ hoặc toàn đảng bộ.")]
        )
    set_setting(db, QUOTA_SCOPE_KEY, scope)


def cell_pack(session: Session, year: int) -> RulePack:
    """The year's pack with the quota scope the cell recorded, if any."""
    pack = pack_for_year(year)
    scope = read_setting(session, QUOTA_SCOPE_KEY, AS_THE_PACK)
    if pack.quota is None or scope not in SCOPE_LEVELS or scope == pack.quota.scope_level:
        return pack
    return replace(pack, quota=replace(pack.quota, scope_level=scope))
