"""Printing the review season's papers: a member's self-review (bản tự kiểm điểm), the
rating list (danh sách đề nghị xếp loại) and the cell's collective review report.

The printing modules are imported only when the user prints, so this page works even in
a build that does not carry them yet (the user then reads why nothing was printed).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.ui.context import UiContext
from desktop.ui.tasks import Task, run_task


def _preview(parent: QWidget | None, title: str, file_name: str, make) -> Task:
    """Show the paper with the number it would take; printing or saving it issues it."""
    from desktop.services.cell.numbering import previewing
    from desktop.ui.temp_files import write_temporary

    def work(_progress) -> Path:
        with previewing():
            return write_temporary(file_name, make)

    def done(pdf: Path) -> None:
        from desktop.ui.preview import PdfPreviewDialog

        PdfPreviewDialog(Path(pdf), title, parent, temporary=True, issue=make).open()

    return run_task(
        parent,
        f"Đang chuẩn bị bản in {title[0].lower()}{title[1:]}…",
        work,
        done,
        error_title="Chưa in được",
    )


def print_self_review(
    ctx: UiContext, parent: QWidget | None, member_id: int, year: int, name: str = ""
) -> Task:
    db, today = ctx.db, ctx.today()

    def make(target: Path) -> None:
        # Imported when first printed: ReportLab stays off the start-up path.
        from desktop.printing.reviews.self_review import print_self_review as fn

        fn(db, member_id, year, target, today=today)

    title = f"Bản tự kiểm điểm năm {year}" + (f" — {name}" if name else "")
    return _preview(parent, title, f"ban-kiem-diem-{member_id}-{year}.pdf", make)


def print_rating_list(ctx: UiContext, parent: QWidget | None, year: int) -> Task:
    db, today = ctx.db, ctx.today()

    def make(target: Path) -> None:
        from desktop.printing.reviews.rating_list import print_rating_list as fn

        fn(db, year, target, today=today)

    return _preview(parent, f"Danh sách đề nghị xếp loại năm {year}", f"xep-loai-{year}.pdf", make)


def print_collective_review(ctx: UiContext, parent: QWidget | None, year: int) -> Task:
    db, today = ctx.db, ctx.today()

    def make(target: Path) -> None:
        from desktop.printing.reviews.collective import print_collective_review as fn

        fn(db, year, target, today=today)

    return _preview(
        parent, f"Báo cáo kiểm điểm tập thể chi bộ năm {year}", f"tap-the-{year}.pdf", make
    )
