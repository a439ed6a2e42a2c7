"""The wording of the minutes (biên bản sinh hoạt chi bộ), shared by the PDF and the .docx.

Every sentence of the minutes is built here once, as a list of ``Block`` (see
``paper_text``), so the printed PDF and the Word file can never say different things. Layout
follows docs/domain.md §3: thời gian, địa điểm, chủ trì, thư ký, đại biểu, điểm danh;
I. NỘI DUNG; II. DIỄN BIẾN; III. KẾT LUẬN, NGHỊ QUYẾT; closing; đính chính.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.printing.meetings.paper_text import (
    NBSP,
    Block,
    Kind,
    Run,
    bare,
    clock,
    day,
    document_header,
    glue,
    is_study_item,
    line,
    name_or_blank,
    nfc,
    paragraphs,
    person,
    sentence,
    study_detail_for,
    time_line,
    unplaced_study,
)
from desktop.printing.page import DocumentHeader, Signature
from desktop.services.meetings.documents import (
    AttendanceSummary,
    MinutesDocument,
    MinutesItem,
    RatingResults,
    TaskLine,
    Vote,
)
from desktop.services.reviews.print_data.common import one_bracket
from desktop.text import format_number, format_percent, short_date

TITLE = "Biên bản"

# Kept importable from here for the papers and screens that name them with the minutes.
__all__ = ["TITLE", "Block", "Kind", "Run", "attendance_lines", "minutes_text"]


# ---------------------------------------------------------------- header and signatures


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
        text = one_bracket(f"Tỷ lệ xuất sắc: {results.quota_line}{source}.")
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
