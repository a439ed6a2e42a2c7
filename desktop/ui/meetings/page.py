"""The meetings page (Sinh hoạt chi bộ): the year month by month, its warnings, and the
actions: plan the next month, open a meeting, delete one, print the year's minutes book.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.dues.arrears import flag_lines as dues_flag_lines
from desktop.services.meetings import plan as service
from desktop.ui.flow_layout import FlowLayout
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.agenda_template_dialog import AgendaTemplateDialog
from desktop.ui.meetings.plan_dialog import PlanDialog
from desktop.ui.meetings.year_model import COL_MONTH, YearModel
from desktop.ui.style import heading
from desktop.ui.tasks import Task, run_task
from desktop.ui.widgets import WARNING_COLOUR, coloured_label

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def warning_lines(overview: service.YearOverview) -> list[str]:
    lines = []
    for quarter in overview.quarters_missing_thematic:
        text = f"Quý {ROMAN[quarter]} chưa có sinh hoạt chuyên đề"
        if quarter in overview.quarters_thematic_planned:
            text += " (đã lập kế hoạch, chưa sinh hoạt)"
        lines.append(text + ".")
    for flag in overview.flagged:
        lines.append(f"Đồng chí {flag.full_name} {flag.message}.")
    for absence in overview.unexcused:
        if absence.member_id not in {f.member_id for f in overview.flagged}:
            lines.append(
                f"Đồng chí {absence.full_name} vắng không lý do {absence.count} tháng trong năm."
            )
    return lines


class MeetingsPage(QWidget):
    meetings_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = ctx.today().year
        self.plan_dialog: PlanDialog | None = None
        self.template_dialog: AgendaTemplateDialog | None = None
        self.open_windows: dict[int, QWidget] = {}

        self.previous_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        self.previous_button.setToolTip("Năm trước")
        self.next_button.setToolTip("Năm sau")
        self.year_label = heading()
        self.previous_button.clicked.connect(lambda: self.show_year(self.year - 1))
        self.next_button.clicked.connect(lambda: self.show_year(self.year + 1))

        self.model = YearModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_MONTH, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_selected)

        self.warnings_label = coloured_label(WARNING_COLOUR)

        self.plan_button = QPushButton("&Lập kế hoạch tháng tới")
        self.open_button = QPushButton("&Mở buổi sinh hoạt")
        self.delete_button = QPushButton("&Xóa")
        self.book_button = QPushButton("In &sổ biên bản năm…")
        self.deleted_button = QPushButton("&Buổi đã xóa…")
        self.deleted_button.setToolTip("Xem những buổi sinh hoạt đã xóa và khôi phục")
        self.deleted_button.clicked.connect(self.show_deleted)
        self.plan_button.clicked.connect(self.plan_next)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.book_button.clicked.connect(self.print_book)
        self.template_button = QPushButton("C&hương trình mẫu…")
        self.template_button.clicked.connect(self.edit_agenda_template)

        top = QHBoxLayout()
        top.addWidget(QLabel("<b>Sinh hoạt chi bộ</b>"))
        top.addStretch(1)
        top.addWidget(self.previous_button)
        top.addWidget(self.year_label)
        top.addWidget(self.next_button)
        top.addStretch(1)
        buttons = FlowLayout()
        for button in (
            self.plan_button,
            self.open_button,
            self.delete_button,
            self.deleted_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.book_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings_label)

        ctx.workspace_changed.connect(self.reload)
        ctx.members_changed.connect(lambda _id: self.reload())
        self.show_year(self.year)

    # --- showing -------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self._focus_table)

    def _focus_table(self) -> None:
        """When the page comes up (Ctrl+2) the keyboard is on the year's list, not on
        "◀": Qt gives the focus to the first button of the page otherwise."""
        focused = QApplication.focusWidget()
        if self.isVisible() and (focused is None or self.isAncestorOf(focused)):
            if focused is not self.table:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        row = self.table.currentIndex().row()
        overview = service.year_overview(self.ctx.db, self.year)
        self.model.set_overview(overview)
        self.year_label.setText(
            f'<span style="font-size: x-large; font-weight: 600;">Năm {self.year}</span>'
        )
        lines = warning_lines(overview)
        lines += dues_flag_lines(self.ctx.db, self.year, self.ctx.today())  # Điều 8: dues too
        self.warnings_label.setText("\n".join(f"• {line}" for line in lines))
        self.warnings_label.setVisible(bool(lines))
        if row < 0 and self.year == self.ctx.today().year:
            row = self.ctx.today().month - 1
        self.table.selectRow(max(row, 0))
        self.table.resizeRowsToContents()

    def selected_meetings(self) -> list[service.MeetingSummary]:
        return self.model.meetings_of(self.table.currentIndex().row())

    # --- actions -------------------------------------------------------------------

    def plan_next(self) -> PlanDialog:
        """Open the plan dialog pre-filled for the next month without a regular meeting."""
        dialog = PlanDialog(self.ctx, None, None, self)
        dialog.finished.connect(lambda result: self._planned(dialog, result))
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def edit_agenda_template(self) -> AgendaTemplateDialog:
        """The cell's own order of business that new meetings start from."""
        dialog = AgendaTemplateDialog(self.ctx, self)

        def finished(_result: int) -> None:
            self.template_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self.template_dialog = dialog
        dialog.open()
        return dialog

    def _planned(self, dialog: PlanDialog, result: int) -> None:
        self.plan_dialog = None
        if result and dialog.saved_id:
            detail = service.get_meeting(self.ctx.db, dialog.saved_id)
            self.show_year(detail.year)
            self.table.selectRow(detail.month - 1)
            self.meetings_changed.emit()
        dialog.deleteLater()

    def open_selected(self) -> None:
        found = self.selected_meetings()
        if not found:
            messages.info(
                self,
                "Chưa có buổi sinh hoạt",
                "Tháng này chưa có buổi sinh hoạt nào. Bấm «Lập kế hoạch tháng tới» để lập.",
            )
            return
        if len(found) == 1:
            self.open_meeting(found[0].id)
            return
        menu = QMenu(self)
        for summary in found:
            action = menu.addAction(f"{summary.title} — {summary.state_label}")
            action.triggered.connect(lambda _c=False, i=summary.id: self.open_meeting(i))
        rect = self.table.visualRect(self.table.currentIndex())
        menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def open_meeting(self, meeting_id: int):
        from desktop.ui.meetings.meeting_dialog import MeetingDialog

        window = self.open_windows.get(meeting_id)
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return window
        window = MeetingDialog(self.ctx, meeting_id, self)
        window.changed.connect(self.reload)
        window.finished.connect(lambda _r, i=meeting_id: self.open_windows.pop(i, None))
        self.open_windows[meeting_id] = window
        window.show()
        return window

    def delete_selected(self) -> None:
        found = self.selected_meetings()
        if not found:
            return
        summary = found[0]
        if summary.state == service.MeetingState.APPROVED:
            messages.warn(
                self,
                "Không xóa được",
                "Biên bản đã được thông qua; không xóa được buổi sinh hoạt này.",
            )
            return
        if not messages.ask(
            self,
            "Xóa buổi sinh hoạt",
            f"Xóa «{summary.title}» cùng chương trình, điểm danh và biên bản nháp của buổi này? "
            "Có thể khôi phục ở «Buổi đã xóa…».",
            "Xóa",
            "Không xóa",
            danger=True,
        ):
            return
        try:
            service.delete_meeting(self.ctx.db, summary.id)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa xóa được")
            return
        self.reload()
        self.meetings_changed.emit()

    def show_deleted(self):
        """Buổi sinh hoạt đã xóa, with "Khôi phục"; the year shows a restored one at once."""
        from desktop.ui.meetings.deleted_dialog import deleted_meetings_dialog

        def changed() -> None:
            self.reload()
            self.meetings_changed.emit()

        dialog = deleted_meetings_dialog(self.ctx, changed, self)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.finished.connect(dialog.deleteLater)
        self.deleted_dialog = dialog
        dialog.open()
        return dialog

    def print_book(self) -> Task | None:
        from desktop.printing.meetings.minutes_book import write_minutes_book_pdf

        db, year = self.ctx.db, self.year
        from desktop.ui.temp_files import write_temporary

        def make(_progress):
            book = service.minutes_book(db, year)
            if not book.minutes:
                return None
            return write_temporary(
                f"so-bien-ban-{year}.pdf", lambda t: write_minutes_book_pdf(book, t)
            )

        def done(pdf) -> None:
            if pdf is None:
                messages.info(
                    self, "Chưa có biên bản", f"Năm {year} chưa có biên bản nào đã ghi xong."
                )
                return
            from desktop.ui.preview import PdfPreviewDialog

            PdfPreviewDialog(Path(pdf), f"Sổ biên bản năm {year}", self, temporary=True).open()

        return run_task(
            self,
            f"Đang chuẩn bị sổ biên bản năm {year}…",
            make,
            done,
            error_title="Chưa in được sổ biên bản",
        )
