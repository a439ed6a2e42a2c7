"""The "Điểm danh" tab: mark everyone on one screen, see the minutes' counts line live.

Arrow keys move between members; 1, 2, 3 mark present, absent with reason, absent
without reason; a click on a circle marks it too. Exempted members and members attending
elsewhere are listed apart, greyed, never marked.

The roll gets the height of the tab: rows are as tall as the text or the circles (which
grow with the text size, see attendance_delegate.py), the guests' table shows only once
there is a guest, and a roll longer than the tab scrolls, the current row kept in view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.printing.meetings.minutes_text import attendance_lines
from desktop.services.meetings.roster import summarize
from desktop.services.meetings.plan import AttendanceRow, GuestData
from desktop.ui.meetings.attendance_delegate import (
    RING_MARGIN,
    ChoiceDelegate,
    ring_size,
    row_height,
)
from desktop.ui.meetings.attendance_model import (
    CHOICES,
    COL_NAME,
    COL_NUMBER,
    COL_REASON,
    AttendanceModel,
)
from desktop.ui.widgets import WARNING_COLOUR, coloured_label

_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2}
GUEST_COLUMNS = ("Họ và tên", "Chức vụ", "Cơ quan, đơn vị")


class AttendanceTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.apart: list[AttendanceRow] = []
        self.model = AttendanceModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Widths are set from the header and the names once per load, not per mark:
        # sizing columns to their contents on every change went through all the rows.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self._size_rows()
        self.table.setAccessibleName("Điểm danh")
        self.table.installEventFilter(self)
        self.table.clicked.connect(self._clicked)

        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.not_marked_label = coloured_label(WARNING_COLOUR)
        self.apart_label = coloured_label("#6b6b6b")
        self.all_present_button = QPushButton("&Tất cả có mặt")
        self.all_present_button.setToolTip("Đánh dấu có mặt cho những đồng chí chưa điểm danh")
        self.all_present_button.clicked.connect(self.model.mark_all_present)
        hint = QLabel("Phím mũi tên để chuyển người; phím 1, 2, 3 để điểm danh; gõ để ghi lý do.")
        hint.setWordWrap(True)

        self.guests = QTableWidget(0, len(GUEST_COLUMNS))
        self.guests.setHorizontalHeaderLabels(GUEST_COLUMNS)
        self.guests.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.guests.verticalHeader().hide()
        self.guests.setMaximumHeight(150)
        self.guests.hide()  # shown once there is a guest
        self.guests.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_guest_button = QPushButton("Thêm đại &biểu")
        self.remove_guest_button = QPushButton("Bỏ đại biểu")
        self.add_guest_button.clicked.connect(self.add_guest)
        self.remove_guest_button.clicked.connect(self.remove_guest)

        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.all_present_button)
        guest_buttons = QHBoxLayout()
        guest_buttons.addWidget(QLabel("<b>Đại biểu dự</b>"))
        guest_buttons.addStretch(1)
        guest_buttons.addWidget(self.add_guest_button)
        guest_buttons.addWidget(self.remove_guest_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.not_marked_label)
        layout.addWidget(self.apart_label)
        layout.addLayout(guest_buttons)
        layout.addWidget(self.guests)

        self.model.changed.connect(self._update_counts)
        self.model.changed.connect(self.changed)

    # --- data ----------------------------------------------------------------------

    def show_rows(self, rows: list[AttendanceRow], guests: list[GuestData]) -> None:
        self.apart = [r for r in rows if not r.expected]
        self.model.set_rows(rows)
        self.guests.blockSignals(True)
        self.guests.setRowCount(0)
        for guest in guests:
            self._guest_row((guest.name, guest.position, guest.organization))
        self.guests.blockSignals(False)
        self.guests.setVisible(self.guests.rowCount() > 0)
        names = "; ".join(f"{r.full_name} ({r.status_label.lower()})" for r in self.apart)
        self.apart_label.setText(f"Không điểm danh: {names}." if names else "")
        self.apart_label.setVisible(bool(names))
        self._update_counts()
        self._size_columns()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, CHOICES_FIRST))

    # --- sizes ---------------------------------------------------------------------

    def _size_rows(self) -> None:
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(row_height())
        # At least five members in view however small the tab: the rest scrolls.
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header + 5 * row_height() + 2 * self.table.frameWidth())

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        ring = ring_size() + 2 * RING_MARGIN
        digits = self.fontMetrics().horizontalAdvance(str(max(self.model.rowCount(), 1))) + 16
        header.resizeSection(COL_NUMBER, max(header.sectionSizeHint(COL_NUMBER), digits))
        for column in CHOICES:
            header.resizeSection(column, max(header.sectionSizeHint(column), ring))
        # Names whole (issue 10 point 12): as wide as the longest one.
        self.table.resizeColumnToContents(COL_NAME)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_rows()
            self._size_columns()

    def all_rows(self) -> list[AttendanceRow]:
        return list(self.model.rows) + self.apart

    def entries(self) -> list[tuple[int, str | None, str]]:
        return self.model.entries()

    def guest_list(self) -> list[GuestData]:
        found = []
        for row in range(self.guests.rowCount()):
            cells = [self.guests.item(row, c) for c in range(len(GUEST_COLUMNS))]
            values = [c.text().strip() if c is not None else "" for c in cells]
            if any(values):
                found.append(GuestData(*values))
        return found

    def summary(self):
        return summarize(self.all_rows())

    def counts_text(self, summary=None) -> str:
        summary = summary or self.summary()
        return " ".join(line.removeprefix("- ") for line in attendance_lines(summary))

    def _update_counts(self) -> None:
        summary = self.summary()  # once: it goes through the whole roll
        self.counts_label.setText(self.counts_text(summary))
        waiting = summary.not_marked
        self.not_marked_label.setText(f"Còn {waiting} đồng chí chưa điểm danh." if waiting else "")
        self.not_marked_label.setVisible(bool(waiting))

    # --- editing -------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        for button in (self.all_present_button, self.add_guest_button, self.remove_guest_button):
            button.setEnabled(not read_only)
        self.guests.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )

    def _clicked(self, index) -> None:
        if index.column() in CHOICES:
            self.model.set_presence(index.row(), CHOICES[index.column()])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            choice = _KEYS.get(Qt.Key(event.key()))
            row = self.table.currentIndex().row()
            if choice is not None and row >= 0 and not self.model.read_only:
                self.model.set_presence(row, list(CHOICES.values())[choice])
                return True
            if row >= 0 and self._starts_reason(event):
                # "gõ để ghi lý do": typing after 2 or 3 goes into Lý do. The table then
                # handles the key on the reason cell: it opens the editor with the letter.
                self.table.setCurrentIndex(self.model.index(row, COL_REASON))
        return super().eventFilter(watched, event)

    def _starts_reason(self, event) -> bool:
        """A printable key on an absent member's row, outside the Lý do cell."""
        text = event.text()
        if not text or not text.isprintable() or text.isspace():
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        index = self.table.currentIndex()
        if index.column() == COL_REASON:
            return False
        return bool(self.model.flags(self.model.index(index.row(), COL_REASON)) & Qt.ItemFlag.ItemIsEditable)

    def _guest_row(self, values: tuple[str, str, str]) -> None:
        row = self.guests.rowCount()
        self.guests.insertRow(row)
        for column, value in enumerate(values):
            self.guests.setItem(row, column, QTableWidgetItem(value))

    def add_guest(self) -> None:
        self.guests.show()
        self._guest_row(("", "", ""))
        self.guests.setCurrentCell(self.guests.rowCount() - 1, 0)
        self.guests.editItem(self.guests.item(self.guests.rowCount() - 1, 0))
        self.changed.emit()

    def remove_guest(self) -> None:
        row = self.guests.currentRow()
        if row >= 0:
            self.guests.removeRow(row)
            self.guests.setVisible(self.guests.rowCount() > 0)
            self.changed.emit()


CHOICES_FIRST = min(CHOICES)
