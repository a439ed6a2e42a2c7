"""The superior's decision (cấp ủy cấp trên quyết định), entered when it comes back:
for one member, or for the whole list when it was approved as the cell proposed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews import ratings
from desktop.errors import ValidationError
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import read_date, show_date
from desktop.ui.reviews.common import (
    EditDialog,
    field_messages,
    level_combo,
    level_name,
    set_level,
    votes_text,
)
from desktop.ui.style import heading
from desktop.ui.widgets import FieldBox, date_edit, error_label, form_label


class DecisionDialog(EditDialog):
    UNSAVED_TEXT = "Quyết định của cấp trên chưa được lưu. Lưu ngay?"

    def __init__(
        self,
        ctx: UiContext,
        sheet: ratings.RatingSheet,
        row: ratings.RatingRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = sheet.year
        self.row = row
        name = row.member.full_name
        self.setWindowTitle(f"Cấp trên quyết định xếp loại — {name}")
        fit_to_screen(self, QSize(720, 300))

        proposed = level_name(sheet.pack, row.proposed_level) or "chưa đề xuất"
        votes = votes_text(row.votes_for, row.votes_total)
        proposal = QLabel(f"Chi bộ đề xuất: {proposed}" + (f" ({votes} phiếu)" if votes else ""))
        proposal.setWordWrap(True)
        self.level = level_combo(sheet.pack, "(chưa có quyết định)")
        self.level_box = FieldBox(self.level)
        self.number = QLineEdit()
        self.number.setPlaceholderText("ví dụ: 125-QĐ/ĐU")
        self.number.setMaxLength(60)
        self.decided_on = date_edit()
        self.date_box = FieldBox(self.decided_on)
        form = QFormLayout()
        form.addRow(form_label("&Mức xếp loại:", self.level), self.level_box)
        form.addRow(form_label("&Số quyết định:", self.number), self.number)
        form.addRow(form_label("Ngày &quyết định:", self.decided_on), self.date_box)

        self.error = error_label()
        self.save_button = QPushButton("&Lưu")
        self.close_button = QPushButton("Đó&ng")
        self.save_button.clicked.connect(self.save_and_close)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(f"Cấp trên quyết định xếp loại năm {self.year}"))
        layout.addWidget(QLabel(f"Đồng chí {name}"))
        layout.addWidget(proposal)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.loading = True
        set_level(self.level, row.decided_level or row.proposed_level)
        self.number.setText(row.decision_number)
        show_date(self.decided_on, row.decision_date)
        self.loading = False
        for signal in (
            self.level.currentIndexChanged,
            self.number.textChanged,
            self.decided_on.textChanged,
        ):
            signal.connect(self.mark_dirty)

    def save(self) -> bool:
        decided_on, error = read_date(self.decided_on, "Ngày quyết định")
        self.date_box.set_error(error)
        if error:
            return False
        try:
            ratings.record_decision(
                self.ctx.db,
                self.row.member_id,
                self.year,
                self.level.currentData() or "",
                self.number.text(),
                decided_on,
            )
        except ValidationError as exc:
            errors = field_messages(exc)
            self.level_box.set_error(errors.pop("decided_level", ""))
            self.error.setText("\n".join(errors.values()))
            self.error.setVisible(bool(errors))
            return False
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa lưu được quyết định")
            return False
        self.dirty = False
        self.changed.emit()
        return True


class AcceptProposalsDialog(QDialog):
    """Asks the number and date of the superior's decision approving the list as proposed."""

    def __init__(self, year: int, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = count
        self.decided_on: date | None = None
        self.setWindowTitle("Cấp trên đồng ý như đề xuất")
        fit_to_screen(self, QSize(640, 240))
        text = QLabel(
            f"Cấp ủy cấp trên đồng ý xếp loại năm {year} đúng như chi bộ đề xuất: ghi quyết "
            f"định cho {count} đồng chí đã có đề xuất mà chưa có quyết định."
        )
        text.setWordWrap(True)
        self.number = QLineEdit()
        self.number.setPlaceholderText("ví dụ: 125-QĐ/ĐU")
        self.number.setMaxLength(60)
        self.date_edit = date_edit()
        self.date_box = FieldBox(self.date_edit)
        form = QFormLayout()
        form.addRow(form_label("&Số quyết định:", self.number), self.number)
        form.addRow(form_label("Ngày &quyết định:", self.date_edit), self.date_box)
        self.ok_button = QPushButton("&Ghi quyết định")
        self.cancel_button = QPushButton("&Hủy")
        self.ok_button.clicked.connect(self._confirm)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _confirm(self) -> None:
        decided_on, error = read_date(self.date_edit, "Ngày quyết định")
        self.date_box.set_error(error)
        if error:
            return
        self.decided_on = decided_on
        self.accept()
