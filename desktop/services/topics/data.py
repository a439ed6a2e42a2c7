"""Plain records of a study topic (chuyên đề học tập và làm theo) and their rules.

A topic has a level (toàn khóa / tỉnh / địa phương), a period in whole years that may
start mid-year and may be carried into a later year, the launching documents (văn bản
triển khai) and the content sections (nội dung) studied at monthly meetings. Nothing
here touches the database: ``topics.py`` stores these, ``topic_files.py`` reads them
from JSON, and the form validates with ``validate_topic``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from desktop.errors import FieldError
from desktop.text import clean_spaces, nfc, short_date

YEAR_MIN = 2000
YEAR_MAX = 2100
NUMBER_MAX_LENGTH = 60
NAME_MAX_LENGTH = 200
SEED_KEY_MAX_LENGTH = 80


class TopicLevel(StrEnum):
    """Cấp của chuyên đề; the most specific level wins when several are current."""

    LOCAL = "dia_phuong"
    PROVINCIAL = "tinh"
    NATIONAL = "toan_khoa"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def specificity(self) -> int:
        """0 for the most specific (địa phương), 2 for the term-long national topic."""
        return _SPECIFICITY[self]


LEVEL_LABELS = {
    TopicLevel.LOCAL: "Địa phương",
    TopicLevel.PROVINCIAL: "Tỉnh",
    TopicLevel.NATIONAL: "Toàn khóa",
}
_SPECIFICITY = {TopicLevel.LOCAL: 0, TopicLevel.PROVINCIAL: 1, TopicLevel.NATIONAL: 2}

# The document type is the code after the number: "258-KH/TU" is a kế hoạch. "QĐ" is
# left out on purpose: it is either a quyết định or a quy định.
_DOCUMENT_KINDS = {
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "BC": "Báo cáo",
    "CV": "Công văn",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "NQ": "Nghị quyết",
    "TB": "Thông báo",
    "CTR": "Chương trình",
}


@dataclass(frozen=True)
class TopicDocumentInfo:
    """Văn bản triển khai: e.g. Kế hoạch số 258-KH/TU ngày 27/3/2024."""

    number: str
    issuer: str = ""
    issued_on: date | None = None
    title: str = ""
    id: int | None = None

    @property
    def kind_label(self) -> str:
        """ "Kế hoạch", "Hướng dẫn", … read from the number; "Văn bản" when unknown."""
        code = self.number.partition("-")[2].partition("/")[0].strip().upper()
        return _DOCUMENT_KINDS.get(code, "Văn bản")

    @property
    def citation(self) -> str:
        """How a report cites it: "Kế hoạch số 258-KH/TU ngày 27/3/2024 của Ban …"."""
        text = f"{self.kind_label} số {self.number}"
        if self.issued_on:
            text += f" ngày {short_date(self.issued_on)}"
        if self.issuer:
            text += f" của {self.issuer}"
        return text


@dataclass(frozen=True)
class TopicSectionInfo:
    """Một mục nội dung của chuyên đề, studied at one monthly meeting."""

    title: str
    summary: str = ""
    position: int = 0
    id: int | None = None


@dataclass(frozen=True)
class TopicInfo:
    id: int
    seed_key: str | None
    level: TopicLevel
    title: str
    short_title: str
    issuer: str
    start_year: int
    start_month: int
    end_year: int
    carried_into_year: int | None
    study_deadline: date | None
    note: str
    documents: tuple[TopicDocumentInfo, ...] = ()
    sections: tuple[TopicSectionInfo, ...] = ()

    @property
    def level_label(self) -> str:
        return self.level.label

    @property
    def period_label(self) -> str:
        return period_label(self)

    @property
    def last_year(self) -> int:
        return last_year(self)

    @property
    def display_title(self) -> str:
        """The short title when there is one (lists), else the full title."""
        return self.short_title or self.title

    def covers(self, on: date) -> bool:
        return covers(self, on)


@dataclass
class TopicData:
    """The editable fields of a topic, as the form and a topic file hand them over.

    ``documents`` and ``sections`` set to None leave a stored topic's lists unchanged on
    update. A section that keeps its ``id`` keeps its link to the meetings that studied it.
    """

    title: str = ""
    level: str = TopicLevel.PROVINCIAL.value
    short_title: str = ""
    issuer: str = ""
    start_year: int | None = None
    start_month: int = 1
    end_year: int | None = None
    carried_into_year: int | None = None
    study_deadline: date | None = None
    note: str = ""
    documents: list[TopicDocumentInfo] | None = field(default=None)
    sections: list[TopicSectionInfo] | None = field(default=None)
    seed_key: str | None = None


def last_year(topic) -> int:
    """The last calendar year in which the topic is current (carried years included)."""
    end = topic.end_year if topic.end_year is not None else topic.start_year
    return max(end, topic.carried_into_year or end)


def covers(topic, on: date) -> bool:
    """Whether the topic is current on ``on``: from its first month to the end of its
    last year, a year it was carried into included."""
    if (on.year, on.month) < (topic.start_year, topic.start_month or 1):
        return False
    return on.year <= last_year(topic)


def current_order(topic) -> tuple:
    """Sort key among the topics current on a date: địa phương, then tỉnh, then toàn khóa;
    within a level the most recently started, so a newer topic of the same level wins."""
    level = TopicLevel(topic.level)
    return (level.specificity, -topic.start_year, -(topic.start_month or 1), -topic.id)


def period_label(topic) -> str:
    """ "năm 2024", "2024 – 2025", "năm 2024 (tiếp tục năm 2025)"."""
    end = topic.end_year if topic.end_year is not None else topic.start_year
    text = f"năm {topic.start_year}" if end == topic.start_year else f"{topic.start_year} – {end}"
    if topic.carried_into_year and topic.carried_into_year > end:
        text += f" (tiếp tục năm {topic.carried_into_year})"
    return text


def period_detail(topic) -> str:
    """The period in full for a form or a report: "từ tháng 6/2022 đến hết năm 2023"."""
    start = f"tháng {topic.start_month}/{topic.start_year}"
    if (topic.start_month or 1) == 1:
        start = f"đầu năm {topic.start_year}"
    return f"từ {start} đến hết năm {last_year(topic)}"


def normalize_topic(data: TopicData) -> TopicData:
    """NFC text with single spaces; the note and summaries keep their line breaks."""
    end_year = data.end_year if data.end_year is not None else data.start_year
    return replace(
        data,
        title=clean_spaces(data.title),
        level=clean_spaces(data.level),
        short_title=clean_spaces(data.short_title),
        issuer=clean_spaces(data.issuer),
        end_year=end_year,
        note=nfc(data.note).strip(),
        seed_key=clean_spaces(data.seed_key) or None,
        documents=None if data.documents is None else normalize_documents(data.documents),
        sections=None if data.sections is None else normalize_sections(data.sections),
    )


def normalize_documents(documents: Sequence[TopicDocumentInfo]) -> list[TopicDocumentInfo]:
    return [
        replace(
            d,
            number=_clean_number(d.number),
            issuer=clean_spaces(d.issuer),
            title=clean_spaces(d.title),
        )
        for d in documents
    ]


def normalize_sections(sections: Sequence[TopicSectionInfo]) -> list[TopicSectionInfo]:
    return [
        replace(s, title=clean_spaces(s.title), summary=nfc(s.summary).strip()) for s in sections
    ]


def _clean_number(number: str) -> str:
    # People copy "số 258-KH/TU" or "Số: 258-KH/TU" from the document's header.
    text = clean_spaces(number)
    for prefix in ("số:", "số"):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    return text


def validate_topic(data: TopicData) -> list[FieldError]:
    """Every rule a topic must meet, each error naming its field in Vietnamese."""
    errors: list[FieldError] = []
    if not data.title:
        errors.append(FieldError("title", "Chưa nhập tên chuyên đề."))
    if data.level not in {level.value for level in TopicLevel}:
        errors.append(
            FieldError("level", "Cấp của chuyên đề phải là: toàn khóa, tỉnh hoặc địa phương.")
        )
    for name, value, label in (
        ("short_title", data.short_title, "Tên ngắn"),
        ("issuer", data.issuer, "Cơ quan ban hành"),
    ):
        if len(value) > NAME_MAX_LENGTH:
            errors.append(FieldError(name, f"{label} dài quá {NAME_MAX_LENGTH} ký tự."))
    if data.seed_key and len(data.seed_key) > SEED_KEY_MAX_LENGTH:
        errors.append(FieldError("seed_key", f"Mã chuyên đề dài quá {SEED_KEY_MAX_LENGTH} ký tự."))
    errors += _period_errors(data)
    errors += document_errors(data.documents or ())
    errors += section_errors(data.sections or ())
    return errors


def section_errors(sections: Sequence[TopicSectionInfo]) -> list[FieldError]:
    return [
        FieldError(f"sections[{i}].title", f"Mục nội dung thứ {i + 1} chưa có tên.")
        for i, section in enumerate(sections)
        if not section.title
    ]


def document_errors(documents: Sequence[TopicDocumentInfo]) -> list[FieldError]:
    errors: list[FieldError] = []
    for i, document in enumerate(documents):
        errors += _document_errors(i, document)
    return errors


def _is_year(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and YEAR_MIN <= value <= YEAR_MAX


def _period_errors(data: TopicData) -> list[FieldError]:
    errors: list[FieldError] = []
    span = f"từ {YEAR_MIN} đến {YEAR_MAX}"
    if not _is_year(data.start_year):
        return [FieldError("start_year", f"Năm bắt đầu phải là một năm {span}.")]
    if not (isinstance(data.start_month, int) and 1 <= data.start_month <= 12):
        errors.append(FieldError("start_month", "Tháng bắt đầu phải từ 1 đến 12."))
    if not _is_year(data.end_year) or data.end_year < data.start_year:
        errors.append(
            FieldError("end_year", "Năm kết thúc phải là một năm không trước năm bắt đầu.")
        )
        return errors
    carried = data.carried_into_year
    if carried is not None and (not _is_year(carried) or carried <= data.end_year):
        errors.append(
            FieldError(
                "carried_into_year",
                "Năm tiếp tục thực hiện phải sau năm kết thúc của chuyên đề.",
            )
        )
        return errors
    deadline = data.study_deadline
    if deadline is not None:
        start = date(data.start_year, 1, 1)
        if not isinstance(deadline, date) or not start <= deadline <= date(last_year(data), 12, 31):
            errors.append(
                FieldError(
                    "study_deadline",
                    "Hạn hoàn thành học tập phải nằm trong thời gian thực hiện chuyên đề.",
                )
            )
    return errors


def _document_errors(i: int, document: TopicDocumentInfo) -> list[FieldError]:
    errors = []
    where = f"Văn bản thứ {i + 1}"
    if not document.number:
        errors.append(FieldError(f"documents[{i}].number", f"{where} chưa có số hiệu."))
    elif len(document.number) > NUMBER_MAX_LENGTH:
        errors.append(
            FieldError(
                f"documents[{i}].number", f"{where}: số hiệu dài quá {NUMBER_MAX_LENGTH} ký tự."
            )
        )
    if len(document.issuer) > NAME_MAX_LENGTH:
        errors.append(
            FieldError(
                f"documents[{i}].issuer",
                f"{where}: tên cơ quan ban hành dài quá {NAME_MAX_LENGTH} ký tự.",
            )
        )
    return errors
