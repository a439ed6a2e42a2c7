"""The "Đảng viên" page: search, filter, add, edit, delete, import, export, print.

Focus starts in the search box; typing filters at once (accents optional), Down or
Enter moves into the table, Enter or F2 opens the member, Delete deletes (after asking,
and with an undo).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.services.members.registry import list_members
from desktop.services.members.reminders import reminders
from desktop.ui.context import UiContext
from desktop.ui.members.columns import ColumnFitter
from desktop.ui.members.page_actions import MemberActions
from desktop.ui.members.reminders_panel import RemindersPanel
from desktop.ui.members.table_model import STATUS_FILTERS, MembersTableModel
from desktop.ui.style import heading
from desktop.ui.tasks import Task, run_task

SEARCH_PLACEHOLDER = "Tìm theo tên, số thẻ, điện thoại (gõ không dấu cũng được)"


class MembersPage(MemberActions, QWidget):
    """``counts_changed(on_roll)`` after every reload, for the status bar."""

    counts_changed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = MembersTableModel(self)
        self._row_hint = 0
        self._reminder_generation = 0
        self.reminders_task: Task | None = None

        self._build_actions()
        self.toolbar = QToolBar("Thao tác với đảng viên")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(24, 24))
        for action in (self.add_action, self.edit_action, self.delete_action):
            self.toolbar.addAction(action)
        self.toolbar.addAction(self.deleted_action)
        self.toolbar.addSeparator()
        for action in (self.import_action, self.export_action, self.print_action):
            self.toolbar.addAction(action)

        self.search = QLineEdit()
        self.search.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._enter_table)
        self.search.installEventFilter(self)
        search_label = QLabel("T&ìm:")
        search_label.setBuddy(self.search)

        self.status_combo = QComboBox()
        for key, label, _test in STATUS_FILTERS:
            self.status_combo.addItem(label, key)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        status_label = QLabel("Tình trạn&g:")
        status_label.setBuddy(self.status_combo)

        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.columns = ColumnFitter(self.table, self.model)

        self.reminders_panel = RemindersPanel()
        self.reminders_panel.member_chosen.connect(self.edit_member)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 3)
        filters.addSpacing(12)
        filters.addWidget(status_label)
        filters.addWidget(self.status_combo, 1)

        title_row = QHBoxLayout()
        title_row.addWidget(heading("Danh sách đảng viên"), 1)
        title_row.addWidget(self.count_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reminders_panel)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.search, self.status_combo)
        self.setTabOrder(self.status_combo, self.table)
        self.setTabOrder(self.table, self.reminders_panel.list)
        # Tool buttons take no keyboard focus by default, and Qt's Tab skips a
        # toolbar's buttons: focusNextPrevChild walks them after the reminders.
        for button in self._tool_buttons():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.search)

        ctx.members_changed.connect(self.reload)
        ctx.workspace_changed.connect(lambda: self.reload(0))
        self.columns.size_columns()
        self.reload()

    # --- loading and selection -----------------------------------------------------

    def reload(self, select_id: int = 0) -> None:
        """Read the members again; keep (or move to) the selection."""
        keep_id = select_id or self.selected_id() or 0
        rows = list_members(self.ctx.db, on=self.ctx.today())
        self.model.set_rows(rows)
        self.columns.fit_text_columns()
        self.refresh_reminders()
        if select_id and self.model.row_of(select_id) < 0 and any(r.id == select_id for r in rows):
            self._reveal(select_id)
        if not self._select_member(keep_id):
            self._select_row(self._row_hint)
        self._update_count()
        self.counts_changed.emit(self.model.on_roll_count())

    def refresh_reminders(self) -> Task:
        """Compute the reminders in the background: the table need not wait for them."""
        self._reminder_generation += 1
        generation = self._reminder_generation
        db, today = self.ctx.db, self.ctx.today()

        def done(found: list) -> None:
            if generation == self._reminder_generation:
                self.reminders_panel.set_reminders(found)

        self.reminders_task = run_task(
            self,
            "Đang tính các việc cần nhắc…",
            lambda progress: reminders(db, today),
            done,
            error_title="Chưa tính được các việc cần nhắc",
            busy=False,
        )
        return self.reminders_task

    def _reveal(self, member_id: int) -> None:
        """Clear the search, then the status filter, until ``member_id`` is visible."""
        if self.search.text():
            self.search.clear()
        if self.model.row_of(member_id) < 0:
            self.status_combo.setCurrentIndex(self.status_combo.findData("all"))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.row_at(rows[0].row())
        return row.id if row else None

    def _select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id) if member_id else -1
        if row < 0:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            self._update_actions()
            return
        row = max(0, min(row, count - 1))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 1))
        self._update_actions()

    def _update_count(self) -> None:
        self.count_label.setText(
            f"Đang hiện {self.model.visible_count()}/{self.model.filtered_total()} đảng viên"
        )

    def _search_changed(self, text: str) -> None:
        self.model.set_query(text)
        self._select_row(0)
        self._update_count()

    def _status_changed(self) -> None:
        self.model.set_status_filter(self.status_combo.currentData())
        self._select_row(0)
        self._update_count()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _enter_table(self) -> None:
        if self.model.rowCount():
            if self.selected_id() is None:
                self._select_row(0)
            self.table.setFocus()

    def _tool_buttons(self) -> list[QWidget]:
        buttons = []
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and not action.isSeparator():
                buttons.append(button)
        return buttons

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab: search → status → table → reminders → the toolbar's buttons → search."""
        ring = [self.search, self.status_combo, self.table, self.reminders_panel.list]
        ring += self._tool_buttons()
        ring = [w for w in ring if w.isVisible() and w.isEnabled()]
        focused = QApplication.focusWidget()
        if focused not in ring or len(ring) < 2:
            return super().focusNextPrevChild(forward)
        step = 1 if forward else -1
        ring[(ring.index(focused) + step) % len(ring)].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if watched is self.search and key == Qt.Key.Key_Down:
                self._enter_table()
                return True
        elif event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.columns.fit_name_column()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:
            self.columns.size_columns()
        super().changeEvent(event)
