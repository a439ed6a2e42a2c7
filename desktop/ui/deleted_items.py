""""Đã xóa": the items of one kind deleted in this app, with "Khôi phục" and "Xóa hẳn…".

One dialog for members, meetings, topics and commitments (each part's deleted_dialog.py
says what its list shows and does). Deleting is soft in the services: undo works
only in the session, so after a restart this is the way back for something deleted by
mistake. The list refreshes after each restore; "Xóa hẳn" asks first, "Không xóa" being
the default answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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

from desktop.ui import messages
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.widgets import form_label


@dataclass(frozen=True)
class DeletedKind:
    """What the dialog shows and does, for one kind of item."""

    title: str  # the window title: "Buổi sinh hoạt đã xóa"
    intro: str
    empty: str  # shown when nothing is deleted
    load: Callable[[], list[tuple[int, str]]]  # (id, one line: what, when deleted)
    restore: Callable[[int], None]
    purge: Callable[[int], None] | None = None
    purge_question: str = "Xóa hẳn «{text}»? Sau khi xóa hẳn sẽ không khôi phục được nữa."


class DeletedItemsDialog(QDialog):
    """``restored`` holds the ids brought back while the dialog was open; ``changed``
    runs after each restore or removal, so the page behind shows it at once."""

    def __init__(
        self,
        kind: DeletedKind,
        changed: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.changed = changed
        self.restored: list[int] = []
        self.setWindowTitle(kind.title)
        fit_to_screen(self, QSize(760, 520), key=key)
        intro = QLabel(kind.intro)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.empty_label = QLabel(kind.empty)
        self.empty_label.setWordWrap(True)
        self.restore_button = QPushButton("&Khôi phục")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton("Xóa &hẳn…")
        self.purge_button.clicked.connect(self.purge_selected)
        self.purge_button.setVisible(kind.purge is not None)
        close_button = QPushButton("Đó&ng")
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(form_label("&Danh sách đã xóa", self.list))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        row = max(self.list.currentRow(), 0)
        self.list.clear()
        for item_id, text in self.kind.load():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            self.list.addItem(item)
        empty = self.list.count() == 0
        self.empty_label.setVisible(empty)
        self.restore_button.setEnabled(not empty)
        self.purge_button.setEnabled(not empty)
        if not empty:
            self.list.setCurrentRow(min(row, self.list.count() - 1))
            self.list.setFocus()

    def _current(self) -> tuple[int, str] | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return int(item.data(Qt.ItemDataRole.UserRole)), item.text()

    def restore_selected(self) -> int | None:
        current = self._current()
        if current is None:
            return None
        item_id = current[0]
        try:
            self.kind.restore(item_id)
        except Exception as exc:  # noqa: BLE001 - e.g. the month now has another meeting
            messages.show_exception(self, exc, "Chưa khôi phục được")
            return None
        self.restored.append(item_id)
        self._changed()
        return item_id

    def purge_selected(self) -> int | None:
        current = self._current()
        if current is None or self.kind.purge is None:
            return None
        item_id, text = current
        question = self.kind.purge_question.format(text=text)
        if not messages.ask(self, "Xóa hẳn", question, "Xóa hẳn", "Không xóa", danger=True):
            return None
        try:
            self.kind.purge(item_id)
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa xóa hẳn được")
            return None
        self._changed()
        return item_id

    def _changed(self) -> None:
        self.reload()
        if self.changed is not None:
            self.changed()
