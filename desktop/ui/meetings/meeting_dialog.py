"""The meeting window (buổi sinh hoạt): agenda, roll call, minutes and their approval.

Everything typed is kept as a draft with "Lưu nháp" (Ctrl+S) until the minutes are
approved; then every editor is read-only and a change goes through "Đính chính…", which
asks for the reason and logs what changed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meetings import plan as service
from desktop.text import short_date
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings import approval_tab, meeting_print
from desktop.ui.meetings.approval_tab import ApprovalTab
from desktop.ui.meetings.attendance_tab import AttendanceTab
from desktop.ui.meetings.minutes_tab import MinutesTab
from desktop.ui.style import heading
from desktop.ui.widgets import error_label, notice_label

TAB_AGENDA, TAB_ATTENDANCE, TAB_MINUTES, TAB_APPROVAL = range(4)
SAVE, DISCARD, CANCEL = messages.SAVE, messages.DISCARD, messages.CANCEL
CORRECTING_TEXT = (
    "Đang đính chính biên bản đã thông qua: sửa những chỗ cần sửa rồi bấm «Lưu đính chính…» "
    "(sẽ hỏi lý do)."
)


def ask_save(parent: QWidget) -> str:
    """Lưu / Không lưu / Quay lại (messages.ask_save); tests replace this function."""
    return messages.ask_save(parent, "Buổi sinh hoạt có thay đổi chưa lưu. Lưu thay đổi?")


class MeetingDialog(QDialog):
    """``changed`` fires after anything is saved (the meetings page reloads)."""

    changed = Signal()

    def __init__(self, ctx: UiContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.dirty = False
        self.correcting = False
        self._loading = False
        fit_to_screen(self, QSize(1120, 780))

        self.title_label = heading()
        self.tabs = QTabWidget()
        self.agenda_page = self._build_agenda_page()
        self.attendance = AttendanceTab()
        self.minutes = MinutesTab(self._present_counts)
        self.approval = ApprovalTab()
        self.tabs.addTab(self.agenda_page, "Chương trình")
        self.tabs.addTab(self.attendance, "Điểm danh")
        self.tabs.addTab(self.minutes, "Biên bản")
        self.tabs.addTab(self.approval, "Thông qua")
        self.correcting_note = notice_label(CORRECTING_TEXT)
        self.correcting_note.hide()
        self.error = error_label()

        self.save_button = QPushButton("&Lưu nháp")
        self.save_button.setToolTip("Lưu nháp (Ctrl+S)")
        self.print_button = QPushButton("&In biên bản…")
        self.docx_button = QPushButton("Xuất &Word (.docx)…")
        self.close_button = QPushButton("Đó&ng")
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_minutes)
        self.docx_button.clicked.connect(self.export_docx)
        self.close_button.clicked.connect(self.reject)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self.save)
        self.approval.approve_button.clicked.connect(self.approve)
        self.approval.correct_button.clicked.connect(self.start_correction)
        for tab in (self.attendance, self.minutes):
            tab.changed.connect(self._mark_dirty)
        self.attendance.changed.connect(self.minutes.update_votes)

        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.docx_button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.correcting_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addLayout(bar)
        self.reload()

    def _build_agenda_page(self) -> QWidget:
        page = QWidget()
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.agenda_list = QListWidget()
        self.agenda_list.setAccessibleName("Chương trình sinh hoạt")
        # A long item ("7. Học tập và làm theo tư tưởng…: <chuyên đề>") wraps: no
        # sideways scrolling, nothing clipped (issue 10 point 12).
        self.agenda_list.setWordWrap(True)
        self.agenda_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.agenda_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.agenda_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit_plan_button = QPushButton("&Sửa kế hoạch và chương trình…")
        self.agenda_print_button = QPushButton("In c&hương trình…")
        self.notice_print_button = QPushButton("In thông &báo…")
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.agenda_print_button.clicked.connect(lambda: self._print(meeting_print.print_agenda))
        self.notice_print_button.clicked.connect(lambda: self._print(meeting_print.print_notice))
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_plan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.agenda_print_button)
        buttons.addWidget(self.notice_print_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.agenda_list, 1)
        layout.addLayout(buttons)
        return page

    # --- loading -------------------------------------------------------------------

    def reload(self) -> None:
        self._loading = True
        try:
            detail = service.get_meeting(self.ctx.db, self.meeting_id)
            self.detail = detail
            self.setWindowTitle(detail.title)
            self.title_label.setText(
                f'<span style="font-size: x-large; font-weight: 600;">{detail.title}</span>'
            )
            self.plan_label.setText(self._plan_text(detail))
            self.agenda_list.clear()
            self.agenda_list.addItems(
                [f"{n}. {i.title}" for n, i in enumerate(detail.agenda, start=1)]
            )
            people = [(r.member_id, r.full_name) for r in detail.attendance]
            self.attendance.show_rows(detail.attendance, detail.guests)
            self.minutes.build(detail, people)
            self.approval.show_detail(detail)
        finally:
            self._loading = False
        self.dirty = False
        self.correcting = False
        self._apply_lock()

    def _plan_text(self, detail: service.MeetingDetail) -> str:
        lines = [f"Tình trạng: {detail.state_label}"]
        day = detail.held_on or detail.planned_on
        if day:
            lines.append(f"Ngày: {short_date(day)}")
        if detail.start_time:
            lines.append(f"Giờ bắt đầu: {detail.start_time:%H:%M}")
        if detail.place:
            lines.append(f"Địa điểm: {detail.place}")
        if detail.section_title:
            lines.append(f"Học tập chuyên đề: {detail.section_title}")
        if detail.theme:
            lines.append(f"Chuyên đề: {detail.theme}")
        return "\n".join(lines)

    def _apply_lock(self) -> None:
        locked = self.detail.locked and not self.correcting
        self.attendance.set_read_only(locked)
        self.minutes.set_read_only(locked)
        if self.correcting:
            self.minutes.review.set_read_only(True)  # reviews belong to the meeting day
        self.edit_plan_button.setEnabled(not self.detail.locked)
        self.save_button.setEnabled(not locked)
        self.save_button.setText("&Lưu đính chính…" if self.correcting else "&Lưu nháp")
        self.correcting_note.setVisible(self.correcting)

    def _present_counts(self) -> tuple[int, int]:
        summary = self.attendance.summary()
        return summary.present, summary.present_official

    def _mark_dirty(self) -> None:
        if not self._loading:
            self.dirty = True

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    # --- saving --------------------------------------------------------------------

    def _gather(self):
        data, errors = self.minutes.minutes_data()
        data.attendance = self.attendance.entries()
        data.guests = self.attendance.guest_list()
        return data, errors

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> bool:
        """Save the draft (or, while correcting, the correction); True when saved."""
        if self.detail.locked and not self.correcting:
            return True
        data, errors = self._gather()
        self._show_error("\n".join(errors))
        if errors:
            return False
        try:
            if self.correcting:
                reason = approval_tab.ask_correction_reason(self)
                if reason is None:
                    return False
                service.correct_minutes(self.ctx.db, self.meeting_id, data, reason)
            else:
                service.save_minutes(self.ctx.db, self.meeting_id, data)
                self._save_reviews(data.held_on)
        except Exception as exc:  # noqa: BLE001 - the window stays open with what was typed
            messages.show_exception(self, exc, "Chưa lưu được")
            return False
        tab = self.tabs.currentIndex()
        self.reload()
        self.tabs.setCurrentIndex(tab)
        self.changed.emit()
        return True

    def _save_reviews(self, held_on) -> None:
        day = held_on or self.detail.held_on or self.detail.planned_on or self.ctx.today()
        for task, done, note in self.minutes.review.reviews():
            here = task.reviewed_meeting_id == self.meeting_id
            was_done = task.done_on is not None and here
            old_note = task.review_note if here else ""
            if done != was_done or note != old_note:
                done_on = (task.done_on if was_done else day) if done else None
                service.review_task(self.ctx.db, task.id, self.meeting_id, done_on, note)

    def approve(self) -> bool:
        read_at = self.approval.reading_time()  # before a save reloads the tab
        if self.dirty and not self.save():
            return False
        question = f"Thông qua biên bản lúc {read_at:%H:%M}? {approval_tab.LOCK_TEXT}"
        # What was warned at entry (e.g. under 90 minutes) is shown again before locking.
        warnings = service.minutes_warnings(self.ctx.db, self.meeting_id)
        if warnings:
            question += "\n\nLưu ý:\n" + "\n".join(f"- {w}" for w in warnings)
        if not messages.ask(
            self,
            "Thông qua biên bản",
            question,
            "Thông qua",
            "Chưa thông qua",
        ):
            return False
        try:
            service.approve_minutes(self.ctx.db, self.meeting_id, read_at)
        except Exception as exc:  # noqa: BLE001 - e.g. the minutes still lack a part
            messages.show_exception(self, exc, "Chưa thông qua được")
            return False
        self.reload()
        self.tabs.setCurrentIndex(TAB_APPROVAL)
        self.changed.emit()
        return True

    def start_correction(self) -> None:
        self.correcting = True
        self._apply_lock()
        self.tabs.setCurrentIndex(TAB_MINUTES)

    def edit_plan(self) -> None:
        from desktop.ui.meetings.plan_dialog import PlanDialog

        if self.dirty and not self.save():
            return
        dialog = PlanDialog(self.ctx, self.meeting_id, None, self)
        if dialog.exec():
            self.reload()
            self.changed.emit()

    # --- printing ------------------------------------------------------------------

    def _print(self, action) -> None:
        if self.dirty and not self.save():
            return
        action(self.ctx, self, self.meeting_id)

    def print_minutes(self) -> None:
        self._print(meeting_print.print_minutes)

    def export_docx(self) -> None:
        self._print(meeting_print.export_minutes_docx)

    # --- closing -------------------------------------------------------------------

    def reject(self) -> None:
        """Close (Esc, "Đóng", the window's ×), asking first when something is unsaved."""
        if self.dirty:
            answer = ask_save(self)
            if answer == CANCEL or (answer == SAVE and not self.save()):
                return
        self.dirty = False
        super().reject()

    def discard(self) -> None:
        """Close without asking (the main window is closing and the user agreed)."""
        self.dirty = False
        super().reject()
