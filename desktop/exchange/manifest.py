"""The manifest (bảng kê) of an export package: what the package holds and its checksums.

``manifest.json`` sits beside the files of a package folder and lists each file's name,
size and SHA-256, the app version that wrote it, a caller-chosen ``kind`` and ``meta``
(cell name, year…), and, for a password-protected package, the key-derivation and
cipher parameters. The format is documented in ``desktop/exchange/README.md``; any
change to it bumps ``FORMAT_VERSION``, and a reader refuses versions newer than its own.

Reading is strict: anything unexpected raises ``PackageRejected`` with a Vietnamese
reason, because a manifest is read from a stick that anyone may have edited.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop import __version__
from desktop.exchange.errors import PackageRejected

FORMAT = "sochibo-package"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
ENCRYPTED_NAME = "du-lieu.sochibo-enc"
CIPHER = "AES-256-GCM"
KDF = "scrypt"

# Scrypt costs a reader accepts: only what this app writes (n = 2^15, r = 8, p = 1, see
# crypto.py) or cheaper powers of two, never more. A tampered manifest with n = 2^17,
# r = 16, p = 4 took 39 s of a reader's time before "Sai mật khẩu".
MIN_SCRYPT_N = 2**10
MAX_SCRYPT_N = 2**15
SCRYPT_R, SCRYPT_P = 8, 1
MAX_SCRYPT_MEMORY = 128 * MAX_SCRYPT_N * SCRYPT_R
MAX_NAME_BYTES = 200

_KIND = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Characters Windows and FAT/exFAT sticks refuse in file names.
_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)} | {"\x7f"}
_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)}
_RESERVED |= {f"lpt{i}" for i in range(10)}
_TOP_KEYS = {
    "format",
    "format_version",
    "kind",
    "app_version",
    "created_at",
    "meta",
    "files",
    "encryption",
}

_MALFORMED = (
    "Bảng kê (manifest.json) của gói không hợp lệ: {detail}. "
    "Gói có thể đã bị sửa hoặc hỏng; hãy xin chi bộ xuất lại."
)
NEWER_VERSION = (
    "Gói được tạo bằng phiên bản mới hơn của Sổ Chi bộ ({version}); "
    "hãy cập nhật ứng dụng rồi nhập lại."
)


def name_problem(name: object) -> str | None:
    """Why ``name`` cannot be a file or package name on a stick, or ``None`` if it can.

    The names must survive FAT/exFAT and Windows (no path separators, no reserved
    names, no trailing dot or space), compare the same on case-insensitive disks, and
    never collide with the hidden names used while writing (no leading dot).
    """
    if not isinstance(name, str) or not name:
        return "tên tệp trống"
    if unicodedata.normalize("NFC", name) != name:
        return f"tên “{name}” chưa chuẩn hóa Unicode (NFC)"
    if name in (".", "..") or name.startswith("."):
        return f"tên “{name}” bắt đầu bằng dấu chấm"
    if any(ch in _FORBIDDEN for ch in name):
        return f"tên “{name}” chứa ký tự không dùng được trong tên tệp"
    if name != name.strip() or name.endswith("."):
        return f"tên “{name}” có khoảng trắng hoặc dấu chấm ở đầu/cuối"
    if name.split(".")[0].lower() in _RESERVED:
        return f"tên “{name}” là tên dành riêng của Windows"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return f"tên “{name[:40]}…” quá dài"
    return None


def kind_is_valid(kind: object) -> bool:
    """A package kind is a short lowercase code: "ratings", "handover"."""
    return isinstance(kind, str) and bool(_KIND.match(kind))


@dataclass(frozen=True)
class FileEntry:
    """One file of the package: its name in the folder, size in bytes and SHA-256 (hex)."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Encryption:
    """How the payload was encrypted: Scrypt(password, salt; n, r, p) → AES-256-GCM key."""

    salt: bytes
    nonce: bytes
    n: int
    r: int
    p: int
    cipher: str = CIPHER
    kdf: str = KDF

    def to_dict(self) -> dict[str, Any]:
        return {
            "cipher": self.cipher,
            "kdf": self.kdf,
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "nonce": base64.b64encode(self.nonce).decode("ascii"),
            "content": "zip",
        }


def _utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Manifest:
    """The contents of ``manifest.json``."""

    kind: str
    meta: dict[str, Any]
    files: tuple[FileEntry, ...]
    app_version: str = __version__
    created_at: str = field(default_factory=_utc_now)
    encryption: Encryption | None = None
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def entry(self, name: str) -> FileEntry | None:
        return next((f for f in self.files if f.name == name), None)

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    def header_bytes(self) -> bytes:
        """The manifest fields a password-protected package authenticates.

        They are the AES-GCM associated data, so changing the cell name or year in the
        clear-text manifest makes decryption fail even though the file checksums match.
        """
        header = {
            "format": self.format,
            "format_version": self.format_version,
            "kind": self.kind,
            "app_version": self.app_version,
            "created_at": self.created_at,
            "meta": self.meta,
        }
        return json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
            "utf-8"
        )

    def to_json(self) -> str:
        data = {
            "format": self.format,
            "format_version": self.format_version,
            "kind": self.kind,
            "app_version": self.app_version,
            "created_at": self.created_at,
            "meta": self.meta,
            "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in self.files],
            "encryption": self.encryption.to_dict() if self.encryption else None,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> Manifest:
        """Parse and validate; raise ``PackageRejected`` on anything malformed or newer."""
        try:
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            data = json.loads(text)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise _malformed("không đọc được nội dung JSON") from None
        return _parse(data)


def _malformed(detail: str) -> PackageRejected:
    return PackageRejected(_MALFORMED.format(detail=detail), "malformed")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse(data: object) -> Manifest:
    if not isinstance(data, dict):
        raise _malformed("không phải một bảng kê")
    if data.get("format") != FORMAT:
        raise _malformed("không phải gói của Sổ Chi bộ")
    version = data.get("format_version")
    if not _is_int(version) or version < 1:
        raise _malformed("thiếu số phiên bản định dạng")
    app_version = data.get("app_version")
    if version > FORMAT_VERSION:
        shown = app_version if isinstance(app_version, str) else "?"
        raise PackageRejected(NEWER_VERSION.format(version=shown[:40]), "newer_version")
    if set(data) != _TOP_KEYS:
        raise _malformed("các mục của bảng kê không đúng định dạng")
    kind = data["kind"]
    if not kind_is_valid(kind):
        raise _malformed("loại gói không hợp lệ")
    if not isinstance(app_version, str) or not app_version or len(app_version) > 40:
        raise _malformed("phiên bản ứng dụng không hợp lệ")
    created_at = data["created_at"]
    if not isinstance(created_at, str) or not _valid_time(created_at):
        raise _malformed("thời điểm tạo gói không hợp lệ")
    if not isinstance(data["meta"], dict):
        raise _malformed("thông tin gói (meta) không hợp lệ")
    files = _parse_files(data["files"])
    encryption = _parse_encryption(data["encryption"]) if data["encryption"] is not None else None
    if encryption and [f.name for f in files] != [ENCRYPTED_NAME]:
        raise _malformed("gói có mật khẩu phải chỉ gồm một tệp dữ liệu mã hóa")
    return Manifest(
        kind=kind,
        meta=data["meta"],
        files=files,
        app_version=app_version,
        created_at=created_at,
        encryption=encryption,
        format=FORMAT,
        format_version=version,
    )


# A package is made by this app, so it cannot be older than the format; one dated in the
# future (9999-12-31) would block every genuine package of that cell and year.
EARLIEST_CREATED = datetime(2024, 1, 1, tzinfo=UTC)
CLOCK_SLACK = timedelta(days=2)


def _valid_time(value: str) -> bool:
    if len(value) > 40:
        return False
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            return False
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return False
    return EARLIEST_CREATED <= moment <= datetime.now(UTC) + CLOCK_SLACK


def _parse_files(items: object) -> tuple[FileEntry, ...]:
    if not isinstance(items, list) or not items:
        raise _malformed("danh sách tệp trống hoặc sai")
    entries: list[FileEntry] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, dict) or set(item) != {"name", "size", "sha256"}:
            raise _malformed("một dòng trong danh sách tệp sai định dạng")
        name, size, digest = item["name"], item["size"], item["sha256"]
        problem = name_problem(name)
        if problem:
            raise PackageRejected(
                f"Gói chứa tệp có tên không hợp lệ ({problem}); gói không được mở để bảo vệ "
                "máy. Hãy xin chi bộ xuất lại.",
                "unsafe_name",
            )
        if name.casefold() == MANIFEST_NAME or name.casefold() in seen:
            raise _malformed(f"tên tệp “{name}” bị trùng")
        seen.add(name.casefold())
        if not _is_int(size) or size < 0:
            raise _malformed(f"kích thước của tệp “{name}” sai")
        if not isinstance(digest, str) or not _SHA256.match(digest):
            raise _malformed(f"mã kiểm tra SHA-256 của tệp “{name}” sai")
        entries.append(FileEntry(name, size, digest))
    return tuple(entries)


def _parse_encryption(data: object) -> Encryption:
    keys = {"cipher", "kdf", "n", "r", "p", "salt", "nonce", "content"}
    if not isinstance(data, dict) or set(data) != keys:
        raise _malformed("thông số mã hóa sai định dạng")
    if data["cipher"] != CIPHER or data["kdf"] != KDF or data["content"] != "zip":
        raise _malformed("kiểu mã hóa không được hỗ trợ")
    n, r, p = data["n"], data["r"], data["p"]
    if not (_is_int(n) and _is_int(r) and _is_int(p)):
        raise _malformed("thông số mã hóa sai")
    if (
        not MIN_SCRYPT_N <= n <= MAX_SCRYPT_N
        or n & (n - 1)
        or r != SCRYPT_R
        or p != SCRYPT_P
        or 128 * n * r > MAX_SCRYPT_MEMORY
    ):
        raise _malformed("thông số mã hóa nằm ngoài giới hạn cho phép")
    salt, nonce = _b64(data["salt"]), _b64(data["nonce"])
    if salt is None or len(salt) < 16 or nonce is None or len(nonce) != 12:
        raise _malformed("muối hoặc số dùng một lần của mã hóa sai")
    return Encryption(salt=salt, nonce=nonce, n=n, r=r, p=p)


def _b64(value: object) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
