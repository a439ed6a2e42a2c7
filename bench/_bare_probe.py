"""Child process of bench_startup.py: the bare baselines the app is measured against.

``qt``: a bare PySide6 QMainWindow, shown and painted; prints "<seconds since the parent
launched us> <peak RSS MiB>" and quits. ``minutes`` / ``roster`` JSON OUT: a bare
ReportLab build (SimpleDocTemplate, Liberation Serif from resources/fonts) of the text or
the table rows the parent extracted from the app's own document; the parent times the
whole process.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_qt(launched_at: float) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    class Window(QMainWindow):
        painted = False

        def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                QTimer.singleShot(0, report)

    def report() -> None:
        print(f"{time.time() - launched_at:.3f} {_peak_mib():.1f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)

    app = QApplication([])
    window = Window()
    window.setWindowTitle("Bare")
    window.setCentralWidget(QLabel("Xin chào"))
    window.resize(1280, 800)
    window.show()
    app.exec()


def _fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, bold, italic in (
        ("Regular", 0, 0), ("Bold", 1, 0), ("Italic", 0, 1), ("BoldItalic", 1, 1)
    ):
        name = "LS" + ("" if face == "Regular" else "-" + face)
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"LiberationSerif-{face}.ttf")))
        addMapping("LS", bold, italic, name)


def _doc(out: str):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(
        out, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
        topMargin=20 * mm, bottomMargin=20 * mm,
    )  # fmt: skip


def bare_minutes(source: str, out: str) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from xml.sax.saxutils import escape

    _fonts()
    body = ParagraphStyle("body", fontName="LS", fontSize=13, leading=17, firstLineIndent=28)
    paragraphs = json.loads(Path(source).read_text(encoding="utf-8"))
    _doc(out).build([Paragraph(escape(text), body) for text in paragraphs])


def bare_roster(source: str, out: str) -> None:
    from reportlab.platypus import Table, TableStyle

    _fonts()
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    table = Table(data["rows"], colWidths=data["widths"], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "LS"),
                ("FONTSIZE", (0, 0), (-1, -1), 11),
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    _doc(out).build([table])


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "qt":
        bare_qt(float(sys.argv[2]))
    elif mode == "minutes":
        bare_minutes(sys.argv[2], sys.argv[3])
    elif mode == "roster":
        bare_roster(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown mode {mode}")
