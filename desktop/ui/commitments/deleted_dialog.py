"""Bản cam kết đã xóa: the commitments deleted from the cell's table, with "Khôi phục"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.services.reviews import commitment_bin
from desktop.text import short_date
from desktop.ui.context import UiContext
from desktop.ui.deleted_items import DeletedItemsDialog, DeletedKind


def commitments_kind(ctx: UiContext) -> DeletedKind:
    def load() -> list[tuple[int, str]]:
        return [
            (
                c.id,
                f"Bản cam kết năm {c.year} của đồng chí {c.member_name} ({c.items} nội dung) — "
                f"xóa ngày {short_date(c.deleted_at.date())}",
            )
            for c in commitment_bin.list_deleted_commitments(ctx.db)
        ]

    return DeletedKind(
        title="Bản cam kết đã xóa",
        intro=(
            "Những bản cam kết đã bị xóa. Chọn một bản rồi bấm «Khôi phục» để đưa trở lại, "
            "cùng các nội dung, tiến độ thực hiện và đánh giá của chi ủy. Khi một đồng chí "
            "cần viết lại từ đầu, hãy xóa hẳn bản cũ ở đây."
        ),
        empty="Chưa có bản cam kết nào bị xóa.",
        load=load,
        restore=lambda commitment_id: commitment_bin.restore_deleted_commitment(
            ctx.db, commitment_id
        ),
        purge=lambda commitment_id: commitment_bin.purge_commitment(ctx.db, commitment_id),
    )


def deleted_commitments_dialog(
    ctx: UiContext, changed: Callable[[], None] | None = None, parent: QWidget | None = None
) -> DeletedItemsDialog:
    return DeletedItemsDialog(
        commitments_kind(ctx), changed, parent, key="DeletedCommitmentsDialog"
    )
