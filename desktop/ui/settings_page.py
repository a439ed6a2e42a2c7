"""The "Cài đặt" page: the cell's details, text size, backups and the data folder.

The data folder's path is always shown: "all my data is gone" is most often the app
opened on another folder (docs/architecture.md, "What users of such apps lost").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.cell.details import get_cell, save_cell
from desktop.ui import messages
from desktop.ui.backups_panel import BackupsPanel
from desktop.ui.cell_form import CellInfoForm
from desktop.ui.context import UiContext
from desktop.ui.settings.papers import PaperSettings
from desktop.ui.style import FONT_SIZES, apply_font_size, heading
from desktop.ui.widgets import form_label


class SettingsPage(QScrollArea):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the page
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        # Thông tin chi bộ
        self.cell_form = CellInfoForm()
        self.save_cell_button = QPushButton("&Lưu thông tin chi bộ")
        self.save_cell_button.clicked.connect(self.save_cell_info)
        self.cell_status = QLabel()
        cell_box = QGroupBox("Thông tin chi bộ")
        cell_layout = QVBoxLayout(cell_box)
        cell_layout.addWidget(self.cell_form)
        row = QHBoxLayout()
        row.addWidget(self.save_cell_button)
        row.addWidget(self.cell_status, 1)
        cell_layout.addLayout(row)

        # Giấy tờ in: nhiệm kỳ, nơi nhận, đảng ủy (desktop/ui/settings/papers.py)
        self.papers = PaperSettings(ctx)
        papers_box = QGroupBox("Giấy tờ in")
        QVBoxLayout(papers_box).addWidget(self.papers)
        self._watched: QObject | None = None

        # Hiển thị và sao lưu
        self.font_combo = QComboBox()
        for size in FONT_SIZES:
            self.font_combo.addItem(f"{size}" + (" (mặc định)" if size == 12 else ""), size)
        self.font_combo.currentIndexChanged.connect(self._font_chosen)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(2, 100)
        self.keep_spin.setSuffix(" bản")
        self.keep_spin.valueChanged.connect(self._keep_changed)
        display_box = QGroupBox("Hiển thị")
        display_form = QFormLayout(display_box)
        display_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        display_form.addRow(form_label("Cỡ c&hữ", self.font_combo), self.font_combo)
        display_form.addRow(form_label("Số bản sao lưu &giữ lại", self.keep_spin), self.keep_spin)

        # Thư mục dữ liệu
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.open_folder_button = QPushButton("&Mở thư mục")
        self.open_folder_button.clicked.connect(self.open_data_folder)
        folder_box = QGroupBox("Thư mục dữ liệu")
        folder_layout = QHBoxLayout(folder_box)
        folder_layout.addWidget(self.folder_label, 1)
        folder_layout.addWidget(self.open_folder_button)

        self.backups = BackupsPanel(ctx)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addWidget(heading("Cài đặt"))
        layout.addWidget(cell_box)
        layout.addWidget(papers_box)
        layout.addWidget(display_box)
        layout.addWidget(folder_box)
        layout.addWidget(self.backups)
        layout.addStretch(1)
        content.setMaximumWidth(1000)
        self.setWidget(content)

        ctx.workspace_changed.connect(self.load)
        self.load()

    def load(self) -> None:
        self.cell_form.set_info(get_cell(self.ctx.db))
        self.cell_status.clear()
        settings = self.ctx.settings
        self.font_combo.blockSignals(True)
        index = self.font_combo.findData(settings.font_point_size)
        self.font_combo.setCurrentIndex(index if index >= 0 else self.font_combo.findData(12))
        self.font_combo.blockSignals(False)
        self.keep_spin.blockSignals(True)
        self.keep_spin.setValue(settings.backups_to_keep)
        self.keep_spin.blockSignals(False)
        self.folder_label.setText(str(self.ctx.data_dir))
        self.backups.reload()
        self.papers.load()

    # --- typing not saved yet: kept across pages, asked about when the window closes ----

    def has_unsaved_changes(self) -> bool:
        return self.papers.has_unsaved_changes()

    def save(self) -> bool:
        return self.papers.save()

    def discard(self) -> None:
        self.papers.load()

    def may_close(self) -> bool:
        """Lưu (default) / Không lưu / Quay lại, as every editing window asks."""
        if not self.has_unsaved_changes():
            return True
        answer = messages.ask_save(
            self, "Trang «Cài đặt» còn thay đổi về giấy tờ in chưa lưu. Lưu trước khi đóng?"
        )
        if answer == messages.SAVE:
            return self.save()
        if answer == messages.DISCARD:
            self.discard()
            return True
        return False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._watched:
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The main window closes: this page is not a window of its own, so it asks here.
        if watched is self._watched and event.type() == QEvent.Type.Close:
            if not self.may_close():
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def save_cell_info(self) -> None:
        info = self.cell_form.info()
        if not info.is_set:
            self.cell_status.setText("Chưa nhập tên chi bộ.")
            self.cell_form.edits["name"].setFocus()
            return
        try:
            save_cell(self.ctx.db, info)
        except Exception as exc:  # noqa: BLE001 - told to the user
            messages.show_exception(self, exc, "Chưa lưu được")
            return
        self.cell_form.set_info(get_cell(self.ctx.db))
        self.cell_status.setText("Đã lưu thông tin chi bộ.")
        self.ctx.cell_changed.emit()

    def _font_chosen(self) -> None:
        size = int(self.font_combo.currentData())
        apply_font_size(size)
        self.ctx.settings.font_point_size = size
        self._save_settings()
        self.ctx.font_changed.emit(size)

    def _keep_changed(self, value: int) -> None:
        self.ctx.settings.backups_to_keep = value
        self._save_settings()

    def _save_settings(self) -> None:
        try:
            self.ctx.workspace.save_settings()
        except OSError as exc:
            messages.show_exception(self, exc, "Chưa lưu được cài đặt")

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))
