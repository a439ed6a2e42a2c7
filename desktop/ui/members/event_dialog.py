"""One event of a member's party life (sự kiện: kết nạp, chuyển sinh hoạt, miễn, kỷ luật…).

Only the boxes that matter for the chosen kind are shown: the discipline form for
"Kỷ luật", the badge's years for "Huy hiệu Đảng", "Tạm thời" and the planned return
for transfers, "Đến ngày" for an exemption.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.models import EventKind
from desktop.models.enums import DISCIPLINE_FORMS
from desktop.errors import FieldError, ValidationError
from desktop.services.members.events import BADGE_YEARS, EventData, EventRecord, validate_event
from desktop.text.dates import parse_date, short_date
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.widgets import (
    FieldBox,
    choice_combo,
    date_edit,
    error_label,
    form_label,
    set_combo_value,
)

TRANSFERS = (EventKind.TRANSFER_IN, EventKind.TRANSFER_OUT)
# What the free "detail" text means for each kind that uses it.
DETAIL_LABELS = {
    EventKind.TRANSFER_IN: "Chuyển từ (tổ chức đảng)",
    EventKind.TRANSFER_OUT: "Chuyển đến (tổ chức đảng)",
    EventKind.AWARD: "Hình thức khen thưởng",
    EventKind.EXEMPTED: "Lý do",
    EventKind.REMOVED: "Lý do",
}


class EventDialog(QDialog):
    """Add or edit one event; ``save(data)`` writes it and may raise ``ValidationError``."""

    def __init__(
        self,
        save: Callable[[EventData], None],
        record: EventRecord | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._today = today or date.today()
        self.setWindowTitle("Sửa sự kiện" if record else "Thêm sự kiện")
        fit_to_screen(self, QSize(640, 0))

        self.kind = choice_combo([(k.label, k.value) for k in EventKind])
        self.happened_on = date_edit()
        self.discipline = choice_combo(
            [("— chọn hình thức —", "")] + [(f, f) for f in DISCIPLINE_FORMS]
        )
        self.badge = choice_combo(
            [("— chọn —", 0)] + [(f"{y} năm tuổi Đảng", y) for y in BADGE_YEARS]
        )
        self.detail = QLineEdit()
        self.temporary = QCheckBox("Chuyển sinh hoạt tạm thời")
        self.until = date_edit()
        self.ceremony_on = date_edit()  # kết nạp: probation runs from the ceremony
        self.decision_number = QLineEdit()
        self.decision_number.setPlaceholderText("Ví dụ: 125-QĐ/ĐU")
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText("Ví dụ: Ban Thường vụ Đảng ủy xã")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.note.setMaximumHeight(90)

        self.boxes: dict[str, FieldBox] = {}
        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._add("kind", "L&oại sự kiện", self.kind)
        self._add("happened_on", "&Ngày", self.happened_on)
        self._add("discipline", "&Hình thức kỷ luật", self.discipline)
        self._add("badge_years", "Số năm &huy hiệu", self.badge)
        self._add("detail", "Chi tiết", self.detail)
        self._add("temporary", "", self.temporary)
        self._add("until", "Dự kiến &trở về", self.until)
        self._add("ceremony_on", "Ngày lễ &kết nạp", self.ceremony_on)
        self._add("decision_number", "&Số quyết định", self.decision_number)
        self._add("issuer", "&Cơ quan quyết định", self.issuer)
        self._add("note", "&Ghi chú", self.note)

        self.general_error = error_label()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        if record is not None:
            self._show(record)
        self.kind.currentIndexChanged.connect(self._update_visibility)
        self.temporary.toggled.connect(self._update_visibility)
        self._update_visibility()
        self.kind.setFocus()

    def _add(self, key: str, label: str, editor: QWidget) -> None:
        box = FieldBox(editor)
        self.boxes[key] = box
        self._form.addRow(form_label(label, editor), box)

    def _box_for(self, field: str) -> FieldBox | None:
        # The service calls the discipline form "detail"; here it has its own list.
        if field == "detail" and self.current_kind() == EventKind.DISCIPLINE:
            field = "discipline"
        return self.boxes.get(field)

    def _show(self, record: EventRecord) -> None:
        set_combo_value(self.kind, record.kind.value)
        self.happened_on.setText(short_date(record.happened_on))
        if record.kind == EventKind.DISCIPLINE:
            set_combo_value(self.discipline, record.detail)
        else:
            self.detail.setText(record.detail)
        if record.badge_years:
            self.badge.setCurrentIndex(max(0, self.badge.findData(record.badge_years)))
        self.temporary.setChecked(record.temporary)
        self.until.setText(short_date(record.until) if record.until else "")
        self.ceremony_on.setText(short_date(record.ceremony_on) if record.ceremony_on else "")
        self.decision_number.setText(record.decision_number)
        self.issuer.setText(record.issuer)
        self.note.setPlainText(record.note)

    def current_kind(self) -> EventKind:
        return EventKind(self.kind.currentData())

    def _update_visibility(self) -> None:
        kind = self.current_kind()
        shows_until = kind == EventKind.EXEMPTED or (
            kind in TRANSFERS and self.temporary.isChecked()
        )
        rows = {
            "discipline": kind == EventKind.DISCIPLINE,
            "badge_years": kind == EventKind.BADGE,
            "detail": kind in DETAIL_LABELS,
            "temporary": kind in TRANSFERS,
            "until": shows_until,
            "ceremony_on": kind == EventKind.ADMITTED,
        }
        for key, visible in rows.items():
            self._form.setRowVisible(self.boxes[key], visible)
        label = self._form.labelForField(self.boxes["detail"])
        if isinstance(label, QLabel):
            label.setText(DETAIL_LABELS.get(kind, "Chi tiết"))
        until_label = self._form.labelForField(self.boxes["until"])
        if isinstance(until_label, QLabel):
            until_label.setText("Đến ngà&y" if kind == EventKind.EXEMPTED else "Dự kiến &trở về")
        self.adjustSize()

    def event_data(self) -> tuple[EventData, list[FieldError]]:
        """The event as typed, and the errors of the boxes that could not be read."""
        kind = self.current_kind()
        errors: list[FieldError] = []
        happened_on = self._read_date("happened_on", self.happened_on.text(), "Ngày", errors)
        until = None
        if kind == EventKind.EXEMPTED or (kind in TRANSFERS and self.temporary.isChecked()):
            until = self._read_date("until", self.until.text(), "Ngày", errors)
        if kind == EventKind.DISCIPLINE:
            detail = self.discipline.currentData() or ""
        elif kind in DETAIL_LABELS:
            detail = self.detail.text()
        else:
            detail = ""
        badge_years = self.badge.currentData() if kind == EventKind.BADGE else None
        ceremony_on = None
        if kind == EventKind.ADMITTED:
            ceremony_on = self._read_date(
                "ceremony_on", self.ceremony_on.text(), "Ngày lễ kết nạp", errors
            )
        data = EventData(
            kind=kind.value,
            happened_on=happened_on,
            decision_number=self.decision_number.text(),
            issuer=self.issuer.text(),
            detail=detail,
            temporary=kind in TRANSFERS and self.temporary.isChecked(),
            badge_years=badge_years or None,
            until=until,
            note=self.note.toPlainText(),
            ceremony_on=ceremony_on,
        )
        return data, errors

    @staticmethod
    def _read_date(field: str, text: str, label: str, errors: list[FieldError]) -> date | None:
        try:
            value = parse_date(text)
        except ValueError as exc:
            errors.append(FieldError(field, str(exc)))
            return None
        if value is None:
            return None
        if value.to_date() is None:
            errors.append(FieldError(field, f"{label} phải ghi đủ ngày, tháng, năm."))
            return None
        return value.to_date()

    def show_errors(self, errors: list[FieldError]) -> None:
        for box in self.boxes.values():
            box.set_error("")
        general = []
        first: FieldBox | None = None
        for error in errors:
            box = self._box_for(error.field)
            if box is None or not box.isVisibleTo(self):
                general.append(error.message)
                continue
            if not box.error():
                box.set_error(error.message)
            first = first or box
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        self.adjustSize()  # make room for the error lines
        if first is not None:
            first.editor.setFocus()

    def accept(self) -> None:
        data, errors = self.event_data()
        unreadable = {e.field for e in errors}
        errors += [e for e in validate_event(data, self._today) if e.field not in unreadable]
        self.show_errors(errors)
        if errors:
            return
        try:
            self._save(data)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        super().accept()
