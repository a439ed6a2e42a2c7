"""Hit targets that grow with the text size (ô đánh dấu, nút tròn, mũi tên số).

Qt draws checkboxes, radio circles and spin-box arrows at a fixed size in pixels, about
13 px whatever the text size: at cỡ chữ 20 the text is large and the boxes to click are
as small as before. This style wraps the platform's own and sizes those indicators by
the height of the application's text, at least ``MIN_TARGET_AT_LARGEST`` pixels at the
largest text size. (A style sheet would do it too, but a widget with a style sheet stops
following the app-wide font, see desktop/ui/widgets.py.)
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFormLayout, QProxyStyle, QStyle

MIN_TARGET_AT_LARGEST = 24
# Indicator side as a share of the text's line height (at cỡ 20 the line is ~31 px).
INDICATOR_SHARE = 0.8

_INDICATORS = {
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
}


def text_height() -> int:
    return QFontMetrics(QApplication.font()).height()


def target_size() -> int:
    """The side of a checkbox or radio circle at the current text size."""
    return round(text_height() * INDICATOR_SHARE)


class ScalingStyle(QProxyStyle):
    """The platform style with indicators and spin arrows scaled to the text."""

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt's name
        base = super().pixelMetric(metric, option, widget)
        if metric in _INDICATORS:
            return max(base, target_size())
        return base

    def sizeFromContents(self, kind, option, size, widget=None):  # noqa: N802 - Qt's name
        # Each spin arrow is half the box's height: the box is two targets tall, so the
        # up and the down arrow are each a whole target (24 px or more at the largest).
        result = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_SpinBox:
            result.setHeight(max(result.height(), 2 * target_size()))
            # The style counted its own narrower arrows: room for the wider ones.
            result.setWidth(result.width() + max(0, target_size() - 16))
        return result

    def styleHint(self, hint, option=None, widget=None, data=None) -> int:  # noqa: N802
        # A form puts a field under its label when the two do not fit side by side,
        # instead of widening the window (large text, small screen).
        if hint == QStyle.StyleHint.SH_FormLayoutWrapPolicy:
            return int(QFormLayout.RowWrapPolicy.WrapLongRows.value)
        return super().styleHint(hint, option, widget, data)

    def subControlRect(self, control, option, sub, widget=None) -> QRect:  # noqa: N802
        rect = super().subControlRect(control, option, sub, widget)
        if control != QStyle.ComplexControl.CC_SpinBox:
            return rect
        frame = option.rect
        up = super().subControlRect(control, option, QStyle.SubControl.SC_SpinBoxUp, widget)
        # The arrows' width, from the up arrow: the rect asked for may be the text field
        # (taking its width cut a time "19:00" to "1").
        width = max(up.width(), target_size())
        if up.width() >= width or up.isEmpty():
            return rect
        right = frame.right() - (frame.right() - up.right())
        left = right - width + 1
        half = frame.height() // 2
        if sub == QStyle.SubControl.SC_SpinBoxUp:
            return QRect(left, frame.top(), width, half)
        if sub == QStyle.SubControl.SC_SpinBoxDown:
            return QRect(left, frame.top() + half, width, frame.height() - half)
        if sub == QStyle.SubControl.SC_SpinBoxEditField:
            edit = super().subControlRect(
                control, option, QStyle.SubControl.SC_SpinBoxEditField, widget
            )
            return QRect(edit.left(), edit.top(), max(left - edit.left() - 1, 1), edit.height())
        return rect


def install_scaling_style(app: QApplication) -> None:
    """Wrap the application's style once (configure_application may run twice)."""
    if not isinstance(app.style(), ScalingStyle):
        app.setStyle(ScalingStyle(app.style().name()))
