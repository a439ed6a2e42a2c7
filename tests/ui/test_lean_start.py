"""Lean start (issue 15): what opening a data folder in the GUI must not import before
the first paint. Run in a child process, so that nothing imported by other tests counts.
The companion test shows that the same check does see such an import."""

from __future__ import annotations

import subprocess
import sys

# Not on the way to the first paint of a folder that has data: the first-start dialog
# and its cell form, printing, spreadsheets, Word, Alembic (the schema is current), the
# pages of the other parts, packaging and the exchange.
NOT_AT_START = (
    "desktop.ui.first_start", "desktop.ui.cell_form", "reportlab", "openpyxl", "docx",
    "pypdfium2", "alembic", "desktop.ui.meetings.page", "desktop.ui.reviews.page",
    "desktop.ui.topics.page", "desktop.ui.export_page", "desktop.ui.dues.page",
    "desktop.ui.settings_page", "desktop.printing.page", "desktop.printing.fonts",
    "desktop.packaging", "desktop.exchange",
)  # fmt: skip


def _start(folder, prelude: str = "") -> list[str]:
    code = (
        "import sys, pathlib;" + prelude +
        "from desktop.app import open_main_window;"
        f"app, w = open_main_window(pathlib.Path({str(folder)!r}));"
        "app.processEvents();"
        f"print(','.join(m for m in {NOT_AT_START!r} if m in sys.modules));"
        "w.close()"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    last = (out.stdout.strip().splitlines() or [""])[-1]
    return [name for name in last.split(",") if name]


def _folder_with_a_cell(folder, *, first_start_done: bool):
    from desktop.services.cell.details import CellInfo, save_cell
    from desktop.services.cell.workspace import Workspace

    with Workspace(folder, lock=False) as ws:
        save_cell(ws.db, CellInfo("Ấp Tân Phú", "Đảng bộ xã Long Thạnh", "Long Thạnh", ""))
        ws.settings.first_start_done = first_start_done
        ws.save_settings()


def test_opening_a_folder_with_data_imports_none_of_the_later_parts(tmp_path):
    # A cell entered without the first-start dialog (import, command line): the dialog's
    # modules are still not imported.
    _folder_with_a_cell(tmp_path / "data", first_start_done=False)
    assert _start(tmp_path / "data") == []


def test_the_check_sees_the_first_start_dialog_on_an_empty_folder(tmp_path):
    # The first start imports the dialog (closed at once here): the check can fail.
    from desktop.services.cell.workspace import Workspace

    Workspace(tmp_path / "data", lock=False).close()
    prelude = "from PySide6.QtWidgets import QDialog; QDialog.exec = lambda self: 0;"
    found = _start(tmp_path / "data", prelude)
    assert "desktop.ui.first_start" in found and "desktop.ui.cell_form" in found
