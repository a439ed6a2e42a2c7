"""Reading an export package (nhập gói) at the superior: verified before anything is used.

``read_package`` refuses, with a Vietnamese reason, a folder that is still being written
or has no manifest, a missing file, a file whose size or SHA-256 differs from the
manifest, a wrong or missing password, unsafe names inside the encrypted archive, and
packages too large to be genuine. Files not listed in the manifest are ignored and named
in ``notes``. ``read_manifest`` reads only the manifest, so the UI can show which cell and
year a package is, and ask for a password, before verifying it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop.exchange import crypto, signing
from desktop.exchange.errors import PackageRejected
from desktop.exchange.manifest import MANIFEST_NAME, Manifest
from desktop.exchange.safe_io import CHUNK, format_size, is_work_name, sha256_bytes
from desktop.exchange.signing import MAX_SIGNATURE_BYTES, SIGNATURE_NAME

MAX_PACKAGE_BYTES = 200 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
# Files that operating systems drop on sticks by themselves; not worth a note.
_OS_LITTER = {"thumbs.db", "desktop.ini", ".ds_store"}

NOT_A_PACKAGE = (
    "“{name}” là gói chưa ghi xong hoặc không phải gói của Sổ Chi bộ. "
    "Hãy xin chi bộ xuất lại gói và chọn đúng thư mục gói trên USB."
)
CHANGED = "Tệp “{name}” đã bị thay đổi hoặc hỏng sau khi xuất; hãy xin chi bộ xuất lại."
MISSING = (
    "Gói thiếu tệp “{name}”: gói chưa ghi xong hoặc đã bị xóa bớt tệp; hãy xin chi bộ xuất lại."
)
PASSWORD_REQUIRED = "Gói này được bảo vệ bằng mật khẩu; hãy nhập mật khẩu do chi bộ gửi kèm."


@dataclass(frozen=True)
class PackageContents:
    """A verified package: its folder, manifest, files (decrypted) and notes for the user."""

    path: Path
    manifest: Manifest
    files: dict[str, bytes]
    manifest_sha256: str
    notes: tuple[str, ...] = ()
    # The raw Ed25519 public key whose signature verified, or None for an unsigned package.
    signer_key: bytes | None = None


def package_folder(path: Path) -> Path:
    """The package folder for ``path``, which may also be its ``manifest.json``."""
    path = Path(path)
    if path.name.casefold() == MANIFEST_NAME and not path.is_dir():
        return path.parent
    return path


def read_manifest(path: Path) -> Manifest:
    """Read and validate only the manifest of the package at ``path``."""
    return _load_manifest(package_folder(path))[0]


def read_package(
    path: Path, password: str | None = None, *, max_bytes: int = MAX_PACKAGE_BYTES
) -> PackageContents:
    """Verify every file of the package at ``path`` and return its contents."""
    folder = package_folder(path)
    manifest, manifest_bytes = _load_manifest(folder)
    if manifest.total_size > max_bytes:
        raise _too_large(max_bytes)
    files = {
        entry.name: _read_checked(folder, entry.name, entry.size, entry.sha256)
        for entry in manifest.files
    }
    notes = _extra_files(folder, manifest)
    signer_key = _signer(folder, manifest_bytes)
    if manifest.encryption is not None:
        if not password:
            raise PackageRejected(PASSWORD_REQUIRED, "password_required")
        (blob,) = files.values()
        files = crypto.decrypt_files(
            blob, password, manifest.encryption, manifest.header_bytes(), max_bytes
        )
    return PackageContents(
        folder, manifest, files, sha256_bytes(manifest_bytes), notes, signer_key
    )


def _signer(folder: Path, manifest_bytes: bytes) -> bytes | None:
    path = folder / SIGNATURE_NAME
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _unreadable(SIGNATURE_NAME, exc) from None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SIGNATURE_BYTES:
        raise PackageRejected(signing.FORGED, "forged")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(SIGNATURE_NAME, exc) from None
    return signing.verify_signature(data[:MAX_SIGNATURE_BYTES], manifest_bytes)


def _not_a_package(folder: Path) -> PackageRejected:
    return PackageRejected(NOT_A_PACKAGE.format(name=folder.name), "partial")


def _too_large(max_bytes: int) -> PackageRejected:
    return PackageRejected(
        f"Gói quá lớn (tối đa {format_size(max_bytes)}); đây không phải gói bình thường "
        "của Sổ Chi bộ và không được mở.",
        "too_large",
    )


def _load_manifest(folder: Path) -> tuple[Manifest, bytes]:
    if is_work_name(folder.name):
        raise _not_a_package(folder)
    manifest_path = folder / MANIFEST_NAME
    try:
        info = os.lstat(manifest_path)
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_package(folder)
        if info.st_size > MAX_MANIFEST_BYTES:
            raise PackageRejected(
                "Bảng kê (manifest.json) của gói quá lớn; gói có thể đã bị sửa. "
                "Hãy xin chi bộ xuất lại.",
                "malformed",
            )
        data = manifest_path.read_bytes()
    except OSError:
        raise PackageRejected(NOT_A_PACKAGE.format(name=folder.name), "not_package") from None
    return Manifest.from_json(data), data


def _read_checked(folder: Path, name: str, size: int, sha256: str) -> bytes:
    path = folder / name
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise PackageRejected(MISSING.format(name=name), "missing_file") from None
    except OSError as exc:
        raise _unreadable(name, exc) from None
    # A symlink or device in place of a listed file is not something the writer makes.
    if not stat.S_ISREG(info.st_mode) or info.st_size != size:
        raise PackageRejected(CHANGED.format(name=name), "changed")
    digest = hashlib.sha256()
    chunks = []
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                chunks.append(chunk)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    data = b"".join(chunks)
    if len(data) != size or digest.hexdigest() != sha256:
        raise PackageRejected(CHANGED.format(name=name), "changed")
    return data


def _unreadable(name: str, exc: OSError) -> PackageRejected:
    return PackageRejected(
        f"Không đọc được tệp “{name}” của gói ({exc.strerror or exc}). USB có thể đã bị "
        "rút ra hoặc bị hỏng; hãy cắm lại USB rồi nhập lại.",
        "missing_file",
    )


def _extra_files(folder: Path, manifest: Manifest) -> tuple[str, ...]:
    listed = {entry.name for entry in manifest.files} | {MANIFEST_NAME, SIGNATURE_NAME}
    try:
        present = sorted(p.name for p in folder.iterdir())
    except OSError:
        return ()
    extra = [
        name
        for name in present
        if name not in listed and name.casefold() not in _OS_LITTER and not name.startswith("._")
    ]
    if not extra:
        return ()
    shown = ", ".join(f"“{name}”" for name in extra[:5]) + (" …" if len(extra) > 5 else "")
    return (
        f"Trong thư mục gói có tệp không được liệt kê trong bảng kê ({shown}); "
        "các tệp này đã được bỏ qua.",
    )


def find_packages(folder: Path) -> list[Path]:
    """The package folders directly inside ``folder`` (a stick's root), by name.

    Folders still being written are skipped; nothing is verified here.
    """
    try:
        children = sorted(Path(folder).iterdir(), key=lambda p: p.name.casefold())
    except OSError:
        return []
    return [
        child
        for child in children
        if child.is_dir() and not is_work_name(child.name) and (child / MANIFEST_NAME).is_file()
    ]
