"""Figures for the dues ledger on a synthetic cell of 1,000 members.

The cell gets a dues class per member (pension, farmer, salary, student in turn) and a
year of payments (everyone paid each month, one member in ten skipping three months),
written in bulk; the bench then times what a secretary waits for: the month screen's data
and the month tab opening on it (Qt, offscreen), the year ledger as PDF and as .xlsx, and
the year's arrears. Run: ``python3 bench/bench_dues.py [--members N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

YEAR = 2026
TODAY = date(2026, 12, 10)
CLASSES = (("pension", 4_500_000), ("no_income", None), ("salary", 6_800_000), ("student", None))


def timed(action, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def prepare(folder: Path, size: int):
    from sqlalchemy import select

    from desktop.models import DuesAssignment, DuesPayment, DuesPaymentMonth, Member
    from desktop.rules.dues_rules import pack_for_month
    from desktop.services.cell.details import CellInfo, save_cell
    from desktop.services.cell.workspace import Workspace
    from desktop.services.demo.synthetic import fill_synthetic_cell
    from desktop.services.dues import settings
    from desktop.services.dues.ledger import month_sheet

    ws = Workspace(folder, lock=False)
    fill_synthetic_cell(ws.db, size, today=TODAY)
    save_cell(ws.db, CellInfo("Khu phố Thử Nghiệm", "Đảng bộ phường Thử", "Cần Thơ", ""))
    settings.set_zone(ws.db, pack_for_month((2026, 2)), "II")
    settings.set_zone(ws.db, pack_for_month((2026, 1)), "con_lai")
    with ws.db.session() as session:  # bulk: the bench measures reading, not this setup
        ids = list(session.scalars(select(Member.id)))
        for index, member_id in enumerate(ids):
            code, base = CLASSES[index % len(CLASSES)]
            session.add(DuesAssignment(member_id=member_id, starts_on=date(2025, 1, 1),
                                       class_code=code, base_amount=base))
    for month in range(1, 13):
        sheet = month_sheet(ws.db, (YEAR, month))
        with ws.db.session() as session:
            for n, line in enumerate(sheet.lines):
                if line.outstanding <= 0 or (n % 10 == 0 and month in (4, 5, 6)):
                    continue
                payment = DuesPayment(member_id=line.due.member_id, paid_on=date(YEAR, month, 5),
                                      amount=line.outstanding, receipt_number=str(n + 1),
                                      collector="Thủ quỹ")
                payment.months = [DuesPaymentMonth(month=date(YEAR, month, 1),
                                                   amount=line.outstanding)]
                session.add(payment)
    return ws


def month_tab_seconds(ws) -> float:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.context import UiContext
    from desktop.ui.dues.month_tab import MonthTab

    app = QApplication.instance() or QApplication([])
    ctx = UiContext(ws, today=TODAY)
    tab = MonthTab(ctx)
    tab.resize(1100, 650)
    tab.show()

    def open_month() -> None:
        tab.show_month((YEAR, 11))
        app.processEvents()

    seconds = timed(open_month)
    tab.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1000)
    args = parser.parse_args()
    from desktop.printing.dues.xlsx import write_year_xlsx
    from desktop.printing.dues.year_ledger import write_year_pdf
    from desktop.services.dues.arrears import arrears
    from desktop.services.dues.ledger import month_sheet, year_sheet

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        ws = prepare(Path(folder), args.members)
        setup = time.perf_counter() - started
        rows = len(year_sheet(ws.db, YEAR).rows)
        pdf = Path(folder) / "so.pdf"
        xlsx = Path(folder) / "so.xlsx"
        figures = {
            "members in the year ledger": str(rows),
            "month list data (s)": f"{timed(lambda: month_sheet(ws.db, (YEAR, 11))):.2f}",
            "month tab opens (s)": f"{month_tab_seconds(ws):.2f}",
            "year grid data (s)": f"{timed(lambda: year_sheet(ws.db, YEAR)):.2f}",
            "year arrears (s)": f"{timed(lambda: arrears(ws.db, YEAR, TODAY)):.2f}",
            "year ledger PDF (s)": f"{timed(lambda: write_year_pdf(ws.db, YEAR, pdf), 1):.2f}",
            "year ledger .xlsx (s)": f"{timed(lambda: write_year_xlsx(ws.db, YEAR, xlsx), 1):.2f}",
            "PDF pages": str(_pages(pdf)),
            "setup, not timed above (s)": f"{setup:.1f}",
        }
        ws.close()
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


if __name__ == "__main__":
    main()
