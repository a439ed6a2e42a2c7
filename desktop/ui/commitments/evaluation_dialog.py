"""The chi ủy's year-end evaluation of a member's commitment (chi ủy đánh giá kết quả
thực hiện cam kết): thực hiện tốt / thực hiện đạt / chưa đạt, a comment and the date."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews.commitments import (
    CommitmentResult,
    commitment_result_text,
    evaluate_commitment,
    get_commitment,
)
from desktop.errors import DomainError
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import read_date, show_date
from desktop.ui.widgets import date_edit, error_label, form_label

NOT_EVALUATED = "Chưa đánh giá"


class EvaluationDialog(QDialog):
    def __init__(
        self, ctx: UiContext, member_id: int, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.year = year
        detail = get_commitment(ctx.db, member_id, year)
        if detail is None:
            raise DomainError("Đồng chí này chưa có bản cam kết năm này.")
        self.setWindowTitle(f"Chi ủy đánh giá cam kết năm {year} — {detail.member_name}")
        fit_to_screen(self, QSize(720, 0))
        self.summary = QLabel(
            f"Đồng chí <b>{detail.member_name}</b>: {commitment_result_text(detail)}"
        )
        self.summary.setWordWrap(True)
        not_assessed = [i for i in detail.items if not i.self_assessment]
        self.not_assessed_label = QLabel(
            f"Còn {len(not_assessed)} nội dung đồng chí chưa tự đánh giá." if not_assessed else ""
        )
        self.not_assessed_label.setVisible(bool(not_assessed))

        self.level_box = QGroupBox("Mức đánh giá")
        self.levels = QButtonGroup(self)
        levels = QVBoxLayout(self.level_box)
        self.buttons: dict[str, QRadioButton] = {}
        choices = [(r.value, f"&{n}. {r.label}") for n, r in enumerate(CommitmentResult, 1)]
        choices.append(("", f"&{len(choices) + 1}. {NOT_EVALUATED}"))
        for value, label in choices:
            button = QRadioButton(label)
            self.levels.addButton(button)
            self.buttons[value] = button
            levels.addWidget(button)
        self.buttons.get(detail.evaluation, self.buttons[""]).setChecked(True)

        self.comment = QPlainTextEdit(detail.evaluation_comment)
        self.comment.setTabChangesFocus(True)
        self.comment.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.day = date_edit()
        # A date is short; a box across the whole window would look like a text field.
        self.day.setMaximumWidth(self.day.fontMetrics().horizontalAdvance("00/00/0000") * 2)
        show_date(self.day, detail.evaluated_on or ctx.today())
        self.error = error_label()
        form = QFormLayout()
        form.addRow(form_label("&Nhận xét của chi ủy", self.comment), self.comment)
        form.addRow(form_label("Ngày đánh &giá", self.day), self.day)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.not_assessed_label)
        layout.addWidget(self.level_box)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.levels.checkedButton().setFocus()

    def choose(self, value: str) -> None:
        self.buttons[value].setChecked(True)

    def chosen(self) -> str:
        return next(v for v, b in self.buttons.items() if b.isChecked())

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        day, problem = read_date(self.day, "Ngày đánh giá")
        value = self.chosen()
        if not problem and value and day is None:
            problem = "Hãy ghi ngày chi ủy đánh giá (ví dụ 20/12/2026)."
        if problem:
            self._problem(problem)
            return
        try:
            evaluate_commitment(
                self.ctx.db, self.member_id, self.year, value, self.comment.toPlainText(), day
            )
        except DomainError as exc:
            self._problem(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - the window stays open with what was typed
            messages.show_exception(self, exc, "Chưa lưu được đánh giá")
            return
        super().accept()
