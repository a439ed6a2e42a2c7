"""The "Đảng viên" page: search, filter, add, edit, delete, import, export, print.

Focus starts in the search box; typing filters at once (accents optional), Down or
Enter moves into the table, Enter or F2 opens the member, Delete deletes (after asking,
and with an undo).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.services.members.registry import list_members
from desktop.services.members.reminders import reminders
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.members.commands import AddMemberCommand, DeleteMemberCommand, EditMemberCommand
from desktop.ui.members.form import MemberDialog
from desktop.ui.members.reminders_panel import RemindersPanel
from desktop.ui.members.table_model import (
    COLUMNS,
    HEADER_LINES,
    STATUS_FILTERS,
    MembersTableModel,
)
from desktop.ui.style import heading
from desktop.ui.tasks import Task, run_task

SEARCH_PLACEHOLDER = "Tìm theo tên, số thẻ, điện thoại (gõ không dấu cũng được)"
# Widest usual content of each column, to size columns without scanning 10,000 rows.
# Longer texts are elided, with the whole text in the tooltip.
_COLUMN_SAMPLES = (
    "999",
    "Nguyễn Thị Phương",
    "Nam",
    "00/00/0000",
    "00/00/0000",
    "Miễn sinh hoạt",
    "Chi ủy viên",
    "000000000000",
    "0000000000",
)


class MembersPage(QWidget):
    """``counts_changed(on_roll)`` after every reload, for the status bar."""

    counts_changed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = MembersTableModel(self)
        self._row_hint = 0
        self._name_min_width = 200
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
        self._size_columns()
        self.reload()

    # --- actions -------------------------------------------------------------------

    def _action(self, text: str, icon: QStyle.StandardPixmap, slot, shortcut=None, tip=""):
        action = QAction(self.style().standardIcon(icon), text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            names = ", ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys
            )
            tip = f"{tip or text.replace('&', '').rstrip('…')} ({names})"
        if tip:
            action.setToolTip(tip)
        return action

    def _build_actions(self) -> None:
        icons = QStyle.StandardPixmap
        self.add_action = self._action(
            "Thê&m",
            icons.SP_FileDialogNewFolder,
            self.add_member,
            "Ctrl+N",
            "Thêm đảng viên mới",
        )
        self.edit_action = self._action(
            "&Sửa",
            icons.SP_FileDialogDetailedView,
            self.edit_selected,
            "F2",
            "Sửa thông tin đảng viên đang chọn",
        )
        self.delete_action = self._action(
            "&Xóa",
            icons.SP_TrashIcon,
            self.delete_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            "Xóa đảng viên đang chọn",
        )
        self.deleted_action = self._action(
            "&Khôi phục…",
            icons.SP_BrowserReload,
            self.show_deleted,
            tip="Xem những đảng viên đã xóa khỏi danh sách và khôi phục",
        )
        self.find_action = self._action(
            "Tìm", icons.SP_FileDialogContentsView, self.focus_search, "Ctrl+F"
        )
        # Import, export and print also sit in the Tệp menu, which owns their shortcuts.
        self.import_action = self._action(
            "&Nhập từ Excel…",
            icons.SP_DialogOpenButton,
            self.import_roster,
            tip="Nhập danh sách đảng viên từ tệp Excel hoặc tệp văn bản CSV (Ctrl+I)",
        )
        self.export_action = self._action(
            "X&uất…",
            icons.SP_DialogSaveButton,
            self.export_roster,
            tip="Xuất danh sách đảng viên ra tệp Excel hoặc tệp văn bản CSV (Ctrl+E)",
        )
        self.print_action = self._action(
            "In danh sá&ch…",
            icons.SP_FileIcon,
            self.print_roster,
            tip="Xem trước và in danh sách đảng viên (Ctrl+P)",
        )

    def _update_actions(self) -> None:
        has_selection = self.selected_id() is not None
        self.edit_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection)

    # --- loading and selection -----------------------------------------------------

    def reload(self, select_id: int = 0) -> None:
        """Read the members again; keep (or move to) the selection."""
        keep_id = select_id or self.selected_id() or 0
        rows = list_members(self.ctx.db, on=self.ctx.today())
        self.model.set_rows(rows)
        self._fit_text_columns()
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
            self._fit_name_column()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()
        super().changeEvent(event)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(int(metrics.height() * 1.8))
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(metrics.horizontalAdvance("999") + 16)
        header.setMinimumHeight(int(metrics.height() * 2.8))
        for column, sample in enumerate(_COLUMN_SAMPLES):
            lines = HEADER_LINES[column].split("\n") + [sample]
            width = max(metrics.horizontalAdvance(line) for line in lines)
            header.resizeSection(column, width + 16)
        self._name_min_width = header.sectionSize(1)
        self._fit_text_columns()

    def _fit_text_columns(self) -> None:
        """"Tình trạng" and "Chức vụ" as wide as their longest text ("Chính thức, đi làm
        ăn xa"), so no status is cut to "Chính thức, đ…"; the name column gets the rest."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column in (COLUMNS.index("Tình trạng"), COLUMNS.index("Chức vụ")):
            lines = HEADER_LINES[column].split("\n") + [_COLUMN_SAMPLES[column]]
            width = max(metrics.horizontalAdvance(line) for line in lines)
            for row in range(self.model.rowCount()):
                text = self.model.data(self.model.index(row, column)) or ""
                width = max(width, metrics.horizontalAdvance(str(text)))
            header.resizeSection(column, width + 16)
        # Names whole too: "Nguyễn Thị Thu Trang" was cut to "Nguyễn Thị Thu Tr…".
        rows = range(self.model.rowCount())
        names = (self.model.data(self.model.index(r, 1)) or "" for r in rows)
        widest = max((metrics.horizontalAdvance(str(n)) for n in names), default=0)
        self._name_min_width = max(self._name_min_width, widest + 16)
        self._fit_name_column()

    def _fit_name_column(self) -> None:
        """Give the name column whatever width the other columns leave free."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if c != 1)
        free = self.table.viewport().width() - others
        header.resizeSection(1, max(self._name_min_width, free))

    # --- member actions ------------------------------------------------------------

    def add_member(self) -> None:
        dialog = MemberDialog(self.ctx, None, self)
        if dialog.exec() and dialog.saved_id:
            name = dialog.after.full_name if dialog.after else ""
            self.ctx.undo_stack.push(AddMemberCommand(self.ctx, dialog.saved_id, name))
            self.reload(dialog.saved_id)
        self.table.setFocus()

    def edit_selected(self) -> None:
        member_id = self.selected_id()
        if member_id is not None:
            self.edit_member(member_id)

    def edit_member(self, member_id: int) -> None:
        dialog = MemberDialog(self.ctx, member_id, self)
        saved = dialog.exec()
        if saved and dialog.before is not None and dialog.after is not None:
            command = EditMemberCommand(self.ctx, member_id, dialog.before, dialog.after)
            self.ctx.undo_stack.push(command)
        self.reload(member_id)
        self.table.setFocus()

    def delete_selected(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        row = self.model.row_at(selected[0].row()) if selected else None
        if row is None:
            return
        member_id = row.id
        if not messages.ask(
            self,
            "Xóa đảng viên",
            f"Xóa đồng chí {row.full_name} khỏi danh sách? Có thể hoàn tác ngay sau khi xóa.",
            "Xóa",
            "Không xóa",
            danger=True,
        ):
            return
        self._row_hint = self.model.row_of(member_id)
        self.ctx.undo_stack.push(DeleteMemberCommand(self.ctx, member_id, row.full_name))
        self.ctx.undo_offered.emit(f"Đã xóa đồng chí {row.full_name}.")
        self.table.setFocus()

    def show_deleted(self):
        """Đảng viên đã xóa, with "Khôi phục" (undo works only until the app is closed)."""
        from desktop.ui.members.deleted_dialog import DeletedMembersDialog

        dialog = DeletedMembersDialog(self.ctx, self)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.finished.connect(dialog.deleteLater)
        self.deleted_dialog = dialog
        dialog.open()
        return dialog

    # --- roster-wide actions -------------------------------------------------------

    def import_roster(self) -> None:
        from desktop.ui.importing.dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.exec()

    def export_roster(self) -> None:
        from desktop.ui.roster_actions import export_roster

        export_roster(self.ctx, self)

    def print_roster(self) -> None:
        from desktop.ui.roster_actions import print_roster

        print_roster(self.ctx, self)
