"""Atomic file writes: a temporary file in the same folder, flushed to disk, then renamed.

A power cut or a full disk leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def _fsync_dir(folder: Path) -> None:
    # Directory fsync makes the rename durable on POSIX; Windows has no such call.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def os_error_reason(exc: OSError) -> str:
    """What an OSError means, in Vietnamese words a secretary can act on."""
    import errno

    return {
        errno.ENOSPC: "ổ đĩa đã đầy",
        errno.EACCES: "không có quyền ghi hoặc đọc",
        errno.EPERM: "không được phép",
        errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
        errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
        errno.EISDIR: "đây là một thư mục, không phải tệp",
        errno.EIO: "lỗi đọc/ghi của ổ đĩa",
        errno.EPIPE: "đầu ra đã bị đóng",
    }.get(exc.errno, exc.strerror or exc.__class__.__name__)


def os_error_text(exc: OSError) -> str:
    """A file fault in Vietnamese for both faces (CLI, GUI): which file, what, what to do."""
    import errno

    name = exc.filename or getattr(exc, "filename2", None) or "(không rõ tệp)"
    advice = "Hãy kiểm tra ổ đĩa (còn chỗ trống, không bị khóa ghi, cắm chắc) rồi thử lại."
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        advice = (
            "Hãy đóng tệp nếu đang mở ở chương trình khác (ví dụ Excel, trình đọc PDF), "
            "chọn thư mục được phép ghi (ví dụ Tài liệu), rồi thử lại."
        )
    return (
        f"Không làm được việc với tệp {name}: {os_error_reason(exc)}. "
        f"Dữ liệu đã lưu không bị ảnh hưởng. {advice}"
    )


@contextmanager
def naming_file(path: Path) -> Iterator[None]:
    """Let an OSError raised while writing ``path`` name ``path`` (not a temporary name)."""
    try:
        yield
    except OSError as exc:
        exc.filename = str(path)
        exc.filename2 = None
        raise
