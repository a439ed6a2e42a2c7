"""What a self-review (bản tự kiểm điểm) and the collective review (kiểm điểm tập thể)
dialogs share: the written sections, the optional score panel, the date written and the
self-assessed level, read the same way, and the same end to a save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.ui.meetings.common import read_date
from desktop.ui.reviews.common import EditDialog
from desktop.ui.reviews.scores import ScoreEditor
from desktop.ui.reviews.sections import SectionEditors


@dataclass(frozen=True)
class ReviewFields:
    """The fields every review form holds."""

    written_on: date | None
    answers: dict[str, str]
    scores: dict
    self_level: str


class ReviewFormDialog(EditDialog):
    """An ``EditDialog`` with ``sections`` (SectionEditors), ``scores`` (a ScoreEditor or
    None), ``written_on`` (a date edit) and ``self_level`` (a level combo); a subclass
    gives ``_show_errors(errors)``."""

    scores: ScoreEditor | None = None

    def build_editors(self, detail) -> QVBoxLayout:
        """``sections`` for the form's text sections and, when the form scores, the score
        panel at the top of the side column returned (the rest of the side comes after)."""
        self.sections = SectionEditors(detail.form, detail.text_sections)
        self.sections.changed.connect(self.mark_dirty)
        side = QVBoxLayout()
        self.scores = None
        if detail.score_groups:
            box = QGroupBox("Tự chấm điểm theo các nhóm tiêu chí")
            self.scores = ScoreEditor(detail.pack, detail.score_groups)
            self.scores.changed.connect(self.mark_dirty)
            QVBoxLayout(box).addWidget(self.scores)
            side.addWidget(box)
        return side

    def build_buttons(self, save_tip: str) -> QHBoxLayout:
        """"Lưu" (Ctrl+S) and "Đóng" at the right; Enter in a field presses neither."""
        self.save_button = QPushButton("&Lưu")
        self.save_button.setToolTip(save_tip)
        self.close_button = QPushButton("Đó&ng")
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_and_close)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        return buttons

    def build_body(self, side: QVBoxLayout, with_sections: bool = True) -> QHBoxLayout:
        """The sections (three parts of the width) beside the side column (two parts)."""
        body = QHBoxLayout()
        if with_sections:
            body.addWidget(self.sections, 3)
        side_widget = QWidget()
        side_widget.setLayout(side)
        body.addWidget(side_widget, 2)
        return body

    def read_review_fields(self) -> tuple[ReviewFields, dict[str, str]]:
        """The shared fields as typed, and the errors found reading them (by field)."""
        errors: dict[str, str] = {}
        scores = {}
        if self.scores is not None:
            scores, errors = self.scores.scores()
        written_on, error = read_date(self.written_on, "Ngày viết")
        if error:
            errors["written_on"] = error
        fields = ReviewFields(
            written_on=written_on,
            answers=self.sections.texts(),
            scores=scores,
            self_level=self.self_level.currentData() or "",
        )
        return fields, errors

    def finish_save(self, errors: dict[str, str]) -> bool:
        """Show ``errors`` beside their fields; without any, the record counts as saved."""
        self._show_errors(errors)
        if errors:
            return False
        self.dirty = False
        self.changed.emit()
        return True
