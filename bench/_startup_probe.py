"""Child process of the benchmarks: open the app on a data folder, report first paint.

Prints "<seconds since the parent launched us> <peak RSS MiB>" once the main window has
painted for the first time. With ``--open reviews`` or ``--open commitments`` it then
opens that page (or the commitments tab of the topics page) the way a click does and
prints "<seconds until it has its data and has painted>" on a second line. Then quits.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> None:
    data_dir, launched_at = sys.argv[1], float(sys.argv[2])
    opening = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--open" else ""
    import resource
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import app as gui

    # The same steps as ``run_gui``, without its event loop.
    application, window = gui.open_main_window(Path(data_dir))

    def painted() -> None:
        elapsed = time.time() - launched_at
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{elapsed:.3f} {peak:.1f}", flush=True)
        QTimer.singleShot(0, open_page if opening else QApplication.quit)

    def open_page() -> None:
        from desktop.ui import main_window as mw

        started = time.perf_counter()

        def report() -> None:
            print(f"{time.perf_counter() - started:.3f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)

        def after_paint() -> None:
            page.repaint()
            QTimer.singleShot(0, report)

        if opening == "reviews":
            window.nav.setCurrentRow(mw.NAV_REVIEWS)
            page = window.pages.currentWidget()
            if page.sheet is None:  # the year's sheet is read in the background
                page.sheet_loaded.connect(after_paint)
                return
        else:
            window.nav.setCurrentRow(mw.NAV_TOPICS)
            QApplication.processEvents()
            started = time.perf_counter()  # the tab's own cost, the page already shown
            topics = window.pages.currentWidget()
            topics.tabs.setCurrentWidget(topics.commitments)
            page = topics.commitments
        after_paint()

    window.first_painted.connect(painted)
    application.exec()
    from desktop.ui import tasks

    tasks.wait_for_all()
    window.ctx.workspace.close()


if __name__ == "__main__":
    main()
