"""Every window inside the screen (vừa màn hình), and where the secretary left it.

An office PC is most often 1366×768, and on Windows the taskbar leaves about 700 pixels
of height: a window taller than that hides its Lưu/Đóng row. ``fit_to_screen`` replaces
``resize``: the preferred size, bounded by the screen's available geometry, or the size
and place the window had last time (QSettings), if that place is still on a screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the title bar and borders the window manager adds around the window.
FRAME_ALLOWANCE = QSize(16, 40)
SETTINGS_GROUP = "windows"


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part (without taskbar) of the screen ``widget`` is on; tests replace it."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def available_geometries() -> list[QRect]:
    """Every screen's usable part; tests replace it along with ``available_geometry``."""
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def settings() -> QSettings:
    """Where window places are kept (the user's Qt settings; tests point it elsewhere)."""
    return QSettings()


def usable_size(widget: QWidget | None = None) -> QSize:
    """The largest window (inside its frame) that fits on the screen."""
    return available_geometry(widget).size() - FRAME_ALLOWANCE


def fit_to_screen(window: QWidget, preferred: QSize, key: str | None = None) -> None:
    """Size ``window`` to ``preferred`` bounded by the screen, or restore its last place.

    ``key`` names the window in the settings (default: its class name). The place is
    saved again whenever the window is hidden or closed.
    """
    key = key or type(window).__name__
    if not _restore(window, key):
        limit = usable_size(window)
        # A height of 0 means "as tall as the content needs" (Qt grows it to the minimum).
        window.resize(preferred.boundedTo(limit))
        if window.parentWidget() is None:
            centre = available_geometry(window).center()
            window.move(centre - QPoint(window.width() // 2, window.height() // 2))
    keeper = _GeometryKeeper(window, key)
    window.installEventFilter(keeper)


def _restore(window: QWidget, key: str) -> bool:
    value = settings().value(f"{SETTINGS_GROUP}/{key}")
    if not isinstance(value, QRect) or value.isEmpty():
        return False
    for area in available_geometries():
        if area.contains(value.topLeft() + QPoint(20, 10)):
            size = value.size().boundedTo(area.size() - FRAME_ALLOWANCE)
            left = min(value.left(), area.right() - size.width())
            top = min(value.top(), area.bottom() - size.height() - FRAME_ALLOWANCE.height())
            window.resize(size)
            window.move(max(left, area.left()), max(top, area.top()))
            return True
    return False


class _GeometryKeeper(QObject):
    """Saves the window's place when it is hidden or closed."""

    def __init__(self, window: QWidget, key: str) -> None:
        super().__init__(window)
        self.key = key

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Hide, QEvent.Type.Close) and isinstance(watched, QWidget):
            if watched.isWindow() and not watched.isMaximized() and not watched.isMinimized():
                geometry = watched.geometry()
                if geometry.width() > 0 and geometry.height() > 0:
                    settings().setValue(f"{SETTINGS_GROUP}/{self.key}", geometry)
        return False
