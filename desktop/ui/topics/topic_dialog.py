"""The form of one study topic (chuyên đề): level, titles, period, study deadline, the
launching documents (văn bản triển khai) and the content sections (nội dung), one a line.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import DomainError
from desktop.services.topics.data import (
    YEAR_MAX,
    YEAR_MIN,
    TopicData,
    TopicDocumentInfo,
    TopicInfo,
    TopicLevel,
    TopicSectionInfo,
)
from desktop.services.topics.catalogue import create_topic, get_topic, update_topic
from desktop.text import parse_date, short_date
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.common import show_date
from desktop.ui.widgets import date_edit, error_label, form_label

DOCUMENT_HEADERS = ("Số hiệu", "Cơ quan ban hành", "Ngày (dd/mm/yyyy)", "Trích yếu")
COL_NUMBER, COL_ISSUER, COL_DATE, COL_TITLE = range(4)
NOT_CARRIED = "(không)"


def _year_box(optional: bool = False) -> QSpinBox:
    box = QSpinBox()
    # The value just below the range stands for "no year" in the optional box.
    box.setRange(YEAR_MIN - 1 if optional else YEAR_MIN, YEAR_MAX)
    if optional:
        box.setSpecialValueText(NOT_CARRIED)
    return box


def _read_day(text: str, what: str) -> tuple[date | None, str]:
    """A full day typed as dd/mm/yyyy, or an error message naming ``what``."""
    try:
        parsed = parse_date(text) if text else None
    except ValueError as exc:
        return None, f"{what}: {exc}"
    if parsed is None:
        return None, ""
    if parsed.day is None:
        return None, f"{what}: cần ghi đủ ngày, tháng, năm (ví dụ 27/3/2024)."
    return parsed.to_date(), ""


class TopicDialog(QDialog):
    """``topic_id`` None adds a topic; after acceptance ``saved_id`` is its id."""

    def __init__(
        self, ctx: UiContext, topic_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.topic_id = topic_id
        self.saved_id: int | None = None
        self.topic: TopicInfo | None = get_topic(ctx.db, topic_id) if topic_id else None
        self.setWindowTitle("Sửa chuyên đề" if topic_id else "Thêm chuyên đề mới")
        fit_to_screen(self, QSize(900, 820))

        self.level = QComboBox()
        for level in TopicLevel:
            self.level.addItem(level.label, level.value)
        self.title = QPlainTextEdit()
        self.title.setTabChangesFocus(True)
        self.title.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.short_title = QLineEdit()
        self.short_title.setPlaceholderText("ví dụ: Chuyên đề năm 2026 (hiện trong danh sách)")
        self.issuer = QLineEdit()
        self.start_year = _year_box()
        self.start_month = QSpinBox()
        self.start_month.setRange(1, 12)
        self.end_year = _year_box()
        self.carried = _year_box(optional=True)
        self.deadline = date_edit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)

        self.documents = QTableWidget(0, len(DOCUMENT_HEADERS))
        self.documents.setHorizontalHeaderLabels(DOCUMENT_HEADERS)
        self.documents.verticalHeader().hide()
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.add_document_button = QPushButton("Thêm &văn bản")
        self.remove_document_button = QPushButton("&Bỏ văn bản")
        self.add_document_button.clicked.connect(lambda: self.add_document_row())
        self.remove_document_button.clicked.connect(self.remove_document_row)

        self.sections = QPlainTextEdit()
        self.sections.setTabChangesFocus(True)
        self.sections.setPlaceholderText("Mỗi dòng là một mục nội dung, theo thứ tự học tập.")
        self.error = error_label()

        period = QHBoxLayout()
        period.addWidget(form_label("từ tháng", self.start_month))
        period.addWidget(self.start_month)
        period.addWidget(form_label("năm", self.start_year))
        period.addWidget(self.start_year)
        period.addWidget(form_label("đến hết nă&m", self.end_year))
        period.addWidget(self.end_year)
        period.addStretch(1)
        carried_row = QHBoxLayout()
        carried_row.addWidget(self.carried)
        carried_row.addStretch(1)
        form = QFormLayout()
        form.addRow(form_label("&Cấp", self.level), self.level)
        form.addRow(form_label("&Tên chuyên đề", self.title), self.title)
        form.addRow(form_label("Tên &ngắn", self.short_title), self.short_title)
        form.addRow(form_label("Cơ &quan ban hành", self.issuer), self.issuer)
        form.addRow(form_label("Thời &gian thực hiện", self.start_month), period)
        form.addRow(form_label("Tiế&p tục thực hiện trong năm", self.carried), carried_row)
        form.addRow(form_label("&Hạn học tập", self.deadline), self.deadline)
        form.addRow(form_label("Gh&i chú", self.note), self.note)

        document_buttons = QVBoxLayout()
        document_buttons.addWidget(self.add_document_button)
        document_buttons.addWidget(self.remove_document_button)
        document_buttons.addStretch(1)
        document_row = QHBoxLayout()
        document_row.addWidget(self.documents, 1)
        document_row.addLayout(document_buttons)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>Văn bản triển khai</b>"))
        layout.addLayout(document_row, 1)
        layout.addWidget(form_label("<b>Nội &dung</b> (mỗi dòng một mục)", self.sections))
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        if self.topic is not None:
            self._show(self.topic)
        else:
            year = ctx.today().year
            self.level.setCurrentIndex(self.level.findData(TopicLevel.PROVINCIAL.value))
            self.start_year.setValue(year)
            self.end_year.setValue(year)
            self.carried.setValue(self.carried.minimum())

    # --- showing -------------------------------------------------------------------

    def _show(self, topic: TopicInfo) -> None:
        self.level.setCurrentIndex(self.level.findData(topic.level.value))
        self.title.setPlainText(topic.title)
        self.short_title.setText(topic.short_title)
        self.issuer.setText(topic.issuer)
        self.start_year.setValue(topic.start_year)
        self.start_month.setValue(topic.start_month or 1)
        self.end_year.setValue(topic.end_year)
        self.carried.setValue(topic.carried_into_year or self.carried.minimum())
        show_date(self.deadline, topic.study_deadline)
        self.note.setPlainText(topic.note)
        for document in topic.documents:
            self.add_document_row(document)
        self.sections.setPlainText("\n".join(s.title for s in topic.sections))

    def add_document_row(self, document: TopicDocumentInfo | None = None) -> int:
        row = self.documents.rowCount()
        self.documents.insertRow(row)
        values = ("", "", "", "")
        if document is not None:
            day = short_date(document.issued_on) if document.issued_on else ""
            values = (document.number, document.issuer, day, document.title)
        for column, value in enumerate(values):
            self.documents.setItem(row, column, QTableWidgetItem(value))
        if document is None:
            self.documents.setCurrentCell(row, COL_NUMBER)
            self.documents.editItem(self.documents.item(row, COL_NUMBER))
        return row

    def remove_document_row(self) -> None:
        row = self.documents.currentRow()
        if row >= 0:
            self.documents.removeRow(row)

    # --- reading -------------------------------------------------------------------

    def _cell(self, row: int, column: int) -> str:
        item = self.documents.item(row, column)
        return item.text().strip() if item is not None else ""

    def read_documents(self) -> tuple[list[TopicDocumentInfo], str]:
        """The filled rows (blank ones skipped), or the first problem in Vietnamese."""
        found = []
        for row in range(self.documents.rowCount()):
            cells = [self._cell(row, c) for c in range(len(DOCUMENT_HEADERS))]
            if not any(cells):
                continue
            day, problem = _read_day(cells[COL_DATE], f"Ngày của văn bản ở dòng {row + 1}")
            if problem:
                return [], problem
            if not cells[COL_NUMBER]:
                return [], f"Văn bản ở dòng {row + 1}: chưa ghi số hiệu."
            found.append(
                TopicDocumentInfo(cells[COL_NUMBER], cells[COL_ISSUER], day, cells[COL_TITLE])
            )
        return found, ""

    def read_sections(self) -> list[TopicSectionInfo]:
        """One section a non-empty line. A line naming a stored section keeps it (and the
        meetings that studied it); a changed line in the same place renames that section."""
        titles = [line.strip() for line in self.sections.toPlainText().splitlines()]
        titles = [t for t in titles if t]
        stored = list(self.topic.sections) if self.topic else []
        by_title = {s.title: s for s in stored}
        taken = {by_title[t].id for t in titles if t in by_title}
        found = []
        for position, title in enumerate(titles):
            section = by_title.get(title)
            if section is None and position < len(stored) and stored[position].id not in taken:
                section = stored[position]
                taken.add(section.id)
            summary = section.summary if section else ""
            found.append(TopicSectionInfo(title, summary, id=section.id if section else None))
        return found

    def data(self) -> tuple[TopicData | None, str]:
        deadline, problem = _read_day(self.deadline.text().strip(), "Hạn học tập")
        if problem:
            return None, problem
        documents, problem = self.read_documents()
        if problem:
            return None, problem
        carried = self.carried.value()
        return (
            TopicData(
                title=self.title.toPlainText(),
                level=self.level.currentData(),
                short_title=self.short_title.text(),
                issuer=self.issuer.text(),
                start_year=self.start_year.value(),
                start_month=self.start_month.value(),
                end_year=self.end_year.value(),
                carried_into_year=None if carried == self.carried.minimum() else carried,
                study_deadline=deadline,
                note=self.note.toPlainText(),
                documents=documents,
                sections=self.read_sections(),
                seed_key=self.topic.seed_key if self.topic else None,
            ),
            "",
        )

    # --- saving --------------------------------------------------------------------

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        data, problem = self.data()
        self._problem(problem)
        if data is None:
            return
        try:
            if self.topic_id is None:
                self.saved_id = create_topic(self.ctx.db, data)
            else:
                update_topic(self.ctx.db, self.topic_id, data)
                self.saved_id = self.topic_id
        except DomainError as exc:
            self._problem(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - the dialog stays open with what was typed
            messages.show_exception(self, exc, "Chưa lưu được chuyên đề")
            return
        super().accept()
