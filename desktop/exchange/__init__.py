"""Export packages (gói xuất) carried on a USB stick, and verified single-file copies.

Content-agnostic: callers hand in named bytes (the rating list's xlsx and PDF, the
machine-readable file…) and get a verified package folder; the superior's copy of the
app reads it back only after every checksum matched. No Qt, no database. See README.md.
"""

from desktop.exchange.errors import ExportFailed, PackageError, PackageExists, PackageRejected
from desktop.exchange.manifest import (
    ENCRYPTED_NAME,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_NAME,
    Encryption,
    FileEntry,
    Manifest,
)
from desktop.exchange.read import (
    PackageContents,
    find_packages,
    read_manifest,
    read_package,
)
from desktop.exchange.safe_io import file_sha256
from desktop.exchange.verify_copy import copy_verified
from desktop.exchange.write import WrittenPackage, write_package

__all__ = [
    "ENCRYPTED_NAME",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST_NAME",
    "Encryption",
    "ExportFailed",
    "FileEntry",
    "Manifest",
    "PackageContents",
    "PackageError",
    "PackageExists",
    "PackageRejected",
    "WrittenPackage",
    "copy_verified",
    "file_sha256",
    "find_packages",
    "read_manifest",
    "read_package",
    "write_package",
]
