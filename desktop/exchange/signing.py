"""Signed packages (chữ ký số của gói): Ed25519 over the manifest, from ``cryptography``.

Each cell's data folder holds one key pair, made on its first export
(``khoa-ky-goi.pem``, also carried in the handover package so a new secretary keeps it).
The signature file ``chu-ky.json`` sits beside ``manifest.json`` and signs the manifest's
exact bytes; the manifest holds every file's SHA-256, so the signature covers them all.
A forger who edits the rating file and recomputes the manifest cannot make a signature
that verifies with the cell's key.

What it protects against and what not is in docs/formats/xep-loai-v1.md: the superior
trusts the key of the first package it accepts from a cell (checked by phone with the
short fingerprint), so it does not protect a cell's very first package, nor against
anyone who has the cell's data folder or handover package (they hold the private key).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

from desktop.exchange.errors import PackageRejected

KEY_FILE_NAME = "khoa-ky-goi.pem"
SIGNATURE_NAME = "chu-ky.json"
SIGNATURE_FORMAT = "sochibo-signature"
MAX_SIGNATURE_BYTES = 4096

FORGED = (
    "Chữ ký số của gói không khớp với nội dung: gói đã bị sửa sau khi chi bộ xuất. "
    "Gói không được nhập; hãy xin chi bộ xuất lại."
)


def load_or_create_key(data_dir: Path):
    """The cell's private key from the data folder, made (and saved 0600) on first use."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = Path(data_dir) / KEY_FILE_NAME
    if path.is_file():
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    from desktop.storage.atomic import atomic_path

    with atomic_path(path) as tmp:
        tmp.write_bytes(pem)
        if os.name == "posix":
            os.chmod(tmp, 0o600)
    return key


def public_key_bytes(private_key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def fingerprint(public_key: bytes) -> str:
    """A short code to read over the phone: 16 hex digits in four groups (ABCD-EF01-…)."""
    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def signature_file(private_key, manifest_bytes: bytes) -> bytes:
    """The content of ``chu-ky.json`` for a manifest."""
    data = {
        "format": SIGNATURE_FORMAT,
        "format_version": 1,
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(public_key_bytes(private_key)).decode("ascii"),
        "signature": base64.b64encode(private_key.sign(manifest_bytes)).decode("ascii"),
    }
    return (json.dumps(data, indent=2) + "\n").encode("ascii")


def signer_for(data_dir: Path):
    """A ``write_package`` signer that signs with the data folder's key."""
    key = load_or_create_key(data_dir)
    return lambda manifest_bytes: signature_file(key, manifest_bytes)


def verify_signature(data: bytes, manifest_bytes: bytes) -> bytes:
    """The signer's raw public key, or ``PackageRejected`` when it does not verify."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        info = json.loads(data.decode("ascii"))
        if not isinstance(info, dict) or info.get("format") != SIGNATURE_FORMAT:
            raise ValueError("not a signature file")
        if info.get("format_version") != 1 or info.get("algorithm") != "Ed25519":
            raise ValueError("unknown signature version")
        public = base64.b64decode(info["public_key"], validate=True)
        signature = base64.b64decode(info["signature"], validate=True)
        if len(public) != 32 or len(signature) != 64:
            raise ValueError("wrong lengths")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise PackageRejected(
            "Tệp chữ ký (chu-ky.json) của gói không hợp lệ; gói có thể đã bị sửa. "
            "Hãy xin chi bộ xuất lại.",
            "malformed",
        ) from None
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, manifest_bytes)
    except InvalidSignature:
        raise PackageRejected(FORGED, "forged") from None
    return public
