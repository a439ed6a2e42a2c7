"""Opening the data folder when something is wrong with it (sự cố dữ liệu).

A damaged, missing or emptied database stops the start: the message names the newest
good backup and offers the restore in the box itself (Cài đặt cannot be reached while
the data cannot be opened), a restore from a file the secretary picks, and — only for a
lost database and after a second confirmation — a fresh start.
"""

from __future__ import annotations

from pathlib import Path

from desktop.services.cell.workspace import (
    DataIncidentError,
    MissingDatabaseError,
    Workspace,
    restore_backup,
)
from desktop.ui import files, messages

LATEST, FROM_FILE, NEW_DATA, QUIT = "latest", "file", "new", "quit"
LABELS = {
    LATEST: "Khôi phục &bản sao lưu mới nhất",
    FROM_FILE: "Khôi phục từ &tệp…",
    NEW_DATA: "Bắt đầu dữ liệu &mới",
    QUIT: "&Thoát",
}
MAX_ATTEMPTS = 5


def open_data_folder(
    data_dir: Path, open_errors: tuple[type[BaseException], ...], *, backup_on_open: bool = True
) -> Workspace | None:
    """The open workspace, or None when the user quit or nothing could be opened.

    ``backup_on_open=False`` leaves the start-up backup to the caller (the GUI defers it
    until after its first paint: ``Workspace.defer_backup``)."""
    allow_new = False
    for _attempt in range(MAX_ATTEMPTS):
        try:
            workspace = Workspace(
                data_dir, backup_on_open=backup_on_open, allow_new_database=allow_new
            )
        except DataIncidentError as exc:
            choice = _ask(exc)
            if choice == QUIT:
                return None
            if choice == NEW_DATA:
                allow_new = messages.ask(
                    None,
                    "Bắt đầu dữ liệu mới",
                    "Sổ Chi bộ sẽ bắt đầu với dữ liệu trống. Các bản sao lưu cũ vẫn được giữ "
                    "trong thư mục backups và có thể khôi phục sau. Bắt đầu dữ liệu mới?",
                    "Bắt đầu dữ liệu mới",
                    "Quay lại",
                    danger=True,
                )
                continue
            source = exc.backup.path if choice == LATEST else _pick_file()
            if source is not None:
                _restore(data_dir, source)
            continue
        except open_errors as exc:
            messages.error(None, "Không mở được dữ liệu", messages.user_message(exc)[0])
            return None
        for notice in workspace.notices:
            messages.warn(None, "Cài đặt bị hỏng", notice)
        return workspace
    return None


def _ask(exc: DataIncidentError) -> str:
    keys = ([LATEST] if exc.backup is not None else []) + [FROM_FILE]
    if isinstance(exc, MissingDatabaseError):
        keys.append(NEW_DATA)
    keys.append(QUIT)
    picked = messages.choose(
        None, "Dữ liệu có sự cố", str(exc), [LABELS[k] for k in keys], danger=False
    )
    return QUIT if picked is None else keys[picked]


def _pick_file() -> Path | None:
    return files.open_file(
        None, "Chọn bản sao lưu để khôi phục", "Bản sao lưu Sổ Chi bộ (*.sqlite3);;Mọi tệp (*)"
    )


def _restore(data_dir: Path, source: Path) -> None:
    try:
        kept = restore_backup(data_dir, source)
    except Exception as exc:  # noqa: BLE001 - tell, then offer the choices again
        messages.show_exception(None, exc, "Chưa khôi phục")
        return
    where = f" Dữ liệu cũ được giữ ở {kept}." if kept else ""
    messages.info(None, "Đã khôi phục", f"Đã khôi phục dữ liệu từ {source.name}.{where}")
