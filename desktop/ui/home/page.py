"""The "Việc cần làm" page: the month at a glance, each item one click from its work.

The first page the secretary sees. Its figures come from ``services.cell.home`` in one
pass; the buttons only ask the main window to switch page or open a meeting.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.cell.home import HomeSummary, home_summary
from desktop.text import short_date
from desktop.ui.context import UiContext
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.style import heading

SHOWN_NAMES = 12  # names listed per review step before "và N đồng chí khác"
# Reminders listed before "Xem tất cả": a cell of a thousand members has dozens, and
# laying out every line of them was most of the time to the first paint (bench/).
SHOWN_REMINDERS = 12


def names_text(names: tuple[str, ...]) -> str:
    if len(names) <= SHOWN_NAMES:
        return ", ".join(names)
    rest = len(names) - SHOWN_NAMES
    return ", ".join(names[:SHOWN_NAMES]) + f" và {rest} đồng chí khác"


class HomePage(QWidget):
    """``page_requested`` names the page to show: "members", "reviews", "export", "backups"."""

    plan_requested = Signal()
    meeting_requested = Signal(int)
    page_requested = Signal(str)
    real_cell_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: HomeSummary | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Việc cần làm"))
        self.today_label = QLabel()
        layout.addWidget(self.today_label)
        # Two columns: the long list of reminders on the left, the short parts on the right.
        columns = QGridLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 3)
        columns.setColumnStretch(1, 2)
        layout.addLayout(columns)

        self.meeting_label, self.meeting_buttons = self._section(right, "Buổi sinh hoạt sắp tới")
        self.plan_button = QPushButton("Lập kế hoạch")
        self.plan_button.clicked.connect(self.plan_requested)
        self.open_button = QPushButton("Mở buổi sinh hoạt")
        self.open_button.clicked.connect(self._open_meeting)
        self.meeting_buttons.addWidget(self.plan_button)
        self.meeting_buttons.addWidget(self.open_button)

        self.reminders_label, buttons = self._section(left, "Cần nhắc")
        self.members_button = QPushButton("Xem danh sách đảng viên")
        self.members_button.clicked.connect(lambda: self.page_requested.emit("members"))
        self.dues_button = QPushButton("Xem đảng phí")
        self.dues_button.clicked.connect(lambda: self.page_requested.emit("dues"))
        self.all_reminders_button = QPushButton("Xem tất cả việc cần nhắc")
        self.all_reminders_button.clicked.connect(self._show_all_reminders)
        self.all_reminders = False
        buttons.addWidget(self.all_reminders_button)
        buttons.addWidget(self.members_button)
        buttons.addWidget(self.dues_button)

        self.review_label, buttons = self._section(right, "Kiểm điểm và xếp loại")
        self.review_button = QPushButton("Đến trang kiểm điểm")
        self.review_button.clicked.connect(lambda: self.page_requested.emit("reviews"))
        buttons.addWidget(self.review_button)

        self.safety_label, buttons = self._section(right, "Sao lưu và xuất dữ liệu")
        self.backup_button = QPushButton("Sao lưu và khôi phục")
        self.backup_button.clicked.connect(lambda: self.page_requested.emit("backups"))
        self.export_button = QPushButton("Xuất dữ liệu ra USB")
        self.export_button.clicked.connect(lambda: self.page_requested.emit("export"))
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.export_button)
        self.real_cell_button = QPushButton("Bắt đầu với chi bộ thật…")
        self.real_cell_button.setToolTip(
            "Sao lưu rồi xóa dữ liệu mẫu, sau đó nhập thông tin chi bộ của đồng chí."
        )
        self.real_cell_button.clicked.connect(self.real_cell_requested)
        self.sample_label, buttons = self._section(left, "Dữ liệu mẫu")
        self.sample_label.setText(
            "Đang mở chi bộ mẫu với đảng viên giả định; mọi tờ in ra đều ghi «DỮ LIỆU MẪU». "
            "Khi dùng thật, bấm nút dưới đây."
        )
        buttons.addWidget(self.real_cell_button)
        self.sample_box = self.sample_label.parentWidget()
        left.addStretch(1)
        right.addStretch(1)
        layout.addStretch(1)

        for signal in (ctx.workspace_changed, ctx.cell_changed):
            signal.connect(self.reload)
        ctx.members_changed.connect(lambda _id: self.reload())
        # Filled when shown (the main window's first page) or by ``reload``.

    def _section(self, layout: QVBoxLayout, title: str) -> tuple[QLabel, FlowLayout]:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(label)
        buttons = FlowLayout()
        inner.addLayout(buttons)
        layout.addWidget(box)
        return label, buttons

    def reload(self) -> None:
        summary = home_summary(self.ctx.db, self.ctx.workspace.backups_dir, self.ctx.today())
        self.summary = summary
        self.today_label.setText(f"Hôm nay: {short_date(summary.today)}")
        self._show_meeting(summary)
        self._show_reminders(summary)
        self._show_review(summary)
        self._show_safety(summary)
        self.sample_box.setVisible(summary.sample)

    def _show_meeting(self, summary: HomeSummary) -> None:
        meeting = summary.next_meeting
        if meeting is None:
            self.meeting_label.setText("Các tháng tới đã có buổi sinh hoạt.")
        elif meeting.meeting_id is None:
            self.meeting_label.setText(
                f"<b>{escape(meeting.title)}</b>: chưa lập kế hoạch."
            )
        else:
            when = f", dự kiến ngày {short_date(meeting.planned_on)}" if meeting.planned_on else ""
            self.meeting_label.setText(
                f"<b>{escape(meeting.title)}</b>: {escape(meeting.state_label.lower())}{when}."
            )
        planned = meeting is not None and meeting.meeting_id is not None
        self.plan_button.setVisible(not planned)
        self.open_button.setVisible(planned)

    def _open_meeting(self) -> None:
        meeting = self.summary.next_meeting if self.summary else None
        if meeting is not None and meeting.meeting_id is not None:
            self.meeting_requested.emit(meeting.meeting_id)

    def _show_reminders(self, summary: HomeSummary) -> None:
        items = summary.reminders
        shown = items if self.all_reminders else items[:SHOWN_REMINDERS]
        if not items:
            text = "Không có việc gì cần nhắc."
        else:
            text = "<ul style='margin-left: 0px;'>" + "".join(
                f"<li>{escape(r.message)}</li>" for r in shown
            ) + "</ul>"
            if len(shown) < len(items):
                text += f"Còn {len(items) - len(shown)} việc cần nhắc khác."
        self.reminders_label.setText(text + self._notes(summary))
        self.all_reminders_button.setVisible(len(shown) < len(items))
        self.dues_button.setVisible(any(r.kind == "dues" for r in items))

    def _show_all_reminders(self) -> None:
        self.all_reminders = True
        if self.summary is not None:
            self._show_reminders(self.summary)

    def _show_review(self, summary: HomeSummary) -> None:
        review = summary.review
        if review is None or review.total == 0:
            self.review_label.setText("Chưa có đảng viên nào trong đợt kiểm điểm.")
            return
        lines = [f"Năm {review.year}: {review.total} đảng viên được xếp loại."]
        for names, what, done in (
            (review.no_self_review, "chưa có bản tự kiểm điểm", "Mọi đồng chí đã có bản tự kiểm điểm."),
            (review.not_proposed, "chưa được chi bộ đề xuất mức xếp loại", "Chi bộ đã đề xuất mức xếp loại cho mọi đồng chí."),
            (review.not_decided, "chưa có quyết định xếp loại của cấp trên", "Đã có quyết định xếp loại của cấp trên cho mọi đồng chí."),
        ):
            if names:
                lines.append(f"{len(names)} đồng chí {what}: {escape(names_text(names))}.")
            else:
                lines.append(done)
        self.review_label.setText("<br>".join(lines))

    def _show_safety(self, summary: HomeSummary) -> None:
        backup = (
            f"Sao lưu lần cuối: {summary.last_backup:%H:%M} ngày {short_date(summary.last_backup.date())}."
            if summary.last_backup else "Chưa có bản sao lưu nào."
        )
        if summary.last_export:
            name, when = summary.last_export
            export = f"Xuất dữ liệu lần cuối: {short_date(when.date())} ({escape(name)})."
        else:
            export = "Chưa xuất dữ liệu lần nào."
        self.safety_label.setText(f"{backup}<br>{export}")

    @staticmethod
    def _notes(summary: HomeSummary) -> str:
        if not summary.notes:
            return ""
        return "<br>" + "<br>".join(escape(n) for n in summary.notes)
