"""The frozen app (gói chạy độc lập) works without Python: sample cell, printing, window.

Each test runs the program PyInstaller built from installer/sochibo.spec, as a user's PC
would, with a throw-away data folder.
"""

from __future__ import annotations

import queue
import re
import subprocess
import threading
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow

RUN_LIMIT = 300  # seconds; only a hung program gets anywhere near it


def run_app(bundle: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bundle / "sochibo"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_LIMIT,
    )


def succeeded(result: subprocess.CompletedProcess) -> bool:
    if result.returncode != 0:
        print(result.stdout, result.stderr)
    return result.returncode == 0


def pdf_text(path: Path) -> str:
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def member_names(data: Path) -> list[str]:
    # Read back with the source code: the frozen app wrote a database it can read too.
    from desktop.services.members.registry import list_members
    from desktop.services.cell.workspace import Workspace

    with Workspace(data, lock=False) as ws:
        return [row.full_name for row in list_members(ws.db)]


@pytest.fixture
def demo_data(bundle, app_env, tmp_path) -> Path:
    data = tmp_path / "data"
    result = run_app(bundle, app_env, "--data", str(data), "demo")
    assert succeeded(result)
    assert "25 đảng viên" in result.stdout
    return data


def test_frozen_app_reports_the_version_of_the_source(bundle, app_env):
    from desktop import __version__

    result = run_app(bundle, app_env, "--version")

    assert succeeded(result)
    assert result.stdout.strip() == f"Sổ Chi bộ {__version__}"


def test_frozen_app_loads_the_sample_cell_and_prints_its_roster(bundle, app_env, demo_data):
    pdf = demo_data.parent / "danh-sach.pdf"

    result = run_app(bundle, app_env, "--data", str(demo_data), "print", "roster", "-o", str(pdf))

    assert succeeded(result)
    text = pdf_text(pdf)
    assert "DANH SÁCH ĐẢNG VIÊN" in text
    names = member_names(demo_data)
    assert len(names) == 25
    for name in (names[0], names[-1]):
        assert name in text


def test_frozen_app_writes_minutes_as_word_and_members_as_excel(bundle, app_env, demo_data):
    # python-docx and openpyxl read template files from disk: a bundle missing them fails here.
    from sqlalchemy import select

    from desktop.models.meeting import Meeting
    from desktop.services.cell.workspace import Workspace

    with Workspace(demo_data, lock=False) as ws, ws.db.session() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.kind == "thuong_ky").order_by(Meeting.id)
        ).first()
        month = f"{meeting.year}-{meeting.month:02d}"
    docx = demo_data.parent / "bien-ban.docx"
    xlsx = demo_data.parent / "dang-vien.xlsx"

    minutes = run_app(
        bundle,
        app_env,
        "--data",
        str(demo_data),
        "print",
        "minutes",
        "--month",
        month,
        "-o",
        str(docx),
    )
    export = run_app(bundle, app_env, "--data", str(demo_data), "members", "export", str(xlsx))

    assert succeeded(minutes) and succeeded(export)
    from docx import Document
    from openpyxl import load_workbook

    assert any("BIÊN BẢN" in p.text.upper() for p in Document(docx).paragraphs)
    sheet = load_workbook(xlsx).active
    assert sheet.max_row >= 26  # a header and the 25 members


def test_frozen_app_opens_its_main_window_and_paints_it(bundle, app_env, demo_data):
    # Qt logs each flush of a window's backing store under this category; the first one
    # naming MainWindow is the first paint of the main window (no test hook in the app).
    env = dict(app_env, QT_LOGGING_RULES="qt.widgets.painting.debug=true")
    process = subprocess.Popen(
        [str(bundle / "sochibo"), "--data", str(demo_data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in process.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    painted, seen = False, []
    try:
        while not painted:
            try:
                line = lines.get(timeout=RUN_LIMIT)
            except queue.Empty:
                break
            if line is None:  # the program ended before painting anything
                break
            seen.append(line)
            painted = bool(re.search(r"Flushing .* of MainWindow\(", line))
    finally:
        process.terminate()
        process.wait(timeout=60)

    assert painted, "".join(line for line in seen if "qt.widgets.painting" not in line)[-3000:]
    assert not any("Traceback" in line for line in seen)
