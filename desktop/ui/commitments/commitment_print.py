"""Printing commitments: one member's form (bản cam kết) and the cell's summary table
(bảng tổng hợp cam kết), as PDF in the preview window. The PDF is made off the GUI
thread; the printing module is imported only then, so the window opens without ReportLab.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.ui.context import UiContext
from desktop.ui.tasks import Task, run_task


def _preview(parent: QWidget, title: str, name: str, make) -> Task:
    """Show the paper with the number it would take; printing or saving it issues it."""
    from desktop.services.cell.numbering import previewing
    from desktop.ui.temp_files import write_temporary

    def work(_progress) -> Path:
        with previewing():
            return write_temporary(name, make)

    def done(pdf: Path) -> None:
        from desktop.ui.preview import PdfPreviewDialog

        PdfPreviewDialog(Path(pdf), title, parent, temporary=True, issue=make).open()

    return run_task(
        parent,
        f"Đang chuẩn bị bản in {title.lower()}…",
        work,
        done,
        error_title="Chưa in được",
    )


def print_member_commitment(ctx: UiContext, parent: QWidget, member_id: int, year: int) -> Task:
    db, today = ctx.db, ctx.today()

    def make(target: Path):
        from desktop.printing.reviews.commitment import print_commitment

        return print_commitment(db, member_id, year, target, today=today)

    return _preview(parent, "Bản cam kết", f"cam-ket-{year}-{member_id}.pdf", make)


def print_summary(ctx: UiContext, parent: QWidget, year: int) -> Task:
    db, today = ctx.db, ctx.today()

    def make(target: Path):
        from desktop.printing.reviews.commitment import print_commitment_summary

        return print_commitment_summary(db, year, target, today=today)

    return _preview(parent, "Bảng tổng hợp cam kết", f"tong-hop-cam-ket-{year}.pdf", make)
