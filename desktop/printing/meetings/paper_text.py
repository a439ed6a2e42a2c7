"""Paragraph blocks and the small wording helpers shared by the meeting papers.

The agenda, the notice and the minutes (PDF and .docx) are built as lists of ``Block`` (a
paragraph made of bold/italic ``Run``) so that every renderer says the same thing; the
helpers here write a date, a clock time, a person, a sentence, the study line and the Party
header the same way on every one of them (docs/domain.md §3).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, time
from enum import Enum

from desktop.printing.page import BLANK_PLACE, DocumentHeader
from desktop.services.cell.settings import DEFAULT_CAMPAIGN_NAME
from desktop.services.meetings.documents import DocumentMeta, MinutesItem, PersonRef
from desktop.text import fold, short_date

BLANK_CLOCK = "…… giờ ……"
BLANK_DATE = "……/……/……"
NBSP = "\u00a0"
# What marks the monthly study item when the item carries no template code.
_STUDY_KEYS = ("ho chi minh", "hoc tap chuyen de", "chuyen de hoc tap")
_WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


class Kind(Enum):
    """How a paragraph is set; the renderers map each kind to a style."""

    SECTION = "section"  # "I. NỘI DUNG": bold, kept with what follows
    ITEM = "item"  # an agenda item's heading in "II. DIỄN BIẾN"
    LABEL = "label"  # "Ý kiến thảo luận:", kept with what follows
    LINE = "line"  # an ordinary justified line with a first-line indent


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    kind: Kind
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def keep_with_next(self) -> bool:
        return self.kind in (Kind.SECTION, Kind.ITEM, Kind.LABEL)


def line(*parts: str | Run) -> Block:
    return Block(Kind.LINE, _runs(parts))


def _runs(parts: tuple[str | Run, ...]) -> tuple[Run, ...]:
    # Runs keep their spaces ("Trình bày: " + name); only whole paragraphs are stripped.
    runs = (Run(p) if isinstance(p, str) else p for p in parts)
    return tuple(
        Run(unicodedata.normalize("NFC", r.text), r.bold, r.italic) for r in runs if r.text
    )


# ---------------------------------------------------------------- small wording helpers


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


def glue(text: str) -> str:
    """``text`` with non-breaking spaces: a line never ends between "khác" and its "0"."""
    return text.replace(" ", NBSP)


def clock(t: time | None) -> str:
    """A time of day as the minutes write it: "8 giờ 00", "14 giờ 30" (never split)."""
    if t is None:
        return BLANK_CLOCK
    return glue(f"{t.hour} giờ {t.minute:02d}")


def day(d: date | None) -> str:
    return short_date(d) if d is not None else BLANK_DATE


def weekday(d: date) -> str:
    return _WEEKDAYS[d.weekday()]


def sentence(text: str) -> str:
    """``text`` ending with a full stop (unless it already ends with punctuation)."""
    text = nfc(text)
    if not text or text[-1] in ".!?:;…":
        return text
    return text + "."


def bare(text: str) -> str:
    """``text`` without a closing full stop or semicolon, to be built into a sentence."""
    return nfc(text).rstrip(" .;")


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a multi-line text typed by the user."""
    return [nfc(part) for part in (text or "").splitlines() if nfc(part)]


def name_or_blank(name: str) -> str:
    return nfc(name) or BLANK_PLACE


def person(ref: PersonRef) -> str:
    """E.g. "đồng chí Nguyễn Văn Bình, Bí thư chi bộ"; the role only when known."""
    text = f"đồng chí {name_or_blank(ref.name)}"
    role = bare(ref.role)
    return f"{text}, {role}" if role else text


def is_study_item(item: MinutesItem) -> bool:
    """The monthly "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" item."""
    if getattr(item, "code", "") == "study":
        return True
    folded = fold(item.title)
    return any(key in folded for key in _STUDY_KEYS)


def study_detail(topic: str, section: str) -> Block | None:
    """The line naming the year's topic and the section studied at this meeting."""
    topic, section = bare(topic), bare(section)
    if not topic and not section:
        return None
    parts: list[str | Run] = []
    if topic:
        parts += [Run("Chuyên đề: ", italic=True), f"“{topic}”"]
    if section:
        parts += ["; " if topic else "", Run("nội dung học tập: ", italic=True), section]
    parts.append(".")
    return line(*parts)


def study_detail_for(items, topic: str, section: str) -> Block | None:
    """The study line, leaving out the section when the item's own title already names it
    (the meeting services put it there), so it is not printed twice."""
    folded_section = fold(section)
    if folded_section and any(
        folded_section in fold(item.title) for item in items if is_study_item(item)
    ):
        section = ""
    return study_detail(topic, section)


def unplaced_study(detail: Block) -> Block:
    """The study line when no agenda item names it: it must still be on record, since
    inspectors check that every month's meeting studied the topic."""
    return line(f"{DEFAULT_CAMPAIGN_NAME}. ", *detail.runs)


def time_line(on: date | None, start: time | None, with_weekday: bool = False) -> str:
    when = day(on)
    if with_weekday and on is not None:
        when = f"{weekday(on)}, ngày {when}"
    else:
        when = f"ngày {when}"
    return f"bắt đầu lúc {clock(start)}, {when}"


# ---------------------------------------------------------------- the Party header


def document_header(meta: DocumentMeta, doc_type_code: str) -> DocumentHeader:
    """The Party header of a meeting paper; a draft has a blank number and "Dự thảo"."""
    cell = meta.cell
    return DocumentHeader(
        superior_name=cell.superior_name,
        cell_name=cell.name,
        place_name=cell.place_name,
        issued_on=meta.issued_on,
        number="" if meta.draft else nfc(meta.number),
        doc_type_code=doc_type_code,
        draft=meta.draft,
    )
