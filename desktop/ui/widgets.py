"""Small widgets the forms share: a field with its error line, date and number boxes.

Dates are typed, not picked: an elderly user types "05/3/1960" (or just "1960" for an
old record) faster and more surely than they drive a calendar pop-up, and Unikey does
not get in the way of digits.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRegularExpression, QSize, Qt
from PySide6.QtGui import QColor, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a4b00"
NOTICE_BACKGROUND = "#fff4d6"
DATE_PLACEHOLDER = "dd/mm/yyyy"


class FieldBox(QWidget):
    """An editor with a red error line under it, hidden while there is no error."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error_label = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def error(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()


class FormLabel(QLabel):
    """A form label whose Alt+letter jumps to its buddy, never cut short.

    QLabel sizes itself by the glyphs' advance but clips to that width, and some fonts
    draw the last "o" or "c" a pixel past it; a few pixels of room keep it whole.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return super().sizeHint() + QSize(4, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return super().minimumSizeHint() + QSize(4, 0)


# Colours go through the palette, not style sheets: a widget with a style sheet stops
# following the app-wide text size (QApplication.setFont), which the user can change.


def coloured_label(colour: str, text: str = "") -> QLabel:
    label = QLabel(text)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """A red line for an error message, hidden until there is one."""
    label = coloured_label(ERROR_COLOUR)
    label.hide()
    return label


def notice_label(text: str) -> QLabel:
    """A boxed, lightly tinted paragraph for something the user should notice."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAutoFillBackground(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(NOTICE_BACKGROUND))
    label.setPalette(palette)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(10)
    return label


def form_label(text: str, buddy: QWidget) -> QLabel:
    label = FormLabel(text)
    label.setBuddy(buddy)
    return label


def date_edit(placeholder: str = DATE_PLACEHOLDER) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(30)
    return edit


def digits_edit(max_digits: int = 12) -> QLineEdit:
    """A box that accepts only digits, at most ``max_digits`` of them."""
    edit = QLineEdit()
    edit.setMaxLength(max_digits)
    pattern = QRegularExpression(rf"\d{{0,{max_digits}}}")
    edit.setValidator(QRegularExpressionValidator(pattern, edit))
    edit.setPlaceholderText(f"{max_digits} chữ số")
    return edit


def choice_combo(items: list[tuple[str, str]]) -> QComboBox:
    """A fixed list: ``items`` are (label, stored value)."""
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    return combo


def editable_combo(suggestions: list[str]) -> QComboBox:
    """A list of usual answers that also accepts any other text (dân tộc, tôn giáo)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(suggestions)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


def set_combo_value(combo: QComboBox, value: str) -> None:
    """Select the item holding ``value``; an editable combo shows unknown text as typed."""
    index = combo.findData(value)
    if index < 0:
        index = combo.findText(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(value)


def combo_value(combo: QComboBox) -> str:
    if combo.isEditable():
        return combo.currentText()
    value = combo.currentData()
    return value if isinstance(value, str) else combo.currentText()


class ChoiceButton(QPushButton):
    """A large button with a bold title and a line of explanation under it.

    Used where the user chooses between a few big actions. (QCommandLinkButton would
    do the same, but it draws its title at a fixed 9 points, too small to read here.)
    """

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(f"<b>{escape(title)}</b>")
        self.title_label.setWordWrap(True)
        self.description_label = QLabel(description)
        self.description_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(4)
        for label in (self.title_label, self.description_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(title)
        self.setToolTip(description)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Narrow enough to wrap its words (a push button's least size is its full text)."""
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.layout().totalHeightForWidth(width)


def readable_when_disabled(widget: QWidget) -> None:
    """Keep ``widget``'s text at full contrast while it is disabled (issue 10 point 12).

    Approved minutes are shown with their fields disabled, and Qt greys a disabled
    field's text to a pale tint an elderly reader cannot make out. The text keeps its
    normal colour; the field still looks locked by its greyed frame and background, and
    the window says "đã thông qua" above it.
    """
    palette = widget.palette()
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(
            QPalette.ColorGroup.Disabled, role, palette.color(QPalette.ColorGroup.Active, role)
        )
    widget.setPalette(palette)
