"""Đảng viên đã xóa: the members deleted from the list, and "Khôi phục" to bring one back.

Deleting is soft (desktop/services/members/registry.py): undo works only in the session,
so after a restart this is the way back for a member deleted by mistake. The dialog is
the shared one (desktop/ui/deleted_items.py) without "Xóa hẳn": a member's record and
history are the cell's archive and are never removed for good from here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.members import registry as member_service
from desktop.text import short_date
from desktop.ui.context import UiContext
from desktop.ui.deleted_items import DeletedItemsDialog, DeletedKind

NONE_DELETED = "Chưa có đảng viên nào bị xóa khỏi danh sách."


def members_kind(ctx: UiContext) -> DeletedKind:
    def load() -> list[tuple[int, str]]:
        return [
            (m.id, f"{m.full_name} — xóa ngày {short_date(m.deleted_at.date())}")
            for m in member_service.list_deleted_members(ctx.db)
        ]

    def restore(member_id: int) -> None:
        member_service.restore_member(ctx.db, member_id)
        ctx.members_changed.emit(member_id)

    return DeletedKind(
        title="Đảng viên đã xóa",
        intro=(
            "Những đồng chí đã bị xóa khỏi danh sách. Chọn một đồng chí rồi bấm «Khôi phục» "
            "để đưa trở lại danh sách, với đầy đủ quá trình đã ghi."
        ),
        empty=NONE_DELETED,
        load=load,
        restore=restore,
    )


class DeletedMembersDialog(DeletedItemsDialog):
    """``restored`` holds the ids brought back while the dialog was open."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(members_kind(ctx), None, parent, key="DeletedMembersDialog")
