"""Work-arounds for defects of the Qt binding (PySide6) that would crash the app.

1. Garbage collection on the GUI thread only. Python's cycle collector runs in whichever
thread happens to allocate when a threshold is crossed; when that is a worker thread
(import, export, reminders) and the garbage holds a closed dialog, Qt destroys a widget
outside the GUI thread and the app crashes (seen here as a segfault under
"Garbage-collecting" in a reminders job). As Anki does, the automatic collector is
switched off and ``GuiThreadCollector`` runs it from a timer on the GUI thread.

2. ``None``'s reference count.

PySide6 6.12 on Python 3.11 hands every C++ null to Python as ``None`` without taking a
reference: ``QApplication.focusWidget()`` with nothing focused, ``QComboBox.currentData()``
on an item without data, an invalid ``QVariant`` from a model, a null argument of a
virtual call, even Python event filters. Each such call wears down ``None``'s reference
count, and after some tens of thousands (minutes of normal use) the interpreter aborts
with "none_dealloc: deallocating None". Python 3.12 made ``None`` immortal (PEP 683),
which hides the defect; on 3.11 ``make_none_immortal`` does the same by hand. It can go
once the app runs on Python 3.12+ only, or on a PySide6 without the defect.
"""

from __future__ import annotations

import ctypes
import gc
import sys

from PySide6.QtCore import QObject, QTimer

# Far more decrements than a session can make, far from overflowing a 64-bit count.
_HEADROOM = 1 << 40


def make_none_immortal() -> bool:
    """Give ``None`` enough references never to reach zero; True when it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    # ob_refcnt is the first field of every CPython object (non-debug builds).
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM
    return True


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
