"""What goes into the frozen app (gói cài đặt) and what is left out, for every platform.

``sochibo.spec`` asks PyInstaller for the app, then passes every collected file through
``keep`` below. The rules are plain data so that a test can check them against Linux and
Windows file names alike, without building anything.

Why each thing is left out:
- Python packages the app never imports but that optional imports drag in: numpy
  (openpyxl and pypdfium2 only use it when present), Pillow's AVIF, WebP, FreeType and
  colour-management modules (ReportLab needs only Pillow's core), PyYAML (numpy),
  pygments, tkinter, readline, ssl (no network), greenlet (SQLAlchemy's asyncio only),
  lxml's HTML tools, the test tools, setuptools, and the Chinese/Japanese/Korean codecs.
- Qt modules other than QtCore, QtGui, QtWidgets and QtPrintSupport (grep ``desktop/ui``).
- Qt translations: Qt has no Vietnamese catalogue; ``desktop/ui/qt_vi.py`` builds its own
  in memory, so none of the 40 shipped languages is ever loaded.
- Qt plugins for networking (the app never goes online), OpenGL, embedded screens
  (eglfs, linuxfb, vnc), touch devices, the GTK theme (drags in GTK's libraries and
  breaks when they differ from the system's), and image formats we never read. Kept:
  the Windows/X11/Wayland/offscreen windows, Windows styles, input methods (ibus, so
  Vietnamese typing tools work), CUPS printing, SVG and ICO for the icon.
- Windows' software OpenGL and shader compiler (about 25 MB): widgets draw without GL.
- Babel's 1,000 locales: only Vietnamese (vi, vi_VN) and the root locale are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# ReportLab imports Pillow's core on start; the codecs and tools below it never reads.
_PILLOW_EXTRAS = (
    "PIL._avif PIL.AvifImagePlugin PIL._webp PIL.WebPImagePlugin PIL._imagingft "
    "PIL._imagingcms PIL.ImageCms PIL._imagingtk PIL.ImageTk PIL.ImageQt"
).split()
# desktop/ui imports QtCore, QtGui, QtWidgets and QtPrintSupport only.
_QT_MODULES = (
    "QtNetwork QtDBus QtQml QtQuick QtQuickControls2 QtQuickWidgets QtQuickTest QtOpenGL "
    "QtOpenGLWidgets QtSql QtSvg QtSvgWidgets QtTest QtXml QtUiTools QtDesigner QtHelp "
    "QtConcurrent"
).split()
# Chinese, Japanese and Korean codecs: the files and sheets we read are UTF-8 or a
# Vietnamese single-byte code page.
_CJK_CODECS = (
    "big5 big5hkscs cp932 cp949 cp950 euc_jis_2004 euc_jisx0213 euc_jp euc_kr gb18030 "
    "gb2312 gbk hz iso2022_jp iso2022_jp_1 iso2022_jp_2 iso2022_jp_2004 iso2022_jp_3 "
    "iso2022_jp_ext iso2022_kr johab shift_jis shift_jis_2004 shift_jisx0213"
).split()

# Python modules PyInstaller must not follow (the app never imports them).
EXCLUDED_MODULES = [
    *(
        "numpy yaml pygments tkinter _tkinter unittest pydoc_data pytest _pytest hypothesis "
        "pypdf pytestqt setuptools pkg_resources distutils pip IPython matplotlib ssl _ssl "
        "greenlet readline lxml.html lxml.objectify lxml.isoschematron"
    ).split(),
    *_PILLOW_EXTRAS,
    *(f"PySide6.{name}" for name in _QT_MODULES),
    *(f"encodings.{name}" for name in _CJK_CODECS),
]

# Qt plugin groups (folders under plugins/) the app needs, and within a group which files.
# A group missing here is dropped whole; ``None`` keeps the whole group.
KEPT_QT_PLUGINS: dict[str, tuple[str, ...] | None] = {
    "platforms": ("qwindows", "qxcb", "qwayland", "qoffscreen", "qminimal"),
    "platformthemes": ("qxdgdesktopportal",),
    "platforminputcontexts": None,
    "styles": None,
    "printsupport": None,
    "iconengines": ("qsvgicon",),
    "imageformats": ("qsvg", "qico"),
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": None,
}

# Files dropped wherever they are (Windows' GL fallbacks; Qt's own translations).
_DROPPED_FILES = re.compile(
    r"(^|/)(opengl32sw\.dll|d3dcompiler_\d+\.dll)$|(^|/)PySide6/(Qt/)?translations/",
    re.IGNORECASE,
)
_QT_PLUGIN = re.compile(r"(^|/)PySide6/(Qt/)?plugins/(?P<group>[^/]+)/(?P<file>[^/]+)$")
_BABEL_LOCALE = re.compile(r"(^|/)babel/locale-data/(?P<name>[^/]+)\.dat$")
KEPT_BABEL_LOCALES = ("root", "vi", "vi_VN")


def _plugin_stem(file: str) -> str:
    # libqxcb.so, qxcb.dll, libqxcb.dylib -> qxcb
    stem = file.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest_name: str) -> bool:
    """Whether a file collected by PyInstaller (its path inside the bundle) is shipped."""
    path = dest_name.replace("\\", "/")
    if _DROPPED_FILES.search(path):
        return False
    plugin = _QT_PLUGIN.search(path)
    if plugin:
        group = plugin["group"]
        if group not in KEPT_QT_PLUGINS:
            return False
        wanted = KEPT_QT_PLUGINS[group]
        return wanted is None or _plugin_stem(plugin["file"]) in wanted
    locale = _BABEL_LOCALE.search(path)
    if locale:
        return locale["name"] in KEPT_BABEL_LOCALES
    return True


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].lower()


def select(
    binaries: list, datas: list, needed: Callable[[str], Iterable[str]]
) -> tuple[list, list]:
    """The binaries and data files worth shipping, from PyInstaller's TOCs.

    Entries are ``(dest_name, src_name, typecode)``. Besides what ``keep`` refuses, a
    shared library goes too when only refused files needed it (the GTK theme plugin
    brings cairo, pango and GLib along); ``needed(src_name)`` names the libraries a
    binary links to. A library something kept links to, directly or not, always stays.
    """
    by_name = {_base(dest): src for dest, src, _ in binaries}

    def closure(roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            src = stack.pop()
            for name in needed(src):
                base = _base(name)
                if base in by_name and base not in seen:
                    seen.add(base)
                    stack.append(by_name[base])
        return seen

    refused = [src for dest, src, _ in binaries if not keep(dest)]
    brought = closure(refused)
    roots = [src for dest, src, _ in binaries if keep(dest) and _base(dest) not in brought]
    orphans = brought - closure(roots) - {_base(src) for src in roots}
    kept_binaries = [e for e in binaries if keep(e[0]) and _base(e[0]) not in orphans]
    shipped = {e[0].replace("\\", "/") for e in kept_binaries}
    kept_datas = [
        e for e in datas if keep(e[0]) and (e[2] != "SYMLINK" or e[1].replace("\\", "/") in shipped)
    ]
    return kept_binaries, kept_datas
