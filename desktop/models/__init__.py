"""ORM models (SQLAlchemy 2, typed). No Qt, no printing, no I/O beyond the session."""

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
