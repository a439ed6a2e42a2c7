"""The list parts of the minutes: discussion remarks (ý kiến thảo luận), tasks assigned
(phân công nhiệm vụ) and the review of earlier meetings' tasks (kiểm điểm việc thực hiện)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meetings.plan import RemarkData, TaskData, TaskInfo
from desktop.text import short_date
from desktop.ui.meetings.common import combo_member, member_combo, set_combo_member


class EditableTable(QWidget):
    """A titled table with "Thêm" / "Bỏ" buttons; columns may hold combos."""

    changed = Signal()

    def __init__(self, title: str, columns: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(130)
        self.table.setAccessibleName(title)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton("Thêm")
        self.remove_button = QPushButton("Bỏ dòng")
        self.add_button.setAccessibleName(f"Thêm — {title}")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(f"<b>{title}</b>"))
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def combo(self, row: int, column: int) -> QComboBox:
        return self.table.cellWidget(row, column)

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def set_text(self, row: int, column: int, text: str) -> None:
        self.table.setItem(row, column, QTableWidgetItem(text))

    def add_row(self) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.fill_row(row)
        self.table.setCurrentCell(row, 0)
        self.changed.emit()
        return row

    def fill_row(self, row: int) -> None:
        raise NotImplementedError

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                widget = self.table.cellWidget(row, column)
                if widget is not None:
                    widget.setEnabled(not read_only)


class RemarksTable(EditableTable):
    def __init__(self, people: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__("Ý kiến thảo luận", ("Người phát biểu", "Ý kiến", "Thuộc mục"), parent)
        self.people = people
        self.items: list[tuple[int, str]] = []
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)

    def fill_row(self, row: int) -> None:
        speaker = member_combo(self.people, free_text=True)
        speaker.currentTextChanged.connect(lambda _t: self.changed.emit())
        item = QComboBox()
        item.addItem("(chung)", 0)
        for item_id, title in self.items:
            item.addItem(title, item_id)
        item.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, 0, speaker)
        self.table.setCellWidget(row, 2, item)
        self.set_text(row, 1, "")

    def show_remarks(self, remarks, items: list[tuple[int, str]]) -> None:
        self.items = items
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for remark in remarks:
            row = self.add_row()
            set_combo_member(self.combo(row, 0), remark.speaker_id, remark.speaker_name)
            self.set_text(row, 1, remark.text)
            index = self.combo(row, 2).findData(remark.agenda_item_id or 0)
            self.combo(row, 2).setCurrentIndex(max(index, 0))
        self.table.blockSignals(False)

    def remarks(self) -> list[RemarkData]:
        found = []
        for row in range(self.table.rowCount()):
            speaker_id, name = combo_member(self.combo(row, 0))
            item = self.combo(row, 2).currentData() or None
            found.append(RemarkData(self.text(row, 1), speaker_id, name, item))
        return found


class TasksTable(EditableTable):
    def __init__(self, people: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(
            "Phân công nhiệm vụ", ("Đồng chí được giao", "Việc cần làm", "Hạn (dd/mm/yyyy)"), parent
        )
        self.people = people
        self.ids: list[int | None] = []
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def fill_row(self, row: int) -> None:
        assignee = member_combo(self.people)
        assignee.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, 0, assignee)
        self.set_text(row, 1, "")
        self.set_text(row, 2, "")
        self.table.item(row, 1).setData(Qt.ItemDataRole.UserRole, 0)

    def show_tasks(self, tasks: list[TaskInfo]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for task in tasks:
            row = self.add_row()
            set_combo_member(self.combo(row, 0), task.assignee_id)
            self.set_text(row, 1, task.description)
            self.table.item(row, 1).setData(Qt.ItemDataRole.UserRole, task.id)
            self.set_text(row, 2, short_date(task.due_on) if task.due_on else "")
        self.table.blockSignals(False)

    def tasks(self) -> tuple[list[TaskData], list[str]]:
        from desktop.text import parse_date

        found, errors = [], []
        for row in range(self.table.rowCount()):
            assignee, _name = combo_member(self.combo(row, 0))
            due: date | None = None
            text = self.text(row, 2)
            if text:
                try:
                    parsed = parse_date(text)
                    due = parsed.to_date() if parsed and parsed.day else None
                    if parsed and not parsed.day:
                        errors.append(f"Hạn của nhiệm vụ dòng {row + 1}: cần ghi đủ ngày.")
                except ValueError as exc:
                    errors.append(f"Hạn của nhiệm vụ dòng {row + 1}: {exc}")
            task_id = self.table.item(row, 1).data(Qt.ItemDataRole.UserRole) or None
            found.append(TaskData(self.text(row, 1), assignee, due, task_id))
        return found, errors


REVIEW_COLUMNS = ("Giao tại", "Đồng chí", "Việc", "Hạn", "Đã xong", "Ghi chú")


class ReviewTable(QWidget):
    """Earlier tasks still open: tick "Đã xong" and write how it went."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks: list[TaskInfo] = []
        self.table = QTableWidget(0, len(REVIEW_COLUMNS))
        self.table.setHorizontalHeaderLabels(REVIEW_COLUMNS)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Whole texts (issue 10 point 12): the task wraps, the rows grow to hold it.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.empty_label = QLabel("Không có nhiệm vụ nào của các buổi trước còn phải kiểm điểm.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Kiểm điểm nhiệm vụ được giao ở các buổi trước</b>"))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)

    def show_tasks(self, tasks: list[TaskInfo], meeting_id: int) -> None:
        self.tasks = tasks
        self.table.blockSignals(True)
        self.table.setRowCount(len(tasks))
        for row, task in enumerate(tasks):
            due = short_date(task.due_on) if task.due_on else ""
            if task.overdue:
                due += " (quá hạn)"
            for column, text in enumerate(
                (task.meeting_label, task.assignee_name, task.description, due)
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            done = QTableWidgetItem("")
            done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            reviewed_here = task.reviewed_meeting_id == meeting_id
            checked = task.done_on is not None and reviewed_here
            done.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.table.setItem(row, 4, done)
            self.table.setItem(row, 5, QTableWidgetItem(task.review_note if reviewed_here else ""))
        self.table.blockSignals(False)
        for column in (0, 1, 3):  # the meeting, who, when: as wide as they are
            self.table.resizeColumnToContents(column)
        self.table.setVisible(bool(tasks))
        self.empty_label.setVisible(not tasks)

    def reviews(self) -> list[tuple[TaskInfo, bool, str]]:
        found = []
        for row, task in enumerate(self.tasks):
            done = self.table.item(row, 4).checkState() == Qt.CheckState.Checked
            note = self.table.item(row, 5).text().strip()
            found.append((task, done, note))
        return found

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEnabled(not read_only)
