"""What a roster import plans and what it did: one record per line of the file.

``plan_import`` (``importing``) fills an ``ImportPlan`` without writing anything; the
secretary reads it, answers the questioned lines, and ``apply_import`` returns an
``ImportReport``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.services.members.events import EventData
from desktop.services.members.import_status import StatusEvent
from desktop.services.members.registry import MemberData

SAMPLE_LINES = 8

NEW = "new"
DUPLICATE = "duplicate"
REJECTED = "rejected"
# A name that matches an earlier one only without tone marks: the secretary decides
# (``import_anyway``); left out unless confirmed, and always listed.
POSSIBLE_DUPLICATE = "possible_duplicate"



@dataclass
class RowPlan:
    """One line of the file and what the import will do with it."""

    row_number: int  # as Excel shows it (1-based)
    data: MemberData | None
    repairs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outcome: str = NEW  # NEW, DUPLICATE or REJECTED
    # For a duplicate: whom it matched and how ("trùng số thẻ 0123…: Lê Văn An").
    match_reason: str = ""
    matched_member_id: int | None = None
    matched_row: int | None = None
    raw_name: str = ""
    # For a POSSIBLE_DUPLICATE: the secretary confirmed it is another person.
    import_anyway: bool = False
    # From a "Trạng thái" column: the dated event it means (import_status).
    status_event: StatusEvent | None = None
    # From the export's "Quá trình sinh hoạt" sheet: the member's whole history, which
    # replaces the admission/official dates and the status of the line (export_history).
    history: list[EventData] | None = None

    @property
    def name(self) -> str:
        return self.data.full_name if self.data else self.raw_name


@dataclass
class ImportPlan:
    source: Path
    sheet_name: str
    header_row: int  # Excel row number of the (last) header row
    headers: list[str]  # header text of every column, "" when the column has none
    mapping: dict[str, int]  # field -> 0-based column
    rows: list[RowPlan]
    warnings: list[str] = field(default_factory=list)
    # Lines that are not members: numbering row, totals, section titles, signatures.
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # The first lines under the header as text, for the column-mapping preview.
    sample: list[list[str]] = field(default_factory=list)

    def _count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def new_count(self) -> int:
        return self._count(NEW)

    @property
    def duplicate_count(self) -> int:
        return self._count(DUPLICATE)

    @property
    def rejected_count(self) -> int:
        return self._count(REJECTED)

    @property
    def question_count(self) -> int:
        return self._count(POSSIBLE_DUPLICATE)

    def import_possible_duplicates(self, yes: bool = True) -> None:
        """The secretary's answer: the questioned lines are other people (or not)."""
        for row in self.rows:
            if row.outcome == POSSIBLE_DUPLICATE:
                row.import_anyway = yes

    @property
    def repaired_count(self) -> int:
        return sum(1 for r in self.rows if r.outcome == NEW and r.repairs)


@dataclass
class ImportReport:
    imported: int
    duplicates: int
    rejected: int
    repaired: int
    lines: list[str]
    warnings: list[str] = field(default_factory=list)
    source: Path | None = None
    member_ids: list[int] = field(default_factory=list)


