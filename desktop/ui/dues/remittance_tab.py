"""Nộp cấp trên and the cell's dues settings (vùng, tỷ lệ trích để lại, thủ quỹ).

The period is one month or a quarter; the table shows what was collected, kept and sent
up, by the share the cell keeps under the rules of each month.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.dues_model import percent_text
from desktop.rules.dues_rules import dues_packs
from desktop.services.dues import remittance, settings
from desktop.services.dues.common import Month, money, month_text, quarter_months
from desktop.text import short_date
from desktop.text.money_words import dong_in_words
from desktop.ui.flow_layout import FlowLayout
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.widgets import notice_label

def _narrow(combo: QComboBox) -> QComboBox:
    """Long zone names must not widen the window past 1280 pixels."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    return combo


HEADINGS = ("Tháng", "Số đã thu", "Tỷ lệ để lại", "Để lại chi bộ", "Nộp cấp trên")


class RemittanceTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = ctx.today()
        self.kind = QComboBox()
        self.kind.addItem("Theo quý", "quarter")
        self.kind.addItem("Theo tháng", "month")
        self.year = QSpinBox()
        self.year.setRange(2011, 2100)
        self.year.setValue(today.year)
        self.part = QSpinBox()
        self.part.setRange(1, 4)
        self.part.setValue((today.month - 1) // 3 + 1)
        for widget in (self.kind, self.year, self.part):
            signal = widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.valueChanged
            signal.connect(self.reload)
        self.table = QTableWidget(0, len(HEADINGS))
        self.table.setHorizontalHeaderLabels(HEADINGS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Nộp đảng phí lên cấp trên")
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.recorded = QLabel()
        self.record_button = QPushButton("Ghi đã nộp cấp tr&ên")
        self.record_button.clicked.connect(self.record)

        self.settings_box = QGroupBox("Cài đặt đảng phí của chi bộ")
        self.treasurer = QLineEdit()
        self.treasurer.setPlaceholderText("họ và tên người thu (thủ quỹ)")
        self.zone_boxes: dict[str, QComboBox] = {}
        self.retention_boxes: dict[str, tuple[QComboBox, QDoubleSpinBox]] = {}
        form = QFormLayout(self.settings_box)
        form.addRow("Thủ quỹ (người t&hu):", self.treasurer)
        for pack in dues_packs():
            zone = _narrow(QComboBox())
            zone.addItem("— chưa chọn —", "")
            for code, name in pack.zones:
                zone.addItem(name, code)
            self.zone_boxes[pack.id] = zone
            option = _narrow(QComboBox())
            for item in pack.retention.options:
                option.addItem(item.name, item.code)
            share = QDoubleSpinBox()
            share.setRange(0, 100)
            share.setDecimals(0)
            share.setSuffix(" %")
            self.retention_boxes[pack.id] = (option, share)
            row = QHBoxLayout()
            row.addWidget(option, 2)
            row.addWidget(share, 1)
            period = f"từ {month_text(pack.starts)}" + (f" đến {month_text(pack.ends)}"
                                                         if pack.ends else "")
            form.addRow(QLabel(f"<b>Theo {pack.sources[0].code}, {period}</b>"))
            zone.setToolTip(pack.zone_label)
            form.addRow("Vùng, khu vực:", zone)
            form.addRow("Trích để lại ở chi bộ:", row)
        self.save_settings_button = QPushButton("&Lưu cài đặt")
        self.save_settings_button.clicked.connect(self.save_settings)
        form.addRow("", self.save_settings_button)
        self.source = notice_label("")

        # Rows wrap, and the settings go under the table, at a large text size: the page
        # never grows wider than the screen (tests/ui/test_windows_fit.py).
        top = FlowLayout()
        for text, widget in (("&Kỳ:", self.kind), ("&Năm:", self.year), ("&Quý / tháng:", self.part)):
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text)
            label.setBuddy(widget)
            pair_layout.addWidget(label)
            pair_layout.addWidget(widget)
            top.addWidget(pair)
        top.addWidget(self.record_button)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addWidget(self.words)
        left.addWidget(self.recorded)
        below = QVBoxLayout()
        below.addWidget(self.settings_box)
        below.addWidget(self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(below)
        self.kind.currentIndexChanged.connect(self._limit_part)

    def _limit_part(self) -> None:
        self.part.setRange(1, 4 if self.kind.currentData() == "quarter" else 12)

    def period(self) -> tuple[Month, Month]:
        if self.kind.currentData() == "quarter":
            return quarter_months(self.year.value(), min(self.part.value(), 4))
        month = (self.year.value(), self.part.value())
        return month, month

    def reload(self) -> None:
        db = self.ctx.db
        first, last = self.period()
        try:
            summary = remittance.remittance_summary(db, first, last)
        except Exception as exc:  # noqa: BLE001 - a period without rules
            self.table.setRowCount(0)
            self.words.setText(messages.user_message(exc)[0])
            return
        rows = [(month_text(m.month), money(m.collected), percent_text(m.share), money(m.kept),
                 money(m.remitted)) for m in summary.months]
        rows.append(("Cộng", money(summary.collected), "", money(summary.kept),
                     money(summary.remitted)))
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.words.setText(f"Nộp cấp trên {summary.period_text}: {money(summary.remitted)} đồng "
                           f"({dong_in_words(summary.remitted)}).")
        self.recorded.setText(f"Đã ghi nộp ngày {short_date(summary.recorded_on)}."
                              if summary.recorded_on else "Chưa ghi nộp cấp trên kỳ này.")
        self.source.setText("Tỷ lệ để lại: " + "; ".join(sorted({m.retention_text for m in
                            summary.months})) + ". Nguồn: " + "; ".join(sorted({m.source for m in
                            summary.months})))
        with db.session() as session:
            self.treasurer.setText(settings.treasurer(session))
            for pack in dues_packs():
                zone = self.zone_boxes[pack.id]
                zone.setCurrentIndex(max(0, zone.findData(settings.zone(session, pack))))
                option, share = self.retention_boxes[pack.id]
                choice = settings.retention(session, pack)
                option.setCurrentIndex(max(0, option.findData(choice.option.code)))
                share.setValue(float(choice.share * 100))

    def save_settings(self) -> None:
        db = self.ctx.db
        try:
            settings.set_treasurer(db, self.treasurer.text())
            for pack in dues_packs():
                code = self.zone_boxes[pack.id].currentData()
                if code:
                    settings.set_zone(db, pack, code)
                option, share = self.retention_boxes[pack.id]
                value = Decimal(int(round(share.value()))) / 100
                settings.set_retention(db, pack, option.currentData(), value)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            messages.show_exception(self, exc)
            return
        messages.info(self, "Đã lưu", "Đã lưu cài đặt đảng phí.")
        self.reload()

    def record(self) -> None:
        first, last = self.period()
        if not messages.ask(self, "Ghi nộp cấp trên", "Ghi đã nộp đảng phí lên cấp trên cho kỳ "
                            "này, hôm nay?", "Ghi", "Không"):
            return
        try:
            remittance.record_remittance(self.ctx.db, first, last, self.ctx.today(),
                                         self.treasurer.text())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            messages.show_exception(self, exc)
            return
        self.reload()
