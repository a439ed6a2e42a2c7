"""The papers sent before a meeting: chương trình sinh hoạt chi bộ (agenda) and thông báo
(notice of time, place and content, "Số …-TB/CB"), on the Party-format page.

Documents must reach members at least one day before the meeting (Hướng dẫn
42-HD/BTCTW); the number of days is read from the meeting rules, not written here.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from reportlab.platypus import Flowable

from desktop.printing.meetings.minutes import block_paragraph
from desktop.printing.meetings.paper_text import (
    Block,
    Kind,
    Run,
    bare,
    document_header,
    is_study_item,
    line,
    name_or_blank,
    nfc,
    sentence,
    study_detail_for,
    time_line,
    unplaced_study,
)
from desktop.printing.page import (
    Signature,
    build_pdf,
    header_flowables,
    recipients_block,
    signature_block,
    strip_cell_word,
    title_flowables,
)
from desktop.rules.meeting_rules import meeting_rules
from desktop.services.meetings.documents import AgendaDocument, MinutesItem, NoticeDocument
from desktop.text import fold, format_number, short_date

AGENDA_TITLE = "Chương trình sinh hoạt chi bộ"
NOTICE_TITLE = "Thông báo"
_MEETING_WORDS = "sinh hoạt chi bộ"


def _secretary(name: str) -> Signature:
    return Signature(["T/M CHI BỘ", "BÍ THƯ"], nfc(name), note="")


def _cell_phrase(cell_name: str) -> str:
    cell = strip_cell_word(cell_name)
    return f"Chi bộ {cell}" if cell else "Chi bộ"


def _meeting_phrase(subtitle: str) -> str:
    """The meeting as a phrase, e.g. "sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"."""
    text = bare(subtitle)
    folded = fold(text)
    for prefix in ("ve viec to chuc ", "ve viec "):
        if folded.startswith(prefix):
            text = text[len(prefix) :]
            break
    return text or _MEETING_WORDS


# ---------------------------------------------------------------- chương trình


def agenda_subtitle(subtitle: str) -> str:
    """The subtitle under "CHƯƠNG TRÌNH SINH HOẠT CHI BỘ" without those words again."""
    text = _meeting_phrase(subtitle)
    if fold(text).startswith(fold(_MEETING_WORDS) + " "):
        text = text[len(_MEETING_WORDS) + 1 :]
    return text


def agenda_blocks(doc: AgendaDocument) -> list[Block]:
    blocks = [
        line(f"- Thời gian: {time_line(doc.planned_on, doc.start_time)}."),
        line(f"- Địa điểm: {sentence(name_or_blank(doc.place))}"),
    ]
    if nfc(doc.theme):
        theme = [Run("- Chuyên đề: "), Run(f"“{bare(doc.theme)}”", bold=True)]
        if nfc(doc.theme_presenter):
            theme.append(Run(f"; đồng chí {nfc(doc.theme_presenter)} chuẩn bị và trình bày"))
        blocks.append(line(*theme, "."))
    blocks.append(Block(Kind.SECTION, (Run("NỘI DUNG", bold=True),)))
    detail = study_detail_for(doc.items, doc.study_topic, doc.study_section)
    shown = False
    for item in doc.items:
        blocks.append(_agenda_item(item))
        if detail and not shown and is_study_item(item):
            blocks.append(detail)
            shown = True
    if detail and not shown:
        blocks.append(unplaced_study(detail))
    return blocks


def _agenda_item(item: MinutesItem) -> Block:
    parts: list[str | Run] = [f"{item.number}. {bare(item.title)}"]
    if nfc(item.presenter):
        parts.append(Run(f" (đồng chí {nfc(item.presenter)})", italic=True))
    return line(*parts, ".")


def agenda_flowables(doc: AgendaDocument) -> list[Flowable]:
    header = document_header(doc.meta, doc.meta.type_code or "CTr")
    items: list[Flowable] = header_flowables(header)
    items += title_flowables(AGENDA_TITLE, agenda_subtitle(doc.subtitle))
    blocks = agenda_blocks(doc)
    items += [block_paragraph(block) for block in blocks[:-1]]
    closing = [block_paragraph(blocks[-1])]
    items += signature_block(
        recipients_block(list(doc.recipients)), _secretary(doc.secretary_name), keep_with=closing
    )
    return items


def write_agenda_pdf(doc: AgendaDocument, target: Path) -> Path:
    """Print the agenda to ``target`` (written atomically); returns ``target``."""
    title = f"Chương trình {_meeting_phrase(doc.subtitle)} – {_cell_phrase(doc.meta.cell.name)}"
    return build_pdf(Path(target), agenda_flowables(doc), title=title)


# ---------------------------------------------------------------- thông báo


def notice_subtitle(subtitle: str) -> str:
    """E.g. "về việc tổ chức sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"."""
    return f"về việc tổ chức {_meeting_phrase(subtitle)}"


def notice_blocks(doc: NoticeDocument, documents_before_days: int | None = None) -> list[Block]:
    days = documents_before_days
    if days is None:
        days = meeting_rules().documents_before_days
    cell = _cell_phrase(doc.meta.cell.name)
    blocks = [
        line(
            f"{cell} thông báo đến các đồng chí đảng viên về việc tổ chức "
            f"{_meeting_phrase(doc.subtitle)} như sau:"
        ),
        line(f"1. Thời gian: {time_line(doc.planned_on, doc.start_time, with_weekday=True)}."),
        line(f"2. Địa điểm: {sentence(name_or_blank(doc.place))}"),
    ]
    contents = [sentence(text) for text in doc.content_lines if nfc(text)]
    if contents:
        blocks.append(line("3. Nội dung:"))
        blocks += [line(f"- {text}") for text in contents]
    if not any(fold(text).startswith("de nghi") for text in contents):
        blocks.append(line(_request(doc, days)))
    return blocks


def _request(doc: NoticeDocument, days: int) -> str:
    n = format_number(days)
    if doc.planned_on is not None:
        by = short_date(doc.planned_on - timedelta(days=days))
        documents = f"tài liệu sinh hoạt được gửi đến đảng viên chậm nhất ngày {by}"
    else:
        documents = "tài liệu sinh hoạt được gửi đến đảng viên"
    return (
        f"Đề nghị các đồng chí đảng viên nghiên cứu trước tài liệu ({documents}, trước buổi "
        f"sinh hoạt ít nhất {n} ngày), tham dự đầy đủ, đúng giờ; trường hợp vắng mặt phải "
        "báo cáo lý do với đồng chí bí thư chi bộ."
    )


def notice_flowables(
    doc: NoticeDocument, documents_before_days: int | None = None
) -> list[Flowable]:
    header = document_header(doc.meta, "TB")
    items: list[Flowable] = header_flowables(header)
    items += title_flowables(NOTICE_TITLE, notice_subtitle(doc.subtitle))
    blocks = notice_blocks(doc, documents_before_days)
    items += [block_paragraph(block) for block in blocks[:-1]]
    closing = [block_paragraph(blocks[-1])]
    items += signature_block(
        recipients_block(list(doc.recipients)), _secretary(doc.secretary_name), keep_with=closing
    )
    return items


def write_notice_pdf(doc: NoticeDocument, target: Path) -> Path:
    """Print the notice to ``target`` (written atomically); returns ``target``."""
    title = f"Thông báo {notice_subtitle(doc.subtitle)} – {_cell_phrase(doc.meta.cell.name)}"
    return build_pdf(Path(target), notice_flowables(doc), title=title)
