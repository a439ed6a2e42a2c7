"""A preview shows the number a paper would take without taking it; printing or saving
from the preview issues it; a reprint of an issued paper keeps its number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import IssuedPaper
from desktop.services.cell.numbering import paper_number, previewing, set_term_starts
from desktop.services.cell.workspace import Workspace


@pytest.fixture()
def db(tmp_path):
    with Workspace(tmp_path / "data", lock=False) as ws:
        set_term_starts(ws.db, [date(2025, 4, 15)])
        yield ws.db


def stored(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(IssuedPaper.id)))


def number_of(db, kind: str, subject: str, on: date) -> str:
    with db.session() as s:
        return paper_number(s, kind, subject, "DS", on, final=True, today=date(2026, 12, 2)).number


def test_a_preview_shows_the_next_number_and_keeps_it_free(db):
    number_of(db, "rating_list", "2025", date(2025, 12, 5))  # 01, issued
    with previewing():
        shown = number_of(db, "rating_list", "2026", date(2026, 11, 5))
        again = number_of(db, "rating_list", "2026", date(2026, 11, 5))
    assert (shown, again, stored(db)) == ("02", "02", 1)
    # Looked at and closed: another paper printed meanwhile takes 02 ...
    assert number_of(db, "notice_list", "x", date(2026, 11, 6)) == "02"
    # ... and the list, printed at last, takes the next free one.
    assert number_of(db, "rating_list", "2026", date(2026, 11, 5)) == "03"
    with previewing():  # a reprint previewed keeps its own number
        assert number_of(db, "rating_list", "2025", date(2025, 12, 5)) == "01"
    assert stored(db) == 3


def test_saving_from_the_preview_issues_the_paper_once(qtbot, db, tmp_path, monkeypatch):
    from desktop.ui import files, messages
    from desktop.ui.preview import PdfPreviewDialog
    from desktop.printing.page import DocumentHeader, build_pdf, header_flowables

    def make(target: Path) -> Path:
        with db.session() as s:
            n = paper_number(s, "rating_list", "2026", "DS", date(2026, 11, 5), final=True)
        head = DocumentHeader("Đảng ủy xã Long Thạnh", "Ấp Tân Phú", "Long Thạnh",
                              n.issued_on, number=n.number, doc_type_code="DS")  # fmt: skip
        return build_pdf(Path(target), header_flowables(head), title="Danh sách")

    pdf = tmp_path / "xem.pdf"
    with previewing():
        make(pdf)
    assert stored(db) == 0
    calls: list[Path] = []

    def issue(target: Path) -> Path:
        calls.append(target)
        return make(target)

    dialog = PdfPreviewDialog(pdf, "Danh sách", issue=issue)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(files, "save_file", lambda *a, **k: tmp_path / "luu.pdf")
    monkeypatch.setattr(messages, "info", lambda *a, **k: None)
    assert dialog.save_copy() == tmp_path / "luu.pdf"
    assert calls == [pdf] and stored(db) == 1
    assert dialog.save_copy() is not None and calls == [pdf]  # issued once, not again
    from pypdf import PdfReader

    assert "01-DS/CB" in PdfReader(tmp_path / "luu.pdf").pages[0].extract_text()
    dialog.reject()
