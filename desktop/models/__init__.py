"""ORM models (SQLAlchemy 2, typed). No Qt, no printing, no I/O beyond the session.

Each part's mappers load when one of its names is first used (``from desktop.models import
Member`` loads ``member`` only), so the main window starts without the ORM classes of every
part (docs/architecture.md, "Start-up"). A module loads with the ones whose tables its
foreign keys name, so a flush always knows every table it refers to; ``Base`` loads all
(its metadata is then the whole schema, for Alembic and for ``create_all``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # also shows PyInstaller every model module
    from desktop.models.base import Base
    from desktop.models.cell import Cell
    from desktop.models.dues import (
        DuesAction,
        DuesAssignment,
        DuesCorrection,
        DuesMonthClosing,
        DuesPayment,
        DuesPaymentMonth,
        DuesRemittance,
    )
    from desktop.models.enums import EventKind, Gender, PartyPost, ReviewGroup
    from desktop.models.exchange import ExportRecord, ReceivedPackage
    from desktop.models.meeting import (
        AgendaItem,
        Attendance,
        Guest,
        Meeting,
        MeetingTask,
        MinutesCorrection,
        Remark,
        TaskReview,
    )
    from desktop.models.member import Member, MemberEvent
    from desktop.models.paper import IssuedPaper
    from desktop.models.review import (
        CollectiveReview,
        Commitment,
        CommitmentItem,
        CommitmentProgress,
        Rating,
        SelfReview,
    )
    from desktop.models.setting import CellSetting
    from desktop.models.topic import StudyRecord, Topic, TopicDocument, TopicSection

# Which module defines each name, and which modules' tables each module's keys refer to.
_MODULES = {
    "base": ("Base",),
    "cell": ("Cell",),
    "dues": (
        "DuesAction", "DuesAssignment", "DuesCorrection", "DuesMonthClosing", "DuesPayment",
        "DuesPaymentMonth", "DuesRemittance",
    ),
    "enums": ("EventKind", "Gender", "PartyPost", "ReviewGroup"),
    "exchange": ("ExportRecord", "ReceivedPackage"),
    "meeting": (
        "AgendaItem", "Attendance", "Guest", "Meeting", "MeetingTask", "MinutesCorrection",
        "Remark", "TaskReview",
    ),
    "member": ("Member", "MemberEvent"),
    "paper": ("IssuedPaper",),
    "review": (
        "CollectiveReview", "Commitment", "CommitmentItem", "CommitmentProgress", "Rating",
        "SelfReview",
    ),
    "setting": ("CellSetting",),
    "topic": ("StudyRecord", "Topic", "TopicDocument", "TopicSection"),
}  # fmt: skip
_REFERS_TO = {
    "meeting": ("member", "topic"),
    "topic": ("member", "meeting"),
    "review": ("member", "meeting", "topic"),
    "dues": ("member",),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}


def _load(module: str) -> None:
    importlib.import_module(f"desktop.models.{module}")
    for other in _REFERS_TO.get(module, ()):
        importlib.import_module(f"desktop.models.{other}")


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'desktop.models' has no attribute {name!r}")
    if name == "Base":
        for every in _MODULES:
            _load(every)
    else:
        _load(module)
    value = getattr(importlib.import_module(f"desktop.models.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


__all__ = [
    "DuesAction",
    "DuesAssignment",
    "DuesCorrection",
    "DuesMonthClosing",
    "DuesPayment",
    "DuesPaymentMonth",
    "DuesRemittance",
    "CollectiveReview",
    "Commitment",
    "CommitmentItem",
    "CommitmentProgress",
    "ExportRecord",
    "IssuedPaper",
    "Rating",
    "ReceivedPackage",
    "SelfReview",
    "AgendaItem",
    "Attendance",
    "Base",
    "Cell",
    "CellSetting",
    "Guest",
    "Meeting",
    "MeetingTask",
    "MinutesCorrection",
    "Remark",
    "TaskReview",
    "StudyRecord",
    "Topic",
    "TopicDocument",
    "TopicSection",
    "EventKind",
    "Gender",
    "Member",
    "MemberEvent",
    "PartyPost",
    "ReviewGroup",
]
