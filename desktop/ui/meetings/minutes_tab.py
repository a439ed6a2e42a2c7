"""The "Biên bản" tab: who chaired and wrote, when, what each agenda item said, the
discussion, the resolution and its vote, the tasks — with the time and vote checks live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.meeting_rules import meeting_rules
from desktop.services.meetings.plan import ItemMinutes, MeetingDetail, MinutesData
from desktop.ui.meetings.common import (
    combo_member,
    member_combo,
    read_date,
    read_time,
    set_combo_member,
    show_date,
    show_time,
    time_edit,
)
from desktop.ui.meetings.minutes_tables import RemarksTable, ReviewTable, TasksTable
from desktop.ui.widgets import (
    WARNING_COLOUR,
    coloured_label,
    date_edit,
    form_label,
    readable_when_disabled,
)


def text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 12
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 2)
    return box


def vote_box() -> QSpinBox:
    """Empty (—) until a number is typed: no vote recorded is not a vote of zero."""
    box = QSpinBox()
    box.setRange(-1, 9999)
    box.setSpecialValueText("—")
    box.setValue(-1)
    return box


def vote_value(box: QSpinBox) -> int | None:
    return None if box.value() < 0 else box.value()


class ItemEditor(QGroupBox):
    """One agenda item: presenter, content, conclusion."""

    def __init__(self, number: int, item, people, parent: QWidget | None = None) -> None:
        # A group box title never wraps: a long study-section title would widen the whole
        # tab past the window, so the heading is a wrapping label instead.
        super().__init__(parent)
        heading = QLabel(f"<b>{escape(f'{number}. {item.title}')}</b>")
        heading.setWordWrap(True)
        self.item_id = item.id
        self.presenter = member_combo(people, free_text=True)
        self.content = text_box(3)
        self.conclusion = text_box(2)
        set_combo_member(self.presenter, item.presenter_id, item.presenter_name)
        self.content.setPlainText(item.content)
        self.conclusion.setPlainText(item.conclusion)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(form_label("Người trình bày", self.presenter), self.presenter)
        form.addRow(form_label("Nội dung", self.content), self.content)
        form.addRow(form_label("Kết luận", self.conclusion), self.conclusion)

    def minutes(self) -> ItemMinutes:
        presenter_id, name = combo_member(self.presenter)
        return ItemMinutes(
            self.item_id,
            presenter_id,
            name,
            self.content.toPlainText(),
            self.conclusion.toPlainText(),
        )


class MinutesTab(QScrollArea):
    changed = Signal()

    def __init__(
        self, present_official: Callable[[], tuple[int, int]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.present_official = present_official  # (present, official present), live
        self.rules = meeting_rules()
        self.combined = False
        self.kind = "thuong_ky"
        self.item_editors: list[ItemEditor] = []
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.setWidget(self.body)
        self.layout_ = QVBoxLayout(self.body)

    def build(self, detail: MeetingDetail, people: list[tuple[int, str]]) -> None:
        """(Re)build the editors for ``detail``'s agenda and fill them."""
        self.kind, self.combined = detail.kind, detail.combined_with_thematic
        body = QWidget()
        layout = QVBoxLayout(body)
        self.chair = member_combo(people)
        self.secretary = member_combo(people)
        self.held_on = date_edit()
        self.start = time_edit()
        self.end = time_edit()
        self.place = QLineEdit()
        self.duration_label = QLabel()
        self.duration_label.setWordWrap(True)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(form_label("đến", self.end))
        times.addWidget(self.end)
        times.addWidget(self.duration_label, 1)
        form = QFormLayout()
        form.addRow(form_label("Chủ &trì", self.chair), self.chair)
        form.addRow(form_label("Thư &ký", self.secretary), self.secretary)
        form.addRow(form_label("Ngày sinh hoạt", self.held_on), self.held_on)
        form.addRow(form_label("Thời gian, từ", self.start), times)
        form.addRow(form_label("Địa điểm", self.place), self.place)
        layout.addLayout(form)

        self.item_editors = []
        for number, item in enumerate(detail.agenda, start=1):
            editor = ItemEditor(number, item, people)
            self.item_editors.append(editor)
            layout.addWidget(editor)

        self.remarks = RemarksTable(people)
        self.remarks.show_remarks(detail.remarks, [(i.id, i.title) for i in detail.agenda])
        layout.addWidget(self.remarks)
        self.resolution = text_box(4)
        self.resolution.setPlainText(detail.resolution)
        layout.addWidget(QLabel("<b>Nghị quyết</b>"))
        layout.addWidget(self.resolution)
        self.votes_for, self.votes_against, self.votes_other = vote_box(), vote_box(), vote_box()
        votes = QHBoxLayout()
        for label, box in (
            ("Tán thành", self.votes_for),
            ("Không tán thành", self.votes_against),
            ("Ý kiến khác", self.votes_other),
        ):
            votes.addWidget(form_label(label, box))
            votes.addWidget(box)
        votes.addStretch(1)
        layout.addWidget(QLabel("<b>Biểu quyết</b>"))
        layout.addLayout(votes)
        self.vote_label = coloured_label(WARNING_COLOUR)
        layout.addWidget(self.vote_label)
        self.tasks = TasksTable(people)
        self.tasks.show_tasks(detail.tasks)
        layout.addWidget(self.tasks)
        self.review = ReviewTable()
        self.review.show_tasks(detail.open_tasks, detail.id)
        layout.addWidget(self.review)
        layout.addStretch(1)

        set_combo_member(self.chair, detail.chair_id)
        set_combo_member(self.secretary, detail.secretary_id)
        show_date(self.held_on, detail.held_on or detail.planned_on)
        show_time(self.start, detail.start_time)
        show_time(self.end, detail.end_time)
        self.place.setText(detail.place)
        for box, value in (
            (self.votes_for, detail.votes_for),
            (self.votes_against, detail.votes_against),
            (self.votes_other, detail.votes_other),
        ):
            box.setValue(-1 if value is None else value)

        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.body = body
        self.setWidget(body)
        self._connect()
        self.update_duration()
        self.update_votes()

    def _connect(self) -> None:
        def emit(*_args) -> None:
            self.changed.emit()

        for combo in (self.chair, self.secretary):
            combo.currentIndexChanged.connect(emit)
        for edit in (self.held_on, self.place):
            edit.textChanged.connect(emit)
        for edit in (self.start, self.end):
            edit.timeChanged.connect(emit)
            edit.timeChanged.connect(self.update_duration)
        boxes = [self.resolution]
        for editor in self.item_editors:
            boxes += [editor.content, editor.conclusion]
            editor.presenter.currentTextChanged.connect(emit)
        for box in boxes:
            box.textChanged.connect(emit)
        for box in (self.votes_for, self.votes_against, self.votes_other):
            box.valueChanged.connect(emit)
            box.valueChanged.connect(self.update_votes)
        for table in (self.remarks, self.tasks, self.review):
            table.changed.connect(emit)

    # --- live checks ---------------------------------------------------------------

    def duration_minutes(self) -> int | None:
        start, end = read_time(self.start), read_time(self.end)
        if start is None or end is None:
            return None
        day = datetime(2000, 1, 1)
        return int(
            (
                day.replace(hour=end.hour, minute=end.minute)
                - day.replace(hour=start.hour, minute=start.minute)
            ).total_seconds()
            // 60
        )

    def update_duration(self) -> None:
        minutes = self.duration_minutes()
        colour = self.palette().color(QPalette.ColorRole.WindowText).name()
        if minutes is None:
            text = ""
        elif minutes < 0:
            text, colour = "Giờ kết thúc sớm hơn giờ bắt đầu.", WARNING_COLOUR
        else:
            text = f"Kéo dài {minutes} phút."
            combined = self.kind == "thuong_ky" and self.combined
            needed = self.rules.min_minutes_combined if combined else self.rules.min_minutes
            if self.kind in ("thuong_ky", "chuyen_de") and minutes < needed:
                key = "min_minutes_combined" if combined else "min_minutes"
                text += f" Ít hơn {needed} phút theo {self.rules.source(key).cite}."
                colour = WARNING_COLOUR
        self.duration_label.setText(text)
        palette = self.duration_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.duration_label.setPalette(palette)

    def update_votes(self) -> None:
        votes = [vote_value(b) for b in (self.votes_for, self.votes_against, self.votes_other)]
        present, official = self.present_official()
        if all(v is None for v in votes):
            self.vote_label.setText("")
            return
        total = sum(v or 0 for v in votes)
        if total > present:
            text = f"Tổng số phiếu {total} nhiều hơn số đảng viên có mặt {present}."
        elif total != official:
            text = f"Tổng số phiếu {total} khác số đảng viên chính thức có mặt {official}."
        else:
            text = ""
        self.vote_label.setText(text)

    # --- reading -------------------------------------------------------------------

    def minutes_data(self) -> tuple[MinutesData, list[str]]:
        errors = []
        held_on, problem = read_date(self.held_on, "Ngày sinh hoạt")
        if problem:
            errors.append(problem)
        tasks, task_errors = self.tasks.tasks()
        chair, _ = combo_member(self.chair)
        secretary, _ = combo_member(self.secretary)
        data = MinutesData(
            chair_id=chair,
            secretary_id=secretary,
            held_on=held_on,
            start_time=read_time(self.start),
            end_time=read_time(self.end),
            place=self.place.text(),
            items=[e.minutes() for e in self.item_editors],
            remarks=self.remarks.remarks(),
            resolution=self.resolution.toPlainText(),
            votes_for=vote_value(self.votes_for),
            votes_against=vote_value(self.votes_against),
            votes_other=vote_value(self.votes_other),
            tasks=tasks,
        )
        return data, errors + task_errors

    def set_read_only(self, read_only: bool) -> None:
        widgets = [self.chair, self.secretary, self.start, self.end, self.votes_for]
        widgets += [self.votes_against, self.votes_other]
        for widget in widgets:
            widget.setEnabled(not read_only)
            readable_when_disabled(widget)
        for edit in (self.held_on, self.place):
            edit.setReadOnly(read_only)
        boxes = [self.resolution]
        for editor in self.item_editors:
            boxes += [editor.content, editor.conclusion]
            editor.presenter.setEnabled(not read_only)
            readable_when_disabled(editor.presenter)
        for box in boxes:
            box.setReadOnly(read_only)
        for table in (self.remarks, self.tasks, self.review):
            table.set_read_only(read_only)
            readable_when_disabled(table.table)
