"""The main window's helpers: the undo banner of the status bar, restoring a backup, and
saving the open editing windows before the app closes, the cell's title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.services.cell.workspace import Workspace, restore_backup
from desktop.text import fold
from desktop.ui import messages, tasks
from desktop.ui.context import UiContext

UNDO_BANNER_SECONDS = 10


class UndoBanner(QWidget):
    """ "Đã xóa … [Hoàn tác]" in the status bar for a few seconds, in place of ``replaces``."""

    def __init__(self, ctx: UiContext, replaces: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.replaces = replaces
        self.label = QLabel()
        self.button = QPushButton("&Hoàn tác")
        self.button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.withdraw)
        self.hide()

    def offer(self, text: str) -> None:
        self.label.setText(text)
        self.replaces.hide()
        self.show()
        self.timer.start(UNDO_BANNER_SECONDS * 1000)

    def withdraw(self) -> None:
        self.timer.stop()
        self.hide()
        self.replaces.show()

    def _undo(self) -> None:
        self.withdraw()
        if self.ctx.undo_stack.canUndo():
            self.ctx.undo_stack.undo()


def restore_from_backup(self, backup_file: Path) -> bool:
    """Close the data, restore ``backup_file`` (backing up the current data), reopen."""
    if tasks.running_tasks():
        messages.warn(
            self, "Chưa khôi phục", "Đang có việc chạy nền; hãy đợi xong rồi thử lại."
        )
        return False
    tasks.wait_for_all()
    workspace = self.ctx.workspace
    data_dir, keep = workspace.data_dir, workspace.settings.backups_to_keep
    # Reopen the way it was opened (tests open without the lock). Workspace has no
    # public flag for this yet.
    locked = getattr(workspace, "_lock", None) is not None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    error: BaseException | None = None
    try:
        workspace.close()
        try:
            restore_backup(data_dir, backup_file, keep)
        except Exception as exc:  # noqa: BLE001 - reopen the untouched data, then tell
            error = exc
        reopened = Workspace(data_dir, lock=locked)
    except Exception as exc:  # noqa: BLE001 - the data folder cannot be reopened
        QApplication.restoreOverrideCursor()
        messages.show_exception(self, exc, "Không mở lại được dữ liệu")
        self.owns_workspace = False
        self.close()
        return False
    QApplication.restoreOverrideCursor()
    self.ctx.replace_workspace(reopened)
    if error is not None:
        messages.show_exception(self, error, "Chưa khôi phục được")
        return False
    messages.info(
        self,
        "Đã khôi phục",
        "Đã khôi phục dữ liệu từ bản sao lưu. Dữ liệu trước khi khôi phục đã được sao lưu "
        "lại (lý do «Trước khi khôi phục bản cũ»).",
    )
    return True


def save_before_closing(dialog: QWidget) -> bool:
    """Save an editing window's changes; False when they could not be saved (the window
    stays open showing why)."""
    save = getattr(dialog, "save", None)
    if callable(save):
        return bool(save())
    dialog.accept()  # member form, plan: they close only when saved
    return not dialog.isVisible()


def organisation_title(name: str) -> str:
    """ "Chi bộ Ấp Tân Phú"; a đảng ủy's copy (consolidating its cells) keeps its own title."""
    if fold(name).startswith(("dang uy", "dang bo", "chi bo")):
        return name.strip()
    return f"Chi bộ {name.strip()}"
