"""Chương trình mẫu: the cell's own order of business for each kind of meeting, which
every newly planned meeting of that kind starts from."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import DomainError
from desktop.services.meetings.agenda import (
    AgendaTemplateItem,
    agenda_template,
    default_templates,
    reset_agenda_template,
    set_agenda_template,
)
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.meetings.agenda_list import AgendaLine, AgendaList
from desktop.ui.meetings.plan_dialog import KINDS
from desktop.ui.widgets import error_label, form_label


class AgendaTemplateDialog(QDialog):
    """Edit one kind's template at a time; "Lưu" keeps it, the dialog stays open."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Chương trình mẫu")
        fit_to_screen(self, QSize(760, 600))
        self.kind = QComboBox()
        for label, value in KINDS:
            self.kind.addItem(label, value)
        self.shown_kind = self.kind.currentData()
        self.optional: dict[str, bool] = {}
        self.agenda = AgendaList()
        self.error = error_label()
        explain = QLabel(
            "Buổi sinh hoạt lập kế hoạch sau này sẽ theo chương trình mẫu này. "
            "Bấm đúp vào một mục để sửa tên; mục bắt buộc không bỏ được."
        )
        explain.setWordWrap(True)
        self.reset_button = QPushButton("&Khôi phục mặc định")
        self.save_button = QPushButton("&Lưu")
        self.reset_button.clicked.connect(self.reset)
        self.save_button.clicked.connect(self.save)
        self.save_button.setDefault(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        close.rejected.connect(self.reject)

        kind_row = QHBoxLayout()
        kind_row.addWidget(form_label("Loạ&i buổi sinh hoạt", self.kind))
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reset_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(kind_row)
        layout.addWidget(self.agenda, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.load()

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def load(self) -> None:
        kind = self.kind.currentData()
        self.shown_kind = kind
        required = {i.code for i in default_templates()[kind] if i.required}
        items = agenda_template(self.ctx.db, kind)
        self.optional = {i.code: i.optional for i in items}
        self.agenda.set_lines(
            [AgendaLine(i.title, i.code, 0, i.required or i.code in required) for i in items]
        )
        self._problem("")

    def _kind_changed(self) -> None:
        if self.agenda.edited and messages.ask(
            self,
            "Chương trình mẫu",
            "Chương trình mẫu vừa sửa chưa được lưu. Lưu trước khi chuyển loại buổi sinh hoạt?",
            "Lưu",
            "Không lưu",
        ):
            self._save_kind(self.shown_kind)
        self.load()

    def items(self) -> list[AgendaTemplateItem]:
        return [
            AgendaTemplateItem(
                line.code, line.title.strip(), self.optional.get(line.code, False), line.required
            )
            for line in self.agenda.lines()
        ]

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _save_kind(self, kind: str) -> bool:
        try:
            set_agenda_template(self.ctx.db, kind, self.items())
        except DomainError as exc:
            self._problem(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa lưu được chương trình mẫu")
            return False
        return True

    def save(self) -> bool:
        if not self._save_kind(self.kind.currentData()):
            return False
        self.load()
        return True

    def reject(self) -> None:
        if self.agenda.edited and messages.ask(
            self,
            "Chương trình mẫu",
            "Chương trình mẫu vừa sửa chưa được lưu. Lưu trước khi đóng?",
            "Lưu",
            "Không lưu",
        ):
            if not self.save():
                return
        super().reject()

    def reset(self) -> bool:
        label = self.kind.currentText().lower()
        if not messages.ask(
            self,
            "Khôi phục mặc định",
            f"Bỏ chương trình mẫu của chi bộ cho sinh hoạt {label} và dùng lại chương trình "
            "mặc định?",
            "Khôi phục",
            "Không",
            danger=True,
        ):
            return False
        try:
            reset_agenda_template(self.ctx.db, self.kind.currentData())
        except Exception as exc:  # noqa: BLE001 - shown in Vietnamese
            messages.show_exception(self, exc, "Chưa khôi phục được")
            return False
        self.load()
        return True
