"""Restoring from a stick (khôi phục từ USB): a backup file, or the data in a handover package.

The restore itself is the one in Cài đặt (the main window closes the data, backs up the
current data, restores, reopens). This module only finds the database file: a
``.sqlite3`` backup as is, or the data file inside a handover package, which is verified
against its manifest (and decrypted with its password) before anything is replaced.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.exchange.errors import PackageRejected
from desktop.exchange.read import read_manifest
from desktop.errors import DomainError
from desktop.packaging.handover import packaged_database
from desktop.ui import files, messages
from desktop.ui.exporting import import_flow
from desktop.ui.tasks import Task, run_task

PASSWORD_INTRO = (
    "Bản sao lưu hoặc gói bàn giao này được bảo vệ bằng mật khẩu; hãy nhập mật khẩu đã đặt "
    "khi sao lưu (hoặc do bí thư cũ bàn giao)."
)
FILTERS = (
    "Tệp sao lưu hoặc gói (bàn giao, sao lưu có mật khẩu) (*.sqlite3 manifest.json);;Mọi tệp (*)"
)


def confirm_text(source: Path) -> str:
    return (
        f"Khôi phục dữ liệu từ «{source.name}»?\n\n"
        "Dữ liệu đang dùng sẽ được thay bằng dữ liệu trong tệp này. Trước khi khôi phục, dữ "
        "liệu hiện tại được sao lưu lại một bản (lý do «Trước khi khôi phục bản cũ»), nên vẫn "
        "có thể quay lại nếu cần."
    )


def handover_database(package: Path, password: str | None) -> Path:
    """The verified data file of a handover package, copied to a temporary folder."""
    return packaged_database(package, password, Path(tempfile.mkdtemp(prefix="sochibo-bangiao-")))


def restore_from_stick(
    parent: QWidget | None, restore: Callable[[Path], object], source: Path | None = None
) -> Task | None:
    """Ask for the file (unless given), confirm, then hand the database file to ``restore``."""
    if source is None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Chọn tệp sao lưu hoặc gói bàn giao", str(files.documents_dir()), FILTERS
        )
        if not name:
            return None
        source = Path(name)
    if not messages.ask(
        parent, "Khôi phục dữ liệu", confirm_text(source), "Khôi phục", "Không khôi phục",
        danger=True,
    ):  # fmt: skip
        return None
    if source.suffix.lower() != ".json" and not source.is_dir():
        restore(source)
        return None
    return _open_package(parent, restore, source, None)


def _open_package(
    parent: QWidget | None, restore: Callable[[Path], object], source: Path, password: str | None
) -> Task:
    def failed(exc: BaseException) -> None:
        if isinstance(exc, PackageRejected) and exc.reason in import_flow.PASSWORD_REASONS:
            problem = exc.message if exc.reason == "wrong_password" else ""
            given = import_flow.ask_password(
                parent, _package_name(source), problem, intro=PASSWORD_INTRO
            )
            if given:
                _open_package(parent, restore, source, given)
            return
        messages.show_exception(parent, exc, "Chưa khôi phục được")

    def verified(database: Path) -> None:
        try:
            restore(database)
        finally:  # member data must not linger in the temporary folder
            shutil.rmtree(database.parent, ignore_errors=True)

    return run_task(
        parent,
        "Đang kiểm tra gói bàn giao…",
        lambda _progress: handover_database(source, password),
        verified,
        on_error=failed,
    )


def _package_name(source: Path) -> str:
    try:
        return str(read_manifest(source).meta.get("cell_name") or source.parent.name)
    except DomainError:
        return source.parent.name
