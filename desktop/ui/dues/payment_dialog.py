"""Ghi một lần nộp: a partial payment, or several months paid at once (đóng trước).

The amount is proposed from what the months chosen still owe, each by its own rules, and
can be changed (a partial payment, or more than due when the member wishes).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.dues.collect import PaymentData
from desktop.services.dues.common import Month, add_months, money, month_text
from desktop.text import short_date
from desktop.text.dates import parse_date
from desktop.ui.widgets import digits_edit, editable_combo, error_label


class PaymentDialog(QDialog):
    def __init__(self, member_id: int, full_name: str, month: Month, paid_on: date,
                 collectors: list[str], owed: Callable[[list[Month]], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Ghi lần nộp đảng phí – {full_name}")
        self.member_id, self.month, self._owed = member_id, month, owed
        self.months = QSpinBox()
        self.months.setRange(1, 12)
        self.months.setSuffix(" tháng")
        self.months_label = QLabel()
        self.amount = digits_edit(10)
        self.amount.setPlaceholderText("đồng")
        self.paid_on = QLineEdit(short_date(paid_on))
        self.receipt = QLineEdit()
        self.collector = editable_combo([c for c in collectors if c])
        self.error = error_label()
        form = QFormLayout()
        form.addRow("Số thán&g nộp (từ tháng này):", self.months)
        form.addRow("", self.months_label)
        form.addRow("Số &tiền (đồng):", self.amount)
        form.addRow("&Ngày nộp:", self.paid_on)
        form.addRow("Số &biên lai:", self.receipt)
        form.addRow("Người th&u:", self.collector)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.months.valueChanged.connect(self._propose)
        self._propose()
        self.result_data: PaymentData | None = None

    def chosen_months(self) -> list[Month]:
        return [add_months(self.month, i) for i in range(self.months.value())]

    def _propose(self) -> None:
        months = self.chosen_months()
        owed = self._owed(months)
        self.amount.setText(str(owed) if owed else "")
        last = f" đến tháng {month_text(months[-1])}" if len(months) > 1 else ""
        self.months_label.setText(f"Tháng {month_text(months[0])}{last}: còn phải nộp "
                                  f"{money(owed)} đồng.")

    def _accept(self) -> None:
        try:
            day = parse_date(self.paid_on.text())
            if day is None or day.to_date() is None:
                raise ValueError("Nhập ngày nộp đủ ngày, tháng, năm (ví dụ 05/3/2026).")
            amount = int(self.amount.text() or 0)
            if amount <= 0:
                raise ValueError("Nhập số tiền nộp (đồng).")
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.result_data = PaymentData(self.member_id, tuple(self.chosen_months()), amount,
                                       day.to_date(), self.receipt.text(),
                                       self.collector.currentText())
        self.accept()
