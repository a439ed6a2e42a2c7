"""A package written to the stick reads back identical, with or without a password."""

from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path

import pytest
from exchange_helpers import EIO, ENOSPC, FILES, META, NAME, entries, fail_on, flip_byte
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import __version__
from desktop.exchange import (
    ENCRYPTED_NAME,
    MANIFEST_NAME,
    ExportFailed,
    PackageExists,
    file_sha256,
    find_packages,
    read_manifest,
    read_package,
    write_package,
)
from desktop.exchange.manifest import name_problem
from desktop.exchange.safe_io import sha256_bytes


def test_package_is_a_folder_whose_files_open_without_the_app(stick):
    written = write_package(stick, NAME, FILES, kind="ratings", meta=META)

    assert written.path == stick / NAME
    assert entries(stick) == [NAME]
    assert entries(written.path) == sorted([*FILES, MANIFEST_NAME])
    for name, data in FILES.items():
        assert (written.path / name).read_bytes() == data


def test_manifest_lists_every_file_with_its_checksum_and_the_app_version(stick):
    written = write_package(stick, NAME, FILES, kind="ratings", meta=META)

    data = json.loads((written.path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["format"] == "sochibo-package"
    assert data["format_version"] == 1
    assert data["app_version"] == __version__
    assert data["kind"] == "ratings"
    assert data["meta"] == META
    assert data["created_at"].endswith("Z")
    assert data["encryption"] is None
    listed = {f["name"]: (f["size"], f["sha256"]) for f in data["files"]}
    assert listed == {n: (len(d), sha256_bytes(d)) for n, d in FILES.items()}
    assert written.manifest_sha256 == file_sha256(written.path / MANIFEST_NAME)


def test_round_trip_without_password(stick):
    write_package(stick, NAME, FILES, kind="ratings", meta=META)

    contents = read_package(stick / NAME)

    assert contents.files == FILES
    assert contents.manifest.meta == META
    assert contents.notes == ()


def test_round_trip_with_password_hides_names_and_ratings(stick):
    written = write_package(stick, NAME, FILES, kind="ratings", meta=META, password="Bí mật 2026")

    assert entries(written.path) == sorted([ENCRYPTED_NAME, MANIFEST_NAME])
    blob = (written.path / ENCRYPTED_NAME).read_bytes()
    assert "Chi bộ".encode() not in blob and b"danh-sach" not in blob
    assert read_package(written.path, password="Bí mật 2026").files == FILES


def test_password_typed_in_decomposed_unicode_still_opens(stick):
    password = "Mật khẩu chi bộ"
    write_package(stick, NAME, FILES, kind="ratings", meta=META, password=password)

    decomposed = unicodedata.normalize("NFD", password)
    assert read_package(stick / NAME, password=decomposed).files == FILES


def test_path_to_manifest_itself_is_accepted(stick):
    write_package(stick, NAME, FILES, kind="ratings", meta=META)

    assert read_package(stick / NAME / MANIFEST_NAME).files == FILES
    assert read_manifest(stick / NAME / MANIFEST_NAME).meta == META


def test_packages_on_a_stick_are_found_but_a_half_written_one_is_not(stick):
    write_package(stick, "SoChiBo-B", FILES, kind="ratings", meta=META)
    write_package(stick, "SoChiBo-A", FILES, kind="ratings", meta=META)
    with pytest.raises(ExportFailed):
        write_package(stick, "SoChiBo-C", FILES, kind="ratings", _hooks=_keep_partial())
    (stick / "ghi-chu.txt").write_text("x")

    assert [p.name for p in find_packages(stick)] == ["SoChiBo-A", "SoChiBo-B"]


def _keep_partial():
    hooks = fail_on("verify", EIO)
    hooks["cleanup"] = fail_on("cleanup", EIO)["cleanup"]
    return hooks


def test_progress_goes_up_to_the_total_and_ends_with_safe_to_remove(stick):
    calls = []
    write_package(
        stick, NAME, FILES, kind="ratings", progress=lambda d, t, text: calls.append((d, t, text))
    )

    done = [d for d, _, _ in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1] > 0
    assert "có thể rút USB" in calls[-1][2]
    assert any(text.startswith("Đang kiểm tra lại") for _, _, text in calls)


def test_cancelling_from_the_progress_bar_leaves_nothing(stick):
    with pytest.raises(ExportFailed) as caught:
        write_package(stick, NAME, FILES, kind="ratings", progress=lambda d, t, text: d < 5000)

    assert caught.value.reason == "cancelled"
    assert "Đã hủy" in caught.value.message
    assert entries(stick) == []


def test_existing_package_is_not_overwritten_without_confirmation(stick):
    write_package(stick, NAME, FILES, kind="ratings", meta=META)
    before = {p.name: p.read_bytes() for p in (stick / NAME).iterdir()}

    with pytest.raises(PackageExists) as caught:
        write_package(stick, NAME, {"khac.txt": b"moi"}, kind="ratings")

    assert caught.value.path == stick / NAME
    assert "đã có" in caught.value.message
    assert entries(stick) == [NAME]
    assert {p.name: p.read_bytes() for p in (stick / NAME).iterdir()} == before


def test_confirmed_replacement_swaps_in_the_new_package(stick):
    write_package(stick, NAME, FILES, kind="ratings", meta=META)

    write_package(stick, NAME, {"moi.txt": b"ban moi"}, kind="ratings", replace=True)

    assert entries(stick) == [NAME]
    assert read_package(stick / NAME).files == {"moi.txt": b"ban moi"}


def test_replacement_that_fails_while_writing_keeps_the_old_package(stick):
    write_package(stick, NAME, FILES, kind="ratings", meta=META)

    with pytest.raises(ExportFailed):
        write_package(
            stick,
            NAME,
            {"moi.txt": b"x"},
            kind="ratings",
            replace=True,
            _hooks=fail_on("write", ENOSPC),
        )

    assert entries(stick) == [NAME]
    assert read_package(stick / NAME).files == FILES


def test_replacement_that_fails_at_the_final_rename_puts_the_old_package_back(stick):
    write_package(stick, NAME, FILES, kind="ratings", meta=META)

    with pytest.raises(ExportFailed) as caught:
        write_package(
            stick,
            NAME,
            {"moi.txt": b"x"},
            kind="ratings",
            replace=True,
            _hooks=fail_on("rename", EIO),
        )

    assert caught.value.reason == "vanished"
    assert entries(stick) == [NAME]
    assert read_package(stick / NAME).files == FILES


def test_replacement_corrupted_on_the_stick_keeps_the_old_package(stick):
    write_package(stick, NAME, FILES, kind="ratings", meta=META)

    def corrupt(folder: Path) -> None:
        flip_byte(folder / "moi.txt", 0)

    with pytest.raises(ExportFailed) as caught:
        write_package(
            stick,
            NAME,
            {"moi.txt": b"x"},
            kind="ratings",
            replace=True,
            _hooks={"verify": corrupt},
        )

    assert caught.value.reason == "mismatch"
    assert read_package(stick / NAME).files == FILES


def test_bad_names_are_a_programming_error_not_a_stick_error(stick):
    with pytest.raises(ValueError):
        write_package(stick, "../thoat", FILES, kind="ratings")
    with pytest.raises(ValueError):
        write_package(stick, NAME, {"a/b.pdf": b"x"}, kind="ratings")
    with pytest.raises(ValueError):
        write_package(stick, NAME, {"A.pdf": b"x", "a.PDF": b"y"}, kind="ratings")
    with pytest.raises(ValueError):
        write_package(stick, NAME, {"Manifest.json": b"x"}, kind="ratings")
    with pytest.raises(ValueError):
        write_package(stick, NAME, FILES, kind="Xếp loại")
    with pytest.raises(ValueError):
        write_package(stick, NAME, FILES, kind="ratings", meta={"x": float("nan")})
    assert entries(stick) == []


@pytest.mark.parametrize(
    "name",
    ["", ".an", "a/b", "a\\b", "con.txt", "a:b", "cuối. ", "x" * 201, "te\u0302n"],
)
def test_names_unsafe_on_a_fat_stick_are_refused(name):
    assert name_problem(name) is not None


_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọ"
_NAMES = (
    st.text(alphabet=_LETTERS + "ĐÂ0123456789-_ .()", min_size=1, max_size=40)
    .map(lambda s: unicodedata.normalize("NFC", s))
    .filter(lambda s: name_problem(s) is None)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=st.dictionaries(_NAMES, st.binary(max_size=3000), min_size=1, max_size=5).filter(
        lambda d: (
            len({n.casefold() for n in d}) == len(d)
            and all(n.casefold() != MANIFEST_NAME for n in d)
        )
    ),
    meta=st.dictionaries(st.text(max_size=10), st.integers() | st.text(max_size=20), max_size=4),
    password=st.none() | st.text(min_size=1, max_size=12),
)
def test_any_files_and_names_round_trip(files, meta, password):
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder)
        write_package(target, "Gói thử", files, kind="ratings", meta=meta, password=password)
        contents = read_package(target / "Gói thử", password=password)
    assert contents.files == files
    assert contents.manifest.meta == meta
