"""The small dialogs of the topics page: the campaign's name (tên cuộc vận động),
marking members as having studied a topic (đánh dấu đã học tập), taking the study from
a meeting's attendance, and adding a topic from the shipped catalogue (danh mục)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meetings import plan as meeting_service
from desktop.services.cell.settings import campaign_name, set_campaign_name
from desktop.errors import DomainError
from desktop.services.topics.study_round import WAY_LABELS, StudyWay, mark_studied
from desktop.services.topics.data import TopicInfo, period_label
from desktop.services.topics.files import TopicFileError, catalogue_files
from desktop.services.topics.catalogue import list_topics, load_topic_file
from desktop.text import short_date
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import read_date
from desktop.ui.widgets import date_edit, error_label, form_label


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, object]:
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
    ok.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def _show_problem(dialog: QWidget, label: QLabel, exc: Exception, title: str) -> None:
    """A domain message goes on the dialog's red line; anything else in a message box."""
    if isinstance(exc, DomainError):
        label.setText(str(exc))
        label.show()
    else:
        messages.show_exception(dialog, exc, title)


class CampaignNameDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Tên cuộc vận động")
        fit_to_screen(self, QSize(720, 0))
        self.name = QLineEdit(campaign_name(ctx.db))
        self.error = error_label()
        buttons, self.save_button = _buttons(self, "&Lưu")
        layout = QVBoxLayout(self)
        label = "&Tên cuộc vận động (in trên chương trình, biên bản):"
        layout.addWidget(form_label(label, self.name))
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            set_campaign_name(self.ctx.db, self.name.text())
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            _show_problem(self, self.error, exc, "Chưa lưu được tên cuộc vận động")
            return
        super().accept()


class MarkStudiedDialog(QDialog):
    """Record that the chosen members studied ``topic``; ``recorded`` says how many."""

    def __init__(
        self,
        ctx: UiContext,
        topic: TopicInfo,
        members: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.topic = topic
        self.member_ids = [member_id for member_id, _name in members]
        self.recorded = 0
        self.setWindowTitle("Đánh dấu đã học tập")
        fit_to_screen(self, QSize(640, 0))
        names = ", ".join(name for _id, name in members)
        who = QLabel(f"<b>{len(members)} đồng chí:</b> {names}")
        who.setWordWrap(True)
        who.setTextFormat(Qt.TextFormat.RichText)
        self.day = date_edit()
        self.day.setText(short_date(ctx.today()))
        self.way = QComboBox()
        for way, label in WAY_LABELS.items():
            self.way.addItem(label, way.value)
        self.way.setCurrentIndex(self.way.findData(StudyWay.CELL.value))
        self.note = QLineEdit()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(form_label("&Ngày học tập", self.day), self.day)
        form.addRow(form_label("&Hình thức", self.way), self.way)
        form.addRow(form_label("Ghi &chú", self.note), self.note)
        buttons, self.save_button = _buttons(self, "&Ghi nhận")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Chuyên đề: {topic.display_title}"))
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        day, problem = read_date(self.day, "Ngày học tập")
        if not problem and day is None:
            problem = "Hãy ghi ngày học tập (ví dụ 05/3/2026)."
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        try:
            self.recorded = mark_studied(
                self.ctx.db,
                self.topic.id,
                self.member_ids,
                day,
                self.way.currentData(),
                note=self.note.text(),
            )
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            _show_problem(self, self.error, exc, "Chưa ghi nhận được")
            return
        super().accept()


def held_meetings(ctx: UiContext, topic: TopicInfo) -> list[meeting_service.MeetingSummary]:
    """The meetings already held in the topic's years, the latest first."""
    found = []
    for year in range(topic.start_year, topic.last_year + 1):
        found += [m for m in meeting_service.list_meetings(ctx.db, year) if m.held_on]
    found.sort(key=lambda m: m.held_on or date.min, reverse=True)
    return found


class MeetingPickDialog(QDialog):
    """Pick a held meeting; ``meeting_id`` is the chosen one after acceptance."""

    def __init__(self, ctx: UiContext, topic: TopicInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting_id: int | None = None
        self.setWindowTitle("Lấy theo điểm danh buổi sinh hoạt")
        fit_to_screen(self, QSize(860, 440))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for summary in held_meetings(ctx, topic):
            item = QListWidgetItem(f"Ngày {short_date(summary.held_on)}: {summary.title}")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.error = error_label()
        explain = QLabel(
            "Các đồng chí có mặt ở buổi sinh hoạt được chọn mà chưa học tập chuyên đề sẽ "
            "được ghi nhận là đã học tập vào ngày họp."
        )
        explain.setWordWrap(True)
        buttons, self.ok_button = _buttons(self, "&Ghi nhận")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(form_label("&Buổi sinh hoạt đã họp:", self.list))
        layout.addWidget(self.list, 1)
        if self.list.count() == 0:
            self.error.setText("Chưa có buổi sinh hoạt nào đã họp trong thời gian của chuyên đề.")
            self.error.show()
            self.ok_button.setEnabled(False)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.meeting_id = int(item.data(Qt.ItemDataRole.UserRole))
        super().accept()


class CatalogueDialog(QDialog):
    """The shipped topic files, one a line; ``chosen`` is the picked file's path."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: Path | None = None
        self.setWindowTitle("Thêm chuyên đề từ danh mục có sẵn")
        fit_to_screen(self, QSize(860, 440))
        present = {t.seed_key for t in list_topics(ctx.db) if t.seed_key}
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        for path in catalogue_files():
            try:
                data = load_topic_file(path)
            except TopicFileError:
                continue  # a broken shipped file must not hide the others
            text = f"{data.short_title or data.title}\n{period_label(data)}"
            if data.issuer:
                text += f" — {data.issuer}"
            if data.seed_key in present:
                text += " (đã có)"
            item = QListWidgetItem(text)
            item.setToolTip(data.title)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        explain = QLabel("Chọn chuyên đề của tỉnh, xã mình (chỉ thêm chuyên đề mà chi bộ học tập).")
        explain.setWordWrap(True)
        buttons, self.ok_button = _buttons(self, "&Thêm")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def select_file(self, name: str) -> None:
        for row in range(self.list.count()):
            if Path(self.list.item(row).data(Qt.ItemDataRole.UserRole)).name == name:
                self.list.setCurrentRow(row)
                return
        raise LookupError(name)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
