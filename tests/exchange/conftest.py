"""Fixtures for the package layer: a fast Scrypt cost and an empty "USB stick" folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.exchange import crypto


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch):
    # The cost is stored in each manifest, so a low one written here is read back as is.
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder
