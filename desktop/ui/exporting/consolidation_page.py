"""The đảng ủy's consolidation (tổng hợp của đảng ủy cơ sở): the cells' packages, counted.

Always available, because the same app serves the cell and the party committee above it:
import the packages the cells bring, see who has reported ("Chưa nộp"), members reported
by two cells, counts per cell and in total, the quota over the whole organisation, then
print the consolidated list or save it as Excel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.exchange.consolidation import (
    Consolidation,
    ReceivedInfo,
    consolidation,
    expected_cells,
    received_packages,
)
from desktop.text import format_number
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.context import UiContext
from desktop.ui.exporting.consolidation_actions import ConsolidationActions
from desktop.ui.exporting.import_flow import ImportLine, PackageImporter
from desktop.ui.tasks import Task
from desktop.ui.widgets import ERROR_COLOUR, WARNING_COLOUR, coloured_label, notice_label

EXPLANATION = (
    "Dành cho đảng ủy cơ sở (chi bộ không cần dùng): nhập các gói kết quả xếp loại chi bộ "
    "mang đến trên USB, xem chi bộ nào chưa nộp, rồi in bảng tổng hợp của đảng bộ. Gói bị "
    "sửa hoặc chép dở bị từ chối."
)
TAB_SUMMARY, TAB_RECEIVED, TAB_CELLS = range(3)
OK_COLOUR = "#1b5e20"
RECEIVED_HEADERS = ("Chi bộ", "Xuất lúc", "Nhập lúc", "Mã kiểm tra", "Lấy từ")


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class ConsolidationPage(ConsolidationActions, QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Consolidation | None = None
        self.received: list[ReceivedInfo] = []
        self.importer: PackageImporter | None = None
        self.task: Task | None = None

        self.year = QSpinBox()
        self.year.setRange(2018, ctx.today().year + 1)
        self.year.setValue(ctx.today().year)
        self.year.setPrefix("Năm ")
        self.year.valueChanged.connect(self.reload)
        self.import_button = QPushButton("&Nhập gói của chi bộ…")
        self.import_button.setToolTip(
            "Chọn thư mục gói (hoặc thư mục USB chứa nhiều gói) của các chi bộ"
        )
        self.manifest_button = QPushButton("Chọn từng gói riêng…")
        self.manifest_button.setToolTip(
            "Chọn tệp mô tả của từng gói (tên tệp là manifest.json, nằm trong thư mục gói)"
        )
        self.print_button = QPushButton("&In bảng tổng hợp…")
        self.excel_button = QPushButton("Xuất &Excel…")
        self.import_button.clicked.connect(self.import_folder)
        self.manifest_button.clicked.connect(self.import_manifests)
        self.print_button.clicked.connect(self.print_consolidated)
        self.excel_button.clicked.connect(self.export_excel)
        top = FlowLayout()
        for widget in (self.year, self.import_button, self.manifest_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.excel_button)

        self.outcomes = QListWidget()
        self.outcomes.setWordWrap(True)
        self.outcomes.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.outcomes.hide()

        self.received_table = _table(list(RECEIVED_HEADERS))
        # The path on the stick is long and least needed: it gives way (full in the tooltip).
        received_header = self.received_table.horizontalHeader()
        received_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        received_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.received_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.remove_button = QPushButton("&Bỏ gói đã chọn")
        self.remove_button.clicked.connect(self.remove_selected)
        received_tab = QWidget()
        received_layout = QVBoxLayout(received_tab)
        received_layout.addWidget(self.received_table)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        received_layout.addLayout(remove_row)

        self.counts_table = _table(["Chi bộ"])
        self.quota_label = QLabel()
        self.quota_label.setWordWrap(True)
        self.missing_label = coloured_label(WARNING_COLOUR)
        self.duplicates_label = coloured_label(ERROR_COLOUR)
        summary_tab = QWidget()
        summary_layout = QVBoxLayout(summary_tab)
        summary_layout.addWidget(QLabel("Số đảng viên theo mức chi bộ đề nghị:"))
        summary_layout.addWidget(self.counts_table, 1)
        for widget in (self.quota_label, self.missing_label, self.duplicates_label):
            summary_layout.addWidget(widget)

        self.expected_edit = QPlainTextEdit()
        self.expected_edit.setPlaceholderText("Ấp Tân Phú\nẤp Thạnh Lợi\n…")
        self.save_expected_button = QPushButton("&Lưu danh sách chi bộ")
        self.save_expected_button.clicked.connect(self.save_expected)
        self.status_list = QListWidget()
        hint = QLabel("Mỗi dòng một tên chi bộ; chi bộ chưa có gói được ghi «Chưa nộp».")
        hint.setWordWrap(True)
        editor = QVBoxLayout()
        editor.addWidget(hint)
        editor.addWidget(self.expected_edit, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_expected_button)
        save_row.addStretch(1)
        editor.addLayout(save_row)
        status = QVBoxLayout()
        status.addWidget(QLabel("Tình hình nộp:"))
        status.addWidget(self.status_list, 1)
        cells_tab = QWidget()
        cells_layout = QHBoxLayout(cells_tab)
        cells_layout.addLayout(editor, 1)
        cells_layout.addLayout(status, 1)

        self.sections = QTabWidget()
        self.sections.addTab(summary_tab, "Bảng tổng hợp")
        self.sections.addTab(received_tab, "Gói đã nhận")
        self.sections.addTab(cells_tab, "Các chi bộ trực thuộc")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(notice_label(EXPLANATION))
        layout.addLayout(top)
        layout.addWidget(self.outcomes)
        layout.addWidget(self.sections, 1)
        ctx.workspace_changed.connect(self.reload)
        self.reload()

    # --- showing -------------------------------------------------------------------------

    def reload(self) -> None:
        db, year = self.ctx.db, self.year.value()
        self.received = received_packages(db, year)
        self.data = consolidation(db, year)
        self.expected_edit.setPlainText("\n".join(expected_cells(db)))
        self._show_received()
        self._show_counts(self.data)
        self._show_status(self.data)
        has_cells = bool(self.data.cells)
        self.print_button.setEnabled(has_cells)
        self.excel_button.setEnabled(has_cells)
        self.remove_button.setEnabled(bool(self.received))
        self.sections.setTabText(TAB_RECEIVED, f"Gói đã nhận ({len(self.received)})")
        missing = len(self.data.missing)
        self.sections.setTabText(
            TAB_CELLS,
            f"Các chi bộ trực thuộc ({missing} chưa nộp)" if missing else "Các chi bộ trực thuộc",
        )

    def _show_received(self) -> None:
        table = self.received_table
        table.setRowCount(len(self.received))
        for row, info in enumerate(self.received):
            texts = (
                info.cell_name,
                info.created_at.strftime("%H:%M %d/%m/%Y"),
                info.imported_at.strftime("%H:%M %d/%m/%Y"),
                info.sha256[:12],
                info.source,
            )
            for column, text in enumerate(texts):
                item = _item(text)
                if column == 3:
                    item.setToolTip(f"Mã kiểm tra đầy đủ (SHA-256): {info.sha256}")
                elif column == 4:
                    item.setToolTip(text)
                table.setItem(row, column, item)

    def _show_counts(self, data: Consolidation) -> None:
        levels = data.level_codes
        headers = ["Chi bộ", "Số đảng viên", "Không xếp loại", *(short for _, _, short in levels)]
        table = self.counts_table
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        for column, (_code, name, _short) in enumerate(levels, start=3):
            table.horizontalHeaderItem(column).setToolTip(name)
        rows = [
            (
                cell.cell_name,
                cell.on_roll,
                cell.not_rated,
                [cell.counts.get(c, 0) for c, _, _ in levels],
            )
            for cell in data.cells
        ]
        rows.append(
            (
                "Tổng cộng",
                data.on_roll,
                data.on_roll - data.rated,
                [data.totals.get(c, 0) for c, _, _ in levels],
            )
        )
        table.setRowCount(len(rows) if data.cells else 0)
        bold = QFont(table.font())
        bold.setBold(True)
        for row, (name, on_roll, not_rated, counts) in enumerate(rows[: table.rowCount()]):
            cells = [
                _item(name),
                *(_item(format_number(n), True) for n in (on_roll, not_rated, *counts)),
            ]
            for column, item in enumerate(cells):
                if row == len(rows) - 1:
                    item.setFont(bold)
                table.setItem(row, column, item)
        quota = data.quota
        text = f"Tỷ lệ xuất sắc trong toàn đảng bộ: {quota.explanation}"
        text += f" ({quota.source})." if quota.source else "."
        if not data.cells:
            text = f"Chưa có gói nào của năm {data.year}."
        self.quota_label.setText(text)
        palette = self.quota_label.palette()
        colour = ERROR_COLOUR if quota.exceeded and data.cells else OK_COLOUR
        palette.setColor(self.quota_label.foregroundRole(), QColor(colour))
        self.quota_label.setPalette(palette)
        self.missing_label.setText(
            "Chưa nộp: " + ", ".join(data.missing) + "." if data.missing else ""
        )
        self.missing_label.setVisible(bool(data.missing))
        self.duplicates_label.setText(
            "\n".join(
                f"Đảng viên {d.full_name} ({d.key}) có trong danh sách của "
                f"{len(d.cells)} chi bộ: {', '.join(d.cells)}."
                for d in data.duplicates
            )
        )
        self.duplicates_label.setVisible(bool(data.duplicates))

    def _show_status(self, data: Consolidation) -> None:
        self.status_list.clear()
        for cell in data.cells:
            item = QListWidgetItem(f"{cell.cell_name} — đã nộp")
            item.setForeground(QColor(OK_COLOUR))
            self.status_list.addItem(item)
        for name in data.missing:
            item = QListWidgetItem(f"{name} — Chưa nộp")
            item.setForeground(QColor(ERROR_COLOUR))
            self.status_list.addItem(item)

    def show_outcomes(self, lines: list[ImportLine]) -> None:
        self.outcomes.clear()
        for line in lines:
            item = QListWidgetItem(line.text)
            item.setForeground(QColor(OK_COLOUR if line.imported else ERROR_COLOUR))
            item.setToolTip(line.text)
            self.outcomes.addItem(item)
        self.outcomes.setVisible(bool(lines))
        # Show the year of the packages just imported when they are all of another year.
        years = {line.year for line in lines if line.imported and line.year}
        if len(years) == 1 and years != {self.year.value()}:
            self.year.setValue(years.pop())  # reloads
        else:
            self.reload()
