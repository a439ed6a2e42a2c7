"""Cài đặt giấy tờ: the term starts that number papers, the recipients, the đảng ủy's header.

Three tabs of one group on the settings page. Each tab keeps its typing until "Lưu" saves
it: switching tabs, recipient kinds or pages loses nothing, and closing the window asks
"Lưu / Không lưu / Quay lại" (``SettingsPage``). Everything is read and written through
the services (desktop/services/cell/numbering.py, desktop/services/cell/settings.py,
desktop/services/exchange/consolidation.py).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import DomainError, ValidationError
from desktop.services.cell.numbering import (
    check_term_starts,
    set_term_starts,
    stored_term_starts,
)
from desktop.services.cell.settings import (
    recipient_defaults,
    recipient_kinds,
    recipients,
    set_recipients,
)
from desktop.services.exchange.consolidation import UnitHeader, set_unit_header, unit_header
from desktop.text.dates import short_date
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.widgets import coloured_label, editable_combo, error_label, form_label

UNSAVED = "Có thay đổi chưa lưu."
NUMBERING_RULE = (
    "Mỗi loại giấy tờ của chi bộ (biên bản, thông báo, chương trình, danh sách…) được đánh "
    "số từ 01 trong mỗi nhiệm kỳ, tính từ ngày đại hội chi bộ mở đầu nhiệm kỳ đó, không "
    "đánh lại từ tháng Giêng hằng năm."
)
ARCHIVE_NOTE = (
    "Không cần viết dòng «- Lưu chi bộ.»: giấy tờ luôn in thêm dòng này ở cuối phần Nơi nhận."
)


class PaperGroup(QWidget):
    """One tab: its own "Lưu", a status line, and whether typing is waiting to be saved."""

    edited = Signal()  # typing changed what would be saved
    stored = Signal()  # saved or read again

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.edited.connect(self._show_unsaved)

    def has_unsaved_changes(self) -> bool:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def _show_unsaved(self) -> None:
        self.status.setText(UNSAVED if self.has_unsaved_changes() else "")

    def _failed(self, exc: Exception, error: QLabel) -> bool:
        """A refusal the user can fix goes next to the field; anything else in a box."""
        if isinstance(exc, DomainError):
            error.setText(str(exc))
            error.show()
        else:
            messages.show_exception(self, exc, "Chưa lưu được")
        self.status.setText("Chưa lưu.")
        return False

    def _button_row(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addWidget(self.status, 1)
        return row


class TermStartsGroup(PaperGroup):
    """Nhiệm kỳ: the congress dates from which each kind of paper is numbered from 01."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.saved: list[date] = []
        rule = QLabel(NUMBERING_RULE)
        rule.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 3 + 12)
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate(1930, 2, 3))
        self.error = error_label()
        self.add_button = QPushButton("Thêm ngày &vào danh sách")
        self.add_button.clicked.connect(self.add_date)
        self.remove_button = QPushButton("&Xóa ngày đã chọn")
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button = QPushButton("Lưu &danh sách nhiệm kỳ")
        self.save_button.clicked.connect(self.save)

        field = QHBoxLayout()
        field.addWidget(self.date_edit)
        field.addWidget(self.add_button)
        field.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(rule)
        layout.addWidget(QLabel("Các ngày đại hội chi bộ đã ghi:"))
        listed = QHBoxLayout()
        listed.addWidget(self.list, 1)
        listed.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(listed)
        prompt = "Ngày đại hội mở đầ&u nhiệm kỳ mới (ngày/tháng/năm):"
        layout.addWidget(form_label(prompt, self.date_edit))
        layout.addLayout(field)
        layout.addWidget(self.error)
        layout.addLayout(self._button_row(self.save_button))

    def days(self) -> list[date]:
        return sorted(self.list.item(row).data(256) for row in range(self.list.count()))

    def _show_days(self, days: list[date]) -> None:
        self.list.clear()
        for day in sorted(days):
            item = QListWidgetItem(short_date(day))
            item.setData(256, day)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(days))

    def load(self) -> None:
        self.saved = stored_term_starts(self.ctx.db)
        self._show_days(self.saved)
        today = self.ctx.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.error.hide()
        self.status.clear()

    def has_unsaved_changes(self) -> bool:
        return self.days() != self.saved

    def add_date(self) -> None:
        day = self.date_edit.date().toPython()
        self.error.hide()
        if day in self.days():
            self.error.setText(f"Ngày {short_date(day)} đã có trong danh sách.")
            self.error.show()
            return
        try:
            check_term_starts([*self.days(), day], self.ctx.today())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.date_edit.setFocus()
            return
        self._show_days([*self.days(), day])
        self.edited.emit()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.error.setText("Hãy chọn một ngày trong danh sách rồi bấm «Xóa ngày đã chọn».")
            self.error.show()
            return
        self.error.hide()
        self.list.takeItem(self.list.row(item))
        self.remove_button.setEnabled(self.list.count() > 0)
        self.edited.emit()

    def save(self) -> bool:
        self.error.hide()
        try:
            set_term_starts(self.ctx.db, self.days(), self.ctx.today())
        except Exception as exc:  # noqa: BLE001 - told to the user
            return self._failed(exc, self.error)
        self.load()
        self.status.setText("Đã lưu các ngày đại hội.")
        self.stored.emit()
        return True


class RecipientsGroup(PaperGroup):
    """Nơi nhận: one editor per kind of paper, one recipient a line."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.saved: dict[str, str] = {}
        self.typed: dict[str, str] = {}
        self.kind_combo = QComboBox()
        self.papers_of: dict[str, str] = {}
        for kind, label, papers in recipient_kinds():
            self.kind_combo.addItem(label, kind)
            self.papers_of[kind] = papers
        self.papers_label = QLabel()
        self.papers_label.setWordWrap(True)
        self.shown_kind = self.kind_combo.currentData()
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(self.editor.fontMetrics().height() * 6 + 16)
        self.editor.textChanged.connect(self._typed)
        self.error = error_label()
        self.defaults_button = QPushButton("Khôi phục &danh sách mặc định")
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.save_button = QPushButton("Lư&u nơi nhận")
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow(form_label("L&oại giấy tờ", self.kind_combo), self.kind_combo)
        form.addRow("In trên:", self.papers_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(form_label("&Viết các nơi nhận, mỗi dòng một nơi:", self.editor))
        layout.addWidget(self.editor)
        layout.addWidget(coloured_label("#444444", ARCHIVE_NOTE))
        layout.addWidget(self.error)
        layout.addLayout(self._button_row(self.defaults_button, self.save_button))

    def load(self) -> None:
        kinds = [kind for kind, _label, _papers in recipient_kinds()]
        self.saved = {kind: "\n".join(recipients(self.ctx.db, kind)) for kind in kinds}
        self.typed = dict(self.saved)
        self._show(self.kind_combo.currentData())
        self.error.hide()
        self.status.clear()

    def _show(self, kind: str) -> None:
        self.shown_kind = kind
        self.papers_label.setText(self.papers_of[kind])
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.typed.get(kind, ""))
        self.editor.blockSignals(False)

    def _kind_chosen(self) -> None:
        self._show(self.kind_combo.currentData())

    def _typed(self) -> None:
        self.typed[self.shown_kind] = self.editor.toPlainText()
        self.edited.emit()

    def text_of(self, kind: str) -> str:
        return self.typed.get(kind, "")

    def has_unsaved_changes(self) -> bool:
        return any(_lines(self.typed[k]) != _lines(self.saved.get(k, "")) for k in self.typed)

    def restore_defaults(self) -> None:
        """The defaults go into the editor; "Lưu" keeps them, so a slip is not final."""
        self.editor.setPlainText("\n".join(recipient_defaults(self.ctx.db, self.shown_kind)))
        self.editor.setFocus()

    def save(self) -> bool:
        self.error.hide()
        try:
            for kind, text in self.typed.items():
                if _lines(text) != _lines(self.saved.get(kind, "")):
                    set_recipients(self.ctx.db, kind, _lines(text))
        except Exception as exc:  # noqa: BLE001 - told to the user
            return self._failed(exc, self.error)
        self.load()
        self.status.setText("Đã lưu nơi nhận.")
        self.stored.emit()
        return True


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


_UNIT_FIELDS = (
    ("name", "Tên đảng ủy (cơ &quan ban hành)", "Ví dụ: Đảng ủy xã Long Thạnh"),
    ("above", "Thuộc đảng bộ", "Ví dụ: Đảng bộ thành phố Cần Thơ"),
    ("place", "Địa &danh ghi ngày tháng", "Ví dụ: Long Thạnh"),
    ("signer_name", "Họ &và tên người ký", "Ví dụ: Phạm Văn Minh"),
    ("signer_title", "Chức vụ người ký", "Bí thư hoặc Phó Bí thư"),
)


class UnitHeaderGroup(PaperGroup):
    """Đảng ủy (bản tổng hợp): the superior's own header and signer on its consolidated list."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.saved: UnitHeader | None = None
        self.edits: dict[str, QLineEdit] = {}
        intro = QLabel(
            "Dùng khi đảng ủy tổng hợp kết quả xếp loại của các chi bộ: đây là tên, địa danh "
            "và người ký in trên bản tổng hợp (T/M ĐẢNG ỦY)."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        for name, label, example in _UNIT_FIELDS:
            if name == "signer_title":
                # The usual two, or any other title typed (e.g. "Quyền Bí thư").
                self.title_combo = editable_combo(["Bí thư", "Phó Bí thư"])
                self.title_combo.currentTextChanged.connect(lambda _text: self.edited.emit())
                edit, field = self.title_combo.lineEdit(), self.title_combo
            else:
                edit = field = QLineEdit()
            edit.setPlaceholderText(example)
            edit.textEdited.connect(lambda _text: self.edited.emit())
            form.addRow(form_label(label, field), field)
            self.edits[name] = edit
        self.error = error_label()
        self.save_button = QPushButton("Lư&u thông tin đảng ủy")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(self._button_row(self.save_button))

    def header(self) -> UnitHeader:
        return UnitHeader(**{name: edit.text() for name, edit in self.edits.items()})

    def load(self) -> None:
        self.saved = unit_header(self.ctx.db)
        for name, edit in self.edits.items():
            edit.setText(getattr(self.saved, name))
        self.error.hide()
        self.status.clear()

    def has_unsaved_changes(self) -> bool:
        typed = self.header()
        return self.saved is not None and any(
            getattr(typed, f).strip() != getattr(self.saved, f).strip() for f in self.edits
        )

    def save(self) -> bool:
        self.error.hide()
        try:
            set_unit_header(self.ctx.db, self.header())
        except Exception as exc:  # noqa: BLE001 - told to the user
            if isinstance(exc, DomainError):
                self.edits["name"].setFocus()
            return self._failed(exc, self.error)
        self.load()
        self.status.setText("Đã lưu thông tin đảng ủy.")
        self.stored.emit()
        return True


class PaperSettings(QTabWidget):
    """The three groups as tabs: only one is shown, so each keeps its own Alt-letters."""

    TITLES = ("Nhiệm kỳ (&số giấy tờ)", "Nơ&i nhận", "Đảng ủy (bản tổng hợp)")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terms = TermStartsGroup(ctx)
        self.recipients = RecipientsGroup(ctx)
        self.unit = UnitHeaderGroup(ctx)
        for group, title in zip(self.groups, self.TITLES, strict=True):
            self.addTab(group, title)
            group.edited.connect(self._mark_tabs)
            group.stored.connect(self._mark_tabs)

    @property
    def groups(self) -> tuple[PaperGroup, ...]:
        return (self.terms, self.recipients, self.unit)

    def load(self) -> None:
        for group in self.groups:
            group.load()
        self._mark_tabs()

    def has_unsaved_changes(self) -> bool:
        return any(group.has_unsaved_changes() for group in self.groups)

    def save(self) -> bool:
        """Save every tab with typing; False (that tab shown, saying why) when one fails."""
        for index, group in enumerate(self.groups):
            if group.has_unsaved_changes() and not group.save():
                self.setCurrentIndex(index)
                self._mark_tabs()
                return False
        self._mark_tabs()
        return True

    def _mark_tabs(self) -> None:
        """A tab with typing not saved yet says so in its title ("•")."""
        for index, (group, title) in enumerate(zip(self.groups, self.TITLES, strict=True)):
            self.setTabText(index, title + (" •" if group.has_unsaved_changes() else ""))


