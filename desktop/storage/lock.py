"""One app per data folder: an OS-level lock on ``sochibo.lock``.

The OS releases the lock when the process dies, so a crash never leaves the folder
locked for ever; the file keeps the holder's PID for the polite message.
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

    def acquire(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")
        try:
            _lock(handle)
        except OSError:
            pid = _read_holder(handle)
            handle.close()
            raise DataFolderInUse(self.folder, pid) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode("ascii"))
        handle.flush()
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

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


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

else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
