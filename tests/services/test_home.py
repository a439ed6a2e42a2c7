"""The home page's figures (trang "Việc cần làm"), read headless from the services."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.cell.home import home_summary
from desktop.services.cell.workspace import Workspace
from desktop.services.demo.builder import load_demo

TODAY = date(2026, 3, 5)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = Workspace(tmp_path_factory.mktemp("home") / "data", lock=False)
    load_demo(ws.db, TODAY)
    yield ws
    ws.close()


def test_an_empty_cell_has_this_months_meeting_to_plan_and_nothing_else(workspace):
    summary = home_summary(workspace.db, workspace.backups_dir, TODAY)
    meeting = summary.next_meeting
    assert (meeting.year, meeting.month, meeting.meeting_id) == (2026, 3, None)
    assert "tháng 3 năm 2026" in meeting.title
    assert summary.reminders == ()
    assert summary.review.total == 0
    assert summary.last_backup is None and summary.last_export is None
    assert summary.notes == ()


def test_the_sample_cell_shows_its_planned_meeting_reminders_and_review_gaps(demo):
    summary = home_summary(demo.db, demo.backups_dir, TODAY)
    meeting = summary.next_meeting
    assert meeting.meeting_id is not None and meeting.month == 3
    assert meeting.planned_on is not None
    kinds = {r.kind for r in summary.reminders}
    assert {"badge", "probation"} <= kinds
    # Each reminder names the member it is about.
    assert all(r.message.startswith("Đồng chí ") for r in summary.reminders)
    review = summary.review
    assert review.total > 0
    # The sample has a member who wrote a self-review but has no proposal yet.
    assert "Mai Văn Tài" in review.not_proposed and "Mai Văn Tài" not in review.no_self_review
    assert 0 < len(review.not_proposed) < review.total
    assert summary.notes == ()


def test_the_last_backup_and_the_last_export_are_read(demo, tmp_path):
    from desktop.models import ExportRecord

    demo.backup("thu")
    with demo.db.session() as session:
        session.add(ExportRecord(kind="ratings", year=2026, target=str(tmp_path),
                                 name="XepLoai-2026", sha256="0" * 64, file_count=3,
                                 total_bytes=10, encrypted=False, app_version="t"))
    summary = home_summary(demo.db, demo.backups_dir, TODAY)
    assert summary.last_backup is not None
    assert summary.last_export[0] == "XepLoai-2026"


def test_a_part_that_fails_is_named_and_the_rest_still_shows(workspace, monkeypatch):
    from desktop.services.cell import home

    def broken(*_args):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(home, "collect_reminders", broken)
    summary = home_summary(workspace.db, workspace.backups_dir, TODAY)
    assert summary.next_meeting is not None
    assert summary.notes == ("Không đọc được các việc cần nhắc: hỏng",)


def test_home_reads_no_printing_or_spreadsheet_library():
    import subprocess
    import sys

    code = ("import sys, desktop.services.cell.home;"
            "print(','.join(m for m in ('PySide6','reportlab','openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_home_pages_light_gaps_read_agrees_with_the_rating_sheet(demo, year):
    """rating_gaps reads only what the gaps need; it must name exactly whom the full sheet
    (the one the export checks and the package's gaps file use) would name."""
    from desktop.services.reviews.gaps import gaps_of_sheet, rating_gaps
    from desktop.services.reviews.ratings import rating_sheet

    light = rating_gaps(demo.db, year, TODAY)
    assert light == gaps_of_sheet(rating_sheet(demo.db, year, TODAY))
    assert light.total > 0

