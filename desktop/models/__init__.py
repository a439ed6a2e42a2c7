"""ORM models (SQLAlchemy 2, typed). No Qt, no printing, no I/O beyond the session."""

from desktop.models.base import Base
from desktop.models.cell import Cell
from desktop.models.enums import EventKind, Gender, PartyPost, ReviewGroup
from desktop.models.member import Member, MemberEvent

__all__ = [
    "Base",
    "Cell",
    "EventKind",
    "Gender",
    "Member",
    "MemberEvent",
    "PartyPost",
    "ReviewGroup",
]
