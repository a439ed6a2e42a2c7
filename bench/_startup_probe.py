"""Child process of bench_members.py: open the app on a data folder, report first paint.

Prints "<seconds since the parent launched us> <peak RSS MiB>" once the main window has
painted for the first time, then quits.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> None:
    data_dir, launched_at = sys.argv[1], float(sys.argv[2])
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import create_application, main_window_for
    from desktop.services.cell.workspace import Workspace

    app = create_application([])
    ws = Workspace(Path(data_dir), backup_on_open=True)
    window = main_window_for(ws)

    def painted() -> None:
        elapsed = time.time() - launched_at
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{elapsed:.3f} {peak:.1f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)

    window.first_painted.connect(painted)
    window.resize(1280, 800)
    window.show()
    app.exec()
    ws.close()


if __name__ == "__main__":
    main()
