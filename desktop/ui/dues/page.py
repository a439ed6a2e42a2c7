"""The "Đảng phí" page: collect a month, the year grid, remittance and settings, print.

The page reloads when it is shown and when another part changes members, so a member
admitted or moved away appears in the right months without restarting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.dues.history_dialog import HistoryDialog
from desktop.ui.dues.month_tab import MonthTab
from desktop.ui.dues.remittance_tab import RemittanceTab
from desktop.ui.dues.year_tab import YearTab
from desktop.ui.files import EXCEL_FILTER, PDF_FILTER, save_file

PAPERS = {
    "month_pdf": ("Danh sách thu, nộp tháng (PDF)…", PDF_FILTER),
    "month_xlsx": ("Danh sách thu, nộp tháng (Excel)…", EXCEL_FILTER),
    "year_pdf": ("Sổ theo dõi cả năm (PDF)…", PDF_FILTER),
    "year_xlsx": ("Sổ theo dõi cả năm (Excel)…", EXCEL_FILTER),
    "remittance_pdf": ("Bảng kê nộp cấp trên (PDF)…", PDF_FILTER),
}


class DuesPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.month_tab = MonthTab(ctx)
        self.year_tab = YearTab(ctx)
        self.remittance_tab = RemittanceTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.month_tab, "Thu theo thán&g")
        self.tabs.addTab(self.year_tab, "Theo dõi &cả năm")
        self.tabs.addTab(self.remittance_tab, "Nộp cấp t&rên, cài đặt")
        self.tabs.currentChanged.connect(self._reload_current)
        self.month_tab.changed.connect(self._stale)
        self.month_tab.history_requested.connect(self.open_history)
        self.print_button = QPushButton("&In…")
        menu = QMenu(self.print_button)
        for kind, (text, _filters) in PAPERS.items():
            menu.addAction(text, lambda kind=kind: self.ask_and_print(kind))
        self.print_button.setMenu(menu)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)
        self._loaded: set[int] = set()
        ctx.workspace_changed.connect(self._stale)
        ctx.members_changed.connect(lambda _id: self._stale())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._reload_current()

    def _stale(self) -> None:
        self._loaded.clear()
        if self.isVisible():
            self._reload_current()

    def _reload_current(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._loaded:
            return
        self._loaded.add(index)
        tab = self.tabs.widget(index)
        try:
            tab.reload()
        except Exception as exc:  # noqa: BLE001 - a broken rule file, shown to the user
            messages.show_exception(self, exc)

    def open_history(self, member_id: int, full_name: str) -> None:
        dialog = HistoryDialog(self.ctx, member_id, full_name, self.month_tab.month, self)
        dialog.exec()
        self._stale()

    def suggested_name(self, kind: str) -> str:
        month, year = self.month_tab.month, self.year_tab.year
        suffix = ".xlsx" if kind.endswith("xlsx") else ".pdf"
        if kind.startswith("month"):
            return f"dang-phi-thang-{month[1]:02d}-{month[0]}{suffix}"
        if kind.startswith("year"):
            return f"so-theo-doi-dang-phi-{year}{suffix}"
        first, last = self.remittance_tab.period()
        return f"nop-dang-phi-{first[0]}-{first[1]:02d}-den-{last[1]:02d}.pdf"

    def ask_and_print(self, kind: str) -> None:
        text, filters = PAPERS[kind]
        path = save_file(self, text.rstrip("…"), self.suggested_name(kind), filters)
        if path is not None:
            self.print_paper(kind, path)

    def print_paper(self, kind: str, path: Path) -> Path | None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._write_paper(kind, path)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            QGuiApplication.restoreOverrideCursor()
            messages.show_exception(self, exc, "Không in được")
            return None
        QGuiApplication.restoreOverrideCursor()
        messages.info(self, "Đã in", f"Đã ghi tệp {result}.")
        return result

    def _write_paper(self, kind: str, path: Path) -> Path:
        from desktop.storage.atomic import naming_file

        db = self.ctx.db
        with naming_file(path):  # an OSError names the file the secretary chose
            if kind == "month_pdf":
                from desktop.printing.dues.month_list import write_month_pdf

                result = write_month_pdf(db, self.month_tab.month, path)
            elif kind == "month_xlsx":
                from desktop.printing.dues.xlsx import write_month_xlsx

                result = write_month_xlsx(db, self.month_tab.month, path)
            elif kind == "year_pdf":
                from desktop.printing.dues.year_ledger import write_year_pdf

                result = write_year_pdf(db, self.year_tab.year, path)
            elif kind == "year_xlsx":
                from desktop.printing.dues.xlsx import write_year_xlsx

                result = write_year_xlsx(db, self.year_tab.year, path)
            else:
                from desktop.printing.dues.remittance_note import write_remittance_pdf

                result = write_remittance_pdf(db, *self.remittance_tab.period(), path)
        return result
