"""The mark printed on every page of the open data folder's papers (dấu trên mọi trang).

Set by the faces of the app (window, command line) from what the services say about the
open data, e.g. ``services.demo.marker.SAMPLE_MARK`` for the sample cell, so that a
printed sample agenda can never pass for a real one. The page template
(``printing.page``) draws it; printing never asks the database itself. No ReportLab here:
the window sets it at start-up without loading the printing libraries.
"""

from __future__ import annotations

_mark = ""


def set_paper_mark(text: str) -> None:
    """The words on every printed page from now on; "" for none."""
    global _mark
    _mark = text.strip()


def paper_mark() -> str:
    return _mark
