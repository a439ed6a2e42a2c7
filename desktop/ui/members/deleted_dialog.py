"""Đảng viên đã xóa: the members deleted from the list, and "Khôi phục" to bring one back.

Deleting is soft (desktop/services/members/registry.py): undo works only in the session,
so after a restart this is the way back for a member deleted by mistake.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.members import registry as member_service
from desktop.text import short_date
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.widgets import form_label

NONE_DELETED = "Chưa có đảng viên nào bị xóa khỏi danh sách."


class DeletedMembersDialog(QDialog):
    """``restored`` holds the ids brought back while the dialog was open."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.restored: list[int] = []
        self.setWindowTitle("Đảng viên đã xóa")
        fit_to_screen(self, QSize(640, 420))
        intro = QLabel(
            "Những đồng chí đã bị xóa khỏi danh sách. Chọn một đồng chí rồi bấm «Khôi phục» "
            "để đưa trở lại danh sách, với đầy đủ quá trình đã ghi."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.empty_label = QLabel(NONE_DELETED)
        self.empty_label.setWordWrap(True)
        self.restore_button = QPushButton("&Khôi phục")
        self.restore_button.clicked.connect(self.restore_selected)
        close_button = QPushButton("Đó&ng")
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(form_label("&Đã xóa", self.list))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for member in member_service.list_deleted_members(self.ctx.db):
            item = QListWidgetItem(
                f"{member.full_name} — xóa ngày {short_date(member.deleted_at.date())}"
            )
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.list.addItem(item)
        empty = self.list.count() == 0
        self.empty_label.setVisible(empty)
        self.restore_button.setEnabled(not empty)
        if not empty:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def restore_selected(self) -> int | None:
        item = self.list.currentItem()
        if item is None:
            return None
        member_id = int(item.data(Qt.ItemDataRole.UserRole))
        try:
            member_service.restore_member(self.ctx.db, member_id)
        except Exception as exc:  # noqa: BLE001 - e.g. the card number is now someone else's
            messages.show_exception(self, exc, "Chưa khôi phục được")
            return None
        self.restored.append(member_id)
        self.ctx.members_changed.emit(member_id)
        self.reload()
        return member_id
