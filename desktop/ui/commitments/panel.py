"""The commitments of a year (cam kết tu dưỡng, rèn luyện, phấn đấu), one member a row.

Above the table: the year, the study topic the commitments should follow, and who has
not written, not assessed, or not been evaluated yet — named, not only counted. Enter
or a double click opens the member's commitment; Delete deletes it (with an undo).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews.commitments import CommitmentOverview, CommitmentRow, commitment_overview
from desktop.services.topics.catalogue import current_topic
from desktop.ui.flow_layout import FlowLayout
from desktop.ui import messages
from desktop.ui.commitments import commitment_print
from desktop.ui.commitments.commands import DeleteCommitmentCommand
from desktop.ui.commitments.commitment_dialog import CommitmentDialog, topic_day
from desktop.ui.commitments.evaluation_dialog import EvaluationDialog
from desktop.ui.commitments.table_model import COL_NAME, CommitmentTableModel
from desktop.ui.context import UiContext
from desktop.ui.widgets import form_label

FIRST_YEAR = 2018  # the oldest rule pack shipped
NAMES_SHOWN = 8  # more names go to the tooltip, so the line stays short
RESIZE_PRECISION = 100  # rows measured for the column widths (a small cell: all of them)


def names_text(rows: list[CommitmentRow]) -> str:
    names = [r.full_name for r in rows]
    if len(names) <= NAMES_SHOWN:
        return ", ".join(names)
    return ", ".join(names[:NAMES_SHOWN]) + f" và {len(names) - NAMES_SHOWN} đồng chí khác"


class CommitmentsPanel(QWidget):
    """``year_changed(year)`` when another year is chosen (the tab shows the year)."""

    year_changed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: CommitmentOverview | None = None
        self.dialog = None  # the dialog open now, for tests and for keeping it alive
        self.print_task = None

        self.year_box = QSpinBox()
        self.year_box.setRange(FIRST_YEAR, ctx.today().year + 1)
        self.year_box.setValue(ctx.today().year)
        self.year_box.valueChanged.connect(self._year_changed)
        self.topic_label = QLabel()
        self.topic_label.setWordWrap(True)
        self.topic_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)
        self.names_label = QLabel()
        self.names_label.setWordWrap(True)

        self.model = CommitmentTableModel(self)
        self.model.warning_icon = self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Danh sách cam kết của đảng viên")
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Measured on the first rows only: every row of a 1,000-member cell on each change
        # made the tab's first open take seconds (bench/bench_startup.py).
        header.setResizeContentsPrecision(RESIZE_PRECISION)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_enabled())

        self.open_button = QPushButton("&Viết, sửa cam kết…")
        self.open_button.setToolTip("Mở bản cam kết của đồng chí đang chọn (Enter)")
        self.evaluate_button = QPushButton("&Chi ủy đánh giá…")
        self.delete_button = QPushButton("&Xóa cam kết")
        self.delete_button.setToolTip("Xóa bản cam kết của đồng chí đang chọn (Delete)")
        self.print_button = QPushButton("&In bản cam kết…")
        self.print_button.setToolTip(
            "In bản cam kết của đồng chí đang chọn (chưa viết thì in mẫu để viết tay)"
        )
        self.summary_button = QPushButton("In &bảng tổng hợp…")
        self.deleted_button = QPushButton("Ca&m kết đã xóa…")
        self.deleted_button.setToolTip("Xem những bản cam kết đã xóa và khôi phục")
        self.deleted_button.clicked.connect(self.show_deleted)
        self.open_button.clicked.connect(self.open_selected)
        self.evaluate_button.clicked.connect(self.evaluate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.summary_button.clicked.connect(self.print_summary)

        top = QHBoxLayout()
        top.addWidget(form_label("&Năm", self.year_box))
        top.addWidget(self.year_box)
        top.addSpacing(16)
        top.addWidget(self.topic_label, 1)
        buttons = FlowLayout()
        for button in (
            self.open_button,
            self.evaluate_button,
            self.delete_button,
            self.deleted_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.summary_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.names_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

        # Loaded when first shown, not at start-up: the overview reads every member's
        # events, which on a very large cell costs seconds the main window should not wait.
        ctx.workspace_changed.connect(self.refresh)
        ctx.members_changed.connect(lambda _id: self.refresh())

    # --- showing -------------------------------------------------------------------

    def year(self) -> int:
        return self.year_box.value()

    def _year_changed(self, year: int) -> None:
        self.refresh()
        self.year_changed.emit(year)

    def refresh(self) -> None:
        """Reload now if shown; a hidden panel reloads when it is next shown."""
        if self.isVisible():
            self.reload()

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id or self.selected_id()
        year = self.year()
        topic = current_topic(self.ctx.db, topic_day(year, self.ctx.today()))
        if topic is not None:
            self.topic_label.setText(f"Chuyên đề năm {year}: <b>{escape(topic.title)}</b>")
        else:
            self.topic_label.setText(
                f"Chưa có chuyên đề học tập cho năm {year} (thêm ở thẻ «Chuyên đề học tập»)."
            )
        self.overview = commitment_overview(self.ctx.db, year, self.ctx.today())
        self.model.set_rows(self.overview.rows)
        self._show_summary(self.overview)
        row = self.model.row_of(keep) if keep else -1
        if self.model.rowCount():
            self.table.selectRow(max(row, 0))
        self._update_enabled()

    def _show_summary(self, overview: CommitmentOverview) -> None:
        rows = overview.rows
        due = [r for r in rows if r.written or not r.exempted]
        written = sum(1 for r in due if r.written)
        exempted = [r for r in rows if r.exempted and not r.written]
        parts = [
            f"Đã viết {written}/{len(due)}",
            f"Chưa viết: {len(overview.not_written)}",
            f"Chưa tự đánh giá: {len(overview.not_assessed)}",
            f"Chưa được chi ủy đánh giá: {len(overview.not_evaluated)}",
        ]
        if exempted:
            parts.append(f"Được miễn: {len(exempted)}")
        self.summary_label.setText(
            f'<span style="font-size: large; font-weight: 600;">{" · ".join(parts)}</span>'
        )
        lines, tips = [], []
        for title, found in (
            ("Chưa viết", overview.not_written),
            ("Chưa tự đánh giá", overview.not_assessed),
            ("Chưa được chi ủy đánh giá", overview.not_evaluated),
        ):
            if found:
                lines.append(f"{title}: {names_text(found)}.")
                tips.append(f"{title}: " + ", ".join(r.full_name for r in found) + ".")
        self.names_label.setText("\n".join(lines))
        self.names_label.setToolTip("\n".join(tips))
        self.names_label.setVisible(bool(lines))

    def selected_row(self) -> CommitmentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.member_id if row else None

    def _update_enabled(self) -> None:
        row = self.selected_row()
        written = row is not None and row.written
        self.open_button.setEnabled(row is not None)
        self.evaluate_button.setEnabled(written)
        self.delete_button.setEnabled(written)
        # Not written yet: the form prints blank, for the member to fill in by hand.
        self.print_button.setEnabled(row is not None)
        self.summary_button.setEnabled(self.model.rowCount() > 0)

    def select_member(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            self.table.selectRow(row)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Members, topics and meetings change on other pages; the overview is cheap.
        super().showEvent(event)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    # --- actions -------------------------------------------------------------------

    def _open(self, dialog, on_finished=None) -> None:
        def finished(result: int) -> None:
            self.dialog = None
            if on_finished is not None:
                on_finished(result)
            dialog.deleteLater()
            self.table.setFocus()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def open_selected(self) -> CommitmentDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        return self.open_commitment(row.member_id)

    def open_commitment(self, member_id: int) -> CommitmentDialog:
        dialog = CommitmentDialog(self.ctx, member_id, self.year(), self)
        dialog.saved.connect(lambda: self.reload(member_id))
        self._open(dialog, lambda _result: self.reload(member_id))
        return dialog

    def evaluate_selected(self) -> EvaluationDialog | None:
        row = self.selected_row()
        if row is None or not row.written:
            return None
        try:
            dialog = EvaluationDialog(self.ctx, row.member_id, self.year(), self)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa mở được")
            return None
        member_id = row.member_id
        self._open(dialog, lambda result: result and self.reload(member_id))
        return dialog

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None or not row.written:
            return False
        year = self.year()
        if not messages.ask(
            self,
            "Xóa bản cam kết",
            f"Xóa bản cam kết năm {year} của đồng chí {row.full_name} (cả tiến độ và đánh giá)? "
            "Có thể hoàn tác ngay sau khi xóa, hoặc khôi phục sau ở «Cam kết đã xóa…».",
            "Xóa",
            "Không xóa",
            danger=True,
        ):
            return False
        command = DeleteCommitmentCommand(
            self.ctx, row.member_id, year, row.full_name, self._changed_by_undo
        )
        self.ctx.undo_stack.push(command)
        self.ctx.undo_offered.emit(f"Đã xóa bản cam kết của đồng chí {row.full_name}.")
        self.table.setFocus()
        return True

    def _changed_by_undo(self, member_id: int) -> None:
        self.reload(member_id)

    def show_deleted(self):
        """Bản cam kết đã xóa, with "Khôi phục" (undo works only until the app is closed)."""
        from desktop.ui.commitments.deleted_dialog import deleted_commitments_dialog

        dialog = deleted_commitments_dialog(self.ctx, lambda: self.reload(), self)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.finished.connect(dialog.deleteLater)
        self.deleted_dialog = dialog
        dialog.open()
        return dialog

    def print_selected(self):
        row = self.selected_row()
        if row is None:
            return None
        self.print_task = commitment_print.print_member_commitment(
            self.ctx, self, row.member_id, self.year()
        )
        return self.print_task

    def print_summary(self):
        self.print_task = commitment_print.print_summary(self.ctx, self, self.year())
        return self.print_task
