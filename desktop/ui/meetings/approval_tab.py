"""The "Thông qua" tab: the warnings, approval at the reading time (which locks the
minutes), and after it the corrections (đính chính) with their reasons."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meetings.plan import MeetingDetail
from desktop.ui.meetings.common import read_time, show_time, time_edit
from desktop.ui.widgets import form_label, notice_label

LOCK_TEXT = (
    "Sau khi thông qua, biên bản được đánh số và khóa lại: không sửa trực tiếp được nữa; "
    "muốn sửa phải lập đính chính có ghi lý do."
)


NOT_HELD_YET = (
    "Buổi sinh hoạt chưa diễn ra: sau khi điểm danh và ghi biên bản, "
    "những điều cần xem lại trước khi thông qua sẽ hiện ở đây."
)


def no_warning_text(detail: MeetingDetail) -> str:
    """What the empty warning list says: nothing to check yet, or nothing wrong."""
    if detail.state == "planned":
        return NOT_HELD_YET
    return "Biên bản không có điều gì cần xem lại."


def ask_correction_reason(parent: QWidget) -> str | None:
    """The reason for a correction, or None when the user gave up."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Đính chính biên bản")
    dialog.setLabelText("Lý do đính chính (bắt buộc):")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText("Lưu đính chính")
    dialog.setCancelButtonText("Hủy")
    dialog.resize(520, dialog.sizeHint().height())
    if not dialog.exec():
        return None
    return dialog.textValue()


class ApprovalTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("Cảnh báo về biên bản")
        self.read_at = time_edit(optional=False)
        self.approve_button = QPushButton("&Thông qua biên bản")
        self.correct_button = QPushButton("Đính &chính…")
        self.corrections = QListWidget()
        self.corrections.setWordWrap(True)
        self.lock_note = notice_label(LOCK_TEXT)
        approve = QHBoxLayout()
        approve.addWidget(form_label("Giờ thông qua biên bản", self.read_at))
        approve.addWidget(self.read_at)
        approve.addWidget(self.approve_button)
        approve.addStretch(1)
        approve.addWidget(self.correct_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(QLabel("<b>Cần xem lại</b> (theo bản đã lưu)"))
        layout.addWidget(self.warnings, 2)
        layout.addWidget(self.lock_note)
        layout.addLayout(approve)
        self.corrections_title = QLabel("<b>Các lần đính chính</b>")
        layout.addWidget(self.corrections_title)
        layout.addWidget(self.corrections, 1)

    def show_detail(self, detail: MeetingDetail) -> None:
        text = f"Tình trạng: {detail.state_label}"
        if detail.locked:
            text += f" — biên bản số {detail.number}" if detail.number else ""
            if detail.approved_at:
                text += f", thông qua ngày {detail.approved_at:%d/%m/%Y}"
        self.state_label.setText(text)
        self.warnings.clear()
        self.warnings.addItems(detail.warnings or [no_warning_text(detail)])
        read_at = detail.minutes_read_at or detail.end_time
        if read_at is not None:
            show_time(self.read_at, read_at)
        elif self.read_at.time() == QTime(0, 0):
            self.read_at.setTime(QTime(11, 0))
        self.corrections.clear()
        for correction in detail.corrections:
            self.corrections.addItem(
                f"{correction.corrected_at:%d/%m/%Y %H:%M} — Lý do: {correction.reason}\n"
                f"{correction.changes}"
            )
        self.approve_button.setVisible(not detail.locked)
        self.read_at.setEnabled(not detail.locked)
        self.lock_note.setVisible(not detail.locked)
        self.correct_button.setVisible(detail.locked)
        self.corrections_title.setVisible(bool(detail.corrections))
        self.corrections.setVisible(bool(detail.corrections))

    def reading_time(self):
        return read_time(self.read_at)
