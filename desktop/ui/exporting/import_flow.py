"""Importing the cells' packages at the đảng ủy (nhập gói của chi bộ), one after another.

Each package is verified and stored on a worker thread. What needs the user comes back to
the GUI thread: a password for an encrypted package (asked again when wrong), and the
question before a newer package replaces the one already received from that cell. Every
package ends with one line: imported, replaced, or refused with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.errors import PackageRejected
from desktop.exchange.read import package_folder
from desktop.services.exchange.cell_keys import KeyChangeNeeded
from desktop.services.exchange.consolidation import ImportOutcome, ReplaceNeeded, import_package
from desktop.ui import messages
from desktop.ui.context import UiContext
from desktop.ui.tasks import Task, run_task
from desktop.ui.widgets import ERROR_COLOUR, coloured_label

PASSWORD_REASONS = ("password_required", "wrong_password")


@dataclass(frozen=True)
class ImportLine:
    """What happened to one package, in one Vietnamese sentence."""

    path: Path
    imported: bool
    text: str
    year: int | None = None


def ask_password(
    parent: QWidget | None, package: str, problem: str = "", *, intro: str = ""
) -> str | None:
    """The package's password, or None when the user gives up. Tests replace this."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Gói có mật khẩu")
    text = QLabel(
        f"«{package}»: {intro}"
        if intro
        else f"Gói «{package}» được bảo vệ bằng mật khẩu. Hãy nhập mật khẩu do chi bộ báo "
        "cho đảng ủy (qua điện thoại hoặc gặp trực tiếp)."
    )
    text.setWordWrap(True)
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    error = coloured_label(ERROR_COLOUR, problem)
    error.setVisible(bool(problem))
    buttons = QDialogButtonBox()
    buttons.addButton("Mở gói", QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("Bỏ qua gói này", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in (text, edit, error, buttons):
        layout.addWidget(widget)
    dialog.setMinimumWidth(480)
    if dialog.exec() != QDialog.DialogCode.Accepted or not edit.text():
        return None
    return edit.text()


def outcome_text(name: str, outcome: ImportOutcome) -> str:
    verb = "đã nhập, thay gói cũ của" if outcome.replaced else "đã nhập gói của"
    text = (
        f"{name}: {verb} chi bộ {outcome.cell_name} năm {outcome.year} "
        f"({outcome.members} đảng viên)."
    )
    return " ".join([text, *outcome.notes])


class PackageImporter:
    """Imports ``paths`` in turn; ``on_finished(lines)`` runs in the GUI thread at the end."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None,
        paths: list[Path],
        on_finished: Callable[[list[ImportLine]], None],
    ) -> None:
        self.ctx = ctx
        self.parent = parent
        self.queue = [package_folder(Path(p)) for p in paths]
        self.lines: list[ImportLine] = []
        self.on_finished = on_finished
        self.task: Task | None = None
        self.done = False

    def start(self) -> None:
        self._next()

    def _next(self) -> None:
        if not self.queue:
            self.done = True
            self.on_finished(self.lines)
            return
        self._run(self.queue.pop(0), None, False)

    def _run(
        self, path: Path, password: str | None, replace: bool, new_key: bool = False
    ) -> None:
        db = self.ctx.db
        self.task = run_task(
            self.parent,
            f"Đang kiểm tra và nhập gói {path.name}…",
            lambda _progress: import_package(
                db, path, password=password, replace=replace, accept_new_key=new_key
            ),
            lambda outcome: self._imported(path, outcome),
            on_error=lambda exc: self._failed(path, password, replace, exc, new_key),
        )

    def _imported(self, path: Path, outcome: ImportOutcome) -> None:
        self.lines.append(ImportLine(path, True, outcome_text(path.name, outcome), outcome.year))
        self._next()

    def _failed(
        self,
        path: Path,
        password: str | None,
        replace: bool,
        exc: BaseException,
        new_key: bool = False,
    ) -> None:
        if isinstance(exc, PackageRejected) and exc.reason in PASSWORD_REASONS:
            problem = exc.message if exc.reason == "wrong_password" else ""
            given = ask_password(self.parent, path.name, problem)
            if given:
                self._run(path, given, replace, new_key)
                return
            self._refused(path, "chưa nhập vì không có mật khẩu.")
            return
        if isinstance(exc, KeyChangeNeeded):
            # A changed key is how a forged package looks: the safe answer is the default.
            if messages.ask(
                self.parent,
                "Khóa ký gói của chi bộ đã thay đổi",
                f"{exc}\n\nĐã gọi điện đối chiếu mã khóa mới và chắc chắn gói là thật?",
                "Đã đối chiếu, nhập gói",
                "Không nhập",
                danger=True,
            ):
                self._run(path, password, replace, True)
                return
            self._refused(path, "không nhập vì khóa ký gói khác khóa đã biết của chi bộ.")
            return
        if isinstance(exc, ReplaceNeeded):
            if messages.ask(
                self.parent,
                "Đã có gói của chi bộ này",
                f"{exc}\n\nThay gói đã có bằng gói này?",
                "Thay thế",
                "Giữ gói cũ",
            ):
                self._run(path, password, True, new_key)
                return
            self._refused(path, "không nhập; giữ gói đã có.")
            return
        text, _details = messages.user_message(exc)
        self._refused(path, f"không nhập được. {text}")

    def _refused(self, path: Path, text: str) -> None:
        self.lines.append(ImportLine(path, False, f"{path.name}: {text}"))
        self._next()
