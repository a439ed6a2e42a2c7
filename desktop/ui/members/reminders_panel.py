"""The "Nhắc việc" panel: probation ending, party-age badges due (docs/domain.md §2)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.services.members.reminders import Reminder

# The panel asks for room to show this many reminders whole; more scroll.
SHOWN_WHOLE = 5

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
        self._fit_rows()

    def _fit_rows(self) -> None:
        """As tall as the first SHOWN_WHOLE reminders need, wrapped at the list's width
        (not half a line of the third), but never more than a quarter of the window: the
        table is the page's work (at half, a 1366×768 screen showed 3 members), the rest
        of the reminders scroll, and the home page lists them all."""
        rows = min(self.list.count(), SHOWN_WHOLE)
        width = max(self.list.viewport().width() - 8, 200)
        metrics = QFontMetrics(self.list.font())
        height = 0
        for row in range(rows):
            text = self.list.item(row).text()
            box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
            height += max(box.height() + 4, self.list.sizeHintForRow(row))
        frame = 2 * self.list.frameWidth() + 4
        limit = self.window().height() // 4 if self.window() is not self else height + frame
        self.list.setMinimumHeight(min(height + frame, max(limit, 0)) if rows else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_rows()

    def count(self) -> int:
        return self.list.count()

    def _open(self, item: QListWidgetItem) -> None:
        self.member_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
