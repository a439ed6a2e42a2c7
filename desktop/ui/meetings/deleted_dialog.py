"""Buổi sinh hoạt đã xóa: the meetings deleted from the year, with "Khôi phục"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.services.meetings import plan as service
from desktop.text import short_date
from desktop.ui.context import UiContext
from desktop.ui.deleted_items import DeletedItemsDialog, DeletedKind


def meetings_kind(ctx: UiContext) -> DeletedKind:
    def load() -> list[tuple[int, str]]:
        return [
            (
                m.id,
                f"{m.label} (ngày {short_date(m.day)}, {m.state_label.lower()}) — "
                f"xóa ngày {short_date(m.deleted_at.date())}",
            )
            for m in service.list_deleted_meetings(ctx.db)
        ]

    return DeletedKind(
        title="Buổi sinh hoạt đã xóa",
        intro=(
            "Những buổi sinh hoạt đã bị xóa. Chọn một buổi rồi bấm «Khôi phục» để đưa trở "
            "lại, cùng chương trình, điểm danh và biên bản đã ghi."
        ),
        empty="Chưa có buổi sinh hoạt nào bị xóa.",
        load=load,
        restore=lambda meeting_id: service.restore_meeting(ctx.db, meeting_id),
        purge=lambda meeting_id: service.purge_meeting(ctx.db, meeting_id),
        purge_question=(
            "Xóa hẳn buổi «{text}», cùng chương trình, điểm danh và biên bản nháp? "
            "Sau khi xóa hẳn sẽ không khôi phục được nữa."
        ),
    )


def deleted_meetings_dialog(
    ctx: UiContext, changed: Callable[[], None] | None = None, parent: QWidget | None = None
) -> DeletedItemsDialog:
    return DeletedItemsDialog(meetings_kind(ctx), changed, parent, key="DeletedMeetingsDialog")
