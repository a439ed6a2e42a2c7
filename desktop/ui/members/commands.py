"""Undo steps (hoàn tác / làm lại) for changes to members and their events.

Each step was already done by the dialog or the page when it is pushed, so the first
``redo`` does nothing; later redo/undo calls go through the services again. A step that
can no longer be undone (say, the card number was given to someone else meanwhile)
explains why instead of failing silently.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from desktop.services.members import events as event_service
from desktop.services.members import registry as member_service
from desktop.services.members.events import EventData
from desktop.services.members.registry import MemberData
from desktop.ui import messages
from desktop.ui.context import UiContext


class _ServiceCommand(QUndoCommand):
    def __init__(self, ctx: UiContext, text: str, member_id: int, *, done: bool) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.member_id = member_id
        self._skip_redo = done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_change)

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown to the user, data untouched
            messages.show_exception(QApplication.activeWindow(), exc, "Không hoàn tác được")
        self.ctx.members_changed.emit(self.member_id)

    def do(self) -> None:
        raise NotImplementedError

    def undo_change(self) -> None:
        raise NotImplementedError


class AddMemberCommand(_ServiceCommand):
    def __init__(self, ctx: UiContext, member_id: int, name: str, done: bool = True) -> None:
        super().__init__(ctx, f"thêm đồng chí {name}", member_id, done=done)

    def do(self) -> None:
        member_service.restore_member(self.ctx.db, self.member_id)

    def undo_change(self) -> None:
        member_service.delete_member(self.ctx.db, self.member_id)


class EditMemberCommand(_ServiceCommand):
    def __init__(
        self, ctx: UiContext, member_id: int, before: MemberData, after: MemberData
    ) -> None:
        super().__init__(ctx, f"sửa thông tin đồng chí {after.full_name}", member_id, done=True)
        self.before = before
        self.after = after

    def do(self) -> None:
        member_service.update_member(self.ctx.db, self.member_id, self.after, self.ctx.today())

    def undo_change(self) -> None:
        member_service.update_member(self.ctx.db, self.member_id, self.before, self.ctx.today())


class DeleteMemberCommand(_ServiceCommand):
    """Deleting is soft: undo brings the member back with every event."""

    def __init__(self, ctx: UiContext, member_id: int, name: str) -> None:
        super().__init__(ctx, f"xóa đồng chí {name}", member_id, done=False)

    def do(self) -> None:
        member_service.delete_member(self.ctx.db, self.member_id)

    def undo_change(self) -> None:
        member_service.restore_member(self.ctx.db, self.member_id)


class AddEventCommand(_ServiceCommand):
    def __init__(self, ctx: UiContext, member_id: int, event_id: int, data: EventData) -> None:
        super().__init__(ctx, "thêm sự kiện", member_id, done=True)
        self.event_id = event_id
        self.data = data

    def do(self) -> None:
        self.event_id = event_service.add_event(
            self.ctx.db, self.member_id, self.data, self.ctx.today()
        )

    def undo_change(self) -> None:
        event_service.delete_event(self.ctx.db, self.event_id)


class EditEventCommand(_ServiceCommand):
    def __init__(
        self, ctx: UiContext, member_id: int, event_id: int, before: EventData, after: EventData
    ) -> None:
        super().__init__(ctx, "sửa sự kiện", member_id, done=True)
        self.event_id = event_id
        self.before = before
        self.after = after

    def do(self) -> None:
        event_service.update_event(self.ctx.db, self.event_id, self.after, self.ctx.today())

    def undo_change(self) -> None:
        event_service.update_event(self.ctx.db, self.event_id, self.before, self.ctx.today())


class DeleteEventCommand(_ServiceCommand):
    def __init__(self, ctx: UiContext, member_id: int, event_id: int, description: str) -> None:
        super().__init__(ctx, f"xóa sự kiện {description}", member_id, done=False)
        self.event_id = event_id
        self.data: EventData | None = None

    def do(self) -> None:
        self.data = event_service.delete_event(self.ctx.db, self.event_id)

    def undo_change(self) -> None:
        if self.data is not None:
            # Re-adding gives the event a new id; a later redo deletes that one.
            self.event_id = event_service.add_event(
                self.ctx.db, self.member_id, self.data, self.ctx.today()
            )
