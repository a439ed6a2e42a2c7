"""Every window inside the screen (vừa màn hình), and where the secretary left it.

An office PC is most often 1366×768, and on Windows the taskbar leaves about 700 pixels
of height: a window taller than that hides its Lưu/Đóng row. ``fit_to_screen`` replaces
``resize``: the preferred size, bounded by the screen's available geometry, or the size
and place the window had last time (QSettings), if that place is still on a screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QStyle, QVBoxLayout, QWidget

# Room for the title bar and borders the window manager adds around the window.
FRAME_ALLOWANCE = QSize(16, 40)
SETTINGS_GROUP = "windows"
# The scroll areas this module adds (tests look for them by this name).
FIT_SCROLL_NAME = "sochibo_fit_scroll"


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


def keep_inside(window: QWidget) -> None:
    """Shrink and move ``window`` so that all of it is on its screen's usable area.

    A dialog whose content is taller or wider than the screen (a large text size on a
    small screen) first gets its content in a scroll area, its button row kept below.
    """
    area = available_geometry(window)
    limit = area.size() - FRAME_ALLOWANCE
    # Wrapped labels need more height at the window's width than its minimum says:
    # without that height the layout squeezes rows over each other (the USB dialog).
    needed = _least_size(window)
    needed.setHeight(max(needed.height(), _wrapped_height(window)))
    scrolled = False
    if not _fits(needed, limit):
        scrolled = scroll_body(window)
    size = window.size().expandedTo(_least_size(window)) + QSize(_sideways_need(window), 0)
    if not scrolled:
        size.setHeight(max(size.height(), _wrapped_height(window)))
    elif needed.height() > size.height():
        size.setHeight(needed.height())  # as tall as the screen allows, then it scrolls
    window.resize(size.boundedTo(limit))
    # pos() is the frame's corner: the frame is the window plus FRAME_ALLOWANCE.
    right = area.right() + 1 - window.width() - FRAME_ALLOWANCE.width()
    bottom = area.bottom() + 1 - window.height() - FRAME_ALLOWANCE.height()
    left = max(min(window.x(), right), area.left())
    top = max(min(window.y(), bottom), area.top())
    if (left, top) != (window.x(), window.y()):
        window.move(left, top)


def _sideways_need(window: QWidget) -> int:
    """How much wider the window must be for its scroll areas not to scroll sideways."""
    if window.layout() is not None:
        window.layout().activate()
    need = 0
    for scroll in window.findChildren(QScrollArea, FIT_SCROLL_NAME):
        inner = scroll.widget()
        if inner is not None and not scroll.isHidden():
            # Room for the vertical scroll bar that may appear once the width is set.
            bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            width = scroll.viewport().width()
            if not scroll.verticalScrollBar().isVisible():
                width -= bar
            need = max(need, inner.minimumSizeHint().width() - width)
    return need


def _wrapped_height(window: QWidget) -> int:
    """The height the window's layout needs at the window's width (0 if it does not wrap)."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return 0
    return layout.totalHeightForWidth(max(window.width(), window.minimumSizeHint().width()))


def _least_size(window: QWidget) -> QSize:
    return window.minimumSizeHint().expandedTo(window.minimumSize())


def _fits(size: QSize, limit: QSize) -> bool:
    return size.width() <= limit.width() and size.height() <= limit.height()


def scroll_body(window: QWidget) -> bool:
    """Move everything but the last row (the buttons) of ``window``'s layout into a
    scroll area; True when done (once per window, box layouts only)."""
    layout = window.layout()
    if not isinstance(layout, QBoxLayout) or layout.count() < 2:
        return False
    if window.property("sochibo_scrolled_body"):
        return False
    body = QWidget()
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(layout.spacing())
    for _ in range(layout.count() - 1):
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item.widget() is not None:
            inner.addWidget(item.widget(), stretch)
        elif item.layout() is not None:
            inner.addLayout(item.layout(), stretch)
        elif item.spacerItem() is not None:
            inner.addStretch(max(stretch, 1))
    layout.insertWidget(0, page_scroller(body), 1)
    window.setProperty("sochibo_scrolled_body", True)
    return True


class _GeometryKeeper(QObject):
    """Keeps the window on the screen when shown; saves its place when hidden or closed."""

    def __init__(self, window: QWidget, key: str) -> None:
        super().__init__(window)
        self.key = key

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.isWindow() and not watched.isMaximized():
                keep_inside(watched)
        elif event.type() in (QEvent.Type.Hide, QEvent.Type.Close) and isinstance(
            watched, QWidget
        ):
            if watched.isWindow() and not watched.isMaximized() and not watched.isMinimized():
                geometry = watched.geometry()
                if geometry.width() > 0 and geometry.height() > 0:
                    settings().setValue(f"{SETTINGS_GROUP}/{self.key}", geometry)
        return False


def page_scroller(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: at a large text size on a small screen the
    page scrolls down instead of pushing the window past the screen's edge."""
    scroll = _FitScrollArea()
    scroll.setObjectName(FIT_SCROLL_NAME)
    # Tab goes to the fields inside (the area scrolls to each), never to the area itself.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll


class _FitScrollArea(QScrollArea):
    """Never narrower than its content while the screen has room: it scrolls down, and
    sideways only when the content is wider than the screen itself."""

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # The content asks for more room (a table filled later): tell the window.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        others = max(self.window().width() - self.width(), 0) if self.window() is not self else 0
        room = usable_size(self).width() - others
        width = min(content.minimumSizeHint().width() + bar, room)
        return QSize(max(hint.width(), width), hint.height())
