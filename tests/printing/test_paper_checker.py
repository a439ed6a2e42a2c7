"""Every paper of the demo cell passes the printing rules (``paper_checker``).

The demo is built on a fixed day and on a January day (its year then spans the new year),
every paper is rendered, read back and checked; an old year's papers are printed again
after the clock moved on and must read the same, word for word.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.printing.exchange.consolidated import print_consolidated
from desktop.printing.meetings.agenda import write_agenda_pdf, write_notice_pdf
from desktop.printing.meetings.minutes import write_minutes_pdf
from desktop.printing.members.roster import write_roster_pdf
from desktop.printing.reviews.collective import print_collective_review
from desktop.printing.reviews.commitment import print_commitment, print_commitment_summary
from desktop.printing.reviews.rating_list import print_rating_list
from desktop.printing.reviews.self_review import print_self_review
from desktop.services.cell.workspace import Workspace
from desktop.services.demo.builder import load_demo
from desktop.services.exchange.consolidation import import_package
from desktop.services.exchange.rating_file import encode_payload, ratings_payload
from desktop.services.meetings import plan as mt
from desktop.services.members.registry import list_members
from desktop.services.reviews.print_data import rating_list_paper
from desktop.exchange.write import write_package
from tests.printing.paper_checker import (
    MINUTES_NUMBER,
    Expect,
    check_pdf,
    full_text,
    numbering_problems,
    shares_add_up,
)

TODAY = date(2026, 12, 2)
JANUARY = date(2027, 1, 20)
YEARS = (2024, 2025, 2026)

MINUTES = Expect(numbered=True)
OUTGOING_TEXT = Expect(outgoing=True, numbered=True)
OUTGOING_TABLE = Expect(outgoing=True, numbered=True, text_paper=False)
FORM = Expect()


def _demo(folder: Path, today: date) -> Workspace:
    ws = Workspace(folder, lock=False)
    load_demo(ws.db, today=today)
    return ws


def render_all(
    ws: Workspace, out: Path, built_on: date, today: date | None = None
) -> list[tuple[Path, Expect]]:
    """Every paper of the demo built on ``built_on``, printed on ``today``: minutes of every
    meeting, the agenda and notice of the first and the planned meeting, the roster, each
    year's rating list, collective review and commitment summary, a few members' forms."""
    db = ws.db
    today = today or built_on
    out.mkdir(parents=True, exist_ok=True)
    papers: list[tuple[Path, Expect]] = []
    years = sorted({built_on.year - 1, built_on.year})
    meetings = [m for year in years for m in mt.list_meetings(db, year)]
    for m in meetings:
        if m.state in ("minutes_done", "approved"):
            path = write_minutes_pdf(mt.minutes_document(db, m.id), out / f"bb-{m.id}.pdf")
            papers.append((path, MINUTES))
    for m in (meetings[0], meetings[-1]):
        agenda = write_agenda_pdf(mt.agenda_document(db, m.id, today), out / f"ct-{m.id}.pdf")
        notice = write_notice_pdf(mt.notice_document(db, m.id, today), out / f"tb-{m.id}.pdf")
        papers += [(agenda, OUTGOING_TEXT), (notice, OUTGOING_TEXT)]
    roster = write_roster_pdf(db, out / "roster.pdf", on=today)
    papers.append((roster, Expect(text_paper=False)))
    members = list_members(db)
    for year in range(built_on.year - 2, built_on.year + 1):
        papers.append((print_rating_list(db, year, out / f"ds-{year}.pdf", today), OUTGOING_TABLE))
        papers.append((print_collective_review(db, year, out / f"tt-{year}.pdf", today),
                       OUTGOING_TEXT))  # fmt: skip
        summary = print_commitment_summary(db, year, out / f"ck-{year}.pdf", today)
        papers.append((summary, OUTGOING_TABLE))
        for member in members[:: max(1, len(members) // 4)]:
            review = out / f"kd-{year}-{member.id}.pdf"
            commitment = out / f"cam-{year}-{member.id}.pdf"
            papers.append((print_self_review(db, member.id, year, review, today), FORM))
            papers.append((print_commitment(db, member.id, year, commitment, today), FORM))
    return papers


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    ws = _demo(folder / "data", TODAY)
    papers = render_all(ws, folder / "papers", TODAY)
    yield ws, papers, folder
    ws.close()


def test_every_paper_of_the_demo_passes_the_checker(demo):
    _, papers, _ = demo
    problems = [p for path, expect in papers for p in check_pdf(path, expect)]
    assert problems == []
    assert len(papers) > 40


def test_every_paper_of_a_january_demo_passes_the_checker(tmp_path):
    ws = _demo(tmp_path / "data", JANUARY)
    try:
        papers = render_all(ws, tmp_path / "papers", JANUARY)
        problems = [p for path, expect in papers for p in check_pdf(path, expect)]
    finally:
        ws.close()
    assert problems == []


def test_old_papers_reprint_word_for_word_after_the_clock_moves(demo):
    ws, papers, folder = demo
    later = date(2028, 6, 30)
    again = render_all(ws, folder / "later", TODAY, later)
    first = {path.name: full_text(path) for path, _ in papers}
    changed = [
        path.name
        for path, _ in again
        if path.name in first and "Dự thảo" not in first[path.name]
        and full_text(path) != first[path.name]
        # The roster is a fresh report of the day it is printed for: it says so in its title.
        and not path.name.startswith("roster")
    ]
    assert changed == []


def test_rating_list_counts_add_up_to_their_totals(demo):
    ws, _, _ = demo
    for year in YEARS:
        paper = rating_list_paper(ws.db, year, TODAY)
        assert sum(t.proposed for t in paper.tallies) + len(paper.awaiting) == paper.rated
        assert paper.on_roll == paper.rated + len(paper.not_rated)
        if paper.rated:
            shares = [t.proposed_share for t in paper.tallies] + [paper.awaiting_share]
            assert shares_add_up(shares), (year, shares)


def test_the_consolidated_list_passes_the_checker(demo, tmp_path):
    ws, _, _ = demo
    payload = ratings_payload(ws.db, 2025, today=TODAY)
    files = {"xep-loai-2025.json": encode_payload(payload)}
    meta = {"cell_name": payload["cell"]["name"], "year": 2025}
    (tmp_path / "stick").mkdir()
    package = write_package(tmp_path / "stick", "A", files, kind="ratings", meta=meta).path
    with Workspace(tmp_path / "dang-uy", lock=False) as superior:
        from desktop.services.cell.details import CellInfo, save_cell

        save_cell(superior.db, CellInfo("Đảng ủy xã Long Thạnh", "Đảng bộ thành phố Cần Thơ",
                                        "Long Thạnh", ""))  # fmt: skip
        import_package(superior.db, package)
        path = print_consolidated(superior.db, 2025, tmp_path / "th.pdf", today=TODAY)
    assert check_pdf(path, OUTGOING_TABLE) == []


def test_a_self_rating_outside_its_score_band_is_flagged_on_the_list(demo):
    ws, _, _ = demo
    paper = rating_list_paper(ws.db, 2026, TODAY)
    flagged = [line for line in paper.lines if "Tự xếp loại «Tốt» nhưng điểm 66 thuộc mức «Hoàn thành»" in line.note]
    # The demo's Mai Văn Tài scores 66 (the "Hoàn thành" band) and rates himself "Tốt".
    assert [(line.full_name, line.self_level) for line in flagged] == [("Mai Văn Tài", "Tốt")]


def test_minutes_are_numbered_on_through_january_within_the_term(demo):
    ws, papers, _ = demo
    numbers = []
    for meeting in [m for year in (2025, 2026) for m in mt.list_meetings(ws.db, year)]:
        path = next((p for p, _ in papers if p.name == f"bb-{meeting.id}.pdf"), None)
        if path is None or meeting.state != "approved":
            continue
        day = meeting.held_on or meeting.planned_on
        found = MINUTES_NUMBER.search(full_text(path))
        numbers.append((day, int(found.group(1))))
    numbers.sort()
    assert {day.year for day, _ in numbers} == {2025, 2026}
    assert numbering_problems([n for _, n in numbers]) == []
