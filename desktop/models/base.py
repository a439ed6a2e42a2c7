"""Declarative base and the column types shared by the models."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

from desktop.text.dates import PartialDate

# Named constraints let Alembic's batch mode (SQLite table rebuilds) find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PartialDateType(TypeDecorator):
    """A date that may be only a year ("1950") or year and month, stored as ISO text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: PartialDate | None, dialect) -> str | None:
        return value.iso() if value is not None else None

    def process_result_value(self, value: str | None, dialect) -> PartialDate | None:
        return PartialDate.from_iso(value) if value else None


def local_now() -> datetime:
    """The PC's local time to the second: what the secretary sees on the office clock."""
    return datetime.now().replace(microsecond=0)
