"""The typeface of printed documents (phông chữ Times New Roman, TCVN 6909:2001).

Hướng dẫn 36-HD/VPTW asks for Times New Roman. Windows PCs have it; elsewhere we use the
bundled Liberation Serif, which has the same metrics, so a page breaks at the same place
on every machine. The PDF base-14 fonts are never used: they cannot show Vietnamese.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.paths import resource

SYSTEM_FAMILY = "TimesNewRoman"
BUNDLED_FAMILY = "LiberationSerif"
BUNDLED_FONT_ENV = "SOCHIBO_BUNDLED_FONT"

# (bold, italic) → face suffix, in the order the four files are listed below.
_FACES = ((False, False), (True, False), (False, True), (True, True))
_SUFFIX = {
    (False, False): "",
    (True, False): "-Bold",
    (False, True): "-Italic",
    (True, True): "-BoldItalic",
}

_BUNDLED_FILES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)

# Letters that an old Times New Roman without Vietnamese support lacks.
_VIETNAMESE_PROBE = "ĐđẮặỔữỸỹƠơƯưẠạ"

_lock = threading.Lock()
_registered: dict[bool, str] = {}


def register_fonts(bundled: bool | None = None) -> str:
    """Register the four faces once and return the family name to use in styles.

    ``bundled=True`` (or the environment variable ``SOCHIBO_BUNDLED_FONT=1``) skips the
    system Times New Roman, so tests produce the same PDF on every machine.
    """
    if bundled is None:
        bundled = os.environ.get(BUNDLED_FONT_ENV, "").strip() not in ("", "0")
    family = _registered.get(bundled)
    if family is not None:  # every styles() call of every table cell comes here
        return family
    with _lock:
        if bundled in _registered:
            return _registered[bundled]
        family = None if bundled else _register_system_times()
        if family is None:
            family = _register_family(
                BUNDLED_FAMILY, [resource("fonts", name) for name in _BUNDLED_FILES]
            )
        _registered[bundled] = family
        return family


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The registered face name, e.g. ``LiberationSerif-BoldItalic``."""
    return family + _SUFFIX[(bold, italic)]


def system_times_files() -> list[Path] | None:
    """Regular, bold, italic and bold-italic Times New Roman files, if all four exist."""
    for candidate in _times_candidates():
        if all(path.is_file() for path in candidate):
            return candidate
    return None


def _times_candidates() -> list[list[Path]]:
    windows_names = ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"]
    core_names = [
        "Times_New_Roman.ttf",
        "Times_New_Roman_Bold.ttf",
        "Times_New_Roman_Italic.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
    ]
    mac_names = [
        "Times New Roman.ttf",
        "Times New Roman Bold.ttf",
        "Times New Roman Italic.ttf",
        "Times New Roman Bold Italic.ttf",
    ]
    folders: list[tuple[Path, list[str]]] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        folders.append((Path(windir) / "Fonts", windows_names))
    local = os.environ.get("LOCALAPPDATA")
    if local:
        # Fonts installed "for this user only" on Windows 10 and later.
        folders.append((Path(local) / "Microsoft" / "Windows" / "Fonts", windows_names))
    linux_folders = (
        "/usr/share/fonts/truetype/msttcorefonts",
        "/usr/share/fonts/truetype/msttcore",
        "/usr/share/fonts/msttcore",
        "/usr/share/fonts/TTF",
        str(Path.home() / ".fonts"),
        str(Path.home() / ".local/share/fonts"),
    )
    for base in linux_folders:
        folders.append((Path(base), core_names))
        folders.append((Path(base), windows_names))
    for base in ("/Library/Fonts", "/System/Library/Fonts/Supplemental"):
        folders.append((Path(base), mac_names))
    return [[folder / name for name in names] for folder, names in folders]


def _register_system_times() -> str | None:
    files = system_times_files()
    if files is None:
        return None
    try:
        family = _register_family(SYSTEM_FAMILY, files)
    except (TTFError, OSError):
        return None
    face = pdfmetrics.getFont(SYSTEM_FAMILY).face
    if not all(ord(ch) in face.charToGlyph for ch in _VIETNAMESE_PROBE):
        return None
    return family


def _register_family(family: str, files: list[Path]) -> str:
    for (bold, italic), path in zip(_FACES, files, strict=True):
        name = font_name(family, bold, italic)
        pdfmetrics.registerFont(TTFont(name, str(path)))
        # The mapping lets <b> and <i> inside a Paragraph pick the right face.
        addMapping(family, int(bold), int(italic), name)
    return family
