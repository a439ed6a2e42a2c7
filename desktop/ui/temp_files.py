"""Temporary papers for the preview window (bản in tạm): made in the worker thread, so a
full or locked temporary folder becomes a Vietnamese message naming the file, never a
traceback in the GUI thread."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop.storage.atomic import naming_file

PREFIX = "sochibo-in-"


def temporary_target(name: str) -> Path:
    """A path ``name`` in a new private temporary folder (OSError names the folder)."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    except OSError as exc:
        exc.filename = exc.filename or tempfile.gettempdir()
        raise
    return folder / name


def write_temporary(name: str, make: Callable[[Path], object]) -> Path:
    """``make(target)`` into a temporary ``name``; on failure nothing is left behind."""
    target = temporary_target(name)
    try:
        with naming_file(target):
            make(target)
    except BaseException:
        target.unlink(missing_ok=True)
        try:
            target.parent.rmdir()
        except OSError:
            pass
        raise
    return target
