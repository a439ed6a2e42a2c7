"""Progress notes (tiến độ thực hiện cam kết): the list under the chosen item, and the
small window that records one, optionally tied to the meeting where it was reported."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meetings import plan as meeting_service
from desktop.services.reviews.commitments import ProgressNote, add_progress, delete_progress
from desktop.errors import DomainError
from desktop.text import short_date
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.commitments.wrapping import WrappingDelegate
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import read_date, show_date
from desktop.ui.widgets import date_edit, error_label, form_label

NO_MEETING = "(không gắn với buổi sinh hoạt)"
UNSAVED_ITEM = "Nội dung này chưa được lưu: bấm «Lưu» rồi mới ghi tiến độ thực hiện."
NO_ITEM = "Chọn một nội dung cam kết để xem và ghi tiến độ thực hiện."


class ProgressDialog(QDialog):
    """Record one progress note on ``item_id``; ``saved_id`` is its id after acceptance."""

    def __init__(
        self,
        ctx: UiContext,
        item_id: int,
        item_text: str,
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id = item_id
        self.saved_id: int | None = None
        self.setWindowTitle("Ghi tiến độ thực hiện cam kết")
        fit_to_screen(self, QSize(760, 0))
        about = QLabel(f"Nội dung cam kết: {item_text}")
        about.setWordWrap(True)
        self.day = date_edit()
        # A date is short; a box across the whole window would look like a text field.
        self.day.setMaximumWidth(self.day.fontMetrics().horizontalAdvance("00/00/0000") * 2)
        show_date(self.day, ctx.today())
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.meeting = QComboBox()
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting.setMinimumContentsLength(30)
        # Meeting titles are long; the combo takes the dialog's width, not the title's.
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting.setMinimumContentsLength(30)
        self.meeting.addItem(NO_MEETING, 0)
        for summary in _meetings(ctx, year):
            self.meeting.addItem(f"{short_date(summary.held_on)}: {summary.title}", summary.id)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(form_label("&Ngày", self.day), self.day)
        form.addRow(form_label("Kết &quả thực hiện", self.text), self.text)
        form.addRow(form_label("Báo cáo tại &buổi sinh hoạt", self.meeting), self.meeting)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Ghi lại", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.text.setFocus()

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        day, problem = read_date(self.day, "Ngày")
        if not problem and day is None:
            problem = "Hãy ghi ngày (ví dụ 05/3/2026)."
        if problem:
            self._problem(problem)
            return
        meeting_id = int(self.meeting.currentData() or 0) or None
        try:
            self.saved_id = add_progress(
                self.ctx.db, self.item_id, day, self.text.toPlainText(), meeting_id
            )
        except DomainError as exc:
            self._problem(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - the window stays open with what was typed
            messages.show_exception(self, exc, "Chưa ghi được tiến độ")
            return
        super().accept()


def _meetings(ctx: UiContext, year: int) -> list[meeting_service.MeetingSummary]:
    """The year's meetings already held, the latest first."""
    found = [m for m in meeting_service.list_meetings(ctx.db, year) if m.held_on]
    return sorted(found, key=lambda m: m.held_on, reverse=True)


class ProgressPanel(QWidget):
    """The notes of the chosen item with "Ghi tiến độ…" and "Xóa tiến độ".

    Notes are written straight away (they do not wait for the commitment's "Lưu");
    ``changed`` asks the dialog to read them again.
    """

    changed = Signal()

    def __init__(self, ctx: UiContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.item_id: int | None = None
        self.item_text = ""
        self.dialog: ProgressDialog | None = None
        self.list = QTreeWidget()
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(("Ngày", "Kết quả thực hiện", "Buổi sinh hoạt"))
        self.list.setRootIsDecorated(False)
        self.list.setAllColumnsShowFocus(True)
        self.list.setItemDelegate(WrappingDelegate(self.list, 1))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel(NO_ITEM)
        self.hint.setWordWrap(True)
        self.add_button = QPushButton("Ghi tiến độ &mới…")
        self.delete_button = QPushButton("Xóa tiến độ đã c&họn")
        self.add_button.clicked.connect(self.add_note)
        self.delete_button.clicked.connect(self.delete_note)
        self.list.currentItemChanged.connect(lambda *_a: self._update_enabled())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form_label("<b>Tiến độ thực hiện</b>", self.list))
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.show_notes(None, "", ())

    def show_notes(self, item_id: int | None, text: str, notes: tuple[ProgressNote, ...]) -> None:
        """The notes of the chosen item; ``item_id`` None for an unsaved or no item."""
        self.item_id = item_id
        self.item_text = text
        self.list.clear()
        for note in notes:
            row = QTreeWidgetItem([short_date(note.noted_on), note.text, note.meeting_label or "—"])
            row.setData(0, Qt.ItemDataRole.UserRole, note.id)
            row.setToolTip(1, note.text)
            self.list.addTopLevelItem(row)
        self.hint.setVisible(item_id is None)
        if item_id is None:
            self.hint.setText(UNSAVED_ITEM if text else NO_ITEM)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.list.setEnabled(self.item_id is not None)
        self.add_button.setEnabled(self.item_id is not None)
        self.delete_button.setEnabled(self.current_note_id() is not None)

    def current_note_id(self) -> int | None:
        row = self.list.currentItem()
        return int(row.data(0, Qt.ItemDataRole.UserRole)) if row is not None else None

    def add_note(self) -> ProgressDialog | None:
        if self.item_id is None:
            return None
        dialog = ProgressDialog(self.ctx, self.item_id, self.item_text, self.year, self)

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result:
                self.changed.emit()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_note(self) -> bool:
        note_id = self.current_note_id()
        row = self.list.currentItem()
        if note_id is None or row is None:
            return False
        if not messages.ask(
            self,
            "Xóa tiến độ",
            f"Xóa ghi chép tiến độ ngày {row.text(0)}: “{row.text(1)}”?",
            "Xóa",
            "Không xóa",
            danger=True,
        ):
            return False
        try:
            delete_progress(self.ctx.db, note_id)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa xóa được")
            return False
        self.changed.emit()
        return True
