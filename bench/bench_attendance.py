"""How long "Tất cả có mặt" takes on a large roll, in the real "Điểm danh" tab (issue 10
point 8: ≤ 50 ms at 1,000 members; it froze the window 5 s before).

Builds the tab offscreen with 100, 1,000 and 5,000 expected members, shows it at the
size of the meeting window, clicks the button (timing the click and the repaint that
follows) and prints the median of a few runs per size. Also times loading the roll.
Run: ``python3 bench/bench_attendance.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 5


def roll(size: int):
    from desktop.services.meetings.roster import AttendanceRow

    return [
        AttendanceRow(i, f"Nguyễn Văn Đảng viên {i}", "chinh_thuc", "Chính thức", True, None, "")
        for i in range(size)
    ]


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.meetings.attendance_tab import AttendanceTab
    from desktop.ui.style import configure_application

    app = QApplication.instance() or QApplication([])
    configure_application(app)
    print(f"{'members':>8} {'load ms':>9} {'all present ms':>15}")
    for size in (100, 1000, 5000):
        loads, marks = [], []
        for _ in range(RUNS):
            tab = AttendanceTab()
            tab.resize(1100, 560)
            tab.show()
            app.processEvents()
            rows = roll(size)
            started = time.perf_counter()
            tab.show_rows(rows, [])
            app.processEvents()
            loads.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            tab.all_present_button.click()
            tab.repaint()
            app.processEvents()
            marks.append((time.perf_counter() - started) * 1000)
            assert tab.summary().not_marked == 0
            tab.close()
            tab.deleteLater()
            app.processEvents()
        print(f"{size:>8} {statistics.median(loads):>9.1f} {statistics.median(marks):>15.1f}")


if __name__ == "__main__":
    main()
