"""The superior's copy refuses a partial, changed or tampered package and says why."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import FILES, META, NAME, flip_byte
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exchange import (
    ENCRYPTED_NAME,
    MANIFEST_NAME,
    Manifest,
    PackageError,
    PackageRejected,
    read_manifest,
    read_package,
    write_package,
)
from desktop.exchange.safe_io import sha256_bytes
from desktop.errors import DomainError


@pytest.fixture
def package(stick) -> Path:
    return write_package(stick, NAME, FILES, kind="ratings", meta=META).path


@pytest.fixture
def locked(stick) -> Path:
    return write_package(stick, NAME, FILES, kind="ratings", meta=META, password="mk-2026").path


def _refusal(path: Path, password: str | None = None, **kwargs) -> PackageRejected:
    with pytest.raises(PackageRejected) as caught:
        read_package(path, password, **kwargs)
    return caught.value


def _edit_manifest(folder: Path, change) -> None:
    path = folder / MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_refusals_are_domain_errors_the_ui_already_shows(package):
    flip_byte(package / "tong-hop.json")
    error = _refusal(package)
    assert isinstance(error, PackageError) and isinstance(error, DomainError)
    assert str(error) == error.message


def test_one_byte_changed_after_export_is_refused_naming_the_file(package):
    flip_byte(package / "danh-sach-xep-loai.xlsx", 500)

    error = _refusal(package)

    assert error.reason == "changed"
    assert error.message == (
        "Tệp “danh-sach-xep-loai.xlsx” đã bị thay đổi hoặc hỏng sau khi xuất; "
        "hãy xin chi bộ xuất lại."
    )


def test_file_with_a_different_size_is_refused(package):
    (package / "tong-hop.json").write_bytes(b"{}")

    assert _refusal(package).reason == "changed"


def test_missing_file_is_refused(package):
    (package / "danh-sach-xep-loai.pdf").unlink()

    error = _refusal(package)

    assert error.reason == "missing_file"
    assert "danh-sach-xep-loai.pdf" in error.message


def test_folder_without_manifest_is_not_a_package(package):
    (package / MANIFEST_NAME).unlink()

    error = _refusal(package)

    assert "gói chưa ghi xong hoặc không phải gói của Sổ Chi bộ" in error.message


def test_folder_still_being_written_is_refused_by_its_name(package):
    partial = package.with_name(f".{NAME}.dang-ghi-1a2b3c4d")
    package.rename(partial)

    error = _refusal(partial)

    assert error.reason == "partial"
    assert "chưa ghi xong" in error.message


def test_package_from_a_newer_app_asks_for_an_update(package):
    _edit_manifest(package, lambda d: d.update(format_version=2, app_version="3.0.0"))

    error = _refusal(package)

    assert error.reason == "newer_version"
    assert "phiên bản mới hơn của Sổ Chi bộ" in error.message
    assert "hãy cập nhật ứng dụng" in error.message


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("meta"),
        lambda d: d.update(extra=1),
        lambda d: d.update(format="khac"),
        lambda d: d.update(kind=""),
        lambda d: d.update(created_at="hôm qua"),
        lambda d: d["files"][0].update(sha256="abc"),
        lambda d: d["files"][0].update(size=-1),
        lambda d: d["files"].append(dict(d["files"][0])),
        lambda d: d.update(files=[]),
    ],
)
def test_malformed_manifest_is_refused(package, change):
    _edit_manifest(package, change)

    error = _refusal(package)

    assert error.reason == "malformed"
    assert error.message.startswith("Bảng kê (manifest.json) của gói không hợp lệ")


def test_manifest_naming_a_file_outside_the_folder_is_refused(package):
    _edit_manifest(package, lambda d: d["files"][0].update(name="../../etc/passwd"))

    assert _refusal(package).reason == "unsafe_name"


def test_manifest_that_is_not_json_is_refused(package):
    (package / MANIFEST_NAME).write_bytes(b"\xff\xfe not json")

    assert _refusal(package).reason == "malformed"


def test_files_not_listed_are_ignored_with_a_note(package):
    (package / "ghi-chu.txt").write_text("thêm")
    (package / "Thumbs.db").write_bytes(b"x")

    contents = read_package(package)

    assert contents.files == FILES
    assert len(contents.notes) == 1
    assert "“ghi-chu.txt”" in contents.notes[0] and "bỏ qua" in contents.notes[0]
    assert "Thumbs.db" not in contents.notes[0]


def test_package_larger_than_the_cap_is_refused_before_reading(package):
    assert _refusal(package, max_bytes=1000).reason == "too_large"


def test_wrong_password_is_refused(locked):
    error = _refusal(locked, "mk-2025")

    assert error.reason == "wrong_password"
    assert error.message.startswith("Sai mật khẩu hoặc gói bị hỏng")


def test_missing_password_is_asked_for(locked):
    error = _refusal(locked)

    assert error.reason == "password_required"
    assert read_manifest(locked).encryption is not None


def test_changing_the_cell_in_a_locked_package_is_detected(locked):
    blob = (locked / ENCRYPTED_NAME).read_bytes()
    _edit_manifest(locked, lambda d: d["meta"].update(cell="Chi bộ khác"))
    assert sha256_bytes(blob) == read_manifest(locked).files[0].sha256

    assert _refusal(locked, "mk-2026").reason == "wrong_password"


def test_one_byte_changed_in_a_locked_package_is_refused(locked):
    flip_byte(locked / ENCRYPTED_NAME, 40)

    assert _refusal(locked, "mk-2026").reason == "changed"


def test_absurd_key_cost_in_a_tampered_manifest_is_refused_without_trying(locked):
    _edit_manifest(locked, lambda d: d["encryption"].update(n=2**30))

    assert _refusal(locked, "mk-2026").reason == "malformed"


def _reencrypt(folder: Path, password: str, entries: list[tuple[str, bytes]]) -> None:
    """What a password holder could do: a valid ciphertext around a hostile zip."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from desktop.exchange.crypto import _key

    manifest = read_manifest(folder)
    params = manifest.encryption
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    key = _key(password, params.salt, params.n, params.r, params.p)
    blob = AESGCM(key).encrypt(params.nonce, buffer.getvalue(), manifest.header_bytes())
    (folder / ENCRYPTED_NAME).write_bytes(blob)
    _edit_manifest(
        folder, lambda d: d["files"][0].update(size=len(blob), sha256=sha256_bytes(blob))
    )


@pytest.mark.parametrize("evil", ["../../thoat.txt", "/etc/cron.d/x", "thu-muc/a.txt", "C:x"])
def test_archive_names_escaping_the_folder_are_refused(locked, evil):
    _reencrypt(locked, "mk-2026", [("tong-hop.json", b"{}"), (evil, b"x")])

    error = _refusal(locked, "mk-2026")

    assert error.reason == "unsafe_name"
    assert "tên không hợp lệ" in error.message


def test_archive_expanding_past_the_cap_is_refused(locked):
    _reencrypt(locked, "mk-2026", [("to.bin", bytes(5000))])

    assert _refusal(locked, "mk-2026", max_bytes=4000).reason == "too_large"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(key=st.sampled_from(sorted(json.loads(Manifest("x", {}, ()).to_json()))), value=_JSON)
def test_any_edit_to_a_manifest_field_is_either_harmless_or_a_clear_refusal(key, value):
    good = Manifest(kind="ratings", meta=META, files=()).to_json()
    data = json.loads(good)
    data["files"] = [{"name": "a.pdf", "size": 1, "sha256": "0" * 64}]
    data[key] = value
    try:
        manifest = Manifest.from_json(json.dumps(data))
    except PackageRejected as error:
        assert error.message and error.reason
    else:
        assert manifest.format_version == 1 and manifest.files


@pytest.mark.parametrize(
    "cost", [dict(n=2**17, r=16, p=4), dict(n=2**16), dict(r=16), dict(p=2), dict(r=1)]
)
def test_only_the_scrypt_costs_the_app_writes_are_accepted(locked, cost):
    import time

    _edit_manifest(locked, lambda d: d["encryption"].update(**cost))
    started = time.perf_counter()
    rejected = _refusal(locked, "mật khẩu")
    assert rejected.reason == "malformed" and "giới hạn" in str(rejected)
    assert time.perf_counter() - started < 1.0
