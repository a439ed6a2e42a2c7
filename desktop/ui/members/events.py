"""The "Quá trình sinh hoạt" tab: a member's event history, with add / edit / delete.

Events are saved as soon as their own small dialog is confirmed (they are separate
records), and every change can be undone; the member's status in the main table
follows at once because the page reloads on ``members_changed``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.members import events as event_service
from desktop.services.members.events import EventData, EventRecord
from desktop.services.members.registry import get_member
from desktop.text.dates import short_date
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.members.commands import AddEventCommand, DeleteEventCommand, EditEventCommand
from desktop.ui.members.event_dialog import EventDialog

HEADERS = ("Ngày", "Sự kiện", "Số quyết định", "Cơ quan quyết định", "Ghi chú")
UNDO_SECONDS = 10


def describe(record: EventRecord) -> str:
    return f"«{record.label}» ngày {short_date(record.happened_on)}"


class EventsPanel(QWidget):
    """The history table of one member; emits ``changed`` after any saved change."""

    changed = Signal()

    def __init__(self, ctx: UiContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.records: list[EventRecord] = []

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Whole texts, wrapped (issue 10 point 12): "Huy hiệu 30 năm tuổi Đảng", never
        # "Huy hiệu Đảng…"; rows grow to what they hold.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # The event as wide as its name (a stretched column was squeezed to a word at
        # large text); the note takes what is left.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        metrics = self.fontMetrics()
        header.resizeSection(3, metrics.horizontalAdvance("Ban Thường vụ Đảng ủy xã"))
        header.resizeSection(4, metrics.horizontalAdvance("Ghi chú ghi chú"))
        self.table.doubleClicked.connect(self.edit_selected)

        self.add_button = QPushButton("&Thêm sự kiện…")
        self.edit_button = QPushButton("&Sửa sự kiện…")
        self.delete_button = QPushButton("&Xóa sự kiện")
        self.add_button.clicked.connect(self.add_event)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.undo_label = QLabel()
        self.undo_button = QPushButton("&Hoàn tác")
        self.undo_button.setToolTip("Hoàn tác việc xóa sự kiện (Ctrl+Z)")
        self.undo_button.clicked.connect(self._undo_delete)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._hide_undo)
        self._pending_undo: DeleteEventCommand | None = None

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_label)
        buttons.addWidget(self.undo_button)
        self._hide_undo()

        hint = QLabel(
            "Tình trạng của đảng viên (chính thức, dự bị, miễn sinh hoạt, đã chuyển đi…) "
            "được tính từ các sự kiện này. Mỗi thay đổi được lưu ngay."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        undo_action = QAction(self)
        undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo_action.triggered.connect(self._undo_delete)
        self.addAction(undo_action)
        delete_action = QAction(self)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(delete_action)
        self.reload()

    def reload(self) -> None:
        self.records = get_member(self.ctx.db, self.member_id, self.ctx.today()).events
        # Newest first: what changed lately is what the secretary looks for.
        self.records.sort(key=lambda r: (r.happened_on, r.id), reverse=True)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            values = (
                short_date(record.happened_on),
                record.label,
                record.decision_number,
                record.issuer,
                record.note,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        has_rows = bool(self.records)
        self.edit_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)
        if has_rows and not self.table.selectedItems():
            self.table.selectRow(0)

    def selected_record(self) -> EventRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.records[rows[0].row()]

    def _select(self, event_id: int) -> None:
        for row, record in enumerate(self.records):
            if record.id == event_id:
                self.table.selectRow(row)
                return

    def _after_change(self, event_id: int = 0) -> None:
        self.reload()
        if event_id:
            self._select(event_id)
        self.changed.emit()

    def add_event(self) -> None:
        saved: dict[str, object] = {}

        def save(data: EventData) -> None:
            saved["id"] = event_service.add_event(
                self.ctx.db, self.member_id, data, self.ctx.today()
            )
            saved["data"] = data

        dialog = EventDialog(save, None, self.ctx.today(), self)
        if dialog.exec() and "id" in saved:
            event_id = int(saved["id"])
            self.ctx.undo_stack.push(
                AddEventCommand(self.ctx, self.member_id, event_id, saved["data"])
            )
            self._after_change(event_id)
            self.ctx.members_changed.emit(self.member_id)

    def edit_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        before = record.data()
        saved: list[EventData] = []

        def save(data: EventData) -> None:
            event_service.update_event(self.ctx.db, record.id, data, self.ctx.today())
            saved.append(data)

        dialog = EventDialog(save, record, self.ctx.today(), self)
        if dialog.exec() and saved:
            self.ctx.undo_stack.push(
                EditEventCommand(self.ctx, self.member_id, record.id, before, saved[-1])
            )
            self._after_change(record.id)
            self.ctx.members_changed.emit(self.member_id)

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        if not messages.ask(
            self,
            "Xóa sự kiện",
            f"Xóa sự kiện {describe(record)}?",
            "Xóa",
            "Không xóa",
            danger=True,
        ):
            return
        command = DeleteEventCommand(self.ctx, self.member_id, record.id, describe(record))
        self.ctx.undo_stack.push(command)  # push() runs the deletion
        self._pending_undo = command
        self.undo_label.setText(f"Đã xóa sự kiện {describe(record)}.")
        self.undo_label.show()
        self.undo_button.show()
        self._undo_timer.start(UNDO_SECONDS * 1000)
        self._after_change()

    def _undo_delete(self) -> None:
        stack = self.ctx.undo_stack
        if (
            self._pending_undo is not None
            and stack.command(stack.index() - 1) is self._pending_undo
        ):
            stack.undo()
            self._after_change(self._pending_undo.event_id)
        self._hide_undo()

    def _hide_undo(self) -> None:
        self._pending_undo = None
        self.undo_label.hide()
        self.undo_button.hide()
