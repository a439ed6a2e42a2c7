"""Đối tượng và mức đóng đảng phí of one member, as a dated history (e.g. a raise from July).

Each row holds from its month on; the list shows every row, the form adds one (or replaces
the row of the same month), and a row typed by mistake can be deleted after a question.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.rules import RuleFileError
from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues import assignments
from desktop.services.dues.common import Month, money, month_text, parse_month
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.widgets import digits_edit, error_label

HEADINGS = ("Từ tháng", "Đối tượng", "Mức căn cứ", "Miễn, giảm", "Ghi chú")


class HistoryDialog(QDialog):
    def __init__(self, ctx: UiContext, member_id: int, full_name: str, month: Month,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.member_id = ctx, member_id
        self.setWindowTitle(f"Đối tượng, mức đóng đảng phí – {full_name}")
        self.resize(860, 520)
        self.table = QTableWidget(0, len(HEADINGS))
        self.table.setHorizontalHeaderLabels(HEADINGS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.starts = QLineEdit(f"{month[1]:02d}/{month[0]}")
        self.starts.setPlaceholderText("mm/yyyy")
        self.starts.editingFinished.connect(self._load_classes)
        self.dues_class = QComboBox()
        self.base = digits_edit(10)
        self.base.setPlaceholderText("đồng/tháng (lương, lương hưu)")
        self.reduction = QComboBox()
        self.reduction_until = QLineEdit()
        self.reduction_until.setPlaceholderText("mm/yyyy (tháng cuối được miễn, giảm)")
        self.note = QLineEdit()
        self.source = error_label()
        self.error = error_label()
        form = QFormLayout()
        form.addRow("Áp dụng &từ tháng:", self.starts)
        form.addRow("Đ&ối tượng:", self.dues_class)
        form.addRow("&Mức căn cứ (đồng):", self.base)
        form.addRow("Miễn, &giảm theo đơn:", self.reduction)
        form.addRow("Đến &hết tháng:", self.reduction_until)
        form.addRow("Ghi &chú:", self.note)
        self.save_button = QPushButton("&Lưu dòng này")
        self.delete_button = QPushButton("&Xóa dòng đã chọn…")
        self.close_button = QPushButton("Đó&ng")
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_selected)
        self.close_button.clicked.connect(self.accept)
        self.dues_class.currentIndexChanged.connect(self._show_source)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.source)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._load_classes()
        self.reload()

    def reload(self) -> None:
        self.rows = assignments.history(self.ctx.db, self.member_id)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            try:
                dues_class = pack_for_month(row.starts).dues_class(row.class_code)
            except RuleFileError:
                dues_class = None
            reduction = ""
            if row.reduction_percent:
                until = f" đến {month_text(row.reduction_until)}" if row.reduction_until else ""
                reduction = ("Miễn" if row.reduction_percent == 100
                             else f"Giảm {row.reduction_percent}%") + until
            values = (month_text(row.starts), dues_class.name if dues_class else row.class_code,
                      money(row.base_amount), reduction, row.note)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def _month(self) -> Month:
        return parse_month(self.starts.text())

    def _load_classes(self) -> None:
        self.dues_class.clear()
        self.reduction.clear()
        try:
            pack = pack_for_month(self._month())
        except Exception as exc:  # noqa: BLE001 - the month is being typed
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        for item in pack.classes:
            self.dues_class.addItem(item.name, item.code)
        self.reduction.addItem("Không", 0)
        for percent in pack.reductions.percents if pack.reductions else ():
            self.reduction.addItem("Miễn" if percent == 100 else f"Giảm {percent}%", percent)
        self._show_source()

    def _show_source(self) -> None:
        try:
            pack = pack_for_month(self._month())
        except Exception:  # noqa: BLE001 - the month is being typed
            return
        dues_class = pack.dues_class(self.dues_class.currentData() or "")
        if dues_class is None:
            self.source.hide()
            return
        self.base.setEnabled(dues_class.amount.needs_base)
        self.source.setText(f"Nguồn: {dues_class.source}")
        self.source.show()

    def save(self) -> None:
        try:
            until = self.reduction_until.text().strip()
            data = assignments.AssignmentData(
                starts=self._month(),
                class_code=self.dues_class.currentData() or "",
                base_amount=int(self.base.text()) if self.base.isEnabled() and self.base.text()
                else None,
                reduction_percent=int(self.reduction.currentData() or 0),
                reduction_until=parse_month(until) if until else None,
                note=self.note.text(),
            )
            assignments.set_assignment(self.ctx.db, self.member_id, data)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.error.setText(messages.user_message(exc)[0])
            self.error.show()
            return
        self.error.hide()
        self.reload()

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        chosen = self.rows[row]
        if messages.ask(self, "Xóa dòng", f"Xóa dòng áp dụng từ tháng {month_text(chosen.starts)}?",
                        "Xóa", "Không xóa", danger=True):
            assignments.delete_assignment(self.ctx.db, chosen.id)
            self.reload()
