"""The main window (cửa sổ chính): every part of the product on the left, one page each.

Parts that are not built yet are listed too, with an honest page, so that the secretary
sees the whole plan. The status bar names the cell and counts its members, and offers
"Hoàn tác" for a few seconds after a deletion.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStyle,
    QWidget,
)

from desktop.services.cell.details import get_cell
from desktop.services.demo.marker import SAMPLE_MARK, is_sample_data
from desktop.printing.paper_mark import set_paper_mark
from desktop.ui import messages, tasks
from desktop.ui.about import show_about, show_shortcuts
from desktop.ui.context import UiContext
from desktop.ui.home.page import HomePage
from desktop.ui.lazy_pages import LazyPages
from desktop.ui.main_window_parts import (
    UndoBanner,
    organisation_title,
    restore_from_backup,
    save_before_closing,
)
from desktop.ui.members.page import MembersPage
from desktop.ui.screen_fit import fit_to_screen, page_scroller

(
    NAV_HOME, NAV_MEMBERS, NAV_MEETINGS, NAV_TOPICS, NAV_REVIEWS, NAV_DUES, NAV_EXPORT, NAV_SETTINGS
) = range(8)


class MainWindow(QMainWindow):
    """Emits ``first_painted`` once, after the first paint (start-up is timed to it)."""

    first_painted = Signal()

    def __init__(self, ctx: UiContext, *, owns_workspace: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.owns_workspace = owns_workspace
        self.first_paint_done = False
        self.setWindowTitle("Sổ Chi bộ")
        fit_to_screen(self, QSize(1280, 800))

        self.pages = LazyPages()
        # The home page is the first paint; the members page is built with it because
        # the menus and the status bar use its actions and counts.
        self.home_page = HomePage(ctx)
        self.home_page.plan_requested.connect(self.plan_next_meeting)
        self.home_page.meeting_requested.connect(self.open_meeting)
        self.home_page.page_requested.connect(self.show_named_page)
        self.home_page.real_cell_requested.connect(self.start_real_cell)
        self.pages.addWidget(self.home_page)
        self.members_page = MembersPage(ctx)
        self.pages.addWidget(self.members_page)
        # Every other part is built when first shown (LazyPages).
        for build in (
            self._build_meetings,
            self._build_topics,
            self._build_reviews,
            self._build_dues,
            self._build_export,
            self._build_settings,
        ):
            self.pages.add_lazy(build)
        icons = QStyle.StandardPixmap
        parts = (
            ("Việc cần làm", icons.SP_DirHomeIcon),
            ("Đảng viên", icons.SP_DirIcon),
            ("Sinh hoạt chi bộ", icons.SP_FileDialogListView),
            ("Chuyên đề và cam kết", icons.SP_FileDialogInfoView),
            ("Kiểm điểm và xếp loại", icons.SP_DialogApplyButton),
            ("Đảng phí", icons.SP_FileDialogContentsView),
            ("Xuất dữ liệu", icons.SP_DriveFDIcon),
            ("Cài đặt", icons.SP_FileDialogDetailedView),
        )
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setSpacing(2)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, (title, icon) in enumerate(parts, start=1):
            item = QListWidgetItem(self.style().standardIcon(icon), title)
            item.setToolTip(f"{title} (Ctrl+{number})")
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_part)
        self._size_nav()

        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(page_scroller(self.pages), 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        ctx.cell_changed.connect(self._update_cell_label)
        ctx.undo_offered.connect(self.undo_banner.offer)
        # The new size reaches the widgets on the next turn of the event loop.
        ctx.font_changed.connect(lambda _size: QTimer.singleShot(0, self._size_nav))
        self.members_page.counts_changed.connect(self._update_count)
        self._update_cell_label()
        self._update_count(self.members_page.model.on_roll_count())
        self.nav.setCurrentRow(NAV_HOME)

    # --- building ------------------------------------------------------------------

    @property
    def meetings_page(self):
        return self.pages.page(NAV_MEETINGS)

    @property
    def topics_page(self):
        return self.pages.page(NAV_TOPICS)

    @property
    def reviews_page(self):
        return self.pages.page(NAV_REVIEWS)

    @property
    def export_page(self):
        return self.pages.page(NAV_EXPORT)

    @property
    def dues_page(self):
        return self.pages.page(NAV_DUES)

    @property
    def settings_page(self):
        return self.pages.page(NAV_SETTINGS)

    def plan_next_meeting(self) -> None:
        """From the home page: the meetings page's own "Lập kế hoạch tháng tới"."""
        self.nav.setCurrentRow(NAV_MEETINGS)
        self.meetings_page.plan_next()

    def open_meeting(self, meeting_id: int) -> None:
        self.nav.setCurrentRow(NAV_MEETINGS)
        self.meetings_page.open_meeting(meeting_id)

    def show_named_page(self, name: str) -> None:
        """The home page's links: one click from a line to the page where it is done."""
        rows = {"members": NAV_MEMBERS, "reviews": NAV_REVIEWS, "dues": NAV_DUES,
                "export": NAV_EXPORT, "backups": NAV_SETTINGS}
        self.nav.setCurrentRow(rows[name])

    def _build_meetings(self) -> QWidget:
        from desktop.ui.meetings.page import MeetingsPage

        page = MeetingsPage(self.ctx)
        page.meetings_changed.connect(self._meetings_changed)
        return page

    def _meetings_changed(self) -> None:
        # A topics page not built yet reads the study round when it is first shown.
        if self.pages.is_built(NAV_TOPICS):
            self.topics_page.show_round()
        self.home_page.reload()

    def _build_topics(self) -> QWidget:
        from desktop.ui.topics.page import TopicsPage

        return TopicsPage(self.ctx)

    def _build_reviews(self) -> QWidget:
        from desktop.ui.reviews.page import ReviewsPage

        return ReviewsPage(self.ctx)

    def _build_dues(self) -> QWidget:
        from desktop.ui.dues.page import DuesPage

        return DuesPage(self.ctx)

    def _build_export(self) -> QWidget:
        from desktop.ui.export_page import ExportPage

        members = self.members_page
        page = ExportPage(self.ctx, members.export_action, members.print_action)
        page.restore_requested.connect(self.restore_from_backup)
        return page

    def _build_settings(self) -> QWidget:
        from desktop.ui.settings_page import SettingsPage

        page = SettingsPage(self.ctx)
        page.backups.restore_requested.connect(self.restore_from_backup)
        return page

    def _size_nav(self) -> None:
        """Tall, readable items, and room for the longest name, at any text size."""
        metrics = self.nav.fontMetrics()
        self.nav.setFixedWidth(metrics.horizontalAdvance("Kiểm điểm và xếp loại") + 64)
        height = max(metrics.height() * 2 + 4, 40)
        for row in range(self.nav.count()):
            self.nav.item(row).setSizeHint(QSize(0, height))

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        page = self.members_page
        menu = self.menuBar().addMenu("&Tệp")
        self.backup_action = self._action("Sao lưu &ngay", self.backup_now)
        self.import_action = self._action("&Nhập danh sách…", page.import_roster, "Ctrl+I")
        self.export_action = self._action("&Xuất danh sách…", page.export_roster, "Ctrl+E")
        self.print_action = self._action(
            "&In danh sách…", self.print_page_paper, QKeySequence.StandardKey.Print
        )
        self.quit_action = self._action("&Thoát", self.close, "Ctrl+Q")
        self.real_cell_action = self._action("&Bắt đầu với chi bộ thật…", self.start_real_cell)
        for action in (self.backup_action, self.real_cell_action, None, self.import_action,
                       self.export_action, self.print_action, None, self.quit_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

        edit = self.menuBar().addMenu("Sử&a")
        stack = self.ctx.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Hoàn tác")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, "&Làm lại")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(page.add_action)
        edit.addAction(page.edit_action)
        edit.addAction(page.delete_action)
        edit.addAction(page.find_action)
        # Ctrl+F searches the page shown (the members page's own Ctrl+F works inside it).
        self.find_any_action = self._action("", self.find_on_page, "Ctrl+F")
        self.find_any_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_any_action.setEnabled(False)
        self.addAction(self.find_any_action)

        help_menu = self.menuBar().addMenu("Trợ giú&p")
        help_menu.addAction(self._action("&Phím tắt", lambda: show_shortcuts(self)))
        help_menu.addAction(self._action("&Giới thiệu", lambda: show_about(self.ctx, self)))

        for number in range(1, min(self.nav.count(), 9) + 1):
            action = self._action(
                "",
                lambda _checked=False, row=number - 1: self.nav.setCurrentRow(row),
                f"Ctrl+{number}",
            )
            self.addAction(action)

    def _build_status_bar(self) -> None:
        self.cell_label = QLabel()
        self.count_label = QLabel()
        self.undo_banner = UndoBanner(self.ctx, self.cell_label)
        bar = self.statusBar()
        bar.addWidget(self.cell_label)
        bar.addWidget(self.undo_banner)
        bar.addPermanentWidget(self.count_label)

    # --- behaviour -----------------------------------------------------------------

    def _page_papers(self) -> dict:
        """The main paper of each page: what Ctrl+P prints there (tờ chính của trang)."""
        # Lambdas: naming a page here must not build it (LazyPages).
        return {
            NAV_MEETINGS: ("&In sổ biên bản năm…", lambda: self.meetings_page.print_book()),
            NAV_REVIEWS: (
                "&In danh sách xếp loại…",
                lambda: self.reviews_page.print_rating_list(),
            ),
        }

    def print_page_paper(self) -> None:
        """Ctrl+P: the page's main paper; the member roster elsewhere."""
        _text, make = self._page_papers().get(
            self.nav.currentRow(), ("", self.members_page.print_roster)
        )
        make()

    def find_on_page(self) -> None:
        """Ctrl+F: the search box of the page shown."""
        if self.nav.currentRow() == NAV_REVIEWS:
            self.reviews_page.search.setFocus()
            self.reviews_page.search.selectAll()

    def _show_part(self, row: int) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pages.show_page(row)
        finally:
            QApplication.restoreOverrideCursor()
        text, _make = self._page_papers().get(row, ("&In danh sách…", None))
        self.print_action.setText(text)
        # Only where the page has no Ctrl+F of its own: two would cancel each other out.
        self.find_any_action.setEnabled(row == NAV_REVIEWS)
        if row == NAV_MEMBERS:
            self.members_page.focus_search()
        elif row == NAV_HOME:
            self.home_page.reload()

    def _update_cell_label(self) -> None:
        cell = get_cell(self.ctx.db)
        unit = organisation_title(cell.name)
        if cell.is_set:
            text = unit
            if cell.superior_name:
                text += f" — {cell.superior_name}"
        else:
            text = "Chưa nhập tên chi bộ (vào Cài đặt để nhập)"
        title = f"Sổ Chi bộ — {unit}" if cell.is_set else "Sổ Chi bộ"
        sample = is_sample_data(self.ctx.db)
        set_paper_mark(SAMPLE_MARK if sample else "")
        self.real_cell_action.setVisible(sample)
        if sample:
            # The sample cell must never pass for a real one, on screen or on paper.
            title += f" — {SAMPLE_MARK}"
            text += f" — {SAMPLE_MARK}"
        self.cell_label.setText(text)
        self.setWindowTitle(title)

    def _update_count(self, on_roll: int) -> None:
        self.count_label.setText(f"{on_roll} đảng viên đang sinh hoạt")

    def start_real_cell(self) -> None:
        """Leave the sample cell: backed up, cleared, then the cell's own details."""
        from desktop.ui.first_start import begin_real_cell

        if begin_real_cell(self.ctx.workspace, self):
            # Every page reads the emptied data again; the sample's undo steps are void.
            self.ctx.replace_workspace(self.ctx.workspace)
            self.nav.setCurrentRow(NAV_HOME)
            self.statusBar().showMessage("Đã xóa dữ liệu mẫu (có bản sao lưu trong Cài đặt).", 10000)

    def backup_now(self) -> None:
        path = self.settings_page.backups.backup_now()
        if path is not None:
            self.statusBar().showMessage(f"Đã sao lưu: {path.name}", 8000)

    restore_from_backup = restore_from_backup  # main_window_parts: close, restore, reopen

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self.first_paint_done:
            self.first_paint_done = True
            # After the children of this first paint pass have painted too.
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if tasks.running_tasks():
            messages.warn(
                self,
                "Chưa thoát được",
                "Đang ghi dữ liệu (nhập, xuất hoặc in). Hãy đợi việc này xong rồi thoát.",
            )
            event.ignore()
            return
        unsaved = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and getattr(w, "has_unsaved_changes", lambda: False)()
        ]
        for dialog in unsaved:
            answer = messages.ask_save(
                dialog, f"«{dialog.windowTitle()}» còn thay đổi chưa lưu. Lưu trước khi thoát?"
            )
            if answer == messages.CANCEL or (
                answer == messages.SAVE and not save_before_closing(dialog)
            ):
                dialog.raise_()
                event.ignore()
                return
            dialog.discard()
        tasks.wait_for_all()  # reminders may still be reading the data
        if self.owns_workspace:
            try:
                self.ctx.workspace.close()
            except Exception as exc:  # noqa: BLE001 - closing must not be blocked
                messages.show_exception(self, exc, "Lỗi khi đóng dữ liệu")
            self.owns_workspace = False
        event.accept()
