"""Printing the roster (preview, print, save PDF) and exporting it to Excel."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from desktop.ui import files
from desktop.ui.preview import PdfPreviewDialog
from desktop.ui.roster_actions import export_roster, print_roster


def make_pdf(ctx, tmp_path):
    from desktop.printing.members.roster import write_roster_pdf

    target = tmp_path / "ds.pdf"
    write_roster_pdf(ctx.db, target, on=ctx.today())
    return target


def test_preview_shows_every_page_and_zooms(qtbot, ctx, roster, tmp_path):
    pdf = make_pdf(ctx, tmp_path)
    dialog = PdfPreviewDialog(pdf, "Danh sách đảng viên")
    qtbot.addWidget(dialog)
    dialog.show()
    pages = len(PdfReader(pdf).pages)
    assert dialog.page_count == pages == len(dialog.page_labels)
    width = dialog.page_labels[0].pixmap().width()
    dialog.step_zoom(+1)
    assert dialog.page_labels[0].pixmap().width() > width
    assert dialog.pages_label.text().endswith("%")


def test_printing_sends_every_page_on_a4(qtbot, ctx, roster, tmp_path):
    pdf = make_pdf(ctx, tmp_path)
    dialog = PdfPreviewDialog(pdf, "Danh sách đảng viên")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setFullPage(True)
    assert dialog.print_to(printer) == dialog.page_count
    reader = PdfReader(printed)
    assert len(reader.pages) == dialog.page_count
    box = reader.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210  # A4: 210 × 297 mm
    assert round(float(box.height) / 72 * 25.4) == 297


def test_save_pdf_copies_the_document(qtbot, ctx, roster, tmp_path, monkeypatch, answers):
    pdf = make_pdf(ctx, tmp_path)
    dialog = PdfPreviewDialog(pdf, "Danh sách đảng viên")
    qtbot.addWidget(dialog)
    target = tmp_path / "out" / "ban-in"
    monkeypatch.setattr(files, "save_file", lambda *args: target)
    saved = dialog.save_copy()
    assert saved == target.with_suffix(".pdf")
    assert saved.read_bytes() == pdf.read_bytes()


def test_print_roster_opens_the_preview_and_cleans_up(qtbot, ctx, roster):
    print_roster(ctx, None)
    qtbot.waitUntil(
        lambda: any(isinstance(w, PdfPreviewDialog) and w.isVisible() for w in _top_levels()),
        timeout=15_000,
    )
    dialog = next(w for w in _top_levels() if isinstance(w, PdfPreviewDialog))
    pdf = dialog.pdf_path
    assert pdf.exists()
    dialog.reject()
    assert not pdf.exists()


def _top_levels():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()


def test_export_writes_the_roster_and_says_where(qtbot, ctx, roster, tmp_path, answers):
    target = tmp_path / "xuat.xlsx"
    task = export_roster(ctx, None, target)
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    assert answers.shown[-1][0] == "info"
    assert "Đã xuất 5 đảng viên" in answers.shown[-1][1] and str(target) in answers.shown[-1][1]
    sheet = load_workbook(target).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert "Nguyễn Văn An" in values


def test_export_to_an_impossible_place_is_explained(qtbot, ctx, roster, tmp_path, answers):
    not_a_folder = tmp_path / "tep-thuong"
    not_a_folder.write_text("x")
    task = export_roster(ctx, None, not_a_folder / "x.csv")
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    kind, text = answers.shown[-1]
    assert kind == "error"
    assert text.startswith("Không làm được việc với tệp") or text.startswith("Không ghi được")
