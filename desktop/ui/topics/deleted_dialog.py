"""Chuyên đề đã xóa: the topics deleted from the catalogue, with "Khôi phục"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.services.topics import catalogue
from desktop.text import short_date
from desktop.ui.context import UiContext
from desktop.ui.deleted_items import DeletedItemsDialog, DeletedKind


def topics_kind(ctx: UiContext) -> DeletedKind:
    def load() -> list[tuple[int, str]]:
        return [
            (t.id, f"{t.title} ({t.period}) — xóa ngày {short_date(t.deleted_at.date())}")
            for t in catalogue.list_deleted_topics(ctx.db)
        ]

    return DeletedKind(
        title="Chuyên đề đã xóa",
        intro=(
            "Những chuyên đề đã bị xóa khỏi danh mục. Chọn một chuyên đề rồi bấm «Khôi phục» "
            "để đưa trở lại, cùng văn bản triển khai và các nội dung."
        ),
        empty="Chưa có chuyên đề nào bị xóa.",
        load=load,
        restore=lambda topic_id: catalogue.restore_topic(ctx.db, topic_id),
        purge=lambda topic_id: catalogue.purge_topic(ctx.db, topic_id),
    )


def deleted_topics_dialog(
    ctx: UiContext, changed: Callable[[], None] | None = None, parent: QWidget | None = None
) -> DeletedItemsDialog:
    return DeletedItemsDialog(topics_kind(ctx), changed, parent, key="DeletedTopicsDialog")
