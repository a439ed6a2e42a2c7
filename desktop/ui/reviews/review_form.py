"""What a self-review (bản tự kiểm điểm) and the collective review (kiểm điểm tập thể)
dialogs share: the written sections, the optional score panel, the date written and the
self-assessed level, read the same way, and the same end to a save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.ui.meetings.common import read_date
from desktop.ui.reviews.common import EditDialog


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
