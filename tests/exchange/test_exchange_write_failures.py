"""A stick that is pulled, full, read-only or corrupt never ends up with a package-looking folder.

Every failure must leave nothing named like the package, no hidden partial folder when it
can be removed, and a Vietnamese message saying what happened and what to do.
"""

from __future__ import annotations

import errno
import shutil
from collections import namedtuple
from pathlib import Path

import pytest
from exchange_helpers import (
    EACCES,
    EIO,
    ENOSPC,
    EROFS,
    FILES,
    META,
    NAME,
    entries,
    fail_on,
    flip_byte,
)

from desktop.exchange import ExportFailed, PackageRejected, read_package, safe_io, write_package


def _write(stick: Path, **kwargs):
    return write_package(stick, NAME, FILES, kind="ratings", meta=META, **kwargs)


def test_stick_pulled_out_after_the_second_file(stick):
    calls = {"n": 0}

    def pull_out(_path):
        calls["n"] += 1
        if calls["n"] == 2:
            shutil.rmtree(stick)

    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"written": pull_out})

    assert caught.value.reason == "vanished"
    assert "USB đã bị rút ra" in caught.value.message
    assert "cắm lại" in caught.value.message and "xuất lại" in caught.value.message
    assert caught.value.leftover is None
    assert not (stick / NAME).exists()


def test_stick_pulled_out_while_the_copy_is_read_back(stick):
    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"verify": lambda folder: shutil.rmtree(folder)})

    assert caught.value.reason == "vanished"
    assert entries(stick) == []


def test_only_the_temporary_folder_vanishing_is_also_caught(stick):
    calls = {"n": 0}

    def lose_folder(path):
        calls["n"] += 1
        if calls["n"] == 2:
            shutil.rmtree(path.parent)

    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"written": lose_folder})

    assert caught.value.reason == "vanished"
    assert entries(stick) == []


def test_stick_gone_so_far_that_cleanup_fails_leaves_only_an_unmistakable_partial(stick):
    hooks = fail_on("write", EIO, call=2)
    hooks.update(fail_on("cleanup", EIO))

    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks=hooks)

    leftover = caught.value.leftover
    assert leftover is not None and leftover.exists()
    assert entries(stick) == [leftover.name]
    assert leftover.name.startswith(".") and ".dang-ghi-" in leftover.name
    assert leftover.name in caught.value.message
    with pytest.raises(PackageRejected) as refused:
        read_package(leftover)
    assert refused.value.reason == "partial"


def test_disk_fills_on_the_third_write(stick):
    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks=fail_on("write", ENOSPC, call=3))

    assert caught.value.reason == "full"
    assert "đã đầy" in caught.value.message and "cần" in caught.value.message
    assert "USB khác" in caught.value.message
    assert entries(stick) == []


def test_disk_fills_while_flushing(stick):
    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks=fail_on("fsync", errno.EDQUOT, call=2))

    assert caught.value.reason == "full"
    assert entries(stick) == []


def test_too_little_free_space_is_refused_before_writing(stick, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(safe_io, "disk_usage", lambda _p: usage(10**9, 10**9 - 4096, 4096))

    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"mkdir": pytest.fail})

    assert caught.value.reason == "full"
    assert "cần" in caught.value.message and "còn 4 KB" in caught.value.message
    assert entries(stick) == []


def test_missing_target_folder_is_reported_as_a_pulled_stick(tmp_path):
    with pytest.raises(ExportFailed) as caught:
        _write(tmp_path / "E:")

    assert caught.value.reason == "vanished"
    assert "Không tìm thấy thư mục đích" in caught.value.message


@pytest.mark.parametrize(("step", "error"), [("mkdir", EROFS), ("open", EACCES)])
def test_read_only_stick(stick, step, error):
    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks=fail_on(step, error))

    assert caught.value.reason == "read_only"
    assert "chế độ chỉ đọc hoặc không có quyền ghi" in caught.value.message
    assert entries(stick) == []


def test_stick_unplugged_on_windows_is_recognised(stick):
    class WindowsError(OSError):
        winerror = 1167  # ERROR_DEVICE_NOT_CONNECTED; Python maps it to no useful errno

    def unplug(_path):
        raise WindowsError(errno.EINVAL, "The device is not connected")

    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"write": unplug})

    assert caught.value.reason == "vanished"


def test_file_corrupted_after_writing_fails_verification(stick):
    def corrupt(folder: Path) -> None:
        flip_byte(folder / "danh-sach-xep-loai.xlsx")

    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"verify": corrupt})

    assert caught.value.reason == "mismatch"
    assert "không khớp khi đọc lại" in caught.value.message
    assert "danh-sach-xep-loai.xlsx" in caught.value.message
    assert "USB khác" in caught.value.message
    assert entries(stick) == []


def test_file_cut_short_on_the_stick_fails_verification(stick):
    def truncate(folder: Path) -> None:
        path = folder / "danh-sach-xep-loai.pdf"
        path.write_bytes(path.read_bytes()[:100])

    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"verify": truncate})

    assert caught.value.reason == "mismatch"
    assert entries(stick) == []


def test_corrupted_manifest_fails_verification(stick):
    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"verify": lambda folder: flip_byte(folder / "manifest.json", 3)})

    assert caught.value.reason == "mismatch"
    assert entries(stick) == []


def test_stray_file_appearing_in_the_folder_fails_verification(stick):
    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks={"verify": lambda folder: (folder / "la.txt").write_bytes(b"?")})

    assert caught.value.reason == "mismatch"
    assert entries(stick) == []


def test_unexpected_os_error_is_reported_with_the_system_text(stick):
    with pytest.raises(ExportFailed) as caught:
        _write(stick, _hooks=fail_on("open", errno.ENAMETOOLONG))

    assert caught.value.reason == "other"
    assert "File name too long" in caught.value.message
    assert entries(stick) == []


def test_a_bug_in_the_middle_still_cleans_up(stick):
    def boom(_path):
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        _write(stick, _hooks={"written": boom})

    assert entries(stick) == []


def test_encrypted_export_failing_leaves_nothing(stick):
    with pytest.raises(ExportFailed):
        _write(stick, password="mk", _hooks=fail_on("write", ENOSPC))

    assert entries(stick) == []
