"""Start-up and printing figures, side by side with bare baselines in the same run.

Whole processes, offscreen, median of ``--repeats`` (5) runs, peak RSS the largest seen:

- a bare PySide6 QMainWindow shown and painted vs ``sochibo`` (``python -m desktop``) to
  its first painted main window on a 1,000-member cell (``sochibo demo --members 1000``);
- ``sochibo print minutes`` (the longest regular minutes of the 25-member sample cell) vs
  a bare ReportLab build of the same text in the same font;
- ``sochibo print roster`` (1,000 members) vs a bare ReportLab table of the same rows and
  font;
- ``sochibo check`` (vs a bare ``python -c pass``);
- the reviews page's and the commitments tab's first open on the 1,000-member cell;
- with ``--frozen``, the frozen bundle (``dist/sochibo``, built by
  ``python3 -m installer.build_bundle``) to its first paint, vs the same bare window.

With ``--against DIR`` (a checkout of older code, e.g. ``git archive REV | tar -x -C DIR``)
the start and the pages are also timed from DIR, interleaved with this tree and the bare
window, so that a before/after comparison sees the same machine load.

Run: ``python3 bench/bench_startup.py [--repeats 5] [--frozen] [--against DIR]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BARE = str(ROOT / "bench" / "_bare_probe.py")
FROZEN = ROOT / "dist" / "sochibo" / "sochibo"
SOCHIBO = [sys.executable, "-m", "desktop"]
# Children run with compiled bytecode, as an installed or frozen app does: written once to
# a cache of this run (PYTHONPYCACHEPREFIX, the checkout stays clean), even where the
# environment says PYTHONDONTWRITEBYTECODE; the first run of each kind is a discarded warm-up.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_child(argv: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Run a child process; return (wall seconds, its peak RSS MiB, stdout).

    Linux counts in a child's peak the memory of the process it was forked or spawned
    from, so this parent stays lean (standard library only): anything that needs the app's
    modules runs in a child (``--extract``).
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        pid = os.posix_spawn(
            argv[0], argv, {**CHILD_ENV, **(env or {})},
            file_actions=[
                (os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)
            ],
        )  # fmt: skip
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{argv} failed:\n{err.read()[-3000:]}")
        return wall, usage.ru_maxrss / 1024, out.read()


class Figures:
    """Repeated measurements of one thing: median time, largest peak RSS."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.peaks: list[float] = []

    def add(self, seconds: float, peak: float) -> None:
        self.times.append(seconds)
        self.peaks.append(peak)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak(self) -> float:
        return max(self.peaks)


def first_paint(argv: list[str], env: dict | None = None) -> tuple[float, float]:
    """(seconds from launch to first paint, peak RSS MiB): the launch time goes to the
    child as its last argument, or in ``env`` when given (the app's FIRST_PAINT_PROBE)."""
    launched = repr(time.time())
    if env is None:
        _, peak, out = run_child(argv + [launched])
    else:
        _, peak, out = run_child(argv, {key: launched for key in env})
    return float(out.split()[0]), peak


@contextlib.contextmanager
def working_dir(path: Path):
    """Children started inside run from ``path`` (``-m desktop`` imports its tree)."""
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def build_cells(tmp: Path) -> tuple[Path, Path]:
    big, sample = tmp / "cell-1000", tmp / "sample"
    started = time.perf_counter()
    run_child(SOCHIBO + ["--data", str(big), "demo", "--members", "1000"])
    built = time.perf_counter() - started
    run_child(SOCHIBO + ["--data", str(sample), "demo"])
    print(f"built: 1,000-member demo cell in {built:.1f} s, 25-member sample cell")
    return big, sample


def minutes_source(sample: Path, tmp: Path) -> tuple[str, Path]:
    """The longest regular minutes of the sample cell: its month and its text as JSON."""
    source = tmp / "minutes.json"
    _, _, out = run_child([sys.executable, __file__, "--extract", "minutes", str(sample), str(source)])
    return out.strip(), source


def roster_source(big: Path, tmp: Path) -> Path:
    source = tmp / "roster.json"
    run_child([sys.executable, __file__, "--extract", "roster", str(big), str(source)])
    return source


def extract_minutes(sample: Path, source: Path) -> None:
    from desktop.printing.meetings.minutes_text import minutes_text
    from desktop.services.cell.workspace import Workspace
    from desktop.services.meetings.plan import find_meeting, minutes_document
    from desktop.services.demo.meetings import demo_months
    from datetime import date

    best: tuple[int, str, list[str]] = (0, "", [])
    with Workspace(sample, lock=False) as ws:
        for year, month in demo_months(date.today()):
            try:
                meeting = find_meeting(ws.db, year, month, kind="thuong_ky")
            except Exception:  # noqa: BLE001 - a month without a regular meeting
                continue
            doc = minutes_document(ws.db, meeting)
            paragraphs = [block.text for block in minutes_text(doc).blocks if block.text]
            size = sum(map(len, paragraphs))
            if size > best[0]:
                best = (size, f"{year}-{month:02d}", paragraphs)
    source.write_text(json.dumps(best[2], ensure_ascii=False), encoding="utf-8")
    print(best[1])


def extract_roster(big: Path, source: Path) -> None:
    """The roster's rows as plain strings, with the app's own column widths."""
    from desktop.printing.members.roster import HEADINGS, column_widths
    from desktop.services.cell.workspace import Workspace
    from desktop.services.members.roster import build_roster

    with Workspace(big, lock=False) as ws:
        roster = build_roster(ws.db)
    rows = [list(HEADINGS)] + [
        [str(e.number), e.full_name, e.birth, e.gender_label, e.ethnicity, e.religion,
         e.admitted_on, e.official_on or "Dự bị", e.card_number]
        for e in roster.entries
    ]  # fmt: skip
    data = {"rows": rows, "widths": column_widths(len(roster.entries))}
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def pages(path: Path) -> str:
    code = f"from pypdf import PdfReader; print(len(PdfReader({str(path)!r}).pages))"
    return run_child([sys.executable, "-c", code])[2].strip()


def line(label: str, app: Figures, bare: Figures | None = None, unit: str = "s") -> None:
    text = f"{label:34} {app.median:7.3f} {unit}  peak {app.peak:5.0f} MiB"
    if bare is not None:
        text += (
            f"   | bare {bare.median:6.3f} {unit}  peak {bare.peak:4.0f} MiB"
            f"   ratio {app.median / bare.median:5.2f}×"
        )
    print(text, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--frozen", action="store_true", help="also time dist/sochibo")
    parser.add_argument("--only", nargs="*", default=None, help="start print check pages")
    parser.add_argument("--against", type=Path, help="older checkout timed interleaved")
    parser.add_argument("--extract", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extract:
        what, folder, target = args.extract
        extractor = extract_minutes if what == "minutes" else extract_roster
        return extractor(Path(folder), Path(target))
    os.chdir(ROOT)  # the children run from the repository root (posix_spawn has no cwd)
    only = set(args.only or ("start", "print", "check", "pages"))
    if args.against:
        args.against = args.against.resolve()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU, median of {args.repeats}, "
          f"load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        big, sample = build_cells(tmp)
        n = args.repeats
        gui_env = {"SOCHIBO_BENCH_FIRST_PAINT": ""}

        if "start" in only:
            bare, app, old = Figures(), Figures(), Figures()
            first_paint([sys.executable, BARE, "qt"])  # warm-up
            first_paint(SOCHIBO + ["--data", str(big)], gui_env)
            if args.against:
                with working_dir(args.against):
                    first_paint(SOCHIBO + ["--data", str(big)], gui_env)
            for _ in range(n):  # interleaved: all see the same machine load
                bare.add(*first_paint([sys.executable, BARE, "qt"]))
                app.add(*first_paint(SOCHIBO + ["--data", str(big)], gui_env))
                if args.against:
                    with working_dir(args.against):
                        old.add(*first_paint(SOCHIBO + ["--data", str(big)], gui_env))
            line("start → first paint (1,000)", app, bare)
            if args.against:
                line("  the same, older code", old, bare)
            if args.frozen:
                if not FROZEN.exists():
                    run_child([sys.executable, "-m", "installer.build_bundle"])
                frozen = Figures()
                for _ in range(n):
                    frozen.add(*first_paint([str(FROZEN), "--data", str(big)], gui_env))
                line("frozen start → first paint", frozen, bare)

        if "print" in only:
            month, text = minutes_source(sample, tmp)
            rows = roster_source(big, tmp)
            jobs = (
                ("print minutes " + month, sample, ["minutes", "--month", month], text,
                 "minutes"),
                ("print roster (1,000)", big, ["roster"], rows, "roster"),
            )  # fmt: skip
            for label, folder, command, source, mode in jobs:
                app, bare = Figures(), Figures()
                for index in range(-1, n):  # -1: warm-up
                    mine, theirs = tmp / f"app-{index}.pdf", tmp / f"bare-{index}.pdf"
                    wall, peak, _ = run_child(
                        SOCHIBO + ["--data", str(folder), "print", *command, "-o", str(mine)]
                    )
                    bare_wall, bare_peak, _ = run_child(
                        [sys.executable, BARE, mode, str(source), str(theirs)]
                    )
                    if index >= 0:
                        app.add(wall, peak)
                        bare.add(bare_wall, bare_peak)
                line(label, app, bare)
                print(f"{'':34} pages: app {pages(mine)}, bare {pages(theirs)}")

        if "check" in only:
            app, bare = Figures(), Figures()
            run_child(SOCHIBO + ["--data", str(big), "check"])  # warm-up
            for _ in range(n):
                app.add(*run_child(SOCHIBO + ["--data", str(big), "check"])[:2])
                bare.add(*run_child([sys.executable, "-c", "pass"])[:2])
            line("sochibo check (1,000)", app, bare)

        if "pages" in only:
            trees = [(ROOT, "")] + ([(args.against, ", older code")] if args.against else [])
            for page in ("reviews", "commitments"):
                opened = {tree: Figures() for tree, _ in trees}
                for index in range(-1 if page == "reviews" else 0, n):
                    for tree, _ in trees:  # interleaved
                        launched = repr(time.time())
                        probe = str(tree / "bench" / "_startup_probe.py")
                        with working_dir(tree):
                            _, peak, out = run_child(
                                [sys.executable, probe, str(big), launched, "--open", page]
                            )
                        if index >= 0:
                            opened[tree].add(float(out.strip().splitlines()[1]), peak)
                for tree, label in trees:
                    line(f"{page} first open (1,000){label}", opened[tree])

    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
