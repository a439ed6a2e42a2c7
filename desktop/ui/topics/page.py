"""The topics page (Chuyên đề và cam kết), in two tabs: the campaign's name, the topics
and the study round of the chosen topic (học tập, quán triệt chuyên đề) with its
percentage, always with the denominator; and the members' commitments of a year (cam kết).
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.cell.settings import campaign_name
from desktop.services.topics.catalogue import TopicInfo, current_topic, get_topic, list_topics
from desktop.services.topics.study_round import StudyRound, study_round
from desktop.text import short_date
from desktop.ui.commitments.panel import CommitmentsPanel
from desktop.ui.context import UiContext
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.style import heading
from desktop.ui.topics.page_actions import StudyActions, TopicActions
from desktop.ui.topics.study_model import COL_NAME, COL_NUMBER, StudyModel
from desktop.ui.widgets import ERROR_COLOUR, coloured_label, form_label

EXCLUDED_COLOUR = "#6b6b6b"


class TopicsPage(TopicActions, StudyActions, QWidget):
    """Emits ``topics_changed`` after a topic is added or a study record changes."""

    topics_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round: StudyRound | None = None
        self.dialog = None  # the dialog open now, for tests and for keeping it alive

        self.campaign_label = QLabel()
        self.campaign_label.setWordWrap(True)
        self.campaign_label.setTextFormat(Qt.TextFormat.RichText)
        self.campaign_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.campaign_button = QPushButton("Sửa tên cuộc &vận động…")
        self.campaign_button.clicked.connect(self.edit_campaign_name)

        self.topic_combo = QComboBox()
        self.topic_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.topic_combo.setMinimumContentsLength(30)
        self.topic_combo.currentIndexChanged.connect(lambda _i: self.show_round())
        self.catalogue_button = QPushButton("Thêm chuyên đề từ &danh mục có sẵn…")
        self.import_button = QPushButton("&Nhập chuyên đề từ tệp cấp trên gửi…")
        self.catalogue_button.clicked.connect(self.add_from_catalogue)
        self.new_button = QPushButton("Thêm chuyên đề &mới…")
        self.edit_button = QPushButton("&Sửa chuyên đề…")
        self.delete_button = QPushButton("&Xóa chuyên đề")
        self.deleted_button = QPushButton("Chu&yên đề đã xóa…")
        self.deleted_button.setToolTip("Xem những chuyên đề đã xóa và khôi phục")
        self.deleted_button.clicked.connect(self.show_deleted)
        self.new_button.clicked.connect(self.new_topic)
        self.edit_button.clicked.connect(self.edit_topic)
        self.delete_button.clicked.connect(self.delete_topic)
        self.import_button.clicked.connect(self.import_file)

        self.percent_label = QLabel()
        self.percent_label.setTextFormat(Qt.TextFormat.RichText)
        self.percent_label.setWordWrap(True)
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        self.overdue_label = coloured_label(ERROR_COLOUR, "Quá hạn")
        font = self.overdue_label.font()
        font.setBold(True)
        self.overdue_label.setFont(font)
        self.overdue_label.setWordWrap(False)

        self.model = StudyModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        self.excluded_label = coloured_label(EXCLUDED_COLOUR)

        self.mark_button = QPushButton("Đánh dấu đã &học tập…")
        self.unmark_button = QPushButton("&Bỏ đánh dấu")
        self.from_meeting_button = QPushButton("Lấy th&eo điểm danh buổi sinh hoạt…")
        self.mark_button.clicked.connect(self.mark_selected)
        self.unmark_button.clicked.connect(self.unmark_selected)
        self.from_meeting_button.clicked.connect(self.take_from_meeting)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

        campaign_row = QHBoxLayout()
        campaign_row.addWidget(self.campaign_label, 1)
        campaign_row.addWidget(self.campaign_button)
        topic_row = QHBoxLayout()
        topic_row.addWidget(form_label("&Chuyên đề", self.topic_combo))
        topic_row.addWidget(self.topic_combo, 1)
        # The topic titles are long; the combo gets the whole line.
        # Two rows: five buttons on one line made the page wider than a 1280-pixel screen.
        topic_buttons = FlowLayout()
        for button in (self.new_button, self.edit_button, self.delete_button, self.deleted_button):
            topic_buttons.addWidget(button)
        topic_buttons.addStretch(1)
        catalogue_buttons = FlowLayout()
        catalogue_buttons.addWidget(self.catalogue_button)
        catalogue_buttons.addWidget(self.import_button)
        catalogue_buttons.addStretch(1)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline_label, 1)
        deadline_row.addWidget(self.overdue_label)
        deadline_row.addStretch(1)
        buttons = FlowLayout()
        for button in (self.mark_button, self.unmark_button, self.from_meeting_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.study_tab = QWidget()
        study = QVBoxLayout(self.study_tab)
        study.addLayout(campaign_row)
        study.addLayout(topic_row)
        study.addLayout(topic_buttons)
        study.addLayout(catalogue_buttons)
        study.addWidget(self.percent_label)
        study.addLayout(deadline_row)
        study.addLayout(buttons)
        study.addWidget(self.table, 1)
        study.addWidget(self.excluded_label)

        # Commitments follow the study: a tab of their own, one click (or Ctrl+Tab) away.
        self.commitments = CommitmentsPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.study_tab, "Ch&uyên đề học tập")
        self.tabs.addTab(self.commitments, "")
        self._name_commitments_tab(self.commitments.year())
        self.commitments.year_changed.connect(self._name_commitments_tab)
        self.topics_changed.connect(self.commitments.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading("Chuyên đề và cam kết"))
        layout.addWidget(self.tabs, 1)

        ctx.workspace_changed.connect(self.reload)
        ctx.members_changed.connect(lambda _id: self.show_round())
        self.reload()

    def _name_commitments_tab(self, year: int) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.commitments), f"Cam &kết năm {year}")

    # --- showing -------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Campaign name, topics (keeping the chosen one) and the study round."""
        self.campaign_label.setText(f"Cuộc vận động: <b>{escape(campaign_name(self.ctx.db))}</b>")
        keep = select_id or self.topic_id()
        if keep is None:
            current = current_topic(self.ctx.db, self.ctx.today())
            keep = current.id if current else None
        self.topic_combo.blockSignals(True)
        self.topic_combo.clear()
        for topic in list_topics(self.ctx.db):
            self.topic_combo.addItem(self._topic_text(topic), topic.id)
            self.topic_combo.setItemData(
                self.topic_combo.count() - 1, topic.title, Qt.ItemDataRole.ToolTipRole
            )
        index = self.topic_combo.findData(keep) if keep is not None else -1
        self.topic_combo.setCurrentIndex(max(index, 0) if self.topic_combo.count() else -1)
        self.topic_combo.blockSignals(False)
        self.show_round()

    @staticmethod
    def _topic_text(topic: TopicInfo) -> str:
        text = topic.display_title
        if str(topic.start_year) not in text:
            text += f" ({topic.period_label})"
        return text

    def topic_id(self) -> int | None:
        value = self.topic_combo.currentData()
        return int(value) if value else None

    def _round_date(self, topic: TopicInfo) -> date:
        # A past topic is judged by the members the cell had at its end.
        return min(self.ctx.today(), date(topic.last_year, 12, 31))

    def show_round(self) -> None:
        topic_id = self.topic_id()
        if topic_id is None:
            self.round = None
            self.model.set_rows([])
            self.percent_label.setText(
                "Chưa có chuyên đề nào. Bấm «Thêm chuyên đề từ danh mục có sẵn…» để thêm."
            )
            self.deadline_label.clear()
            self.overdue_label.hide()
            self.excluded_label.hide()
            self._update_enabled()
            return
        topic = get_topic(self.ctx.db, topic_id)
        found = study_round(self.ctx.db, topic_id, self._round_date(topic))
        self.round = found
        self.model.set_rows(found.rows)
        self.table.resizeColumnToContents(COL_NUMBER)
        self.percent_label.setText(
            '<span style="font-size: large; font-weight: 600;">'
            f"Đã học tập: {escape(found.percent_text)}</span>"
        )
        if found.deadline:
            self.deadline_label.setText(f"Hạn học tập: {short_date(found.deadline)}")
        else:
            self.deadline_label.setText("Chuyên đề không ghi hạn học tập.")
        self.overdue_label.setVisible(found.overdue)
        if found.overdue:
            self.overdue_label.setText(f"Quá hạn — còn {len(found.missing)} đồng chí chưa học tập")
        lines = [f"• {row.full_name}: {row.status_label}" for row in found.excluded]
        if lines:
            self.excluded_label.setText("Không tính vào số phải học tập:\n" + "\n".join(lines))
        self.excluded_label.setVisible(bool(lines))
        self._update_enabled()

    def _update_enabled(self) -> None:
        has_topic = self.round is not None
        rows = self.selected_rows()
        self.mark_button.setEnabled(has_topic and bool(rows))
        self.unmark_button.setEnabled(has_topic and any(r.studied for r in rows))
        self.from_meeting_button.setEnabled(has_topic)
        self.edit_button.setEnabled(has_topic)
        self.delete_button.setEnabled(has_topic)

    def selected_rows(self):
        numbers = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[n] for n in numbers if n < len(self.model.rows)]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Attendance and members change elsewhere; the round is cheap to read again.
        super().showEvent(event)
        if self.round is not None:
            self.show_round()
