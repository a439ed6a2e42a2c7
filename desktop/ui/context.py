"""What every page of the window shares: the open data folder, the undo stack, "today".

Pages never keep the ``Database`` themselves: after a backup is restored the workspace
is reopened and ``workspace_changed`` tells every page to reload from the new one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.config import Settings
from desktop.services.cell.workspace import Workspace
from desktop.storage.database import Database


class UiContext(QObject):
    workspace_changed = Signal()
    # A member was added, edited, deleted, restored or imported; the id to select, or 0.
    members_changed = Signal(int)
    cell_changed = Signal()
    font_changed = Signal(int)
    # A change that can be undone in one click was just made; the text says which.
    undo_offered = Signal(str)

    def __init__(self, workspace: Workspace, today: date | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self._today = today

    @property
    def db(self) -> Database:
        return self.workspace.db

    @property
    def settings(self) -> Settings:
        return self.workspace.settings

    @property
    def data_dir(self) -> Path:
        return self.workspace.data_dir

    def today(self) -> date:
        """The date statuses are computed for; fixed in tests, the real day otherwise."""
        return self._today or date.today()

    def replace_workspace(self, workspace: Workspace) -> None:
        """Point every page at a reopened data folder; old undo steps no longer apply."""
        self.workspace = workspace
        self.undo_stack.clear()
        self.workspace_changed.emit()
        self.cell_changed.emit()
        self.members_changed.emit(0)
