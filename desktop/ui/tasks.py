"""Long work off the GUI thread (việc chạy nền): import, export, PDF, demo data.

``run_task`` runs a plain function on Qt's thread pool while a busy dialog says what is
happening. The function never touches a widget; its result or its exception comes back
to the GUI thread through queued signals, where ``on_done`` runs or the error is shown
in Vietnamese. (Anki's ``CollectionOp`` works the same way.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui import messages

Progress = Callable[[int, int], None]
"""``progress(done, total)``: callable from the worker to move the progress bar."""

# Tasks alive right now; keeps them from being garbage-collected mid-flight and lets
# the main window refuse to close while data is being written.
_running: set[Task] = set()
# Finished tasks are let go one event-loop turn later, never inside their own slot.
_retired: set[Task] = set()


def running_tasks() -> int:
    """Background work the user started and is waiting for (import, export, printing)."""
    return sum(1 for task in _running if task.busy)


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Let every background job finish (before the data folder is closed)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn(self._signals.progressed.emit)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the user
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


class Task(QObject):
    """One piece of background work; lives in the GUI thread, so its slots run there."""

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        error_title: str,
        busy: bool = True,
    ) -> None:
        super().__init__(None)
        self.busy = busy
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        self._error_title = error_title
        self.done = False
        self._signals = _Signals()
        # Queued: the signals are emitted in the worker, the slots must run here.
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.finished.connect(self._finished, queued)
        self._signals.failed.connect(self._failed, queued)
        self._signals.progressed.connect(self._progressed, queued)
        self._label = label
        self._dialog: QProgressDialog | None = None
        self._progress = (0, 0)
        self._fn = fn

    def start(self) -> None:
        _running.add(self)
        # Shown only if the work takes a moment, so quick jobs do not flash a window.
        QTimer.singleShot(300, self._show_dialog)
        # The pool owns and deletes the runnable once run() has returned.
        QThreadPool.globalInstance().start(_Runnable(self._fn, self._signals))

    def _show_dialog(self) -> None:
        if self.done or not self.busy:
            return
        self._dialog = _busy_dialog(self._parent, self._label)
        self._progressed(*self._progress)
        self._dialog.show()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self._progress = (done, total)
        if total > 0 and self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._close()
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._close()
        if self._on_error is not None:
            self._on_error(exc)
        else:
            messages.show_exception(self._parent, exc, self._error_title)

    def _close(self) -> None:
        self.done = True
        if self._dialog is not None:
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        _running.discard(self)
        _retired.add(self)
        QTimer.singleShot(0, lambda: _retired.discard(self))


def _busy_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle("Xin chờ")
    dialog.setCancelButton(None)  # work that writes data must not stop half-way
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    return dialog


def run_task(
    parent: QWidget | None,
    label: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
    error_title: str = "",
    busy: bool = True,
) -> Task:
    """Run ``fn(progress)`` in the background; ``on_done(result)`` runs in the GUI thread.

    Without ``on_error`` a failure is shown as a Vietnamese message box. ``busy=False``
    shows no waiting window (for work the user did not ask for, like reminders).
    """
    task = Task(parent, label, fn, on_done, on_error, error_title, busy)
    task.start()
    return task
