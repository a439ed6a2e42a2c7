"""The cell's own details (thông tin chi bộ): name, superior body, place name, term.

These print on every header ("ĐẢNG BỘ XÃ … / CHI BỘ …") and date line, so the form
shows an example under each box.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.cell.details import CellInfo, save_cell
from desktop.storage.database import Database
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.style import heading
from desktop.ui.widgets import error_label, form_label

_FIELDS = (
    ("name", "Tên &chi bộ", "Ví dụ: Ấp Thạnh Lợi (không ghi chữ «Chi bộ»)"),
    ("superior_name", "Đảng bộ cấp t&rên", "Ví dụ: Đảng bộ xã Vị Thủy"),
    ("place_name", "Địa danh ghi &ngày tháng", "Ví dụ: Vị Thủy (in «Vị Thủy, ngày …»)"),
    ("term", "Nhiệm &kỳ", "Ví dụ: 2025 – 2030"),
)


class CellInfoForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for name, label, example in _FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(example)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(example) + 24)
            form.addRow(form_label(label, edit), edit)
            self.edits[name] = edit

    def info(self) -> CellInfo:
        return CellInfo(**{name: edit.text() for name, edit in self.edits.items()})

    def set_info(self, info: CellInfo) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(info, name))


class CellInfoDialog(QDialog):
    """Asks for the cell's details and saves them (used on first start)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Thông tin chi bộ")
        fit_to_screen(self, QSize(640, 0))
        self.form = CellInfoForm()
        self.error = error_label()
        buttons = QDialogButtonBox()
        buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Để sau", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        intro = QLabel(
            "Các thông tin này được in ở đầu mọi văn bản của chi bộ. Có thể sửa lại bất cứ "
            "lúc nào trong phần «Cài đặt»."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Thông tin chi bộ"))
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        info = self.form.info()
        if not info.is_set:
            self.error.setText("Chưa nhập tên chi bộ.")
            self.error.show()
            self.form.edits["name"].setFocus()
            return
        save_cell(self.db, info)
        super().accept()
