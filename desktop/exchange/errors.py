"""Errors of the package layer (gói xuất/nhập): what went wrong, in Vietnamese, with what to do.

Every error subclasses ``DomainError``, so the GUI and the command line show it the same
way as any other refused action: ``str(exc)`` (also ``exc.message``) is a complete
Vietnamese sentence. ``reason`` is a short English code the UI may branch on (for example
``"password_required"`` to open a password prompt instead of an error box).
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import DomainError


class PackageError(DomainError):
    """A package could not be written or read; ``message`` says why and what to do."""

    def __init__(self, message: str, reason: str = "") -> None:
        self.message = message
        self.reason = reason
        super().__init__(message)


class ExportFailed(PackageError):
    """Writing to the stick or folder failed; nothing that looks complete was left behind.

    ``reason`` is one of ``"full"``, ``"read_only"``, ``"vanished"``, ``"mismatch"``,
    ``"cancelled"``, ``"source"``, ``"other"``. ``leftover`` is the partial folder or file
    that could not be removed (the stick was gone), else ``None``; its name never looks
    like a finished package.
    """

    def __init__(self, message: str, reason: str = "other", leftover: Path | None = None):
        self.leftover = leftover
        super().__init__(message, reason)


class PackageExists(PackageError):
    """A package (or file) of that name is already at the target; ask, then pass replace=True."""

    def __init__(self, message: str, path: Path) -> None:
        self.path = path
        super().__init__(message, "exists")


class PackageRejected(PackageError):
    """A package was refused on import: partial, changed, tampered, newer, or wrong password.

    ``reason`` is one of ``"not_package"``, ``"partial"``, ``"malformed"``,
    ``"newer_version"``, ``"missing_file"``, ``"changed"``, ``"password_required"``,
    ``"wrong_password"``, ``"unsafe_name"``, ``"too_large"``.
    """
