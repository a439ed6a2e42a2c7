"""Printing a meeting: its agenda (chương trình), notice (thông báo) and minutes (biên bản),
as PDF in the preview window, and the minutes as a Word file for the superior's format."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.services.meetings import plan as service
from desktop.ui import files, messages
from desktop.ui.context import UiContext
from desktop.ui.tasks import Task, run_task

DOCX_FILTER = "Văn bản Word (*.docx)"


def write_minutes(db, meeting_id: int, target: Path) -> Path:
    from desktop.printing.meetings.minutes import write_minutes_pdf

    return write_minutes_pdf(service.minutes_document(db, meeting_id), target)


def write_agenda(db, meeting_id: int, target: Path, issued_on) -> Path:
    from desktop.printing.meetings.agenda import write_agenda_pdf

    return write_agenda_pdf(service.agenda_document(db, meeting_id, issued_on), target)


def write_notice(db, meeting_id: int, target: Path, issued_on) -> Path:
    from desktop.printing.meetings.agenda import write_notice_pdf

    return write_notice_pdf(service.notice_document(db, meeting_id, issued_on), target)


def _write_docx(db, meeting_id: int, path: Path) -> Path:
    from desktop.printing.meetings.minutes_docx import write_minutes_docx
    from desktop.storage.atomic import naming_file

    with naming_file(path):  # an OSError names the file the secretary chose
        return write_minutes_docx(service.minutes_document(db, meeting_id), path)


def paper_name(db, meeting_id: int, what: str, suffix: str = ".pdf") -> str:
    """A file name saying what and when (tên tệp): "Chuong-trinh-thang-01-2027.pdf",
    "Bien-ban-chuyen-de-thang-03-2026.pdf" — never the database's internal number."""
    detail = service.get_meeting(db, meeting_id)
    kind = {"chuyen_de": "-chuyen-de", "bat_thuong": "-bat-thuong"}.get(detail.kind, "")
    return f"{what}{kind}-thang-{detail.month:02d}-{detail.year}{suffix}"


def _preview(parent: QWidget, title: str, name: str, make) -> Task:
    """Show the paper with the number it would take (numbering.previewing): looking at an
    agenda and closing it uses up no number; printing or saving it issues the paper."""
    from desktop.services.cell.numbering import previewing
    from desktop.ui.temp_files import write_temporary

    def work(_progress) -> Path:
        with previewing():
            return write_temporary(name, make)

    def done(pdf) -> None:
        from desktop.ui.preview import PdfPreviewDialog

        PdfPreviewDialog(Path(pdf), title, parent, temporary=True, issue=make).open()

    return run_task(
        parent,
        f"Đang chuẩn bị bản in {title.lower()}…",
        work,
        done,
        error_title="Chưa in được",
    )


def print_minutes(ctx: UiContext, parent: QWidget, meeting_id: int) -> Task:
    db = ctx.db
    name = paper_name(db, meeting_id, "Bien-ban")
    return _preview(parent, "Biên bản", name, lambda t: write_minutes(db, meeting_id, t))


def print_agenda(ctx: UiContext, parent: QWidget, meeting_id: int) -> Task:
    db, today = ctx.db, ctx.today()
    name = paper_name(db, meeting_id, "Chuong-trinh")
    return _preview(
        parent, "Chương trình sinh hoạt", name, lambda t: write_agenda(db, meeting_id, t, today)
    )


def print_notice(ctx: UiContext, parent: QWidget, meeting_id: int) -> Task:
    db, today = ctx.db, ctx.today()
    name = paper_name(db, meeting_id, "Thong-bao")
    return _preview(
        parent, "Thông báo sinh hoạt", name, lambda t: write_notice(db, meeting_id, t, today)
    )


def export_minutes_docx(
    ctx: UiContext, parent: QWidget, meeting_id: int, path: Path | None = None
) -> Task | None:
    if path is None:
        name = paper_name(ctx.db, meeting_id, "Bien-ban", ".docx")
        path = files.save_file(parent, "Xuất biên bản ra tệp Word", name, DOCX_FILTER)
    if path is None:
        return None
    if path.suffix.lower() != ".docx":
        path = path.with_suffix(".docx")
    db = ctx.db

    def done(_result) -> None:
        messages.info(parent, "Đã xuất biên bản", f"Đã lưu biên bản vào tệp:\n{path}")

    return run_task(
        parent,
        "Đang xuất biên bản ra tệp Word…",
        lambda _p: _write_docx(db, meeting_id, path),
        done,
        error_title="Chưa xuất được biên bản",
    )
