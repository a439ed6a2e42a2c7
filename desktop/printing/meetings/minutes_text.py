"""The wording of the minutes (biên bản sinh hoạt chi bộ), shared by the PDF and the .docx.

Every sentence of the minutes is built here once, as a list of ``Block`` (a paragraph made
of bold/italic ``Run``), so the printed PDF and the Word file can never say different
things. Layout follows docs/domain.md §3: thời gian, địa điểm, chủ trì, thư ký, đại biểu, điểm
danh; I. NỘI DUNG; II. DIỄN BIẾN; III. KẾT LUẬN, NGHỊ QUYẾT; closing; đính chính.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, time
from enum import Enum

from desktop.printing.page import BLANK_PLACE, DocumentHeader, Signature
from desktop.services.cell.settings import DEFAULT_CAMPAIGN_NAME
from desktop.services.meetings.documents import (
    AttendanceSummary,
    DocumentMeta,
    MinutesDocument,
    MinutesItem,
    PersonRef,
    RatingResults,
    TaskLine,
    Vote,
)
from desktop.text import fold, format_number, format_percent, short_date

TITLE = "Biên bản"
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


# ---------------------------------------------------------------- header and signatures


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


def minutes_header(doc: MinutesDocument) -> DocumentHeader:
    return document_header(doc.meta, "BB")


def minutes_signatures(doc: MinutesDocument) -> tuple[Signature, Signature]:
    """THƯ KÝ on the left, CHỦ TRÌ on the right (docs/domain.md §7)."""
    return (
        Signature(["Thư ký"], nfc(doc.secretary.name)),
        Signature(["Chủ trì"], nfc(doc.chair.name)),
    )


# ---------------------------------------------------------------- the minutes' sentences


def attendance_lines(a: AttendanceSummary, blank_roll: bool = False) -> list[str]:
    """The lines "- Tổng số đảng viên: …; phải có mặt: … (= …)" and "Có mặt: 20/23 đồng
    chí; vắng …", then who of those present are chính thức / dự bị / tạm thời.

    ``blank_roll``: a draft of a meeting whose roll was not taken prints blanks for the
    counts of the day, not "Có mặt: 0/21".
    """
    n = format_number
    total = (
        f"- Tổng số đảng viên: {n(a.total)} (chính thức {n(a.official)}, "
        f"dự bị {n(a.probationary)}); miễn sinh hoạt: {n(a.exempted)}"
    )
    if a.temporary_here:
        total += f"; sinh hoạt tạm thời: {n(a.temporary_here)}"
    if a.away:
        # Counted in the total but not expected here, so the arithmetic adds up on paper.
        names = ", ".join(f"đ/c {nfc(name)}" for name in a.away_names)
        total += f"; sinh hoạt tạm thời nơi khác: {n(a.away)}" + (f" ({names})" if names else "")
    total += f"; phải có mặt: {n(a.expected)} ({expected_arithmetic(a)})"
    if blank_roll and a.not_marked >= a.expected:
        blank = "……"
        present = (
            f"Có mặt: {blank}/{n(a.expected)} đồng chí (chính thức {blank}, dự bị {blank}); "
            f"vắng có lý do: {blank}; vắng không lý do: {blank}."
        )
        return [total + ".", present]
    excused = "; ".join(
        f"đ/c {nfc(e.name)} — {bare(e.reason)}" if bare(e.reason) else f"đ/c {nfc(e.name)}"
        for e in a.absent_excused
    )
    unexcused = "; ".join(f"đ/c {nfc(e.name)}" for e in a.absent_unexcused)
    present = f"Có mặt: {n(a.present)}/{n(a.expected)} đồng chí"
    present += f"; vắng có lý do: {n(len(a.absent_excused))}"
    if excused:
        present += f" ({excused})"
    present += f"; vắng không lý do: {n(len(a.absent_unexcused))}"
    if unexcused:
        present += f" ({unexcused})"
    return [total + ".", present + ".", present_split(a)]


def expected_arithmetic(a: AttendanceSummary) -> str:
    """"= 21 tổng số − 1 miễn sinh hoạt − 1 sinh hoạt nơi khác + 2 sinh hoạt tạm thời"."""
    n = format_number
    text = f"= {n(a.total)} tổng số"
    if a.exempted:
        text += f" − {n(a.exempted)} miễn sinh hoạt"
    if a.away:
        text += f" − {n(a.away)} sinh hoạt tạm thời nơi khác"
    if a.temporary_here:
        text += f" + {n(a.temporary_here)} sinh hoạt tạm thời tại chi bộ"
    return text


def present_split(a: AttendanceSummary) -> str:
    """Those present by kind: only official members vote (Điều lệ Đảng, Điều 10)."""
    n = format_number
    temporary = a.present_temporary
    probationary = max(a.present - a.present_official - temporary, 0)
    text = f"Trong số có mặt: chính thức {n(a.present_official)}, dự bị {n(probationary)}"
    if temporary or a.temporary_here:
        text += f", sinh hoạt tạm thời {n(temporary)}"
    return text + "."


def vote_line(vote: Vote, present: int) -> str:
    """E.g. "Biểu quyết: tán thành 20/20 đồng chí có mặt (100%); không tán thành 0; …"."""
    n = format_number
    # Probationary members do not vote (Điều lệ Đảng, Điều 5): when some are present the
    # base is named for what it is.
    base = "đồng chí có mặt" if vote.voters == present else "đảng viên chính thức có mặt"
    share = f" ({format_percent(vote.in_favour / vote.voters)})" if vote.voters else ""
    return (
        f"Biểu quyết: tán thành {n(vote.in_favour)}/{n(vote.voters)} {base}{share}; "
        f"{glue(f'không tán thành {n(vote.against)}')}; {glue(f'ý kiến khác {n(vote.other)}')}."
    )


def task_review_line(review) -> str:
    """An earlier task checked at this meeting: done on a date, or not yet, with a note."""
    text = f"- đ/c {name_or_blank(review.assignee)} — {bare(review.description)}"
    if review.done_on is not None:
        text += f": đã hoàn thành ngày {day(review.done_on)}"
    else:
        text += ": chưa hoàn thành"
    if bare(review.note):
        text += f" ({bare(review.note)})"
    return text + "."


def task_line(task: TaskLine) -> str:
    """One assignment: "- đ/c X — description — hạn 30/4/2026."."""
    text = f"- đ/c {name_or_blank(task.assignee)} — {bare(task.description)}"
    if task.due_on is not None:
        text += " — " + glue(f"hạn {short_date(task.due_on)}")
    return text + "."


def closing_line(doc: MinutesDocument) -> str:
    """The closing time, and the approval only when the minutes really were approved."""
    text = f"Buổi sinh hoạt kết thúc lúc {clock(doc.end_time)} cùng ngày"
    if doc.meta.draft:
        return text + "."
    read_at = f" lúc {clock(doc.minutes_read_at)}" if doc.minutes_read_at else ""
    if doc.approved:
        return f"{text}; biên bản đã được thông qua trước chi bộ{read_at}."
    if doc.minutes_read_at:
        return f"{text}; biên bản đã được đọc lại trước chi bộ{read_at}."
    return text + "."


def opening_blocks(doc: MinutesDocument) -> list[Block]:
    guests = "; ".join(person(g) for g in doc.guests)
    lines = [
        f"- Thời gian: {time_line(doc.held_on, doc.start_time)}.",
        f"- Địa điểm: {sentence(name_or_blank(doc.place))}",
        f"- Chủ trì: {sentence(person(doc.chair))}",
        f"- Thư ký: {sentence(person(doc.secretary))}",
        f"- Đại biểu dự: {sentence(guests) if guests else 'Không có.'}",
    ]
    if nfc(doc.theme):
        prepared = f"; đồng chí {nfc(doc.theme_presenter)} chuẩn bị" if doc.theme_presenter else ""
        lines.append(f"- Chuyên đề sinh hoạt: “{bare(doc.theme)}”{prepared}.")
    lines += attendance_lines(doc.attendance, blank_roll=doc.meta.draft)
    return [line(text) for text in lines]


def contents_blocks(doc: MinutesDocument) -> list[Block]:
    """I. NỘI DUNG: the agenda, with the topic and section of the study item."""
    blocks = [Block(Kind.SECTION, (Run("I. NỘI DUNG", bold=True),))]
    detail = study_detail_for(doc.items, doc.study_topic, doc.study_section)
    shown = False
    for item in doc.items:
        blocks.append(line(f"{item.number}. {sentence(item.title)}"))
        if detail and not shown and is_study_item(item):
            blocks.append(detail)
            shown = True
    if detail and not shown:
        blocks.append(unplaced_study(detail))
    return blocks


def item_blocks(item: MinutesItem, detail: Block | None) -> list[Block]:
    """One agenda item in II. DIỄN BIẾN: presenter, content, remarks, conclusion."""
    blocks = [Block(Kind.ITEM, (Run(f"{item.number}. {bare(item.title)}", bold=True),))]
    if nfc(item.presenter):
        blocks.append(line(Run("Trình bày: ", italic=True), f"đồng chí {nfc(item.presenter)}."))
    if detail is not None:
        blocks.append(detail)
    blocks += [line(sentence(text)) for text in paragraphs(item.content)]
    if item.remarks:
        blocks.append(Block(Kind.LABEL, (Run("Ý kiến thảo luận:", italic=True),)))
        for remark in item.remarks:
            said = sentence(" ".join(paragraphs(remark.text)))
            blocks.append(
                line(Run(f"- Đồng chí {name_or_blank(remark.speaker)}: ", italic=True), said)
            )
    for i, text in enumerate(paragraphs(item.conclusion)):
        label = Run("Kết luận: ", italic=True) if i == 0 else ""
        blocks.append(line(label, sentence(text)))
    return blocks


def progress_blocks(doc: MinutesDocument) -> list[Block]:
    """II. DIỄN BIẾN."""
    blocks = [Block(Kind.SECTION, (Run("II. DIỄN BIẾN", bold=True),))]
    detail = study_detail_for(doc.items, doc.study_topic, doc.study_section)
    shown = False
    reviews = review_blocks(doc)
    # The ratings voted at this meeting belong to its business, before the minutes are read
    # and approved and before the closing, never after them.
    ratings = rating_blocks(doc.rating_results)
    for item in doc.items:
        if ratings and item.code in _AFTER_BUSINESS:
            blocks += ratings
            ratings = []
        study = detail is not None and not shown and is_study_item(item)
        shown = shown or study
        blocks += item_blocks(item, detail if study else None)
        if reviews and item.code == "last_month":
            blocks += reviews
            reviews = []
    return blocks + reviews + ratings


def review_blocks(doc: MinutesDocument) -> list[Block]:
    """Tasks of earlier meetings checked at this one; printed under last month's results."""
    if not doc.task_reviews:
        return []
    label = Block(
        Kind.LABEL, (Run("Kiểm điểm việc thực hiện nhiệm vụ được phân công:", italic=True),)
    )
    return [label] + [line(task_review_line(review)) for review in doc.task_reviews]


_AFTER_BUSINESS = ("read_minutes", "closing")  # agenda items that end the meeting


def rating_blocks(results: RatingResults | None) -> list[Block]:
    """KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN, at the rating meeting only (in II.
    DIỄN BIẾN): each member's proposed level with the votes, the counts, the quota."""
    if results is None or not results.lines:
        return []
    n = format_number
    title = f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {results.year}"
    blocks = [
        Block(Kind.LABEL, (Run(title, bold=True),)),
        line(f"Chi bộ biểu quyết đề xuất mức xếp loại chất lượng năm {results.year} như sau:"),
    ]
    for number, result in enumerate(results.lines, start=1):
        votes = ""
        if result.votes_for is not None:
            total = f"/{n(result.votes_total)}" if result.votes_total else ""
            votes = f" ({glue(f'tán thành {n(result.votes_for)}{total}')})"
        blocks.append(line(f"{number}. Đồng chí {nfc(result.name)}: {result.level}{votes}."))
    counts = "; ".join(f"{name}:{NBSP}{n(count)}" for name, count in results.counts)
    blocks.append(line(f"Tổng hợp ({n(len(results.lines))} đồng chí): {counts}."))
    if results.quota_line:
        source = f" ({results.quota_source})" if results.quota_source else ""
        text = f"Tỷ lệ xuất sắc: {results.quota_line}{source}."
        if results.quota_exceeded:
            text += " Vượt tỷ lệ quy định: cấp ủy cấp trên xem xét, quyết định."
        blocks.append(line(text))
    return blocks


def resolution_blocks(doc: MinutesDocument) -> list[Block]:
    """III. KẾT LUẬN, NGHỊ QUYẾT: resolution, vote, tasks."""
    heading = "III. KẾT LUẬN, NGHỊ QUYẾT"
    blocks = [Block(Kind.SECTION, (Run(heading, bold=True),))]
    blocks += [line(sentence(text)) for text in paragraphs(doc.resolution)]
    if doc.vote is not None:
        blocks.append(line(vote_line(doc.vote, doc.attendance.present)))
    if doc.tasks:
        blocks.append(Block(Kind.LABEL, (Run("Phân công:", italic=True),)))
        blocks += [line(task_line(task)) for task in doc.tasks]
    return blocks


def correction_blocks(doc: MinutesDocument) -> list[Block]:
    corrections = [sentence(" ".join(paragraphs(c))) for c in doc.corrections if nfc(c)]
    if not corrections:
        return []
    blocks = [Block(Kind.LABEL, (Run("Đính chính:", bold=True, italic=True),))]
    return blocks + [line(f"- {text}") for text in corrections]


@dataclass(frozen=True)
class MinutesText:
    """The body of the minutes; ``tail`` goes to a new page together with the signatures."""

    body: list[Block]
    tail: list[Block]

    @property
    def blocks(self) -> list[Block]:
        return self.body + self.tail


def minutes_text(doc: MinutesDocument) -> MinutesText:
    body = opening_blocks(doc) + contents_blocks(doc) + progress_blocks(doc)
    body += resolution_blocks(doc)
    closing = line(closing_line(doc))
    corrections = correction_blocks(doc)
    if corrections:
        return MinutesText(body + [closing], corrections)
    return MinutesText(body, [closing])
