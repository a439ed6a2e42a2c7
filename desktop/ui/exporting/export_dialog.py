"""The window that writes a package to a USB stick (ghi ra USB), verified.

Choose the stick (or a folder), optionally a password, then the work runs on a worker
thread: a progress bar counts each byte twice (written, then read back) and "Hủy" stops
it, leaving nothing behind. The success message names the place, the path and the start
of the checksum, and says the stick may be pulled out. A package of the same name on the
stick is replaced only after the user says so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.errors import ExportFailed, PackageExists
from desktop.packaging.ratings import ExportResult
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.exporting.drive_picker import DrivePicker, Volume, removable_volumes, size_text
from desktop.ui.exporting.jobs import PASSWORD_TEXT, ExportJob
from desktop.ui.tasks import Task, run_task
from desktop.ui.widgets import ERROR_COLOUR, coloured_label, form_label

MIN_PASSWORD = 6
FIRST_YEAR = 2018
CHECKSUM_SHOWN = 12


def success_text(thing: str, result: ExportResult, place: str, on_stick: bool) -> str:
    text = (
        f"Đã chép và kiểm tra xong {thing} «{result.path.name}» vào {place}: mọi tệp đã được "
        "đọc lại và khớp với bảng kê.\n\n"
        f"Đường dẫn: {result.path}\n"
        f"Mã kiểm tra: {result.sha256[:CHECKSUM_SHOWN]}\n\n"
    )
    if on_stick:
        return text + "Có thể rút USB an toàn."
    return text + "Nếu thư mục này nằm trên USB, có thể rút USB an toàn."


class _Bridge(QObject):
    """Carries progress from the worker to the GUI thread (queued)."""

    progressed = Signal(object, object, str)


class ExportDialog(QDialog):
    """Emits ``exported(result)`` once a package has been written and verified."""

    exported = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        job: ExportJob,
        parent: QWidget | None = None,
        *,
        volumes: Callable[[], list[Volume]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = job
        self.task: Task | None = None
        self.result: ExportResult | None = None
        self.message = ""
        self._cancel = threading.Event()
        self._bridge = _Bridge(self)
        self._bridge.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.setWindowTitle(job.title)
        fit_to_screen(self, QSize(640, 0))

        intro = QLabel(job.intro)
        intro.setWordWrap(True)
        source = volumes or (lambda: removable_volumes(ctx.data_dir))
        self.picker = DrivePicker(source)
        drives = QGroupBox("Ghi vào USB hoặc thư mục")
        QVBoxLayout(drives).addWidget(self.picker)

        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, ctx.today().year + 1)
        self.year.setValue(ctx.today().year)
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(128)
        self.password.setPlaceholderText("để trống nếu không cần")
        form = QFormLayout()
        if job.uses_year:
            form.addRow(form_label("&Năm:", self.year), self.year)
        password_box = QWidget()
        if job.uses_password:
            form.addRow(form_label("&Mật khẩu:", self.password), self.password)
            form.addRow(form_label("Nhập lạ&i mật khẩu:", self.password_again), self.password_again)
        password_box.setLayout(form)
        # Outside the form: a wrapped label spanning a QFormLayout row gets too little height.
        self.explanation = QLabel(PASSWORD_TEXT)
        self.explanation.setWordWrap(True)

        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = coloured_label(ERROR_COLOUR)
        self.error.hide()

        self.start_button = QPushButton(job.start_text)
        self.start_button.setDefault(True)
        self.close_button = QPushButton("Đóng")
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(drives)
        layout.addWidget(password_box)
        layout.addWidget(self.explanation)
        if not job.uses_password:
            self.explanation.hide()
        if not (job.uses_year or job.uses_password):
            password_box.hide()
        layout.addWidget(self.error)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.picker.changed.connect(self._target_changed)
        self._target_changed()

    # --- state ---------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def _target_changed(self) -> None:
        self.start_button.setEnabled(self.picker.target() is not None and not self.running)

    def _set_running(self, running: bool) -> None:
        for widget in (self.picker, self.year, self.password, self.password_again):
            widget.setEnabled(not running)
        self.start_button.setEnabled(not running and self.picker.target() is not None)
        self.close_button.setText("&Hủy" if running else "Đóng")
        self.bar.setVisible(running or self.bar.value() > 0)
        self._fit()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        """Grow when a message or the progress bar appears, so nothing overlaps."""
        layout = self.layout()
        layout.activate()
        if layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(self.width())
        else:
            need = layout.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    # --- starting --------------------------------------------------------------------

    def problem(self) -> str:
        """Why the export cannot start yet, or ""."""
        if self.picker.target() is None:
            return "Hãy chọn USB hoặc thư mục để ghi."
        if self.job.uses_password:
            first, second = self.password.text(), self.password_again.text()
            if first != second:
                return "Hai lần nhập mật khẩu không giống nhau; hãy nhập lại."
            if first and len(first) < MIN_PASSWORD:
                return f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự (hoặc để trống)."
        return ""

    def start(self, replace: bool = False) -> Task | None:
        if self.running:
            return None
        problem = self.problem()
        self._show_error(problem)
        if problem:
            return None
        target = self.picker.target()
        assert target is not None
        year = self.year.value()
        if not replace and not self.send_despite_gaps(year):
            return None
        password = self.password.text() if self.job.uses_password else ""
        runner = self.job.make_runner(self.ctx)
        self._cancel.clear()
        emit = self._bridge.progressed.emit
        cancel = self._cancel

        def progress(done: int, total: int, text: str) -> bool:
            emit(done, total, text)
            return not cancel.is_set()

        def work(_progress) -> ExportResult:
            return runner(target, year, password or None, bool(replace), progress)

        self.bar.setRange(0, 0)  # preparing the files: no byte count yet
        self.bar.setValue(0)
        self.status.setText("Đang chuẩn bị các tệp…")
        self.task = run_task(
            self, self.job.title, work, self._finished, on_error=self._failed, busy=False
        )
        self._set_running(True)
        return self.task

    def send_despite_gaps(self, year: int) -> bool:
        """Name what is missing, by name; True to send with the gaps listed in the package."""
        if self.job.gaps is None:
            return True
        lines = self.job.gaps(self.ctx, year)
        if not lines:
            return True
        text = (
            f"Kết quả xếp loại năm {year} còn thiếu:\n\n"
            + "\n".join(f"• {line}" for line in lines)
            + "\n\nĐồng chí có thể quay lại để bổ sung, hoặc vẫn gửi: gói sẽ kèm tệp "
            f"con-thieu-{year}.txt ghi rõ những mục còn thiếu này."
        )
        return messages.ask(
            self, "Còn thiếu trước khi gửi", text, "Vẫn gửi, kèm danh sách còn thiếu", "Quay lại"
        )

    @Slot(object, object, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if not self.running:
            return
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(done, total) / total))
        # Each byte counts twice (written, read back), so half the total is the package.
        self.status.setText(
            f"{text} — đã ghi và đọc lại {size_text(done // 2)} / {size_text(total // 2)}"
        )

    def _finished(self, result: ExportResult) -> None:
        self.result = result
        self.bar.setRange(0, 1000)
        self.bar.setValue(1000)
        self._set_running(False)
        volume = self.picker.volume()
        on_stick = volume is not None and not volume.is_folder
        self.message = success_text(self.job.thing, result, self.picker.place_text(), on_stick)
        self.status.setText(self.message.split("\n")[0])
        self.exported.emit(result)
        messages.info(self, "Đã ghi và kiểm tra xong", self.message)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self._set_running(False)
        self.status.setText("")
        if isinstance(exc, PackageExists):
            if messages.ask(
                self,
                "Đã có gói này",
                f"{exc.message}\n\nThay thế gói cũ bằng gói mới?",
                "Thay thế",
                "Không thay thế",
            ):
                self.start(replace=True)
            else:
                self.status.setText("Chưa ghi gì: gói cũ trên USB được giữ nguyên.")
            return
        self.message = messages.user_message(exc)[0]
        if isinstance(exc, ExportFailed) and exc.reason == "cancelled":
            self.status.setText(self.message)  # the user asked for it; no alarm box
            return
        self._show_error(self.message)
        messages.show_exception(self, exc, "Chưa ghi được")
        self.picker.refresh()  # the stick may have been pulled out

    # --- closing -----------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop the export at the next chunk; the partial package is removed."""
        if self.running:
            self._cancel.set()
            self.status.setText("Đang hủy và xóa phần đã ghi…")

    def reject(self) -> None:
        if self.running:
            self.cancel()  # the window stays to say that nothing was left behind
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def open_export_dialog(
    ctx: UiContext,
    job: ExportJob,
    parent: QWidget | None,
    on_exported: Callable[[ExportResult], None] | None = None,
    *,
    volumes: Callable[[], list[Volume]] | None = None,
) -> ExportDialog:
    """Show the dialog window-modally (never ``exec``), so tests and the GUI stay free."""
    dialog = ExportDialog(ctx, job, parent, volumes=volumes)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_exported is not None:
        dialog.exported.connect(on_exported)
    dialog.open()
    return dialog
