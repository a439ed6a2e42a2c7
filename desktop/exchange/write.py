"""Writing an export package (gói xuất) to a USB stick or folder, verified before it counts.

A package is a folder named by the caller (``SoChiBo-XepLoai-2026-Chi-bo-Khu-pho-3``)
holding the files and ``manifest.json``, so the PDF and the spreadsheet open straight from
the stick without the app. The folder is first written under a hidden name containing
``.dang-ghi-``; every file is fsync-ed, the manifest is written last, and every file is
read back and checked against the manifest before the folder gets its real name. On any
failure the hidden folder is removed, so nothing half-written ever looks like a package.

Password protection (optional): the files are zipped and encrypted (AES-256-GCM, key from
Scrypt) into one file ``du-lieu.sochibo-enc``; see ``desktop.exchange.crypto``. Someone
who finds the lost stick cannot read names or ratings without the password. It does not
protect against a keylogger on the PC, a weak password, or anyone who has the password;
the manifest stays readable, so callers must keep personal data out of ``meta`` (cell
name and year are fine).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from desktop.exchange import crypto
from desktop.exchange.errors import PackageExists
from desktop.exchange.signing import SIGNATURE_NAME
from desktop.exchange.manifest import (
    ENCRYPTED_NAME,
    MANIFEST_NAME,
    FileEntry,
    Manifest,
    kind_is_valid,
    name_problem,
)
from desktop.exchange.safe_io import (
    Cancelled,
    Hooks,
    Mismatch,
    Progress,
    Tracker,
    aside_name,
    check_target,
    failure,
    fsync_dir,
    remove_quietly,
    rename,
    run_hook,
    sha256_bytes,
    space_needed,
    temp_name,
    verify_file,
    write_file,
)


@dataclass(frozen=True)
class WrittenPackage:
    """A package written and verified: its folder, manifest and the manifest's SHA-256."""

    path: Path
    manifest: Manifest
    manifest_sha256: str
    total_bytes: int


def exists_message(target: Path, name: str) -> str:
    return (
        f"Trong {target} đã có “{name}”. Nếu muốn thay bằng bản mới, hãy xác nhận để ghi đè; "
        "bản cũ chỉ bị xóa sau khi bản mới đã ghi và kiểm tra xong."
    )


def write_package(
    target_dir: Path,
    name: str,
    files: dict[str, bytes],
    *,
    kind: str,
    meta: dict[str, Any] | None = None,
    password: str | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    signer: Callable[[bytes], bytes] | None = None,
    _hooks: Hooks | None = None,
) -> WrittenPackage:
    """Write ``files`` as the package folder ``target_dir/name``, verified.

    ``progress(done, total, text)`` is called as bytes are written and read back (each
    byte counts twice); returning ``False`` cancels and cleans up. An existing ``name``
    raises ``PackageExists`` unless ``replace``; with ``replace`` the old package stays
    until the new one is complete. Failures raise ``ExportFailed`` (Vietnamese message).
    Bad arguments (names, empty file set, meta not JSON) raise ``ValueError``.
    ``signer(manifest_bytes)`` gives the content of ``chu-ky.json`` (see signing.py).
    """
    target = Path(target_dir)
    problem = name_problem(name)
    if problem:
        raise ValueError(f"package name: {problem}")
    final = target / name
    # Asked before the (slow) encryption, so the UI can ask the user straight away.
    if os.path.lexists(final) and not replace:
        raise PackageExists(exists_message(target, name), final)
    payload, manifest = _prepare(files, kind, meta, password)
    manifest_bytes = manifest.to_json().encode("utf-8")
    signature = signer(manifest_bytes) if signer is not None else None
    sizes = [len(data) for data in payload.values()] + [len(manifest_bytes)]
    if signature is not None:
        sizes.append(len(signature))
    need = space_needed(sizes)
    check_target(target, need)

    tracker = Tracker(progress, 2 * sum(sizes))
    work = target / temp_name(name)
    try:
        _write_and_verify(work, payload, manifest, manifest_bytes, tracker, _hooks, signature)
        _install(work, final, replace, _hooks)
    except (OSError, Cancelled, Mismatch) as exc:
        leftover = None if remove_quietly(work, _hooks) else work
        raise failure(exc, target, need=need, leftover=leftover) from exc
    except BaseException:
        remove_quietly(work, _hooks)
        raise
    if progress is not None:
        progress(tracker.total, tracker.total, "Đã ghi và kiểm tra xong; có thể rút USB ra.")
    return WrittenPackage(final, manifest, sha256_bytes(manifest_bytes), sum(sizes))


def _prepare(
    files: dict[str, bytes],
    kind: str,
    meta: dict[str, Any] | None,
    password: str | None,
) -> tuple[dict[str, bytes], Manifest]:
    if not files:
        raise ValueError("a package needs at least one file")
    folded: set[str] = set()
    for file_name in files:
        problem = name_problem(file_name)
        if problem or file_name.casefold() in folded or file_name.casefold() == MANIFEST_NAME:
            raise ValueError(f"file name {file_name!r}: {problem or 'duplicate or reserved'}")
        folded.add(file_name.casefold())
    # A round trip through JSON makes meta exactly what a reader will see, which the
    # encrypted header depends on.
    clean_meta = json.loads(json.dumps(meta or {}, ensure_ascii=False, allow_nan=False))
    if not isinstance(clean_meta, dict):
        raise ValueError("meta must be a dict")
    if not kind_is_valid(kind):
        raise ValueError(f"kind {kind!r}: lowercase letters, digits and '-' only")
    draft = Manifest(kind=kind, meta=clean_meta, files=())
    if password is None:
        payload = dict(files)
        encryption = None
    else:
        blob, encryption = crypto.encrypt_files(files, password, draft.header_bytes())
        payload = {ENCRYPTED_NAME: blob}
    entries = tuple(FileEntry(n, len(d), sha256_bytes(d)) for n, d in payload.items())
    manifest = Manifest(
        kind=kind,
        meta=clean_meta,
        files=entries,
        app_version=draft.app_version,
        created_at=draft.created_at,
        encryption=encryption,
    )
    return payload, manifest


def _write_and_verify(
    work: Path,
    payload: dict[str, bytes],
    manifest: Manifest,
    manifest_bytes: bytes,
    tracker: Tracker,
    hooks: Hooks | None,
    signature: bytes | None = None,
) -> None:
    run_hook(hooks, "mkdir", work)
    work.mkdir()
    for file_name, data in payload.items():
        write_file(work / file_name, data, tracker, f"Đang ghi {file_name}", hooks)
    # The manifest goes last: a folder with a manifest had all its files written first.
    write_file(work / MANIFEST_NAME, manifest_bytes, tracker, "Đang ghi bảng kê", hooks)
    expected = [*payload, MANIFEST_NAME]
    if signature is not None:
        write_file(work / SIGNATURE_NAME, signature, tracker, "Đang ghi chữ ký số", hooks)
        expected.append(SIGNATURE_NAME)
    fsync_dir(work)
    run_hook(hooks, "verify", work)
    for entry in manifest.files:
        text = f"Đang kiểm tra lại {entry.name}"
        verify_file(work / entry.name, entry.size, entry.sha256, tracker, text)
    text = "Đang kiểm tra lại bảng kê"
    verify_file(
        work / MANIFEST_NAME, len(manifest_bytes), sha256_bytes(manifest_bytes), tracker, text
    )
    if signature is not None:
        text = "Đang kiểm tra lại chữ ký số"
        verify_file(
            work / SIGNATURE_NAME, len(signature), sha256_bytes(signature), tracker, text
        )
    if sorted(p.name for p in work.iterdir()) != sorted(expected):
        raise Mismatch(work.name)


def _install(work: Path, final: Path, replace: bool, hooks: Hooks | None) -> None:
    """Give the verified folder its real name; an old package goes only after that."""
    parent = final.parent
    aside = None
    if os.path.lexists(final):
        if not replace:
            raise PackageExists(exists_message(parent, final.name), final)
        aside = parent / aside_name(final.name)
        run_hook(hooks, "set_aside", final, aside)
        rename(final, aside)
    try:
        run_hook(hooks, "rename", work, final)
        rename(work, final)
    except BaseException:
        if aside is not None:
            try:
                rename(aside, final)
            except OSError:
                pass  # the old package stays complete under its hidden name
        raise
    fsync_dir(parent)
    if aside is not None:
        remove_quietly(aside)
