"""Export and print the roster (xuất danh sách, in danh sách đảng viên).

Both run in the background: the export writes the file through the service (atomic,
UTF-8 with BOM for CSV), the print makes the PDF and then opens the preview.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.ui import files, messages
from desktop.ui.context import UiContext
from desktop.ui.tasks import Task, run_task


def suggested_export_name(today: date) -> str:
    return f"danh-sach-dang-vien-{today:%Y-%m-%d}.xlsx"


def export_roster(ctx: UiContext, parent: QWidget, path: Path | None = None) -> Task | None:
    """Ask for the file (unless given) and export every member into it."""
    from desktop.services.members.exporting import export_members, export_note

    if path is None:
        path = files.save_file(
            parent,
            "Xuất danh sách đảng viên",
            suggested_export_name(ctx.today()),
            files.ROSTER_FILTERS,
        )
    if path is None:
        return None
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".xlsx")
    db = ctx.db

    def done(count: int) -> None:
        messages.info(
            parent,
            "Đã xuất danh sách",
            f"Đã xuất {count} đảng viên ra tệp:\n{path}\n\n{export_note(path)}",
        )

    return run_task(
        parent,
        "Đang xuất danh sách đảng viên…",
        lambda progress: export_members(db, path),
        done,
        error_title="Chưa xuất được danh sách",
    )


def print_roster(ctx: UiContext, parent: QWidget) -> Task:
    """Make the roster PDF in a temporary folder, then show it in the preview window."""
    from desktop.printing.members.roster import write_roster_pdf

    from desktop.ui.temp_files import write_temporary

    name = f"danh-sach-dang-vien-{ctx.today():%Y-%m-%d}.pdf"
    db, today = ctx.db, ctx.today()

    def done(pdf: Path) -> None:
        from desktop.ui.preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(Path(pdf), "Danh sách đảng viên", parent, temporary=True)
        dialog.open()

    return run_task(
        parent,
        "Đang chuẩn bị bản in danh sách đảng viên…",
        lambda progress: write_temporary(name, lambda t: write_roster_pdf(db, t, on=today)),
        done,
        error_title="Chưa in được danh sách",
    )
