"""One app per data folder: an OS-level lock on ``sochibo.lock``.

The OS releases the lock when the process dies, so a crash never leaves the folder
locked for ever; the file keeps the holder's PID for the polite message.

The lock is held on open handles for the app's whole life, never judged by a file's
existence. On POSIX the data folder itself is locked too (``flock`` on the directory):
deleting ``sochibo.lock`` while the app runs would otherwise let a second copy lock a
new file of the same name. Windows refuses to delete a file another process has open.
"""

from __future__ import annotations

import os
from pathlib import Path

LOCK_NAME = "sochibo.lock"


class DataFolderInUse(RuntimeError):
    """Another copy of the app already has this data folder open."""

    def __init__(self, folder: Path, pid: str) -> None:
        holder = f" (tiến trình {pid})" if pid else ""
        super().__init__(
            f"Sổ Chi bộ đang được mở ở một cửa sổ khác{holder} với thư mục dữ liệu {folder}. "
            "Hãy dùng cửa sổ đang mở, hoặc đóng nó trước khi mở lại."
        )


class DataFolderLock:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self._handle = None
        self._folder_fd: int | None = None

    def acquire(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        folder_fd = _lock_folder(self.folder)
        if folder_fd == -1:
            raise DataFolderInUse(self.folder, _peek_holder(self.path))
        try:
            handle = open(self.path, "a+b")
        except OSError:
            _unlock_folder(folder_fd)
            raise
        try:
            _lock(handle)
        except OSError:
            pid = _read_holder(handle)
            handle.close()
            _unlock_folder(folder_fd)
            raise DataFolderInUse(self.folder, pid) from None
        self._folder_fd = folder_fd
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()).encode("ascii"))
            handle.flush()
        except OSError:
            pass  # the PID is only for the message; the lock itself is held
        self._handle = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None
            _unlock_folder(self._folder_fd)
            self._folder_fd = None

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _peek_holder(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return _read_holder(handle)
    except OSError:
        return ""


def _read_holder(handle) -> str:
    try:
        handle.seek(0)
        return handle.read(32).decode("ascii", "ignore").strip()
    except OSError:  # Windows refuses reads of a region another process locked
        return ""


if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

    def _lock_folder(folder: Path) -> int | None:
        return None  # an open lock file cannot be deleted on Windows

    def _unlock_folder(fd: int | None) -> None:
        return None

else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _lock_folder(folder: Path) -> int | None:
        """An fd of the folder with an exclusive flock; -1 when another holder has it."""
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            return None  # a folder we cannot open still gets the lock file's lock
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return -1
        return fd

    def _unlock_folder(fd: int | None) -> None:
        if fd is None or fd < 0:
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
