"""The roll's choice circles, drawn at the size of the text (issue 10, points 2 and 8).

The ○/● characters of the model are as small as a letter, about 10 px at the default
size, and a glyph does not grow with the pointer's need. This delegate paints each
choice as a ring of the scaled indicator size (desktop/ui/scaling_style.py), filled when
chosen, and the whole cell takes the click, so the target is at least the ring plus a
margin: 24 px or more at the largest text size.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.meetings.attendance_model import CHOICES, CHOSEN
from desktop.ui.scaling_style import MIN_TARGET_AT_LARGEST, target_size

# Room around the ring inside its cell, so two rows' rings never touch.
RING_MARGIN = 6


def ring_size() -> int:
    """The ring's diameter at the current text size (never under the platform's 13 px)."""
    return max(target_size(), 14)


def row_height() -> int:
    """A roll row: the text or the ring, whichever is taller, with a margin."""
    text = QFontMetrics(QApplication.font()).height()
    return max(text, ring_size()) + RING_MARGIN


class ChoiceDelegate(QStyledItemDelegate):
    """Paints the three choice columns as rings; other columns as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        if index.column() not in CHOICES:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(role)
        side = min(ring_size(), option.rect.height() - 2, option.rect.width() - 2)
        centre = QPointF(option.rect.center()) + QPointF(0.5, 0.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, max(1.5, side / 12))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side))
        if index.data() == CHOSEN:
            dot = side * 0.55
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(centre.x() - dot / 2, centre.y() - dot / 2, dot, dot))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        if index.column() in CHOICES:
            hint = hint.expandedTo(QSize(ring_size() + 2 * RING_MARGIN, row_height()))
        return hint


__all__ = ["ChoiceDelegate", "MIN_TARGET_AT_LARGEST", "ring_size", "row_height"]
