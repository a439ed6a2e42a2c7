"""The GUI entry point: the only place a QApplication is created.

``run_gui`` opens the data folder (lock, upgrade, start-up backup), offers the sample
cell on the very first start, shows the main window and closes the data on exit. A
folder that cannot be opened (in use, newer version, damaged) is explained in
Vietnamese and the app exits with code 1 without showing the main window.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import DomainError
from desktop.services.cell.workspace import Workspace
from desktop.storage.backup import BackupError
from desktop.storage.lock import DataFolderInUse

if TYPE_CHECKING:  # Qt is imported only when the GUI starts, never by the command line
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow



def open_errors() -> tuple[type[BaseException], ...]:
    """What opening a data folder may raise that the user must be told about."""
    from desktop.storage.schema import NewerDatabaseError  # Alembic: not on the fast path

    return (DataFolderInUse, NewerDatabaseError, DomainError, BackupError, OSError)

# bench/bench_startup.py times the whole process, source or frozen, to the first paint:
# set to the launch time (time.time()), the app prints "<seconds> <peak RSS MiB>" after
# its first paint and quits.
FIRST_PAINT_PROBE = "SOCHIBO_BENCH_FIRST_PAINT"


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


def open_main_window(data_dir: Path) -> tuple[QApplication, MainWindow] | None:
    """The QApplication and the shown main window over ``data_dir``, or None when the
    folder cannot be opened (the user has been told why). ``run_gui`` and the start-up
    benchmark both start this way."""
    from desktop.ui.incident import open_data_folder
    from desktop.ui.style import configure_application

    app = create_application()
    workspace = open_data_folder(Path(data_dir), open_errors(), backup_on_open=False)
    if workspace is None:
        return None
    # The start-up backup is made after the first paint, in the background; a write
    # before it is made waits for it (Workspace.defer_backup).
    backup = workspace.defer_backup("khoi-dong")
    try:
        configure_application(app, workspace.settings.font_point_size)
        # ``first_start.needs_first_start``, without importing the first-start dialog's
        # modules on the way to the first paint of a folder that has data.
        if not workspace.settings.first_start_done and workspace.is_empty():
            from desktop.ui.first_start import run_first_start

            run_first_start(workspace)
        window = main_window_for(workspace)
    except BaseException:
        workspace.close()
        raise
    if backup is not None:
        window.first_painted.connect(lambda: _start_backup(app, window, backup))
    window.show()
    return app, window


def _start_backup(app: QApplication, window: MainWindow, backup) -> None:
    """Start the deferred start-up backup; if it fails, say so and close, as opening would."""
    from PySide6.QtCore import QTimer

    from desktop.ui import messages

    backup.start()
    timer = QTimer(window)

    def check() -> None:
        if not backup.done:
            return
        timer.stop()
        if backup.error is not None:
            messages.error(window, "Không mở được dữ liệu", messages.user_message(backup.error)[0])
            window.close()
            app.exit(1)

    timer.timeout.connect(check)
    timer.start(50)


def run_gui(data_dir: Path) -> int:
    from desktop.ui import tasks

    opened = open_main_window(data_dir)
    if opened is None:
        return 1
    app, window = opened
    if os.environ.get(FIRST_PAINT_PROBE):
        window.first_painted.connect(lambda: _report_first_paint(app))
    code = app.exec()
    tasks.wait_for_all()
    if window.owns_workspace:  # the window closes it in closeEvent; this is a safety net
        window.ctx.workspace.close()
    return code


def _report_first_paint(app: QApplication) -> None:
    elapsed = time.time() - float(os.environ[FIRST_PAINT_PROBE])
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:  # Windows: no resource module
        peak = 0.0
    print(f"{elapsed:.3f} {peak:.1f}", flush=True)
    app.quit()
