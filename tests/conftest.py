"""Shared test configuration: offscreen Qt, deterministic fonts, fresh data folders."""

from __future__ import annotations

import os

# Set before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# PDFs made in tests use the bundled font, so results do not depend on the machine.
os.environ.setdefault("SOCHIBO_BUNDLED_FONT", "1")

import pytest  # noqa: E402


@pytest.fixture
def workspace(tmp_path):
    from desktop.services.cell.workspace import Workspace

    ws = Workspace(tmp_path / "data", lock=False)
    yield ws
    ws.close()


@pytest.fixture
def db(workspace):
    return workspace.db


@pytest.fixture(autouse=True)
def no_paper_mark_left_over():
    """A window over the sample cell marks every paper; the next test starts unmarked."""
    yield
    from desktop.printing.paper_mark import set_paper_mark

    set_paper_mark("")
