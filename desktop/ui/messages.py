"""Message boxes in Vietnamese (thông báo, hỏi lại, báo lỗi).

Every question names its two answers in words ("Xóa" / "Không xóa") instead of Yes/No,
so that an elderly user never has to decode which button does what. Call these through
the module (``messages.ask(...)``) so tests can replace them.
"""

from __future__ import annotations

import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import DomainError
from desktop.storage.atomic import os_error_text
from desktop.storage.backup import BackupError
from desktop.storage.lock import DataFolderInUse
from desktop.storage.schema import NewerDatabaseError

APP_TITLE = "Sổ Chi bộ"

# Errors whose message is already written for the user, in Vietnamese.
USER_ERRORS: tuple[type[BaseException], ...] = (
    DomainError,
    DataFolderInUse,
    NewerDatabaseError,
    BackupError,
)

GENERIC_ERROR = (
    "Đã xảy ra lỗi ngoài dự kiến; thao tác vừa rồi chưa được thực hiện xong. Dữ liệu đã lưu "
    "trước đó vẫn còn nguyên. Nếu lỗi lặp lại, hãy chụp màn hình thông báo này (bấm «Xem chi "
    "tiết…») và gửi cho người hỗ trợ."
)


DAMAGED_AT_RUN_TIME = (
    "Một phần dữ liệu bị hỏng (chữ không đọc được hoặc tệp dữ liệu hỏng); thao tác vừa rồi "
    "chưa được thực hiện. Đừng nhập thêm dữ liệu: hãy đóng Sổ Chi bộ rồi mở lại. Khi mở, "
    "ứng dụng sẽ kiểm tra toàn bộ và đề nghị khôi phục bản sao lưu tốt mới nhất."
)


def is_damage(exc: BaseException) -> bool:
    """A decode failure or SQLite's "malformed"/"not a database", raw or wrapped."""
    import sqlite3

    seen = exc
    for _ in range(5):
        if isinstance(seen, sqlite3.DatabaseError):
            text = str(seen).lower()
            return any(
                mark in text for mark in ("could not decode", "malformed", "not a database")
            )
        if isinstance(seen, UnicodeDecodeError):
            return True
        seen = getattr(seen, "orig", None) or seen.__cause__ or seen.__context__
        if seen is None:
            return False
    return False


def user_message(exc: BaseException) -> tuple[str, str]:
    """The text to show for ``exc`` and the technical details (empty for user errors)."""
    if isinstance(exc, USER_ERRORS):
        return str(exc), ""
    if is_damage(exc):
        return DAMAGED_AT_RUN_TIME, _details(exc)
    if isinstance(exc, OSError):
        # The same words as the command line; the details are the system's own, no traceback.
        return os_error_text(exc), f"{type(exc).__name__}: {exc}"
    return GENERIC_ERROR, _details(exc)


def _details(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title or APP_TITLE)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    return box


def info(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Critical, title, text, details)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_exception(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Tell the user what went wrong: a domain message as is, anything else generically."""
    text, details = user_message(exc)
    error(parent, title or "Không thực hiện được", text, details)


SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
UNSAVED_TITLE = "Lưu thay đổi?"


def ask_save(parent: QWidget | None, text: str) -> str:
    """The one question every editing window asks before closing with unsaved typing:
    Lưu (the default, Enter) / Không lưu / Quay lại (Esc). Returns SAVE, DISCARD or
    CANCEL. Esc, the window's × and leaving the app all come here, so nothing typed
    is lost by a stray key."""
    box = save_question_box(parent, text)
    box.exec()
    role = box.buttonRole(box.clickedButton()) if box.clickedButton() else None
    if role == QMessageBox.ButtonRole.AcceptRole:
        return SAVE
    return DISCARD if role == QMessageBox.ButtonRole.DestructiveRole else CANCEL


def save_question_box(parent: QWidget | None, text: str) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Question, UNSAVED_TITLE, text)
    save = box.addButton("&Lưu", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Không lưu", QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton("&Quay lại", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(back)
    return box


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    yes_text: str,
    no_text: str,
    *,
    danger: bool = False,
) -> bool:
    """Ask a question whose buttons say what they do; True when ``yes_text`` was chosen.

    The safe answer is the default (Enter) for dangerous questions, so a stray key press
    never deletes anything.
    """
    box = _box(
        parent,
        QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question,
        title,
        text,
    )
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no if danger else yes)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def choose(
    parent: QWidget | None, title: str, text: str, options: list[str], *, danger: bool = True
) -> int | None:
    """One of several named answers (index), or None when the box was closed (Esc).

    The last option is the safe one and the escape; the first is the default for Enter
    unless ``danger`` makes the safe one the default.
    """
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    buttons = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in options]
    box.setEscapeButton(buttons[-1])
    box.setDefaultButton(buttons[-1] if danger else buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None
