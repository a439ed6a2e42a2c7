"""Undo (hoàn tác) for deleting a commitment.

The service hands back the commitment's items; the step also keeps the chi ủy's
evaluation and the progress notes read just before, so "Hoàn tác" brings the whole
record back, not only its text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from desktop.services.commitments import (
    CommitmentDetail,
    add_progress,
    delete_commitment,
    evaluate_commitment,
    get_commitment,
    save_commitment,
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
        detail = self.detail
        if detail is None:
            return
        data = detail.data()
        for item in data.items:
            item.id = None
        db = self.ctx.db
        save_commitment(db, self.member_id, self.year, data)
        if detail.evaluation:
            evaluate_commitment(
                db,
                self.member_id,
                self.year,
                detail.evaluation,
                detail.evaluation_comment,
                detail.evaluated_on,
            )
        restored = get_commitment(db, self.member_id, self.year)
        # Items come back in the same order, so the n-th keeps the n-th one's notes.
        for old, new in zip(detail.items, restored.items, strict=True):
            for note in old.progress:
                add_progress(db, new.id, note.noted_on, note.text, note.meeting_id)
