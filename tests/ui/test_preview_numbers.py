"""Looking at an agenda, a notice or the consolidated list in the preview uses up no paper
number; printing or saving it from the preview issues it (issue 13, point 3)."""

from __future__ import annotations

from datetime import date, time

from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.models import IssuedPaper
from desktop.services.meetings.plan import plan_meeting
from desktop.ui import preview


def _issued(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count(IssuedPaper.id)))


def _capture_previews(monkeypatch) -> list:
    shown = []

    class Captured(preview.PdfPreviewDialog):
        def open(self) -> None:  # noqa: D102 - kept off screen, looked at by the test
            shown.append(self)

    monkeypatch.setattr(preview, "PdfPreviewDialog", Captured)
    return shown


def test_previewing_an_agenda_takes_no_number_until_it_is_printed(qtbot, ctx, roster,
                                                                  monkeypatch, tmp_path):
    from desktop.ui import files, messages
    from desktop.ui.meetings import meeting_print

    today = ctx.today()
    meeting_id = plan_meeting(
        ctx.db, "thuong_ky", today.year, today.month, today, time(7, 30), "Hội trường ấp"
    )
    shown = _capture_previews(monkeypatch)
    for _ in range(2):  # opened twice, closed twice: still nothing issued
        task = meeting_print.print_agenda(ctx, None, meeting_id)
        qtbot.waitUntil(lambda: task.done, timeout=15_000)
    assert len(shown) == 2 and _issued(ctx.db) == 0
    first_page = PdfReader(shown[-1].pdf_path).pages[0].extract_text()
    assert "01-CTr/" in first_page.replace(" ", "")  # the number it would take, shown

    dialog = shown[-1]
    qtbot.addWidget(dialog)
    monkeypatch.setattr(files, "save_file", lambda *a, **k: tmp_path / "chuong-trinh.pdf")
    monkeypatch.setattr(messages, "info", lambda *a, **k: None)
    assert dialog.save_copy() == tmp_path / "chuong-trinh.pdf"
    assert _issued(ctx.db) == 1
    assert dialog.save_copy() is not None and _issued(ctx.db) == 1  # issued once
    dialog.reject()
