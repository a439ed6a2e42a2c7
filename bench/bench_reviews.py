"""Figures for the review season on synthetic cells of 60, 1,000 and 10,000 members.

Per cell size: building the year's rating sheet (what the ratings page and every proposal
dialog compute), recording one proposal (which re-checks the warnings), printing the rating
list PDF, and writing + verifying the export package to a folder. Proposals are recorded
for every member first so the sheet carries real warnings and the quota arithmetic.
Run: ``python3 bench/bench_reviews.py``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

YEAR = 2026
TODAY = date(2026, 12, 10)
LEVELS = ("HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTNV")


def timed(action, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def prepare(folder: Path, size: int):
    from desktop.models import Rating
    from desktop.services.cell.details import CellInfo, save_cell
    from desktop.services.reviews.ratings import rating_sheet
    from desktop.services.demo.synthetic import fill_synthetic_cell
    from desktop.services.cell.workspace import Workspace

    ws = Workspace(folder, lock=False)
    fill_synthetic_cell(ws.db, size, today=TODAY)
    save_cell(ws.db, CellInfo("Khu phố Thử Nghiệm", "Đảng bộ phường Thử", "Cần Thơ", ""))
    rated = [r.member.id for r in rating_sheet(ws.db, YEAR, TODAY).rated]
    with ws.db.session() as session:  # bulk: the bench measures reading, not this setup
        for index, member_id in enumerate(rated):
            session.add(
                Rating(member_id=member_id, year=YEAR, pack_id="2025",
                       proposed_level=LEVELS[index % len(LEVELS)], votes_for=9, votes_total=10,
                       warnings=[])
            )  # fmt: skip
    return ws, rated


def bench(size: int) -> dict[str, str]:
    from desktop.printing.reviews.rating_list import print_rating_list
    from desktop.packaging.ratings import export_ratings
    from desktop.services.reviews.ratings import ProposalData, rating_sheet, record_proposal

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws, rated = prepare(folder / "data", size)
        sheet = rating_sheet(ws.db, YEAR, TODAY)
        sheet_s = timed(lambda: rating_sheet(ws.db, YEAR, TODAY))
        vote = ProposalData("HTTNV", 9, 10)
        record_s = timed(lambda: record_proposal(ws.db, rated[0], YEAR, vote, TODAY))
        pdf = folder / "list.pdf"
        pdf_s = timed(lambda: print_rating_list(ws.db, YEAR, pdf, today=TODAY), repeats=1)
        stick = folder / "usb"
        stick.mkdir()
        export_s = timed(
            lambda: export_ratings(ws.db, YEAR, stick, replace=True, today=TODAY), repeats=1
        )
        ws.close()
        return {
            "members rated": f"{len(sheet.rated):,}",
            "rating sheet": f"{sheet_s:.2f} s",
            "record one proposal": f"{record_s:.2f} s",
            "rating list PDF": f"{pdf_s:.2f} s ({pdf.stat().st_size / 1024:.0f} KiB)",
            "export package (write + verify)": f"{export_s:.2f} s",
            "quota": sheet.quota_proposed.explanation,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 1000, 10000])
    args = parser.parse_args()
    for size in args.sizes:
        print(f"\n{size:,} members")
        for name, value in bench(size).items():
            print(f"  {name:<34} {value}")


if __name__ == "__main__":
    main()
