"""How the app looks: name, icon, Vietnamese Qt strings, and the text size (cỡ chữ).

The text size is one setting applied to the whole application at once, so that the
secretary can make everything larger without hunting through dialogs.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontInfo, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.paths import resource
from desktop.ui.compat import collect_garbage_on_gui_thread
from desktop.ui.qt_vi import install_vietnamese
from desktop.ui.scaling_style import install_scaling_style

APP_NAME = "Sổ Chi bộ"
FONT_SIZES = tuple(range(11, 21))
DEFAULT_FONT_SIZE = 12


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("sochibo.svg", "sochibo.png"):
        path = resource("icons", name)
        if path.exists():
            icon.addFile(str(path))
    return icon


def configure_application(app: QApplication, font_point_size: int = DEFAULT_FONT_SIZE) -> None:
    """Everything the app needs before its first window (safe to call twice)."""
    collect_garbage_on_gui_thread(app)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("SoChiBo")
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(app_icon())
    # Wayland docks match windows to installer/linux/sochibo.desktop by this name.
    app.setDesktopFileName("sochibo")
    install_vietnamese(app)
    install_scaling_style(app)
    apply_font_size(font_point_size)


def apply_font_size(point_size: int) -> None:
    """Set the text size of every widget now and of every later one."""
    point_size = min(max(point_size, FONT_SIZES[0]), FONT_SIZES[-1])
    font = QFont(QApplication.font())
    font.setPointSize(point_size)
    QApplication.setFont(font)


def font_description() -> str:
    """The font really used (not the requested alias such as "Sans Serif") and its size."""
    font = QApplication.font()
    return f"{QFontInfo(font).family()}, cỡ {font.pointSize()}"


def heading(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A title that stays larger than the text around it, whatever the text size.

    Rich text sizes ("x-large") are relative to the label's font, so the title follows
    the app-wide text size without any code of its own.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(f'<span style="font-size: x-large; font-weight: 600;">{escape(text)}</span>')
    label.setWordWrap(True)
    return label
