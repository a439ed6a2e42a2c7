"""The "Kiểm điểm và xếp loại" page: the year's review season at a glance and its actions.

A year chosen at the top (judged by that year's rules), a summary of where the season
stands (self-reviews written, proposals, decisions, counts per level, the quota), and the
members' table. Enter opens the member's self-review; the buttons carry the cell's vote,
the superior's decision, the member's history, the cell's own review and the printing.

The sheet is built in the background: on a cell of 10,000 members it takes about two
seconds, too long to hold the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews import ratings
from desktop.ui.flow_layout import FlowLayout
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.reviews import review_print
from desktop.ui.reviews.sheet_view import level_legend, pack_period, size_columns, summary_lines
from desktop.ui.reviews.table_model import RatingTableModel
from desktop.ui.style import heading
from desktop.ui.tasks import Task, run_task
from desktop.ui.widgets import ERROR_COLOUR, coloured_label

SEARCH_PLACEHOLDER = "Tìm theo tên hoặc số thẻ (gõ không dấu cũng được)"
LOADING = "Đang tải danh sách kiểm điểm…"
QUOTA_OK_COLOUR = "#2e5e2e"


class ReviewsPage(QWidget):
    """``sheet_loaded`` fires each time the table has been filled for the chosen year."""

    sheet_loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = ctx.today().year
        self.sheet: ratings.RatingSheet | None = None
        self.stale = True
        self.load_task: Task | None = None
        self._generation = 0
        self._select_id = 0
        self.dialog: QWidget | None = None  # the last one opened, for tests

        self.year_combo = QComboBox()
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        year_label = QLabel("&Năm:")
        year_label.setBuddy(self.year_combo)
        self.period_label = QLabel()

        self.summary_label = QLabel(LOADING)
        self.summary_label.setWordWrap(True)
        self.quota_label = coloured_label(ERROR_COLOUR)
        self.quota_label.hide()
        self.legend_label = QLabel()
        self.legend_label.setWordWrap(True)

        self.search = QLineEdit()
        self.search.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._enter_table)
        search_label = QLabel("Tì&m:")
        search_label.setBuddy(self.search)

        self.model = RatingTableModel(self)
        self.model.warning_icon = self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
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
        self.table.doubleClicked.connect(lambda _index: self.open_self_review())
        self.table.installEventFilter(self)

        self.review_button = QPushButton("&Bản tự kiểm điểm…")
        self.proposal_button = QPushButton("Chi bộ đề &xuất…")
        self.decision_button = QPushButton("Cấp trên &quyết định…")
        self.accept_button = QPushButton("Cấp trên đồng &ý như đề xuất…")
        self.history_button = QPushButton("&Lịch sử xếp loại…")
        self.collective_button = QPushButton("Kiểm điểm tập thể &chi bộ…")
        self.print_button = QPushButton("&In giấy tờ")
        self.review_button.setToolTip("Mở bản tự kiểm điểm của đồng chí đang chọn (Enter)")
        self.review_button.clicked.connect(self.open_self_review)
        self.proposal_button.clicked.connect(self.open_proposal)
        self.decision_button.clicked.connect(self.open_decision)
        self.accept_button.clicked.connect(self.accept_all)
        self.history_button.clicked.connect(self.open_history)
        self.collective_button.clicked.connect(self.open_collective)
        self.print_menu = QMenu(self)
        self.print_review_action = self.print_menu.addAction(
            "&Bản tự kiểm điểm của đồng chí đang chọn", self.print_self_review
        )
        self.print_list_action = self.print_menu.addAction(
            "&Danh sách đề nghị xếp loại", self.print_rating_list
        )
        self.print_collective_action = self.print_menu.addAction(
            "Báo cáo kiểm điểm &tập thể chi bộ", self.print_collective_review
        )
        self.print_button.setMenu(self.print_menu)

        top = QHBoxLayout()
        top.addWidget(heading("Kiểm điểm và xếp loại"), 1)
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        top.addWidget(self.period_label)
        member_buttons = FlowLayout()
        for button in (
            self.review_button,
            self.proposal_button,
            self.decision_button,
            self.history_button,
        ):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        member_buttons.addWidget(search_label)
        member_buttons.addWidget(self.search, 1)
        cell_buttons = FlowLayout()
        for button in (self.accept_button, self.collective_button, self.print_button):
            cell_buttons.addWidget(button)
        cell_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.quota_label)
        layout.addWidget(self.legend_label)
        layout.addLayout(cell_buttons)
        layout.addLayout(member_buttons)
        layout.addWidget(self.table, 1)

        ctx.workspace_changed.connect(self.mark_stale)
        ctx.members_changed.connect(lambda _id: self.mark_stale())
        self._fill_years()

    # --- years ---------------------------------------------------------------------

    def _fill_years(self) -> None:
        """Years with data, the current year and the one before (its decisions come late)."""
        now = self.ctx.today().year
        years = set(ratings.review_years(self.ctx.db)) | {now, now - 1, self.year}
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in sorted(years, reverse=True):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(self.year))
        self.year_combo.blockSignals(False)

    def _year_chosen(self) -> None:
        year = self.year_combo.currentData()
        if year and year != self.year:
            self.show_year(int(year))

    def show_year(self, year: int) -> Task:
        self.year = year
        if self.year_combo.findData(year) < 0:
            self._fill_years()
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        return self.reload()

    # --- loading -------------------------------------------------------------------

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self, select_id: int = 0) -> Task:
        """Build the year's sheet in the background, then fill the table."""
        self.stale = False
        self._generation += 1
        generation = self._generation
        self._select_id = select_id or self.selected_id() or self._select_id
        db, year, today = self.ctx.db, self.year, self.ctx.today()
        if self.sheet is None or self.sheet.year != year:
            self.summary_label.setText(LOADING)

        def done(sheet: ratings.RatingSheet) -> None:
            if generation == self._generation:
                self._show_sheet(sheet)

        self.load_task = run_task(
            self,
            LOADING,
            lambda _p: ratings.rating_sheet(db, year, today),
            done,
            error_title="Chưa tải được danh sách kiểm điểm",
            busy=False,
        )
        return self.load_task

    def _show_sheet(self, sheet: ratings.RatingSheet) -> None:
        self.sheet = sheet
        self.model.set_sheet(sheet)
        self.period_label.setText(pack_period(sheet.pack))
        self.summary_label.setText("\n".join(summary_lines(sheet)))
        self.legend_label.setText(level_legend(sheet.pack))
        quota = sheet.quota_proposed
        has_quota = sheet.pack.quota is not None and any(c.proposed for c in sheet.counts)
        self.quota_label.setText(
            f"Tỷ lệ xuất sắc: {quota.explanation}"
            + (f" ({quota.source})." if quota.exceeded else ".")
        )
        palette = self.quota_label.palette()
        colour = ERROR_COLOUR if quota.exceeded else QUOTA_OK_COLOUR
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.quota_label.setPalette(palette)
        self.quota_label.setVisible(has_quota)
        size_columns(self.table, self.model)
        if not self._select(self._select_id):
            self._select_row(0)
        self.sheet_loaded.emit()

    # --- selection -----------------------------------------------------------------

    def selected_row(self) -> ratings.RatingRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.member_id if row else None

    def select_member(self, member_id: int) -> bool:
        return self._select(member_id)

    def _select(self, member_id: int) -> bool:
        row = self.model.row_of(member_id) if member_id else -1
        if row < 0:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        if self.model.rowCount():
            row = max(0, min(row, self.model.rowCount() - 1))
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _search_changed(self, text: str) -> None:
        self.model.set_query(text)
        self._select_row(0)

    def _enter_table(self) -> None:
        if self.model.rowCount():
            if self.selected_id() is None:
                self._select_row(0)
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_self_review()
            return True
        return super().eventFilter(watched, event)

    def _need_member(self) -> ratings.RatingRow | None:
        row = self.selected_row()
        if row is None:
            messages.info(self, "Chưa chọn đảng viên", "Hãy chọn một đồng chí trong danh sách.")
        return row

    # --- dialogs -------------------------------------------------------------------

    def _open(self, dialog, member_id: int = 0):
        """Show ``dialog`` window-modal; reload the page after each save."""
        self.dialog = dialog
        if hasattr(dialog, "changed"):
            dialog.changed.connect(lambda: self.reload(member_id))
        dialog.finished.connect(lambda _r: self.table.setFocus())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_self_review(self):
        from desktop.ui.reviews.self_review_dialog import SelfReviewDialog

        row = self._need_member()
        if row is not None and self.sheet is not None:
            return self._open(SelfReviewDialog(self.ctx, self.year, row, self), row.member_id)
        return None

    def open_proposal(self):
        from desktop.ui.reviews.proposal_dialog import ProposalDialog

        row = self._need_member()
        if row is not None and self.sheet is not None:
            return self._open(ProposalDialog(self.ctx, self.sheet, row, self), row.member_id)
        return None

    def open_decision(self):
        from desktop.ui.reviews.decision_dialog import DecisionDialog

        row = self._need_member()
        if row is not None and self.sheet is not None:
            return self._open(DecisionDialog(self.ctx, self.sheet, row, self), row.member_id)
        return None

    def open_history(self):
        from desktop.ui.reviews.history_dialog import HistoryDialog

        row = self._need_member()
        if row is not None:
            dialog = HistoryDialog(self.ctx, row.member_id, row.member.full_name, self.year, self)
            return self._open(dialog)
        return None

    def open_collective(self):
        from desktop.ui.reviews.collective_dialog import CollectiveDialog

        return self._open(CollectiveDialog(self.ctx, self.year, self))

    def accept_all(self) -> int:
        """The superior approved the list as proposed; returns how many were recorded."""
        from desktop.ui.reviews.decision_dialog import AcceptProposalsDialog

        if self.sheet is None:
            return 0
        count = len(self.sheet.awaiting_decision)
        if not count:
            messages.info(
                self,
                "Không có đề xuất chờ quyết định",
                f"Năm {self.year} không còn đồng chí nào đã có đề xuất mà chưa có quyết định.",
            )
            return 0
        dialog = AcceptProposalsDialog(self.year, count, self)
        self.dialog = dialog
        if not dialog.exec():
            return 0
        return self.record_accepted(dialog.number.text(), dialog.decided_on)

    def record_accepted(self, number: str, decided_on) -> int:
        count = len(self.sheet.awaiting_decision) if self.sheet else 0
        if not messages.ask(
            self,
            "Cấp trên đồng ý như đề xuất",
            f"Ghi quyết định của cấp trên cho {count} đồng chí, đúng mức chi bộ đã đề xuất"
            + (f" (quyết định số {number.strip()})" if number.strip() else "")
            + "?",
            "Ghi quyết định",
            "Không ghi",
        ):
            return 0
        try:
            recorded = ratings.accept_proposals(self.ctx.db, self.year, number, decided_on)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa ghi được quyết định")
            return 0
        self.reload()
        return recorded

    # --- printing ------------------------------------------------------------------

    def print_self_review(self) -> Task | None:
        row = self._need_member()
        if row is None:
            return None
        return review_print.print_self_review(
            self.ctx, self, row.member_id, self.year, row.member.full_name
        )

    def print_rating_list(self) -> Task:
        return review_print.print_rating_list(self.ctx, self, self.year)

    def print_collective_review(self) -> Task:
        return review_print.print_collective_review(self.ctx, self, self.year)
