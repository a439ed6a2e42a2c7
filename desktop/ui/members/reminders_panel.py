"""The "Nhắc việc" panel: probation ending, party-age badges due (docs/domain.md §2)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.services.members.reminders import Reminder

_KIND_LABELS = {"probation": "Chuyển chính thức", "badge": "Huy hiệu Đảng"}


class RemindersPanel(QGroupBox):
    """Lists reminders; ``member_chosen(id)`` when one is opened (double-click or Enter)."""

    member_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Nhắc việc", parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._open)
        self.empty = QLabel("Không có việc cần nhắc.")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)

    def set_reminders(self, reminders: list[Reminder]) -> None:
        self.list.clear()
        for reminder in reminders:
            kind = _KIND_LABELS.get(reminder.kind, "")
            text = f"{reminder.full_name}: {reminder.message}"
            item = QListWidgetItem(f"[{kind}] {text}" if kind else text)
            item.setData(Qt.ItemDataRole.UserRole, reminder.member_id)
            item.setToolTip("Bấm đúp (hoặc Enter) để mở phiếu đảng viên.")
            self.list.addItem(item)
        self.list.setVisible(bool(reminders))
        self.empty.setVisible(not reminders)
        self.setTitle(f"Nhắc việc ({len(reminders)})" if reminders else "Nhắc việc")

    def count(self) -> int:
        return self.list.count()

    def _open(self, item: QListWidgetItem) -> None:
        self.member_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
