"""A member's year-end self-review (bản tự kiểm điểm) on the form the year's rules give.

The written parts on the left; on the right the self-score by criteria group (from 2025)
with its total and implied level, the self-rating, the date, and the facts the registry
does not hold (đình chỉ sinh hoạt, nghỉ ốm, tự phát hiện và khắc phục vi phạm).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews import ratings

from desktop.services.reviews import self_reviews
from desktop.services.reviews.self_rating import self_rating_mismatch
from desktop.errors import ValidationError
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import show_date
from desktop.ui.reviews.common import field_messages, level_combo, set_level
from desktop.ui.reviews.review_form import ReviewFormDialog
from desktop.ui.style import heading
from desktop.ui.widgets import FieldBox, date_edit, error_label, form_label, notice_label


class SelfReviewDialog(ReviewFormDialog):
    UNSAVED_TEXT = "Bản tự kiểm điểm có thay đổi chưa lưu. Lưu thay đổi?"

    def __init__(
        self, ctx: UiContext, year: int, row: ratings.RatingRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.row = row
        self.member_id = row.member_id
        self.detail = self_reviews.get_self_review(ctx.db, row.member_id, year)
        detail = self.detail
        self.setWindowTitle(f"Bản tự kiểm điểm năm {year} — {detail.member_name}")
        fit_to_screen(self, QSize(1180, 760))

        title = heading(f"Bản tự kiểm điểm năm {year} — đồng chí {detail.member_name}")
        form_line = QLabel(f"{detail.form.title} — {detail.form.template}")
        form_line.setWordWrap(True)
        self.not_rated_note = notice_label(self._not_rated_text())
        self.not_rated_note.setVisible(bool(self._not_rated_text()))

        side = self.build_editors(detail)

        rating_box = QGroupBox("Tự nhận mức xếp loại")
        self.self_level = level_combo(detail.pack)
        self.self_level.currentIndexChanged.connect(self.mark_dirty)
        self.self_level_box = FieldBox(self.self_level)
        self.written_on = date_edit()
        self.written_on.textChanged.connect(self.mark_dirty)
        self.written_box = FieldBox(self.written_on)
        # The self-rating against the score's band, in words, as the rating list prints it.
        self.band_note = notice_label("")
        self.band_note.setVisible(False)
        self.self_level.currentIndexChanged.connect(self.show_band_note)
        if self.scores is not None:
            self.scores.changed.connect(self.show_band_note)
        rating_form = QFormLayout(rating_box)
        rating_form.addRow(form_label("&Mức tự xếp loại:", self.self_level), self.self_level_box)
        rating_form.addRow(self.band_note)
        rating_form.addRow(form_label("Ngày &viết:", self.written_on), self.written_box)
        side.addWidget(rating_box)

        facts_box = QGroupBox("Thông tin thêm để xếp loại")
        self.suspended = QCheckBox("Bị đình chỉ sinh hoạt đảng (không xếp loại)")
        self.sick_months = QSpinBox()
        self.sick_months.setRange(0, 12)
        self.sick_months.setSuffix(" tháng")
        self.sick_box = FieldBox(self.sick_months)
        self.remedied = QCheckBox("Vi phạm do tự phát hiện và đã khắc phục")
        self.remedied.setToolTip(
            "Theo Quy định 124-QĐ/TW, vi phạm đảng viên tự phát hiện và khắc phục không bị "
            "giới hạn mức xếp loại."
        )
        self.not_rated_text = QLineEdit()
        self.not_rated_text.setPlaceholderText("ví dụ: vắng buổi xếp loại, xếp loại sau")
        facts_form = QFormLayout(facts_box)
        facts_form.addRow(self.suspended)
        facts_form.addRow(form_label("Nghỉ ốm t&rong năm:", self.sick_months), self.sick_box)
        facts_form.addRow(self.remedied)
        facts_form.addRow(
            form_label("Lý &do không xếp loại:", self.not_rated_text), self.not_rated_text
        )
        for check in (self.suspended, self.remedied):
            check.toggled.connect(self.mark_dirty)
        self.sick_months.valueChanged.connect(self.mark_dirty)
        self.not_rated_text.textChanged.connect(self.mark_dirty)
        side.addWidget(facts_box)
        side.addStretch(1)

        self.error = error_label()
        buttons = self.build_buttons("Lưu bản tự kiểm điểm (Ctrl+S)")
        body = self.build_body(side)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(form_line)
        layout.addWidget(self.not_rated_note)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._load()

    def band_text(self) -> str:
        """"⚠ Tự xếp loại «Tốt» nhưng điểm 66 thuộc mức «Hoàn thành»…", or "" when the
        self-rating sits in its band (or the scores are not all typed in yet)."""
        if self.scores is None:
            return ""
        scores, errors = self.scores.scores()
        if errors or len(scores) < len(self.scores.groups):
            return ""
        total = sum(scores.values(), Decimal(0))
        text = self_rating_mismatch(self.detail.pack, self.self_level.currentData() or "", total)
        return f"⚠ {text}. Xem lại mức tự xếp loại hoặc điểm tự chấm." if text else ""

    def show_band_note(self) -> None:
        text = self.band_text()
        self.band_note.setText(text)
        self.band_note.setVisible(bool(text))

    def _not_rated_text(self) -> str:
        if self.row.rated:
            return ""
        text = f"Đảng viên không thuộc diện xếp loại năm nay: {self.row.facts.not_rated_reason}"
        if not self.row.writes_review:
            text += " Không phải viết bản kiểm điểm."
        return text

    def _load(self) -> None:
        self.loading = True
        try:
            detail, row = self.detail, self.row
            self.sections.set_texts({s.code: detail.answer(s.code) for s in detail.text_sections})
            if self.scores is not None:
                self.scores.set_scores(detail.scores)
            set_level(self.self_level, detail.self_level)
            # A new review is usually typed in on the day it is handed in, but not one of a
            # long-past year.
            recent = self.ctx.today().year - self.year <= 1
            show_date(
                self.written_on,
                detail.written_on or (self.ctx.today() if recent and detail.id is None else None),
            )
            self.suspended.setChecked(row.suspended)
            self.sick_months.setValue(row.facts.sick_leave_months)
            self.remedied.setChecked(row.facts.remedied_self_found)
            self.not_rated_text.setText(row.not_rated_note)
        finally:
            self.loading = False
        self.show_band_note()
        self.dirty = False

    def facts(self) -> ratings.RatingFacts:
        return ratings.RatingFacts(
            suspended=self.suspended.isChecked(),
            sick_leave_months=self.sick_months.value(),
            remedied_self_found=self.remedied.isChecked(),
            not_rated_note=self.not_rated_text.text(),
        )

    def _facts_changed(self) -> bool:
        row = self.row
        before = ratings.RatingFacts(
            row.suspended,
            row.facts.sick_leave_months,
            row.facts.remedied_self_found,
            row.not_rated_note,
        )
        return self.facts() != before

    def save(self) -> bool:
        """Store the self-review (and the facts, when changed); True when saved."""
        fields, errors = self.read_review_fields()
        if not errors:
            data = self_reviews.SelfReviewData(
                written_on=fields.written_on,
                answers=fields.answers,
                scores=fields.scores,
                self_level=fields.self_level,
            )
            try:
                self_reviews.save_self_review(self.ctx.db, self.member_id, self.year, data)
                if self._facts_changed():
                    ratings.set_facts(self.ctx.db, self.member_id, self.year, self.facts())
            except ValidationError as exc:
                errors = field_messages(exc)
            except Exception as exc:  # noqa: BLE001 - the dialog stays open with the text
                messages.show_exception(self, exc, "Chưa lưu được bản tự kiểm điểm")
                return False
        return self.finish_save(errors)

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.show_errors(
            errors,
            {
                "self_level": self.self_level_box,
                "written_on": self.written_box,
                "sick_leave_months": self.sick_box,
            },
        )
