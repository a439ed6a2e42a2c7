"""Careful writing to a USB stick (ghi an toàn ra USB): fsync, read-back, honest errors.

Shared by the package writer and ``copy_verified``. The rules:

- Work happens under a hidden name containing ``.dang-ghi-`` ("being written") that
  never looks like a finished package; only a verified result gets its real name.
- Every file is flushed and ``fsync``-ed, and the folder too (POSIX), before it is read
  back and compared with what was meant to be written.
- Any ``OSError`` is turned into an ``ExportFailed`` whose Vietnamese message says what
  happened (stick full, read-only, pulled out, corrupt) and what to do.

``hooks`` (tests only) maps a step name to a callable run just before that step; raising
``OSError`` from it simulates the failure of that step, and a hook may also change the
files on disk (delete the target, flip a byte) to simulate a stick going wrong.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import shutil
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from shutil import disk_usage

from desktop.exchange.errors import ExportFailed

PARTIAL_MARK = ".dang-ghi-"
OLD_MARK = ".cu-"
CHUNK = 1024 * 1024
# Slack for the folder entries and for rounding each file up to a whole cluster
# (FAT32 sticks use clusters of up to 32 KiB).
CLUSTER = 32 * 1024
FOLDER_SLACK = 64 * 1024

Progress = Callable[[int, int, str], "bool | None"]
Hooks = Mapping[str, Callable[..., object]]

_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_VANISHED = {errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENXIO, errno.ESTALE}
# Windows error codes that Python does not map to the errno values above.
_WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_READ_ONLY = {19}  # ERROR_WRITE_PROTECT
_WIN_VANISHED = {2, 3, 15, 21, 55, 483, 1117, 1167}  # not found / not ready / not connected


class Cancelled(Exception):
    """The progress callback returned False."""


class Mismatch(Exception):
    """A file read back from the target differs from what was written."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)


def run_hook(hooks: Hooks | None, step: str, *args: object) -> None:
    if hooks and step in hooks:
        hooks[step](*args)


def temp_name(name: str) -> str:
    return f".{name}{PARTIAL_MARK}{secrets.token_hex(4)}"


def aside_name(name: str) -> str:
    return f".{name}{OLD_MARK}{secrets.token_hex(4)}"


def is_work_name(name: str) -> bool:
    """True for the hidden names of a folder being written or an old copy set aside."""
    return name.startswith(".") and (PARTIAL_MARK in name or OLD_MARK in name)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 (hex) of a file, read in chunks; for export logs and backup records."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def space_needed(sizes: list[int]) -> int:
    return sum(-(-size // CLUSTER) * CLUSTER for size in sizes) + FOLDER_SLACK


def format_size(size: int) -> str:
    from desktop.text import format_number

    if size < 1024 * 1024:
        return f"{format_number(max(size, 0) / 1024, 1)} KB"
    return f"{format_number(size / (1024 * 1024), 1)} MB"


def free_space(folder: Path) -> int | None:
    try:
        return disk_usage(folder).free
    except OSError:
        return None


class Tracker:
    """Reports progress; each byte counts twice (written, then read back)."""

    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0

    def advance(self, count: int, text: str) -> None:
        self.done = min(self.done + count, self.total)
        if self.callback is not None and self.callback(self.done, self.total, text) is False:
            raise Cancelled


def write_file(path: Path, data: bytes, tracker: Tracker, text: str, hooks: Hooks | None) -> None:
    """Create ``path`` (never overwriting), write ``data``, flush and fsync it."""
    run_hook(hooks, "open", path)
    with open(path, "xb") as handle:
        view = memoryview(data)
        for start in range(0, max(len(data), 1), CHUNK):
            run_hook(hooks, "write", path)
            chunk = view[start : start + CHUNK]
            handle.write(chunk)
            tracker.advance(len(chunk), text)
        handle.flush()
        run_hook(hooks, "fsync", path)
        os.fsync(handle.fileno())
    run_hook(hooks, "written", path)


def verify_file(path: Path, size: int, sha256: str, tracker: Tracker, text: str) -> None:
    """Reopen ``path`` and compare size and SHA-256; raise ``Mismatch`` if they differ."""
    digest = hashlib.sha256()
    read = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            read += len(chunk)
            tracker.advance(len(chunk), text)
    if read != size or digest.hexdigest() != sha256:
        raise Mismatch(path.name)


def fsync_dir(folder: Path) -> None:
    # Directory fsync makes creations and renames durable on POSIX; Windows has no such call.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def rename(source: Path, target: Path, *, replace: bool = False) -> None:
    """Rename ``source`` to ``target``; ``replace`` allows replacing an existing file."""
    move = os.replace if replace else os.rename
    # On Windows an antivirus or the search indexer briefly opens freshly written files,
    # and a rename then fails with "access denied"; a few short retries ride it out.
    attempts = 5 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            move(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def remove_quietly(path: Path, hooks: Hooks | None = None) -> bool:
    """Remove a file or folder; return False if it could not be removed (stick gone)."""
    try:
        run_hook(hooks, "cleanup", path)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
    except OSError:
        return not os.path.lexists(path)
    return True


def _kind(exc: OSError) -> str:
    winerror = getattr(exc, "winerror", None)
    if exc.errno in _FULL or winerror in _WIN_FULL:
        return "full"
    if exc.errno in _READ_ONLY or winerror in _WIN_READ_ONLY:
        return "read_only"
    if exc.errno in _VANISHED or winerror in _WIN_VANISHED:
        return "vanished"
    return "other"


def failure(
    exc: BaseException,
    target: Path,
    *,
    need: int,
    leftover: Path | None,
    what: str = "bản xuất",
    redo: str = "xuất lại",
) -> ExportFailed:
    """The ``ExportFailed`` to raise for ``exc``, after the partial work was cleaned up.

    ``leftover`` is the partial path that could not be removed, or ``None``; ``what``
    names the thing written ("bản xuất", "bản sao lưu") and ``redo`` the action to repeat.
    """
    what_up = what[:1].upper() + what[1:]
    tail = (
        f" Thư mục/tệp ghi dở “{leftover.name}” có thể còn lại trên USB; nó không phải "
        "bản hoàn chỉnh và có thể xóa đi."
        if leftover is not None
        else ""
    )
    if isinstance(exc, Cancelled):
        message = f"Đã hủy ghi {what}. Phần ghi dở đã được xóa.{tail}"
        return ExportFailed(message, "cancelled", leftover)
    if isinstance(exc, Mismatch):
        message = (
            f"Bản ghi trên USB không khớp khi đọc lại (tệp “{exc.name}”); USB có thể bị hỏng. "
            f"Bản ghi lỗi đã được xóa. Hãy {redo}; nếu vẫn lỗi, hãy dùng USB khác.{tail}"
        )
        return ExportFailed(message, "mismatch", leftover)
    assert isinstance(exc, OSError)
    kind = _kind(exc)
    if kind == "full":
        free = free_space(target)
        room = f"cần {format_size(need)}" + (
            f", còn {format_size(free)}" if free is not None else ""
        )
        message = (
            f"USB/thư mục đích đã đầy ({room}). {what_up} chưa được ghi. "
            f"Hãy xóa bớt tệp trên USB hoặc dùng USB khác rồi {redo}.{tail}"
        )
    elif kind == "read_only":
        message = (
            f"Không ghi được vào {target}: USB đang ở chế độ chỉ đọc hoặc không có quyền ghi. "
            "Hãy gạt khóa chống ghi trên USB (nếu có), hoặc chọn thư mục khác, "
            f"hoặc dùng USB khác rồi {redo}.{tail}"
        )
    elif kind == "vanished":
        message = (
            f"USB đã bị rút ra hoặc không đọc được trong khi ghi vào {target}. "
            f"{what_up} chưa hoàn tất và không được dùng; "
            f"hãy cắm lại USB và {redo}.{tail}"
        )
    else:
        detail = exc.strerror or str(exc)
        message = (
            f"Không ghi được vào {target}: {detail}. Phần ghi dở đã được xóa; "
            f"hãy kiểm tra USB hoặc thư mục đích rồi {redo}.{tail}"
        )
    return ExportFailed(message, kind, leftover)


def check_target(target: Path, need: int) -> None:
    """Refuse early when the target folder is missing or has too little free space."""
    if not target.is_dir():
        raise ExportFailed(
            f"Không tìm thấy thư mục đích {target}. USB có thể đã bị rút ra; "
            "hãy cắm lại USB hoặc chọn thư mục khác.",
            "vanished",
        )
    free = free_space(target)
    if free is not None and free < need:
        raise ExportFailed(
            f"USB/thư mục đích đã đầy (cần {format_size(need)}, còn {format_size(free)}). "
            "Chưa ghi gì. Hãy xóa bớt tệp trên USB hoặc dùng USB khác.",
            "full",
        )
