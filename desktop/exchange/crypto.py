"""Password protection (mật khẩu bảo vệ gói) of a package, with the ``cryptography`` library.

The payload files are zipped in memory (deflate) and encrypted with AES-256-GCM under a
key derived from the password by Scrypt (random 16-byte salt, random 12-byte nonce).
The clear-text manifest fields (kind, cell, year…) are the GCM associated data, so
editing them is detected like editing the ciphertext.

What it protects against: someone who finds a lost stick cannot read the names or the
ratings without the password. What it does not protect against: a keylogger or malware on
either PC, a weak or guessable password, anyone who has been told the password, and the
clear-text manifest (file name, kind and the caller's ``meta``, e.g. the cell's name and
year, stay readable — callers must keep personal data out of ``meta``).

``cryptography`` is imported on first use, so the app starts without it.
"""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile

from desktop.exchange.errors import PackageRejected
from desktop.exchange.manifest import Encryption, name_problem

# Scrypt cost: 32 MiB and ~0.1 s on an office PC. Tests lower SCRYPT_N; the value used is
# stored in the manifest, and the reader refuses values outside manifest.MAX_SCRYPT_N.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1

WRONG_PASSWORD = (
    "Sai mật khẩu hoặc gói bị hỏng. Hãy nhập lại mật khẩu; nếu vẫn không mở được, "
    "hãy xin chi bộ xuất lại."
)


def _key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    # The same password typed with another Vietnamese input method may arrive as NFD.
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def encrypt_files(
    files: dict[str, bytes], password: str, header: bytes
) -> tuple[bytes, Encryption]:
    """Zip and encrypt ``files``; ``header`` is authenticated but not encrypted."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not password:
        raise ValueError("empty password")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    params = Encryption(
        salt=os.urandom(16), nonce=os.urandom(12), n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P
    )
    key = _key(password, params.salt, params.n, params.r, params.p)
    blob = AESGCM(key).encrypt(params.nonce, buffer.getvalue(), header)
    return blob, params


def decrypt_files(
    blob: bytes, password: str, params: Encryption, header: bytes, max_bytes: int
) -> dict[str, bytes]:
    """Decrypt and unzip; raise ``PackageRejected`` on a wrong password or unsafe content."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = _key(password, params.salt, params.n, params.r, params.p)
    try:
        plain = AESGCM(key).decrypt(params.nonce, blob, header)
    except InvalidTag:
        raise PackageRejected(WRONG_PASSWORD, "wrong_password") from None
    try:
        return _unzip(plain, max_bytes)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise PackageRejected(
            "Nội dung mã hóa của gói bị hỏng. Hãy xin chi bộ xuất lại.", "changed"
        ) from None


def _unzip(plain: bytes, max_bytes: int) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        infos = archive.infolist()
        if sum(info.file_size for info in infos) > max_bytes:
            from desktop.exchange.safe_io import format_size

            raise PackageRejected(
                f"Gói quá lớn (tối đa {format_size(max_bytes)}); đây không phải gói "
                "bình thường của Sổ Chi bộ và không được mở.",
                "too_large",
            )
        for info in infos:
            # Names with folders or "..", duplicates included, could write outside the
            # package if a later step ever extracted them: refuse, do not sanitize.
            problem = name_problem(info.filename)
            if problem or info.is_dir() or info.filename in files:
                raise PackageRejected(
                    f"Gói chứa tệp có tên không hợp lệ (“{info.filename[:80]}”); gói không "
                    "được mở để bảo vệ máy. Hãy xin chi bộ xuất lại.",
                    "unsafe_name",
                )
            files[info.filename] = archive.read(info)
    if not files:
        raise ValueError("empty archive")
    return files
