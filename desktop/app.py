"""The GUI entry point: the only place a QApplication is created.

``run_gui`` opens the data folder (lock, upgrade, start-up backup), offers the sample
cell on the very first start, shows the main window and closes the data on exit. A
folder that cannot be opened (in use, newer version, damaged) is explained in
Vietnamese and the app exits with code 1 without showing the main window.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import DomainError
from desktop.services.cell.workspace import Workspace
from desktop.storage.backup import BackupError
from desktop.storage.lock import DataFolderInUse
from desktop.storage.schema import NewerDatabaseError

if TYPE_CHECKING:  # Qt is imported only when the GUI starts, never by the command line
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

OPEN_ERRORS = (DataFolderInUse, NewerDatabaseError, DomainError, BackupError, OSError)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, made once and set up in Vietnamese (name, icon, Qt's words)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.style import configure_application

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    configure_application(app)
    return app


def main_window_for(workspace: Workspace, *, owns_workspace: bool = True) -> MainWindow:
    """The main window over an open workspace (needs a QApplication to exist).

    Used by ``run_gui``, the tests and the start-up benchmark; the window emits
    ``first_painted`` after its first paint.
    """
    from PySide6.QtWidgets import QApplication

    from desktop.ui.context import UiContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.style import configure_application

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("main_window_for() needs a QApplication")
    configure_application(app, workspace.settings.font_point_size)
    return MainWindow(UiContext(workspace), owns_workspace=owns_workspace)


def run_gui(data_dir: Path) -> int:
    from desktop.ui import tasks
    from desktop.ui.first_start import needs_first_start, run_first_start
    from desktop.ui.style import configure_application

    from desktop.ui.incident import open_data_folder

    app = create_application()
    workspace = open_data_folder(Path(data_dir), OPEN_ERRORS)
    if workspace is None:
        return 1
    try:
        configure_application(app, workspace.settings.font_point_size)
        if needs_first_start(workspace):
            run_first_start(workspace)
        window = main_window_for(workspace)
    except BaseException:
        workspace.close()
        raise
    window.show()
    code = app.exec()
    tasks.wait_for_all()
    if window.owns_workspace:  # the window closes it in closeEvent; this is a safety net
        window.ctx.workspace.close()
    return code
