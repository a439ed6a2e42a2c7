"""Work-arounds for defects of the Qt binding (PySide6) that would crash the app.

1. Garbage collection on the GUI thread only. Python's cycle collector runs in whichever
thread happens to allocate when a threshold is crossed; when that is a worker thread
(import, export, reminders) and the garbage holds a closed dialog, Qt destroys a widget
outside the GUI thread and the app crashes (seen here as a segfault under
"Garbage-collecting" in a reminders job). As Anki does, the automatic collector is
switched off and ``GuiThreadCollector`` runs it from a timer on the GUI thread.

2. PySide6 6.12.0 on Python 3.11 hands C++ nulls to Python as ``None`` without taking a
reference, and after some tens of thousands of calls the interpreter aborts with
"none_dealloc". 6.8 to 6.11 are clean, so pyproject.toml excludes 6.12 and
tests/ui/test_qt_binding.py fails if a binding with the defect is ever installed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """Runs the cycle collector from the GUI thread's event loop, generation by generation,
    with Python's own thresholds; automatic collection stays off while it lives."""

    INTERVAL_MS = 1000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(self.INTERVAL_MS)

    def collect(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


_collector: GuiThreadCollector | None = None


def collect_garbage_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once, owned by the application object."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector
