"""A backup or handover file copied to the stick is verified, or not there at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from exchange_helpers import EIO, ENOSPC, EROFS, entries, fail_on, flip_byte

from desktop.exchange import ExportFailed, PackageExists, copy_verified, file_sha256
from desktop.exchange.safe_io import CHUNK

NAME = "SoChiBo-saoluu-20261220-081500.sqlite3"


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "pc" / "sochibo.sqlite3"
    path.parent.mkdir()
    # More than one chunk, so the write loop and progress run several times.
    path.write_bytes(bytes(range(256)) * (CHUNK // 256 * 2 + 7))
    return path


def test_copy_is_identical_and_has_its_real_name(source, stick):
    result = copy_verified(source, stick, NAME)

    assert result == stick / NAME
    assert entries(stick) == [NAME]
    assert file_sha256(result) == file_sha256(source)


def test_progress_ends_at_the_total_with_safe_to_remove(source, stick):
    calls = []
    copy_verified(source, stick, NAME, lambda d, t, text: calls.append((d, t, text)))

    assert calls[-1][0] == calls[-1][1] == 2 * source.stat().st_size
    assert "có thể rút USB" in calls[-1][2]


def test_disk_full_while_copying(source, stick):
    with pytest.raises(ExportFailed) as caught:
        copy_verified(source, stick, NAME, _hooks=fail_on("write", ENOSPC, call=2))

    assert caught.value.reason == "full"
    assert "đã đầy" in caught.value.message
    assert entries(stick) == []


def test_stick_pulled_out_while_copying(source, stick):
    with pytest.raises(ExportFailed) as caught:
        copy_verified(source, stick, NAME, _hooks={"written": lambda _p: shutil.rmtree(stick)})

    assert caught.value.reason == "vanished"
    assert "USB đã bị rút ra" in caught.value.message
    assert "sao chép lại" in caught.value.message
    assert not stick.exists()


def test_stick_failing_with_io_errors_while_copying(source, stick):
    with pytest.raises(ExportFailed) as caught:
        copy_verified(source, stick, NAME, _hooks=fail_on("fsync", EIO))

    assert caught.value.reason == "vanished"
    assert entries(stick) == []


def test_copy_corrupted_on_the_stick_is_removed(source, stick):
    with pytest.raises(ExportFailed) as caught:
        copy_verified(source, stick, NAME, _hooks={"verify": lambda path: flip_byte(path, 99)})

    assert caught.value.reason == "mismatch"
    assert "không khớp khi đọc lại" in caught.value.message
    assert entries(stick) == []


def test_read_only_stick(source, stick):
    with pytest.raises(ExportFailed) as caught:
        copy_verified(source, stick, NAME, _hooks=fail_on("open", EROFS))

    assert caught.value.reason == "read_only"
    assert entries(stick) == []


def test_cancelled_copy_leaves_nothing(source, stick):
    with pytest.raises(ExportFailed) as caught:
        copy_verified(source, stick, NAME, lambda d, t, text: False)

    assert caught.value.reason == "cancelled"
    assert entries(stick) == []


def test_missing_source_is_the_pcs_problem_not_the_sticks(tmp_path, stick):
    with pytest.raises(ExportFailed) as caught:
        copy_verified(tmp_path / "khong-co.sqlite3", stick, NAME)

    assert caught.value.reason == "source"
    assert "tệp nguồn" in caught.value.message
    assert entries(stick) == []


def test_existing_file_needs_confirmation_then_is_replaced_only_when_verified(source, stick):
    (stick / NAME).write_bytes(b"ban cu")

    with pytest.raises(PackageExists):
        copy_verified(source, stick, NAME)
    with pytest.raises(ExportFailed):
        copy_verified(source, stick, NAME, replace=True, _hooks=fail_on("write", ENOSPC))
    assert (stick / NAME).read_bytes() == b"ban cu"

    copy_verified(source, stick, NAME, replace=True)
    assert file_sha256(stick / NAME) == file_sha256(source)
    assert entries(stick) == [NAME]
