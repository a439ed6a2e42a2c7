"""Shared data and fault injections for the package-layer tests."""

from __future__ import annotations

import errno
import os
from pathlib import Path

NAME = "SoChiBo-XepLoai-2026-Chi-bo-Khu-pho-3"
FILES = {
    "danh-sach-xep-loai.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    "danh-sach-xep-loai.xlsx": b"PK\x03\x04" + b"xlsx" * 3000,
    "tong-hop.json": '{"chi_bo": "Chi bộ Khu phố 3", "nam": 2026}'.encode(),
}
META = {"cell": "Chi bộ Khu phố 3", "cell_uid": "c-3", "year": 2026}


def fail_on(step: str, error: int, call: int = 1):
    """A hook that raises ``OSError(error)`` on the ``call``-th time ``step`` is reached."""
    count = {"n": 0}

    def hook(*_args):
        count["n"] += 1
        if count["n"] == call:
            raise OSError(error, os.strerror(error))

    return {step: hook}


def flip_byte(path: Path, offset: int = 10) -> None:
    data = bytearray(path.read_bytes())
    data[offset % len(data)] ^= 0x01
    path.write_bytes(bytes(data))


def entries(folder: Path) -> list[str]:
    return sorted(os.listdir(folder)) if folder.exists() else []


ENOSPC = errno.ENOSPC
EROFS = errno.EROFS
EACCES = errno.EACCES
EIO = errno.EIO
