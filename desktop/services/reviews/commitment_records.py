"""The records of yearly commitments (bản cam kết): results, sections, items, progress
notes, a whole commitment, the cell's table of them and one in "Đã xóa".

Plain data, no session: ``commitments`` reads and writes them, ``commitment_bin`` keeps
the deleted ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class ItemResult(StrEnum):
    """Tự đánh giá một nội dung cam kết."""

    BEYOND = "vuot"
    DONE = "dat"
    NOT_DONE = "chua_dat"

    @property
    def label(self) -> str:
        return {"vuot": "Vượt mức", "dat": "Đạt", "chua_dat": "Chưa đạt"}[self.value]


class CommitmentResult(StrEnum):
    """Chi ủy đánh giá kết quả thực hiện cam kết cả năm."""

    GOOD = "tot"
    DONE = "dat"
    NOT_DONE = "chua_dat"

    @property
    def label(self) -> str:
        return {"tot": "Thực hiện tốt", "dat": "Thực hiện đạt", "chua_dat": "Chưa đạt"}[self.value]


@dataclass(frozen=True)
class SectionTemplate:
    """A section of the year's commitment template, e.g. "5. Nội dung làm theo chuyên đề…"."""

    code: str
    number: int
    title: str


@dataclass
class CommitmentItemData:
    section_code: str
    text: str
    topic_linked: bool = False
    self_assessment: str = ""
    self_assessment_note: str = ""
    id: int | None = None


@dataclass
class CommitmentData:
    written_on: date | None = None
    acknowledged_on: date | None = None
    items: list[CommitmentItemData] = field(default_factory=list)


@dataclass(frozen=True)
class ProgressNote:
    id: int
    item_id: int
    noted_on: date
    text: str
    meeting_id: int | None
    meeting_label: str


@dataclass(frozen=True)
class ItemDetail:
    id: int
    section_code: str
    text: str
    topic_linked: bool
    self_assessment: str
    self_assessment_note: str
    progress: tuple[ProgressNote, ...]

    def data(self) -> CommitmentItemData:
        return CommitmentItemData(
            self.section_code,
            self.text,
            self.topic_linked,
            self.self_assessment,
            self.self_assessment_note,
            self.id,
        )


@dataclass(frozen=True)
class CommitmentDetail:
    id: int
    member_id: int
    member_name: str
    year: int
    pack_id: str
    sections: tuple[SectionTemplate, ...]
    written_on: date | None
    acknowledged_on: date | None
    items: tuple[ItemDetail, ...]
    evaluation: str
    evaluation_comment: str
    evaluated_on: date | None
    warnings: tuple[str, ...]

    @property
    def assessed(self) -> bool:
        return bool(self.items) and all(i.self_assessment for i in self.items)

    @property
    def evaluation_label(self) -> str:
        return CommitmentResult(self.evaluation).label if self.evaluation else ""

    def items_of(self, section_code: str) -> list[ItemDetail]:
        return [i for i in self.items if i.section_code == section_code]

    def data(self) -> CommitmentData:
        return CommitmentData(self.written_on, self.acknowledged_on, [i.data() for i in self.items])


@dataclass(frozen=True)
class CommitmentRow:
    """One line of the cell's commitment table (bảng tổng hợp cam kết)."""

    member_id: int
    full_name: str
    written: bool
    written_on: date | None
    acknowledged_on: date | None
    items: int
    topic_items: int
    assessed: bool
    evaluation: str
    evaluation_label: str
    evaluation_comment: str
    exempted: bool
    warnings: tuple[str, ...]

    @property
    def state_label(self) -> str:
        if self.exempted and not self.written:
            return "Được miễn"
        if not self.written:
            return "Chưa viết"
        if self.evaluation:
            return self.evaluation_label
        if self.assessed:
            return "Đã tự đánh giá"
        return "Đã viết"


@dataclass(frozen=True)
class CommitmentOverview:
    year: int
    rows: tuple[CommitmentRow, ...]

    @property
    def not_written(self) -> list[CommitmentRow]:
        return [r for r in self.rows if not r.written and not r.exempted]

    @property
    def not_assessed(self) -> list[CommitmentRow]:
        return [r for r in self.rows if r.written and not r.assessed]

    @property
    def not_evaluated(self) -> list[CommitmentRow]:
        return [r for r in self.rows if r.written and not r.evaluation]


@dataclass(frozen=True)
class DeletedCommitment:
    """A commitment in "Đã xóa": whose, which year, how many items, when deleted."""

    id: int
    member_id: int
    member_name: str
    year: int
    items: int
    deleted_at: datetime
