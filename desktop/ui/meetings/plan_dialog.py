"""Lập kế hoạch buổi sinh hoạt: kind, month, day, time, place, study section, theme, agenda.

Opened pre-filled for the next month without a regular meeting, so planning the usual
monthly meeting is one click on "Lưu".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meetings import plan as service
from desktop.services.meetings.agenda import THEME, agenda_template, default_templates
from desktop.services.members.registry import list_members
from desktop.services.topics.catalogue import current_topic, get_topic
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings import meeting_print
from desktop.ui.meetings.agenda_list import AgendaLine, AgendaList
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
from desktop.ui.style import heading
from desktop.ui.widgets import date_edit, error_label, form_label

KINDS = (("Thường kỳ", "thuong_ky"), ("Chuyên đề", "chuyen_de"), ("Bất thường", "bat_thuong"))
NO_SECTION = "(không)"
COMBINED_TEXT = "Sinh hoạt thường kỳ kết hợp chuyên đề (ít nhất 120 phút)"
DEFAULT_START = time(8, 0)
# What "Lưu và in" prints: the agenda (chương trình) or the notice (thông báo).
AGENDA, NOTICE = "agenda", "notice"


@dataclass(frozen=True)
class PlanDefaults:
    year: int
    month: int
    planned_on: date | None
    start_time: time
    place: str


def next_plan_defaults(ctx: UiContext) -> PlanDefaults:
    """The first month from this one without a regular meeting; time and place as last time."""
    today = ctx.today()
    year, month = today.year, today.month
    meetings = service.list_meetings(ctx.db, year - 1) + service.list_meetings(ctx.db, year)
    meetings += service.list_meetings(ctx.db, year + 1)
    regular = {(m.year, m.month) for m in meetings if m.kind == "thuong_ky"}
    while (year, month) in regular:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    last = meetings[-1] if meetings else None
    day = (last.held_on or last.planned_on) if last else None
    planned_on = date(year, month, min(day.day, 28)) if day else None
    start = last.start_time if last and last.start_time else DEFAULT_START
    return PlanDefaults(year, month, planned_on, start, last.place if last else "")


class PlanDialog(QDialog):
    """``meeting_id`` None plans a new meeting; after acceptance ``saved_id`` is set."""

    def __init__(
        self,
        ctx: UiContext,
        meeting_id: int | None = None,
        defaults: PlanDefaults | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.saved_id: int | None = None
        # The paper being prepared after "Lưu và in…" (tests wait for it).
        self.print_task = None
        detail = service.get_meeting(ctx.db, meeting_id) if meeting_id else None
        title = f"Kế hoạch — {detail.title}" if detail else "Lập kế hoạch buổi sinh hoạt"
        self.setWindowTitle(title)
        fit_to_screen(self, QSize(820, 720))

        self.kind = QComboBox()
        for label, value in KINDS:
            self.kind.addItem(label, value)
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.day = date_edit()
        self.start = time_edit(optional=False)
        self.place = QLineEdit()
        self.section = QComboBox()
        # Section titles are long: the combo must not widen the dialog past the screen.
        self.section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.section.setMinimumContentsLength(30)
        self.theme = QLineEdit()
        people = [(m.id, m.full_name) for m in list_members(ctx.db, ctx.today(), False)]
        self.presenter = member_combo(people)
        self.combined = QCheckBox(COMBINED_TEXT)
        self.agenda = AgendaList()
        self.error = error_label()

        period = QHBoxLayout()
        period.addWidget(self.month)
        period.addWidget(form_label("&Năm", self.year))
        period.addWidget(self.year)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(form_label("Loạ&i buổi sinh hoạt", self.kind), self.kind)
        form.addRow(form_label("&Tháng", self.month), period)
        form.addRow(form_label("Ngà&y dự kiến", self.day), self.day)
        form.addRow(form_label("&Giờ bắt đầu", self.start), self.start)
        form.addRow(form_label("Đị&a điểm", self.place), self.place)
        form.addRow(form_label("Nội dung &học tập chuyên đề", self.section), self.section)
        form.addRow(form_label("T&ên chuyên đề", self.theme), self.theme)
        form.addRow(form_label("Người &chuẩn bị chuyên đề", self.presenter), self.presenter)
        form.addRow("", self.combined)
        form.addRow(form_label("Chương t&rình", self.agenda.list), self.agenda)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        # Save and print in one step: the agenda or notice preview opens on the saved plan.
        self.save_agenda_button = buttons.addButton(
            "Lưu &và in chương trình", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_notice_button = buttons.addButton(
            "Lưu và in thông bá&o", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_agenda_button.clicked.connect(lambda: self.save_and_print(AGENDA))
        self.save_notice_button.clicked.connect(lambda: self.save_and_print(NOTICE))
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        if detail is not None:
            self._show_meeting(detail)
        else:
            defaults = defaults or next_plan_defaults(ctx)
            self.month.setValue(defaults.month)
            self.year.setValue(defaults.year)
            show_date(self.day, defaults.planned_on)
            show_time(self.start, defaults.start_time)
            self.place.setText(defaults.place)
            self._fill_sections(None, suggest=True)
            self._template_agenda()
            self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.currentIndexChanged.connect(self._update_enabled)
        self.combined.toggled.connect(self._update_enabled)
        self._update_enabled()
        self.save_button.setFocus()
        self._clean = self._state()

    # --- showing -------------------------------------------------------------------

    def _plan_date(self) -> date:
        day, _error = read_date(self.day, "")
        return day or date(self.year.value(), self.month.value(), 1)

    def _fill_sections(self, selected: int | None, *, suggest: bool, title: str = "") -> None:
        """The sections of the topic studied then; the suggested (or saved) one chosen."""
        self.section.clear()
        self.section.addItem(NO_SECTION, 0)
        on = self._plan_date()
        found = service.suggest_study_section(self.ctx.db, on) if suggest else None
        if found is not None:
            selected, title = found.section_id, found.section_title
            topic = get_topic(self.ctx.db, found.topic_id)
        else:
            topic = current_topic(self.ctx.db, on)
        if topic is not None:
            for section in topic.sections:
                self.section.addItem(section.title, section.id)
        index = self.section.findData(selected or 0)
        if index < 0 and selected:
            self.section.addItem(title or "(nội dung đã chọn trước đây)", selected)
            index = self.section.count() - 1
        self.section.setCurrentIndex(max(index, 0))

    def _template_agenda(self) -> None:
        kind = self.kind.currentData()
        required = {i.code for i in default_templates()[kind] if i.required}
        self.agenda.set_lines(
            [
                AgendaLine(i.title, i.code, 0, i.code in required)
                for i in agenda_template(self.ctx.db, kind)
            ]
        )

    def _show_meeting(self, detail: service.MeetingDetail) -> None:
        self.kind.setCurrentIndex(self.kind.findData(detail.kind))
        self.kind.setEnabled(False)  # the agenda was built for this kind
        self.month.setValue(detail.month)
        self.year.setValue(detail.year)
        show_date(self.day, detail.planned_on)
        show_time(self.start, detail.start_time or DEFAULT_START)
        self.place.setText(detail.place)
        self._fill_sections(detail.topic_section_id, suggest=False, title=detail.section_title)
        self.theme.setText(detail.theme)
        set_combo_member(self.presenter, detail.theme_presenter_id)
        self.combined.setChecked(detail.combined_with_thematic)
        required = {i.code for i in default_templates()[detail.kind] if i.required}
        self.agenda.set_lines(
            [AgendaLine(i.title, i.code, i.id, i.code in required) for i in detail.agenda]
        )

    def _kind_changed(self) -> None:
        self._template_agenda()

    def _update_enabled(self) -> None:
        kind = self.kind.currentData()
        thematic = kind == "chuyen_de" or (kind == "thuong_ky" and self.combined.isChecked())
        self.theme.setEnabled(thematic)
        self.presenter.setEnabled(thematic)
        self.combined.setEnabled(kind == "thuong_ky")
        # A combined meeting gains the theme line when saved.
        self.agenda.setEnabled(not (self.meeting_id is None and self.combined.isChecked()))

    # --- saving --------------------------------------------------------------------

    def _state(self) -> tuple:
        """What the secretary can change, to tell whether anything was typed."""
        agenda = tuple((line.title, line.code) for line in self.agenda.lines())
        return (
            self.kind.currentData(),
            self.month.value(),
            self.year.value(),
            self.day.text(),
            self.start.text(),
            self.place.text(),
            self.section.currentData(),
            self.theme.text(),
            self.presenter.currentIndex(),
            self.combined.isChecked(),
            agenda,
        )

    def has_unsaved_changes(self) -> bool:
        return self.saved_id is None and self._state() != self._clean

    def reject(self) -> None:
        """Close (Esc, "Hủy", ×): with unsaved changes, Lưu / Không lưu / Quay lại."""
        if self.has_unsaved_changes():
            answer = messages.ask_save(self, "Kế hoạch buổi sinh hoạt chưa được lưu. Lưu lại?")
            if answer == messages.SAVE:
                self.accept()
                return
            if answer == messages.CANCEL:
                return
        super().reject()

    def discard(self) -> None:
        """Close without asking (the main window is closing and the user agreed)."""
        super().reject()

    def accept(self) -> None:
        day, problem = read_date(self.day, "Ngày dự kiến")
        titles = [line.title.strip() for line in self.agenda.lines()]
        if not problem and any(not t for t in titles):
            problem = "Mỗi mục của chương trình phải có tên."
        if not problem and self.kind.currentData() == "chuyen_de" and not self.theme.text().strip():
            problem = "Hãy ghi tên chuyên đề của buổi sinh hoạt chuyên đề."
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if problem:
            return
        presenter, _name = combo_member(self.presenter)
        section = self.section.currentData() or None
        fields = dict(
            year=self.year.value(),
            month=self.month.value(),
            planned_on=day,
            start_time=read_time(self.start),
            place=self.place.text(),
            topic_section_id=section,
            theme=self.theme.text() if self.theme.isEnabled() else "",
            theme_presenter_id=presenter if self.presenter.isEnabled() else None,
            combined_with_thematic=self.combined.isEnabled() and self.combined.isChecked(),
        )
        try:
            if self.meeting_id is None:
                self.saved_id = service.plan_meeting(self.ctx.db, self.kind.currentData(), **fields)
                if self.agenda.edited:
                    self._save_new_agenda(self.saved_id)
            else:
                service.update_meeting_plan(self.ctx.db, self.meeting_id, **fields)
                self.saved_id = self.meeting_id
                if self.agenda.edited:
                    entries = [
                        service.AgendaEntry(line.title, line.code, line.id or None)
                        for line in self.agenda.lines()
                    ]
                    service.set_meeting_agenda(self.ctx.db, self.meeting_id, entries)
        except Exception as exc:  # noqa: BLE001 - the dialog stays open with what was typed
            messages.show_exception(self, exc, "Chưa lưu được kế hoạch")
            return
        super().accept()

    def save_and_print(self, paper: str) -> None:
        """Save the plan; once saved, open the preview of its agenda or notice.

        The preview belongs to the window that opened this dialog, so it stays open
        after the dialog closes."""
        self.accept()
        if self.result() != QDialog.DialogCode.Accepted:
            return  # not saved: the dialog shows why and stays open
        make = meeting_print.print_agenda if paper == AGENDA else meeting_print.print_notice
        self.print_task = make(self.ctx, self.parentWidget() or self, self.saved_id)

    def _save_new_agenda(self, meeting_id: int) -> None:
        """Keep the built lines (their titles name the section) the user did not rename."""
        built = {i.code: i for i in service.get_meeting(self.ctx.db, meeting_id).agenda if i.code}
        templates = {i.code: i.title for i in agenda_template(self.ctx.db, self.kind.currentData())}
        entries = []
        for line in self.agenda.lines():
            row = built.get(line.code) if line.code else None
            if row is None:
                entries.append(service.AgendaEntry(line.title, line.code))
                continue
            renamed = line.title != templates.get(line.code, line.title)
            title = line.title if renamed else row.title
            entries.append(service.AgendaEntry(title, line.code, row.id))
        if not any(i.code == THEME for i in entries):
            theme = [r for r in built.values() if r.code == THEME]
            entries += [service.AgendaEntry(r.title, r.code, r.id) for r in theme]
        service.set_meeting_agenda(self.ctx.db, meeting_id, entries)
