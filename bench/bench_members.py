"""Baseline figures for the member registry on synthetic cells of 1,000 and 10,000 members.

Prints, per cell size: building the cell, app start to first painted main window (whole
process), search time per keystroke in the members table, ``sochibo print roster`` time
(whole process) and the peak memory of each process. Run: ``python3 bench/bench_members.py``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERY = "nguyen van an"


def run_child(argv: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Run a child process; return (wall seconds, peak RSS MiB, stdout)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    out = proc.stdout.read()
    err = proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv} failed:\n{err}")
    return wall, usage.ru_maxrss / 1024, out


def build_cell(folder: Path, size: int) -> float:
    from desktop.services.demo.synthetic import fill_synthetic_cell
    from desktop.services.cell.workspace import Workspace

    started = time.perf_counter()
    with Workspace(folder, lock=False) as ws:
        fill_synthetic_cell(ws.db, size)
    return time.perf_counter() - started


def startup(folder: Path, repeats: int) -> tuple[float, float]:
    probe = str(ROOT / "bench" / "_startup_probe.py")
    firsts, peaks = [], []
    for _ in range(repeats):
        _, _, out = run_child([sys.executable, probe, str(folder), repr(time.time())])
        first, peak = map(float, out.split())
        firsts.append(first)
        peaks.append(peak)
    return statistics.median(firsts), max(peaks)


def search(folder: Path) -> tuple[float, float, float]:
    from PySide6.QtWidgets import QApplication

    from desktop.services.members.registry import list_members
    from desktop.services.cell.workspace import Workspace
    from desktop.ui.members.table_model import MembersTableModel

    QApplication.instance() or QApplication([])
    with Workspace(folder, lock=False) as ws:
        started = time.perf_counter()
        rows = list_members(ws.db)
        load = time.perf_counter() - started
    model = MembersTableModel()
    model.set_rows(rows)
    timings = []
    for _ in range(5):
        for end in range(1, len(QUERY) + 1):
            started = time.perf_counter()
            model.set_query(QUERY[:end])
            timings.append(time.perf_counter() - started)
        model.set_query("")
    return statistics.median(timings) * 1000, max(timings) * 1000, load


def print_roster(folder: Path, out_dir: Path) -> tuple[float, float, int]:
    target = out_dir / "roster.pdf"
    argv = [sys.executable, "-m", "desktop", "--data", str(folder), "print", "roster"]
    wall, peak, _ = run_child(argv + ["-o", str(target)], cwd=ROOT)
    from pypdf import PdfReader

    return wall, peak, len(PdfReader(target).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU; query typed: {QUERY!r}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "data"
            built = build_cell(folder, size)
            first_paint, start_peak = startup(folder, args.repeats)
            median_ms, max_ms, load = search(folder)
            roster_wall, roster_peak, pages = print_roster(folder, Path(tmp))
        print(f"\n== {size:,} members ==")
        print(f"build synthetic cell          {built:8.2f} s")
        print(f"start → first paint (median)  {first_paint:8.2f} s   peak {start_peak:6.0f} MiB")
        print(f"load member rows              {load:8.2f} s")
        print(f"search per keystroke          {median_ms:8.2f} ms median, {max_ms:.2f} ms max")
        print(
            f"print roster (whole process)  {roster_wall:8.2f} s   peak {roster_peak:6.0f} MiB"
            f"   {pages} pages"
        )


if __name__ == "__main__":
    main()
