"""The written parts of a review form (các phần của bản kiểm điểm), one editor each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from desktop.rules.rating_model import FormSection, FormVariant

COMMITMENT_NOTE = " (lấy từ bản cam kết; sửa được)"


class SectionEditors(QScrollArea):
    """``changed`` fires when any section's text changes."""

    changed = Signal()

    def __init__(
        self,
        form: FormVariant | None,
        sections: tuple[FormSection, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the sections inside
        self.editors: dict[str, QPlainTextEdit] = {}
        self.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        numbers = {s.code: n for n, s in enumerate(form.sections, start=1)} if form else {}
        for section in sections:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(section.title)
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            edit.textChanged.connect(self.changed.emit)
            number = numbers.get(section.code)
            title = f"{number}. {section.title}" if number else section.title
            if section.code == "cam_ket":
                title += COMMITMENT_NOTE
            label = QLabel(f"<b>{title}</b>")
            label.setWordWrap(True)
            label.setBuddy(edit)
            layout.addWidget(label)
            layout.addWidget(edit, 1)
            self.editors[section.code] = edit
        layout.addStretch(0)
        self.setWidget(inner)

    def set_texts(self, texts: dict[str, str]) -> None:
        for code, edit in self.editors.items():
            edit.setPlainText(texts.get(code, ""))

    def texts(self) -> dict[str, str]:
        return {code: edit.toPlainText() for code, edit in self.editors.items()}
