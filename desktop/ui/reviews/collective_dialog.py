"""The cell's review of itself (kiểm điểm tập thể chi bộ; Mẫu 01 from 2025): the report's
parts, the self-score (2025+), the self-rating, the vote and the superior's decision."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews import collective as service
from desktop.errors import ValidationError
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import read_date, show_date
from desktop.ui.reviews.common import (
    field_messages,
    level_combo,
    set_level,
    show_spin,
    spin_value,
    vote_spin,
)
from desktop.ui.reviews.review_form import ReviewFormDialog
from desktop.ui.style import heading
from desktop.ui.widgets import (
    WARNING_COLOUR,
    FieldBox,
    coloured_label,
    date_edit,
    error_label,
    form_label,
    notice_label,
)

NO_FORM_TEXT = (
    "Quy định năm {period} không có mẫu báo cáo kiểm điểm tập thể riêng; ở đây chỉ ghi mức "
    "chi bộ tự xếp loại, kết quả biểu quyết và quyết định của cấp trên."
)


class CollectiveDialog(ReviewFormDialog):
    UNSAVED_TEXT = "Kiểm điểm tập thể chi bộ có thay đổi chưa lưu. Lưu thay đổi?"

    def __init__(self, ctx: UiContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.detail = service.get_collective_review(ctx.db, year)
        detail = self.detail
        self.setWindowTitle(f"Kiểm điểm tập thể chi bộ năm {year}")
        if detail.form is not None:
            fit_to_screen(self, QSize(1180, 760))
        else:
            fit_to_screen(self, QSize(760, 520))  # only the rating boxes

        title = heading(f"Kiểm điểm tập thể chi bộ năm {year}")
        if detail.form is not None:
            form_line = QLabel(f"{detail.form.title} — {detail.form.template}")
        else:
            form_line = notice_label(NO_FORM_TEXT.format(period=detail.pack.period_text))
        form_line.setWordWrap(True)
        side = self.build_editors(detail)
        self.sections.setVisible(bool(detail.text_sections))

        self_box = QGroupBox("Chi bộ tự xếp loại và biểu quyết")
        self.self_level = level_combo(detail.pack)
        self.self_level_box = FieldBox(self.self_level)
        self.votes_for = vote_spin()
        self.votes_for_box = FieldBox(self.votes_for)
        self.votes_total = vote_spin()
        self.written_on = date_edit()
        self.written_box = FieldBox(self.written_on)
        votes = QHBoxLayout()
        votes.addWidget(self.votes_for_box)
        votes.addWidget(QLabel("trên"))
        votes.addWidget(self.votes_total)
        votes.addWidget(QLabel("người biểu quyết"))
        votes.addStretch(1)
        self_form = QFormLayout(self_box)
        self_form.addRow(form_label("&Mức tự xếp loại:", self.self_level), self.self_level_box)
        self_form.addRow(form_label("Số &phiếu tán thành:", self.votes_for), votes)
        self_form.addRow(form_label("Ngày &viết:", self.written_on), self.written_box)
        side.addWidget(self_box)

        decision_box = QGroupBox("Cấp trên quyết định")
        self.decided_level = level_combo(detail.pack, "(chưa có quyết định)")
        self.decided_box = FieldBox(self.decided_level)
        self.decision_number = QLineEdit()
        self.decision_number.setMaxLength(60)
        self.decision_number.setPlaceholderText("ví dụ: 125-QĐ/ĐU")
        self.decision_date = date_edit()
        self.decision_date_box = FieldBox(self.decision_date)
        decision_form = QFormLayout(decision_box)
        decision_form.addRow(form_label("Mức &xếp loại:", self.decided_level), self.decided_box)
        decision_form.addRow(
            form_label("&Số quyết định:", self.decision_number), self.decision_number
        )
        decision_form.addRow(form_label("Ngà&y:", self.decision_date), self.decision_date_box)
        side.addWidget(decision_box)
        self.warnings_label = coloured_label(WARNING_COLOUR)
        side.addWidget(self.warnings_label)
        side.addStretch(1)

        self.error = error_label()
        buttons = self.build_buttons("Lưu (Ctrl+S)")
        body = self.build_body(side, with_sections=bool(detail.text_sections))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(form_line)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._load()
        for signal in (
            self.self_level.currentIndexChanged,
            self.decided_level.currentIndexChanged,
            self.votes_for.valueChanged,
            self.votes_total.valueChanged,
            self.written_on.textChanged,
            self.decision_number.textChanged,
            self.decision_date.textChanged,
        ):
            signal.connect(self.mark_dirty)

    def _load(self) -> None:
        self.loading = True
        try:
            data = self.detail.data
            self.sections.set_texts(data.answers)
            if self.scores is not None:
                self.scores.set_scores(data.scores)
            set_level(self.self_level, data.self_level)
            set_level(self.decided_level, data.decided_level)
            show_spin(self.votes_for, data.votes_for)
            show_spin(self.votes_total, data.votes_total)
            show_date(self.written_on, data.written_on)
            self.decision_number.setText(data.decision_number)
            show_date(self.decision_date, data.decision_date)
        finally:
            self.loading = False
        warnings = self.detail.warnings
        self.warnings_label.setText("\n".join(f"• {w.text}" for w in warnings))
        self.warnings_label.setVisible(bool(warnings))
        self.dirty = False

    def save(self) -> bool:
        fields, errors = self.read_review_fields()
        decision_date, error = read_date(self.decision_date, "Ngày quyết định")
        if error:
            errors["decision_date"] = error
        if not errors:
            data = service.CollectiveReviewData(
                written_on=fields.written_on,
                answers=fields.answers,
                scores=fields.scores,
                self_level=fields.self_level,
                votes_for=spin_value(self.votes_for),
                votes_total=spin_value(self.votes_total),
                decided_level=self.decided_level.currentData() or "",
                decision_number=self.decision_number.text(),
                decision_date=decision_date,
            )
            try:
                service.save_collective_review(self.ctx.db, self.year, data)
            except ValidationError as exc:
                errors = field_messages(exc)
            except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
                messages.show_exception(self, exc, "Chưa lưu được kiểm điểm tập thể")
                return False
        return self.finish_save(errors)

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.show_errors(
            errors,
            {
                "self_level": self.self_level_box,
                "decided_level": self.decided_box,
                "votes_for": self.votes_for_box,
                "written_on": self.written_box,
                "decision_date": self.decision_date_box,
            },
        )
