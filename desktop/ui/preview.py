"""Print preview (xem trước khi in) of a PDF the app made, with print and save.

Pages are rasterised with pypdfium2 (PySide6-Essentials has no QtPdf). Printing paints
each page, rendered at the printer's resolution (capped at 300 dpi to bound memory),
onto a full A4 sheet, so what comes out is what the preview showed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.atomic import atomic_path
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import files, messages

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PRINT_DPI_CAP = 300


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """One page as a QImage at ``dpi`` (white background, no alpha)."""
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True, prefer_bgrx=True)
        try:
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            )
            return image.copy()  # detach from the temporary buffer
        finally:
            bitmap.close()
    finally:
        page.close()


class PdfPreviewDialog(QDialog):
    """Shows ``pdf_path``; ``temporary=True`` deletes the file when the window closes.

    ``issue``: for a numbered paper shown as a preview (its number shown, not taken), the
    function that writes the issued paper over ``pdf_path``; it runs once, when the user
    prints or saves, so looking at a paper never uses up a number (docs/domain.md §7).
    """

    def __init__(
        self,
        pdf_path: Path,
        title: str,
        parent: QWidget | None = None,
        *,
        temporary: bool = False,
        issue: Callable[[Path], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self._issue = issue
        self.title = title
        self._temporary = temporary
        self.document = pdfium.PdfDocument(str(self.pdf_path))
        self.page_count = len(self.document)
        self.zoom = 1.0
        self._fit = True
        self.setWindowTitle(f"Xem trước khi in — {title}")
        fit_to_screen(self, QSize(980, 820))

        self.print_button = QPushButton("&In…")
        self.save_button = QPushButton("&Lưu PDF…")
        self.zoom_in_button = QPushButton("&Phóng to")
        self.zoom_out_button = QPushButton("&Thu nhỏ")
        self.fit_button = QPushButton("&Vừa trang")
        self.close_button = QPushButton("Đó&ng")
        self.pages_label = QLabel(f"{self.page_count} trang")
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_copy)
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.fit_button.clicked.connect(self.fit_page)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setToolTip("In (Ctrl+P)")
        self.save_button.setToolTip("Lưu một bản PDF (Ctrl+S)")

        bar = QHBoxLayout()
        for button in (self.print_button, self.save_button):
            bar.addWidget(button)
        bar.addSpacing(24)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(button)
        bar.addSpacing(24)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.close_button)

        self.pages = QWidget()
        self.pages.setAutoFillBackground(True)
        palette = self.pages.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#7a7a7a"))
        self.pages.setPalette(palette)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(16)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for _ in range(self.page_count):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        for key, slot in (
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.Save, self.save_copy),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(+1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    # --- showing -------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._fit:
            self.fit_page()

    def fit_page(self) -> None:
        """Zoom so that one whole page fits the window's height."""
        self._fit = True
        if not self.page_count:
            return
        width, height = self.document[0].get_size()
        available = max(200, self.scroll.viewport().height() - 32)
        available_width = max(200, self.scroll.viewport().width() - 40)
        screen_dpi = self.logicalDpiY()
        self.set_zoom(
            min(available / (height / 72 * screen_dpi), available_width / (width / 72 * screen_dpi))
        )
        self._fit = True

    def step_zoom(self, direction: int) -> None:
        if direction > 0:
            larger = [z for z in ZOOM_STEPS if z > self.zoom + 0.01]
            self.set_zoom(larger[0] if larger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < self.zoom - 0.01]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def set_zoom(self, zoom: float) -> None:
        self._fit = False
        self.zoom = max(0.2, min(zoom, ZOOM_STEPS[-1]))
        ratio = self.devicePixelRatioF()
        dpi = self.logicalDpiY() * self.zoom * ratio
        for index, label in enumerate(self.page_labels):
            pixmap = QPixmap.fromImage(render_page(self.document, index, dpi))
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
        self.pages_label.setText(f"{self.page_count} trang — {round(self.zoom * 100)}%")

    # --- printing and saving -------------------------------------------------------

    def issue_paper(self) -> bool:
        """Before the first print or save of a preview: issue the paper (it takes its number)
        and show it as issued. False, with the reason shown, when that failed."""
        if self._issue is None:
            return True
        self.document.close()
        failure: Exception | None = None
        try:
            self._issue(self.pdf_path)
        except Exception as exc:  # noqa: BLE001 - the preview stays open, nothing is printed
            failure = exc
        self.document = pdfium.PdfDocument(str(self.pdf_path))
        if failure is not None:
            messages.show_exception(self, failure, "Chưa cấp được số cho văn bản")
            return False
        self._issue = None
        # The issued paper differs from the preview only in what it stores, not its pages.
        self.page_count = min(len(self.document), len(self.page_labels))
        self.set_zoom(self.zoom)
        return True

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setFromTo(1, self.page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In " + self.title.lower())
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not self.issue_paper():
            return
        try:
            self.print_to(printer)
        except Exception as exc:  # noqa: BLE001 - printer drivers fail in many ways
            messages.show_exception(self, exc, "Chưa in được")

    def print_to(self, printer: QPrinter) -> int:
        """Paint the chosen pages onto ``printer``; returns how many were sent."""
        first = max(1, printer.fromPage() or 1)
        last = min(self.page_count, printer.toPage() or self.page_count)
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("Không mở được máy in. Hãy kiểm tra máy in đã bật và đã nối với máy.")
        sent = 0
        try:
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            target = QRectF(0, 0, paper.width(), paper.height())
            for number in range(first, last + 1):
                if sent:
                    printer.newPage()
                image = render_page(self.document, number - 1, dpi)
                painter.drawImage(target, image)
                sent += 1
        finally:
            painter.end()
        return sent

    def save_copy(self) -> Path | None:
        name = self.pdf_path.name
        target = files.save_file(self, "Lưu bản PDF", name, files.PDF_FILTER)
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        if not self.issue_paper():
            return None
        try:
            from desktop.storage.atomic import naming_file  # the chosen name, not the temp one

            with naming_file(target), atomic_path(target) as tmp:
                shutil.copyfile(self.pdf_path, tmp)
        except OSError as exc:
            messages.show_exception(self, exc, "Chưa lưu được tệp PDF")
            return None
        messages.info(self, "Đã lưu", f"Đã lưu bản PDF vào:\n{target}")
        return target

    # --- closing -------------------------------------------------------------------

    def done(self, result: int) -> None:
        super().done(result)
        if self.document is not None:
            self.document.close()
            self.document = None
        if self._temporary:
            self.pdf_path.unlink(missing_ok=True)
            try:
                self.pdf_path.parent.rmdir()  # the private folder it was made in, if empty
            except OSError:
                pass
