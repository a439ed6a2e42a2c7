"""The window of one member's commitment (bản cam kết tu dưỡng, rèn luyện, phấn đấu).

Left: the year's sections with their items; right: the chosen item (its text, the tick
"gắn với chuyên đề", the year-end self-assessment) and its progress notes. The warning
about the study topic is recomputed while typing, so it shows before saving. "Lưu"
(Ctrl+S) saves everything at once; closing with unsaved changes asks first.
"""

from __future__ import annotations

from copy import copy
from datetime import date
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentDetail,
    CommitmentItemData,
    ItemResult,
    commitment_sections,
    commitment_warnings,
    get_commitment,
    save_commitment,
)
from desktop.errors import DomainError
from desktop.services.members.registry import get_member
from desktop.services.topics.catalogue import current_topic
from desktop.text import clean_paragraphs
from desktop.ui.screen_fit import fit_to_screen, usable_size
from desktop.ui import messages
from desktop.ui.commitments.item_editing import ItemEditing
from desktop.ui.commitments.item_tree import NOT_ASSESSED, ItemTree
from desktop.ui.commitments.progress_dialog import ProgressPanel
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import read_date, show_date
from desktop.ui.style import heading
from desktop.ui.widgets import (
    WARNING_COLOUR,
    coloured_label,
    date_edit,
    error_label,
    form_label,
)

SAVE, DISCARD, CANCEL = messages.SAVE, messages.DISCARD, messages.CANCEL


def ask_save(parent: QWidget) -> str:
    """Lưu / Không lưu / Quay lại (messages.ask_save); tests replace this function."""
    return messages.ask_save(parent, "Bản cam kết có thay đổi chưa lưu. Lưu thay đổi?")


def topic_day(year: int, today: date) -> date:
    """The day whose current study topic belongs to ``year``'s commitments."""
    if year == today.year:
        return today
    return date(year, 12, 31) if year < today.year else date(year, 1, 1)


class CommitmentDialog(ItemEditing, QDialog):
    """``saved`` fires after each successful save (the list reloads)."""

    saved = Signal()

    def __init__(
        self, ctx: UiContext, member_id: int, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.year = year
        self.detail: CommitmentDetail | None = None
        self._saved_state: tuple = ()
        self._showing = False
        self.member_name = get_member(ctx.db, member_id).data.full_name
        self.setWindowTitle(f"Bản cam kết năm {year} — {self.member_name}")
        fit_to_screen(self, QSize(1180, 760))

        topic = current_topic(ctx.db, topic_day(year, ctx.today()))
        topic_text = (
            f"Chuyên đề năm {year}: <b>{escape(topic.title)}</b>"
            if topic
            else f"Chưa có chuyên đề học tập cho năm {year} (thêm ở thẻ «Chuyên đề học tập»)."
        )
        self.topic_label = QLabel(topic_text)
        self.topic_label.setWordWrap(True)
        self.topic_label.setTextFormat(Qt.TextFormat.RichText)

        self.written_on = date_edit()
        self.acknowledged_on = date_edit()
        self.copy_button = QPushButton("Chép từ năm t&rước")
        self.copy_button.clicked.connect(self.copy_previous_year)
        self.warning = coloured_label(WARNING_COLOUR)
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)

        self.tree = ItemTree()
        self.tree.items_changed.connect(self._items_changed)
        self.tree.currentItemChanged.connect(lambda *_a: self._show_current())
        self.tree.activated.connect(lambda _index: self._edit_current())
        self.add_button = QPushButton("&Thêm nội dung")
        self.add_button.setToolTip("Thêm một nội dung vào mục đang chọn (Insert)")
        self.remove_button = QPushButton("&Bỏ nội dung")
        self.remove_button.setToolTip("Bỏ nội dung đang chọn (Delete)")
        self.up_button = QPushButton("Đưa lên")
        self.up_button.setToolTip("Đưa nội dung đang chọn lên trên (Ctrl+Mũi tên lên)")
        self.down_button = QPushButton("Đưa xuống")
        self.down_button.setToolTip("Đưa nội dung đang chọn xuống dưới (Ctrl+Mũi tên xuống)")
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.error = error_label()

        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("Ghi cụ thể việc sẽ làm, ví dụ: Tham gia đầy đủ các buổi…")
        lines = self.fontMetrics().lineSpacing()
        # Room for a few lines, so the progress notes below keep their share of the height.
        self.text.setMinimumHeight(lines * 3 + 14)
        self.text.setMaximumHeight(lines * 5 + 14)
        self.text.textChanged.connect(self._text_changed)
        self.topic_box = QCheckBox("Gắn với ch&uyên đề học tập năm nay")
        self.topic_box.toggled.connect(self._topic_toggled)
        self.assessment = QComboBox()
        self.assessment.addItem(NOT_ASSESSED, "")
        for result in ItemResult:
            self.assessment.addItem(result.label, result.value)
        self.assessment.currentIndexChanged.connect(lambda _i: self._assessment_changed())
        self.assessment_note = QPlainTextEdit()
        self.assessment_note.setTabChangesFocus(True)
        self.assessment_note.setPlaceholderText("Kết quả cụ thể, lý do chưa đạt…")
        self.assessment_note.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.assessment_note.textChanged.connect(self._assessment_changed)
        self.progress = ProgressPanel(ctx, year)
        self.progress.changed.connect(self._progress_changed)

        self.save_button = QPushButton("&Lưu")
        self.save_button.setToolTip("Lưu bản cam kết (Ctrl+S)")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.close_button = QPushButton("Đó&ng")
        self.close_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self.save)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_item),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_item),
            (QKeySequence("Ctrl+Up"), lambda: self.move_item(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_item(1)),
        ):
            shortcut = QShortcut(keys, self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self._layout()
        self.reload()

    def _layout(self) -> None:
        dates = QHBoxLayout()
        dates.addWidget(form_label("Ngày &viết", self.written_on))
        dates.addWidget(self.written_on)
        dates.addSpacing(16)
        dates.addWidget(form_label("Ngày chi ủ&y xác nhận", self.acknowledged_on))
        dates.addWidget(self.acknowledged_on)
        dates.addStretch(1)
        dates.addWidget(self.copy_button)

        tree_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            tree_buttons.addWidget(button)
        tree_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(form_label("<b>&Các nội dung cam kết</b>", self.tree))
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(tree_buttons)
        left_layout.addWidget(self.error)

        self.editor = QGroupBox("Nội dung đang chọn")
        form = QFormLayout(self.editor)
        form.addRow(form_label("Nội &dung", self.text), self.text)
        form.addRow("", self.topic_box)
        form.addRow(form_label("Tự đánh &giá cuối năm", self.assessment), self.assessment)
        form.addRow(form_label("Gh&i chú tự đánh giá", self.assessment_note), self.assessment_note)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor)
        right_layout.addWidget(self.progress, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 480])  # the items get the larger share, at any text size
        if splitter.minimumSizeHint().width() > usable_size(self).width() - 40:
            # Large text on a small screen: the detail goes under the list, not beside.
            splitter.setOrientation(Qt.Orientation.Vertical)

        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)

        self.title_label = heading(f"Bản cam kết năm {self.year} — đồng chí {self.member_name}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.topic_label)
        layout.addLayout(dates)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)
        layout.addLayout(bar)

    # --- loading and showing -------------------------------------------------------

    def reload(self) -> None:
        """Read the stored commitment (or start a new one dated today)."""
        self.detail = get_commitment(self.ctx.db, self.member_id, self.year)
        if self.detail is None:
            sections = commitment_sections(self.year)
            data = CommitmentData(written_on=self.ctx.today())
            # A new, untouched form is not a change: closing it asks nothing.
            show_date(self.written_on, data.written_on)
            self.acknowledged_on.clear()
        else:
            sections = self.detail.sections
            data = self.detail.data()
            show_date(self.written_on, data.written_on)
            show_date(self.acknowledged_on, data.acknowledged_on)
        self.tree.fill(sections, data.items)
        rows = self.tree.item_rows()
        self.tree.setCurrentItem(rows[0] if rows else self.tree.sections[0])
        self.tree.setFocus()
        self._saved_state = self._state()
        self._items_changed()
        self._show_current()

    def _state(self) -> tuple:
        items = tuple(
            (
                i.section_code,
                i.text,
                i.topic_linked,
                i.self_assessment,
                i.self_assessment_note,
                i.id,
            )
            for i in self.tree.items()
        )
        return (self.written_on.text().strip(), self.acknowledged_on.text().strip(), items)

    def has_unsaved_changes(self) -> bool:
        return self._state() != self._saved_state

    def _items_changed(self) -> None:
        row = self.tree.current_row()
        if row is not None and self.topic_box.isChecked() != row.item.topic_linked:
            # Ticked in the list: the box beside the text follows.
            self._showing = True
            self.topic_box.setChecked(row.item.topic_linked)
            self._showing = False
        items = self.tree.items()
        warnings = commitment_warnings(self.year, items)
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        self.copy_button.setEnabled(not items and self._previous() is not None)
        self._update_enabled()

    def _previous(self) -> CommitmentDetail | None:
        return get_commitment(self.ctx.db, self.member_id, self.year - 1)

    def _show_current(self) -> None:
        row = self.tree.current_row()
        self._showing = True
        try:
            self.editor.setEnabled(row is not None)
            item = row.item if row is not None else CommitmentItemData("", "")
            self.text.setPlainText(item.text)
            self.topic_box.setChecked(item.topic_linked)
            index = self.assessment.findData(item.self_assessment)
            self.assessment.setCurrentIndex(max(index, 0))
            self.assessment_note.setPlainText(item.self_assessment_note)
        finally:
            self._showing = False
        self._show_progress()
        self._update_enabled()

    def _show_progress(self) -> None:
        row = self.tree.current_row()
        if row is None:
            self.progress.show_notes(None, "", ())
            return
        stored = {i.id: i for i in self.detail.items} if self.detail else {}
        found = stored.get(row.item.id) if row.item.id is not None else None
        text = clean_paragraphs(row.item.text) or "(chưa ghi nội dung)"
        if found is None:
            self.progress.show_notes(None, text, ())
        else:
            self.progress.show_notes(found.id, text, found.progress)

    # --- saving and closing --------------------------------------------------------

    def data(self) -> tuple[CommitmentData | None, str]:
        written, problem = read_date(self.written_on, "Ngày viết")
        if problem:
            return None, problem
        acknowledged, problem = read_date(self.acknowledged_on, "Ngày chi ủy xác nhận")
        if problem:
            return None, problem
        # A new line left empty is dropped; an emptied stored one is an error to fix.
        items = [
            copy(i)
            for i in self.tree.items()
            if i.id is not None or clean_paragraphs(i.text) or i.self_assessment
        ]
        return CommitmentData(written, acknowledged, items), ""

    def save(self) -> bool:
        data, problem = self.data()
        self._show_problem(problem)
        if data is None:
            return False
        current = self.tree.current_row()
        position = self.tree.item_rows().index(current) if current is not None else -1
        try:
            save_commitment(self.ctx.db, self.member_id, self.year, data)
        except DomainError as exc:
            self._show_problem(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - the window stays open with what was typed
            messages.show_exception(self, exc, "Chưa lưu được bản cam kết")
            return False
        self.reload()
        rows = self.tree.item_rows()
        if 0 <= position < len(rows):
            self.tree.setCurrentItem(rows[position])
        self.saved.emit()
        return True

    def _progress_changed(self) -> None:
        # Notes are stored at once; read them again without touching unsaved edits.
        self.detail = get_commitment(self.ctx.db, self.member_id, self.year)
        self._show_progress()
        self.saved.emit()

    def reject(self) -> None:
        """Close (Esc, "Đóng", the window's ×), asking first when something is unsaved."""
        if self.has_unsaved_changes():
            answer = ask_save(self)
            if answer == CANCEL or (answer == SAVE and not self.save()):
                return
        self._saved_state = self._state()
        super().reject()

    def discard(self) -> None:
        """Close without asking (the main window is closing and the user agreed)."""
        self._saved_state = self._state()
        super().reject()
