"""Self-scoring by criteria group (tự chấm điểm theo các nhóm tiêu chí, thang 100 điểm).

One box per group with its maximum; "27,5" and "27.5" are both accepted. The total and
the level the score bands give are shown as the user types.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.rules.rating_model import RulePack, ScoreGroup
from desktop.services.reviews.self_reviews import parse_score, score_text
from desktop.ui.widgets import FieldBox, form_label


class ScoreEditor(QWidget):
    """``changed`` fires on every keystroke in a score box."""

    changed = Signal()

    def __init__(
        self, pack: RulePack, groups: tuple[ScoreGroup, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self.groups = groups
        self.boxes: dict[str, FieldBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in groups:
            edit = QLineEdit()
            edit.setPlaceholderText(f"0 – {score_text(group.max)}")
            edit.setAccessibleName(group.title)
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00,00") * 3)
            edit.textChanged.connect(self._typed)
            box = FieldBox(edit)
            # The box is as wide as the panel, so an error reads on one or two lines.
            box.layout().setAlignment(edit, Qt.AlignmentFlag.AlignLeft)
            self.boxes[group.code] = box
            label = form_label(f"{group.title} (tối đa {score_text(group.max)} điểm):", edit)
            label.setWordWrap(True)
            layout.addWidget(label)
            layout.addWidget(box)
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        layout.addWidget(self.total_label)
        self._show_total()

    def edit(self, code: str) -> QLineEdit:
        return self.boxes[code].editor

    def set_scores(self, scores: dict[str, Decimal]) -> None:
        for code, box in self.boxes.items():
            box.editor.setText(score_text(scores.get(code)))
            box.set_error("")
        self._show_total()

    def scores(self) -> tuple[dict[str, Decimal], dict[str, str]]:
        """The typed scores, and the field errors ("score:<group>" → message)."""
        found: dict[str, Decimal] = {}
        errors: dict[str, str] = {}
        for group in self.groups:
            text = self.boxes[group.code].editor.text().strip()
            if not text:
                continue
            try:
                value = parse_score(text)
            except ValueError as exc:
                errors[f"score:{group.code}"] = str(exc)
                continue
            if value < 0 or value > group.max:
                errors[f"score:{group.code}"] = (
                    f"Điểm phải từ 0 đến {score_text(group.max)} (đang ghi {score_text(value)})."
                )
            found[group.code] = value
        return found, errors

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Put each "score:<group>" message under its box; True when any was shown."""
        shown = False
        for code, box in self.boxes.items():
            message = errors.get(f"score:{code}", "")
            box.set_error(message)
            shown = shown or bool(message)
        return shown

    def total_text(self) -> str:
        scores, errors = self.scores()
        if errors:
            return "Tổng điểm: chưa tính được (có ô điểm ghi chưa đúng)."
        if not scores:
            return "Tổng điểm: chưa chấm."
        total = sum(scores.values(), Decimal(0))
        if len(scores) < len(self.groups):
            return f"Tổng {score_text(total)} điểm (chưa chấm đủ các nhóm tiêu chí)."
        level = self.pack.level_for_score(total)
        return f"Tổng {score_text(total)} điểm → {level.name}" if level else ""

    def implied_level_code(self) -> str:
        scores, errors = self.scores()
        if errors or len(scores) < len(self.groups) or not self.groups:
            return ""
        level = self.pack.level_for_score(sum(scores.values(), Decimal(0)))
        return level.code if level else ""

    def _typed(self) -> None:
        self._show_total()
        self.changed.emit()

    def _show_total(self) -> None:
        self.total_label.setText(f"<b>{self.total_text()}</b>")
