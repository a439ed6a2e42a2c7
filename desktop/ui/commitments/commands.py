"""Undo (hoàn tác) for deleting a commitment.

The step keeps the whole commitment read just before deleting (items, progress notes, the
chi ủy's evaluation) and the service restores it in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from desktop.services.reviews.commitments import (
    CommitmentDetail,
    delete_commitment,
    get_commitment,
    restore_commitment,
)
from desktop.ui import messages
from desktop.ui.context import UiContext


class DeleteCommitmentCommand(QUndoCommand):
    """``refresh(member_id)`` runs after each redo/undo so the list shows the change."""

    def __init__(
        self,
        ctx: UiContext,
        member_id: int,
        year: int,
        name: str,
        refresh: Callable[[int], None],
    ) -> None:
        super().__init__(f"xóa bản cam kết năm {year} của đồng chí {name}")
        self.ctx = ctx
        self.member_id = member_id
        self.year = year
        self.refresh = refresh
        self.detail: CommitmentDetail | None = None

    def redo(self) -> None:
        self._run(self._delete)

    def undo(self) -> None:
        self._run(self._restore)

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown to the user, data untouched
            messages.show_exception(QApplication.activeWindow(), exc, "Không hoàn tác được")
        try:
            self.refresh(self.member_id)
        except RuntimeError:
            pass  # the page that asked is gone (the window was closed)

    def _delete(self) -> None:
        self.detail = get_commitment(self.ctx.db, self.member_id, self.year)
        delete_commitment(self.ctx.db, self.member_id, self.year)

    def _restore(self) -> None:
        if self.detail is not None:
            restore_commitment(self.ctx.db, self.detail)
