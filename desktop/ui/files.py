"""Choosing files (chọn tệp) with Vietnamese filter names and a sensible first folder.

On Windows the native dialog is used (it speaks the language of Windows itself);
elsewhere Qt's own dialog is shown, translated by ``qt_vi``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

EXCEL_FILTER = "Bảng tính Excel (*.xlsx)"
CSV_FILTER = "Tệp văn bản CSV, các cột cách nhau bằng dấu phẩy (*.csv)"
PDF_FILTER = "Tệp PDF (*.pdf)"
TEXT_FILTER = "Tệp văn bản (*.txt)"
ROSTER_FILTERS = f"{EXCEL_FILTER};;{CSV_FILTER}"
IMPORT_FILTERS = (
    f"Danh sách đảng viên (*.xlsx *.xls *.csv);;{EXCEL_FILTER};;"
    f"Bảng tính Excel 97–2003 (*.xls);;{CSV_FILTER}"
)


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(documents_dir()), filters)
    return Path(name) if name else None


def save_file(parent: QWidget | None, title: str, suggested_name: str, filters: str) -> Path | None:
    """Ask where to save; the extension of the chosen filter is added when missing."""
    start = str(documents_dir() / suggested_name)
    name, chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        suffix = chosen[chosen.rfind("*") + 1 : chosen.rfind(")")] if "*" in chosen else ""
        if suffix.startswith("."):
            path = path.with_suffix(suffix)
    return path
