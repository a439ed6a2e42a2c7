"""The cell's proposal for one member (chi bộ đề xuất mức xếp loại), voted at the meeting.

As the level and the votes change, the warnings (quota, score band, discipline, sick
leave, commitment, absences, votes) are worked out again and shown with their reasons
before anything is recorded; recording with warnings asks once more.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews import ratings
from desktop.errors import ValidationError
from desktop.services.meetings.plan import list_meetings
from desktop.services.reviews.self_rating import self_rating_mismatch
from desktop.services.reviews.self_reviews import score_text
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import read_date, show_date
from desktop.ui.reviews.common import (
    EditDialog,
    field_messages,
    level_combo,
    set_level,
    show_spin,
    spin_value,
    vote_spin,
)
from desktop.ui.reviews.table_model import commitment_text
from desktop.ui.style import heading
from desktop.ui.tasks import Task, run_task
from desktop.ui.widgets import FieldBox, date_edit, error_label, form_label, notice_label

NO_WARNINGS = "Không có cảnh báo nào với mức đề xuất này."
ANSWER_CHOICES = (("(chưa trả lời)", ""), ("Không", "no"), ("Có", "yes"))


class QuestionBox(QGroupBox):
    """The KHTNV triggers the app cannot see (QĐ 366 Điều 11 k4), answered yes/no with a
    note; a "Có" warns and the superior decides."""

    def __init__(self, questions, answers: dict, parent: QWidget | None = None) -> None:
        super().__init__("Câu hỏi chi bộ trả lời (trường hợp xếp loại không hoàn thành nhiệm vụ)", parent)
        self.rows: dict[str, tuple[QComboBox, QLineEdit]] = {}
        form = QFormLayout(self)
        for number, question in enumerate(questions, start=1):
            label = QLabel(f"{number}. {question.question}")
            label.setWordWrap(True)
            answer = QComboBox()
            for text, code in ANSWER_CHOICES:
                answer.addItem(text, code)
            note = QLineEdit()
            note.setPlaceholderText("Ghi chú (căn cứ, kết luận của cấp có thẩm quyền…)")
            stored = answers.get(question.code) or {}
            answer.setCurrentIndex(max(answer.findData(stored.get("answer", "")), 0))
            note.setText(str(stored.get("note", "")))
            label.setBuddy(answer)
            line = QHBoxLayout()
            line.addWidget(answer)
            line.addWidget(note, 1)
            form.addRow(label)
            form.addRow(line)
            self.rows[question.code] = (answer, note)

    def answers(self) -> dict:
        return {
            code: {"answer": answer.currentData() or "", "note": note.text()}
            for code, (answer, note) in self.rows.items()
        }

CHECKING = "Đang kiểm tra các quy định…"


def facts_text(pack, row: ratings.RatingRow) -> str:
    """What the cell looks at before voting, in one paragraph."""
    facts = row.facts
    lines = []
    if not row.rated:
        lines.append(f"Không thuộc diện xếp loại: {facts.not_rated_reason}")
    if pack.score_scale is not None:
        level = ratings.implied_level(pack, row)
        score = score_text(facts.self_score) or "chưa chấm đủ"
        lines.append(f"Điểm tự chấm: {score}" + (f" → {level.name}" if level else ""))
    if not facts.self_review_written:
        lines.append("Bản tự kiểm điểm: chưa viết")
    self_level = pack.level(row.self_level).name if row.self_level else "chưa nhận"
    lines.append(f"Tự nhận mức: {self_level}")
    if mismatch := self_rating_mismatch(pack, row.self_level, facts.self_score):
        lines.append(f"⚠ {mismatch}.")
    lines.append(f"Cam kết: {commitment_text(row)}")
    if facts.unexcused_months:
        lines.append(f"Vắng sinh hoạt không lý do: {facts.unexcused_months} tháng")
    if row.member.disciplined_in_year:
        lines.append("Kỷ luật trong năm: " + "; ".join(row.member.disciplined_in_year))
    if facts.sick_leave_months:
        lines.append(f"Nghỉ ốm: {facts.sick_leave_months} tháng")
    return "\n".join(lines)


class ProposalDialog(EditDialog):
    UNSAVED_TEXT = "Đề xuất của chi bộ chưa được ghi nhận. Ghi nhận ngay?"

    def __init__(
        self,
        ctx: UiContext,
        sheet: ratings.RatingSheet,
        row: ratings.RatingRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet = sheet
        self.year = sheet.year
        self.row = row
        self.member_id = row.member_id
        self.warnings: list[ratings.RatingWarning] = []
        self._generation = 0
        self.checked_generation = 0
        self.check_task: Task | None = None
        self._record_when_checked = False
        pack = sheet.pack
        name = row.member.full_name
        self.setWindowTitle(f"Chi bộ đề xuất xếp loại — {name}")
        fit_to_screen(self, QSize(900, 720))

        title = heading(f"Chi bộ đề xuất xếp loại năm {self.year} — đồng chí {name}")
        self.facts_label = notice_label(facts_text(pack, row))

        self.level = level_combo(pack, "(chưa đề xuất)")
        self.level_box = FieldBox(self.level)
        self.votes_for = vote_spin()
        self.votes_for_box = FieldBox(self.votes_for)
        self.votes_total = vote_spin()
        self.votes_total_box = FieldBox(self.votes_total)
        self.meeting = QComboBox()
        # A long meeting title must not widen the dialog past the screen.
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting.setMinimumContentsLength(30)
        self.meeting.addItem("(không chọn)", 0)
        for meeting in list_meetings(ctx.db, self.year):
            self.meeting.addItem(meeting.title, meeting.id)
        self.proposed_on = date_edit()
        self.date_box = FieldBox(self.proposed_on)
        self.discussion = QPlainTextEdit()
        self.discussion.setTabChangesFocus(True)
        self.discussion.setPlaceholderText("Ý kiến của các đồng chí trong chi bộ (nếu có)")

        votes = QHBoxLayout()
        votes.addWidget(self.votes_for_box)
        votes.addWidget(QLabel("tán thành trên"))
        votes.addWidget(self.votes_total_box)
        votes.addWidget(QLabel("người biểu quyết"))
        votes.addStretch(1)
        form = QFormLayout()
        form.addRow(form_label("&Mức đề xuất:", self.level), self.level_box)
        form.addRow(form_label("Số &phiếu:", self.votes_for), votes)
        form.addRow(form_label("&Buổi sinh hoạt:", self.meeting), self.meeting)
        form.addRow(form_label("Ngày &đề xuất:", self.proposed_on), self.date_box)
        form.addRow(form_label("Ý kiến &thảo luận:", self.discussion), self.discussion)
        self.questions = QuestionBox(pack.questions, row.answers) if pack.questions else None

        self.warnings_title = QLabel("<b>Cảnh báo trước khi ghi nhận</b>")
        self.warnings_label = notice_label(NO_WARNINGS)
        self.error = error_label()
        self.record_button = QPushButton("&Ghi nhận đề xuất")
        self.record_button.setAutoDefault(False)
        self.close_button = QPushButton("Đó&ng")
        self.close_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.save_and_close)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.facts_label)
        layout.addLayout(form, 1)
        if self.questions is not None:
            layout.addWidget(self.questions)
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self._load()
        for spin in (self.votes_for, self.votes_total):
            spin.valueChanged.connect(self._changed)
        self.level.currentIndexChanged.connect(self._changed)
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self.proposed_on.textChanged.connect(self.mark_dirty)
        self.discussion.textChanged.connect(self.mark_dirty)
        if self.questions is not None:
            for answer, note in self.questions.rows.values():
                answer.currentIndexChanged.connect(self._changed)
                note.editingFinished.connect(self._changed)
        self.check_warnings()

    def _load(self) -> None:
        self.loading = True
        try:
            row = self.row
            # A first vote usually follows the member's self-rating.
            set_level(self.level, row.proposed_level or row.self_level)
            show_spin(self.votes_for, row.votes_for)
            show_spin(self.votes_total, row.votes_total)
            index = self.meeting.findData(row.meeting_id or 0)
            self.meeting.setCurrentIndex(max(index, 0))
            recent = self.ctx.today().year - self.year <= 1
            show_date(self.proposed_on, row.proposed_on or (self.ctx.today() if recent else None))
            self.discussion.setPlainText(row.discussion)
        finally:
            self.loading = False
        self.dirty = False

    # --- warnings ------------------------------------------------------------------

    def proposal(self) -> ratings.ProposalData:
        meeting_id = self.meeting.currentData() or None
        proposed_on, _error = read_date(self.proposed_on, "Ngày đề xuất")
        return ratings.ProposalData(
            level=self.level.currentData() or "",
            votes_for=spin_value(self.votes_for),
            votes_total=spin_value(self.votes_total),
            discussion=self.discussion.toPlainText(),
            proposed_on=proposed_on,
            meeting_id=meeting_id,
            answers=self.questions.answers() if self.questions is not None else {},
        )

    def _changed(self) -> None:
        self.mark_dirty()
        self.check_warnings()

    def _meeting_chosen(self) -> None:
        self.mark_dirty()
        meeting_id = self.meeting.currentData()
        if not meeting_id or self.votes_total.value() >= 0:
            return
        from desktop.services.meetings.attendance import attendance_summary

        try:
            present = attendance_summary(self.ctx.db, meeting_id).present
        except Exception:  # noqa: BLE001 - only a suggestion; the box stays empty
            return
        if present:
            self.votes_total.setValue(present)

    def checking(self) -> bool:
        return self.checked_generation != self._generation

    def check_warnings(self) -> Task:
        """Work the warnings out in the background (the whole sheet is read again)."""
        self._generation += 1
        generation = self._generation
        db, member_id, year, today = self.ctx.db, self.member_id, self.year, self.ctx.today()
        proposal = self.proposal()
        self.warnings_label.setText(CHECKING)

        def done(found: list) -> None:
            if generation != self._generation:
                return
            self.warnings = list(found)
            self.checked_generation = generation
            self._show_warnings()
            if self._record_when_checked:
                self._record_when_checked = False
                self.save_and_close()

        def failed(exc: BaseException) -> None:
            # The check must end either way, or "Ghi nhận" would wait for it forever.
            if generation != self._generation:
                return
            self.warnings = []
            self.checked_generation = generation
            self._record_when_checked = False
            self.warnings_label.setText(f"Chưa kiểm tra được cảnh báo: {exc}")

        self.check_task = run_task(
            self,
            CHECKING,
            lambda _p: ratings.proposal_warnings(db, member_id, year, proposal, today),
            done,
            on_error=failed,
            busy=False,
        )
        return self.check_task

    def _show_warnings(self) -> None:
        if self.warnings:
            self.warnings_label.setText("\n".join(f"• {w.text}" for w in self.warnings))
        else:
            self.warnings_label.setText(NO_WARNINGS)

    # --- recording -----------------------------------------------------------------

    def save(self) -> bool:
        """Record the proposal (after the warnings are known and accepted)."""
        proposed_on, date_error = read_date(self.proposed_on, "Ngày đề xuất")
        self.date_box.set_error(date_error)
        if date_error:
            return False
        if self.checking():
            self._record_when_checked = True
            return False
        if self.warnings and not messages.ask(
            self,
            "Vẫn ghi nhận đề xuất?",
            "Đề xuất này có cảnh báo:\n"
            + "\n".join(f"• {w.text}" for w in self.warnings)
            + "\n\nVẫn ghi nhận đề xuất? Cấp ủy cấp trên sẽ xem xét, quyết định.",
            "Vẫn ghi nhận",
            "Xem lại",
        ):
            return False
        proposal = self.proposal()
        try:
            ratings.record_proposal(
                self.ctx.db, self.member_id, self.year, proposal, self.ctx.today()
            )
        except ValidationError as exc:
            errors = field_messages(exc)
            self.level_box.set_error(errors.pop("level", ""))
            self.votes_for_box.set_error(errors.pop("votes_for", ""))
            self.votes_total_box.set_error(errors.pop("votes_total", ""))
            self.error.setText("\n".join(errors.values()))
            self.error.setVisible(bool(errors))
            return False
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese, the dialog stays
            messages.show_exception(self, exc, "Chưa ghi nhận được đề xuất")
            return False
        self.dirty = False
        self.changed.emit()
        return True
