"""Thu đảng phí tháng: who owes this month, mark everyone, un-mark the exceptions, save.

Keys on the list: A marks everyone who still owes, Space toggles the current member,
Enter opens "Nộp khác…" (partial payment, several months), Ctrl+S saves the marks as paid
with the date, the collector and receipt numbers counted up from the first one typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.dues import actions, collect, ledger
from desktop.services.dues.common import Month, add_months, money, month_of, month_text
from desktop.services.dues.settings import treasurer
from desktop.text import short_date
from desktop.text.dates import parse_date
from desktop.ui.flow_layout import FlowLayout
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.dues.month_model import COL_NAME, MonthModel
from desktop.ui.dues.payment_dialog import PaymentDialog
from desktop.ui.style import heading
from desktop.ui.widgets import WARNING_COLOUR, coloured_label, editable_combo


def ask_reason(parent: QWidget, text: str) -> str:
    reason, ok = QInputDialog.getText(parent, "Sửa tháng đã khóa sổ", text)
    return reason.strip() if ok else ""


class MonthTab(QWidget):
    changed = Signal()
    history_requested = Signal(int, str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.month: Month = add_months(month_of(ctx.today()), 0)
        self.sheet: ledger.MonthSheet | None = None
        # Replaced in tests; asks why a closed month is changed.
        self.reason_for: Callable[[str], str] = lambda text: ask_reason(self, text)
        self.dialog_factory = PaymentDialog

        self.previous_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        self.previous_button.setToolTip("Tháng trước (Alt+←)")
        self.next_button.setToolTip("Tháng sau (Alt+→)")
        self.title = heading()
        self.closed_label = coloured_label(WARNING_COLOUR)
        self.previous_button.clicked.connect(lambda: self.show_month(add_months(self.month, -1)))
        self.next_button.clicked.connect(lambda: self.show_month(add_months(self.month, 1)))

        self.paid_on = QLineEdit(short_date(ctx.today()))
        self.paid_on.setAccessibleName("Ngày nộp")
        self.collector = editable_combo([])
        self.collector.setAccessibleName("Người thu")
        self.first_receipt = QLineEdit()
        self.first_receipt.setPlaceholderText("để trống nếu không có")
        self.first_receipt.setAccessibleName("Số biên lai đầu tiên")

        self.model = MonthModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Danh sách thu đảng phí")
        header = self.table.horizontalHeader()
        # Measuring every row of a 1,000-member cell would take a second; 100 rows suffice.
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.clicked.connect(lambda index: index.column() == 0
                                   and self.model.toggle(index.row()))
        self.table.doubleClicked.connect(lambda _index: self.pay_other())

        self.mark_all_button = QPushButton("Đánh &dấu tất cả đã nộp (A)")
        self.save_button = QPushButton("&Lưu các đồng chí đã đánh dấu (Ctrl+S)")
        self.other_button = QPushButton("Nộp &khác… (Enter)")
        self.void_button = QPushButton("&Xóa lần nộp…")
        self.history_button = QPushButton("Đối tượng, &mức đóng… (F4)")
        self.close_button = QPushButton("Khóa &sổ tháng")
        self.undo_button = QPushButton("&Hoàn tác")
        self.log_button = QPushButton("Sổ sửa ch&ữa…")
        self.log_button.clicked.connect(self.show_corrections)
        self.mark_all_button.clicked.connect(self.model.mark_all)
        self.save_button.clicked.connect(self.save_marked)
        self.other_button.clicked.connect(self.pay_other)
        self.void_button.clicked.connect(self.void_selected)
        self.history_button.clicked.connect(self._request_history)
        self.close_button.clicked.connect(self.close_month)
        self.undo_button.clicked.connect(self.undo)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_marked)
        QShortcut(QKeySequence("F4"), self, self._request_history)
        QShortcut(QKeySequence("Alt+Left"), self, self.previous_button.click)
        QShortcut(QKeySequence("Alt+Right"), self, self.next_button.click)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.model.marks_changed.connect(self._update_summary)

        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        self.title.setWordWrap(False)
        top.addWidget(self.title)
        top.addWidget(self.next_button)
        top.addWidget(self.closed_label, 1)
        # Rows wrap at a large text size instead of widening the page past the screen.
        fields = FlowLayout()
        for text, widget in (("&Ngày nộp:", self.paid_on), ("Ngư&ời thu:", self.collector),
                             ("&Biên lai từ số:", self.first_receipt)):
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text)
            label.setBuddy(widget)
            pair_layout.addWidget(label)
            pair_layout.addWidget(widget, 1)
            fields.addWidget(pair)
        buttons = FlowLayout()
        for button in (self.mark_all_button, self.save_button, self.other_button,
                       self.void_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        more = FlowLayout()
        for button in (self.history_button, self.close_button, self.log_button, self.undo_button):
            more.addWidget(button)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(fields)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.basis)
        layout.addLayout(more)

    # --- loading ------------------------------------------------------------------

    def show_month(self, month: Month) -> None:
        self.month = month
        self.reload()

    def reload(self) -> None:
        db = self.ctx.db
        self.sheet = ledger.month_sheet(db, self.month)
        with db.session() as session:
            names = [treasurer(session)]
        names += [line.due.full_name for line in self.sheet.lines]
        current = self.collector.currentText() or names[0]
        self.collector.clear()
        self.collector.addItems([n for n in dict.fromkeys(names) if n])
        self.collector.setEditText(current)
        self.title.setText(f"Thu đảng phí tháng {month_text(self.month)}")
        self.closed_label.setText(
            f"Đã khóa sổ{(' (' + self.sheet.closed_by + ')') if self.sheet.closed_by else ''}: "
            "mọi sửa đổi được ghi vào sổ sửa chữa." if self.sheet.closed else "")
        self.close_button.setEnabled(not self.sheet.closed)
        self.model.set_lines(self.sheet.lines)
        if self.model.rowCount():
            self.table.selectRow(0)
        pack = self.sheet.pack
        from desktop.services.dues.print_data import unconfirmed_rates_note

        unconfirmed = unconfirmed_rates_note([pack])
        self.basis.setText(
            f"<i>Căn cứ: {pack.title}. Di chuột lên một dòng để xem nguồn của mức đóng."
            f"{' ' + unconfirmed if unconfirmed else ''}</i>"
            if pack else "<i>Chưa có quy định đảng phí cho tháng này.</i>")
        last = actions.last_action(db)
        self.undo_button.setEnabled(bool(last))
        self.undo_button.setText(f"&Hoàn tác: {last}" if last else "&Hoàn tác")

    def _update_summary(self) -> None:
        if self.sheet is None:
            return
        owing = sum(1 for line in self.sheet.lines if line.outstanding > 0)
        self.summary.setText(
            f"Phải nộp: {money(self.sheet.total_due)} đồng; đã thu: "
            f"{money(self.sheet.total_paid)} đồng; còn {owing} đồng chí chưa nộp đủ. "
            f"Đang đánh dấu {len(self.model.marked)} đồng chí, "
            f"{money(self.model.marked_total())} đồng.")

    # --- keys ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Space:
                self.model.toggle(self.table.currentIndex().row())
                return True
            if key == Qt.Key.Key_A and not event.modifiers():
                self.model.mark_all()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.pay_other()
                return True
        return super().eventFilter(watched, event)

    # --- actions ------------------------------------------------------------------

    def _paid_on(self) -> date | None:
        try:
            day = parse_date(self.paid_on.text())
        except ValueError:
            day = None
        if day is None or day.to_date() is None:
            messages.warn(self, "Ngày nộp", "Nhập ngày nộp đủ ngày, tháng, năm (ví dụ 05/3/2026).")
            self.paid_on.setFocus()
            return None
        return day.to_date()

    def _reason(self, months: list[Month]) -> str | None:
        """"" for open months; the reason typed for a closed one; None when cancelled."""
        if not (self.sheet and self.sheet.closed and self.month in months):
            return ""
        reason = self.reason_for(f"Tháng {month_text(self.month)} đã khóa sổ. Lý do sửa:")
        return reason or None

    def _receipts(self) -> dict[int, str]:
        first = self.first_receipt.text().strip()
        if not first:
            return {}
        marked = [line.due.member_id for line in self.model.lines
                  if line.due.member_id in self.model.marked]
        if first.isdigit():
            width = len(first)
            return {m: str(int(first) + i).zfill(width) for i, m in enumerate(marked)}
        return {m: first for m in marked}

    def save_marked(self) -> None:
        if not self.model.marked:
            messages.info(self, "Chưa đánh dấu", "Chưa đánh dấu đồng chí nào đã nộp (phím A hoặc "
                          "phím cách để đánh dấu).")
            return
        paid_on = self._paid_on()
        reason = self._reason([self.month])
        if paid_on is None or reason is None:
            return
        try:
            count = collect.mark_all_paid(
                self.ctx.db, self.month, paid_on, self.collector.currentText(),
                except_ids=self.model.unmarked_owing(), receipts=self._receipts(),
                by=self.collector.currentText(), reason=reason)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            messages.show_exception(self, exc)
            return
        self.first_receipt.clear()
        self.reload()
        # The status bar's undo works on the window's undo stack; dues keep their own
        # (persisted) last action, taken back with this tab's "Hoàn tác" button.
        self.summary.setText(f"Đã ghi {count} đồng chí nộp đảng phí tháng "
                             f"{month_text(self.month)}. " + self.summary.text())
        self.changed.emit()

    def _current_line(self) -> ledger.LedgerLine | None:
        row = self.table.currentIndex().row()
        return self.model.lines[row] if 0 <= row < len(self.model.lines) else None

    def pay_other(self) -> None:
        line = self._current_line()
        if line is None or not line.due.owes:
            return
        paid_on = self._paid_on()
        if paid_on is None:
            return
        dialog = self.dialog_factory(
            line.due.member_id, line.due.full_name, self.month, paid_on,
            [self.collector.currentText(), *(self.collector.itemText(i)
                                             for i in range(self.collector.count()))],
            lambda months: ledger.outstanding_for(self.ctx.db, line.due.member_id, months),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_data is None:
            return
        reason = self._reason(list(dialog.result_data.months))
        if reason is None:
            return
        try:
            collect.record_payments(self.ctx.db, [dialog.result_data],
                                    by=self.collector.currentText(), reason=reason)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            messages.show_exception(self, exc)
            return
        self.reload()
        self.changed.emit()

    def void_selected(self) -> None:
        line = self._current_line()
        if line is None or not line.paid.payment_ids:
            return
        payment_id = line.paid.payment_ids[-1]
        if not messages.ask(self, "Xóa lần nộp", f"Xóa lần nộp gần nhất của đồng chí "
                            f"{line.due.full_name} trong tháng {month_text(self.month)}? "
                            "Có thể hoàn tác.", "Xóa", "Không xóa", danger=True):
            return
        reason = self._reason([self.month])
        if reason is None:
            return
        try:
            collect.void_payment(self.ctx.db, payment_id, by=self.collector.currentText(),
                                 reason=reason)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            messages.show_exception(self, exc)
            return
        self.reload()
        self.changed.emit()

    def close_month(self) -> None:
        if not messages.ask(self, "Khóa sổ", f"Khóa sổ đảng phí tháng {month_text(self.month)}? "
                            "Sau khi khóa, mọi sửa đổi phải ghi lý do và được lưu lại.",
                            "Khóa sổ", "Chưa khóa"):
            return
        try:
            collect.close_month(self.ctx.db, self.month, by=self.collector.currentText())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            messages.show_exception(self, exc)
            return
        self.reload()
        self.changed.emit()

    def undo(self) -> None:
        try:
            text = actions.undo_last(self.ctx.db, by=self.collector.currentText())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            messages.show_exception(self, exc)
            return
        messages.info(self, "Đã hoàn tác", f"Đã hoàn tác: {text}.")
        self.reload()
        self.changed.emit()

    def show_corrections(self) -> None:
        from desktop.ui.dues.corrections_dialog import CorrectionsDialog

        CorrectionsDialog(self.ctx, self.month[0], self).exec()

    def _request_history(self) -> None:
        line = self._current_line()
        if line is not None:
            self.history_requested.emit(line.due.member_id, line.due.full_name)
