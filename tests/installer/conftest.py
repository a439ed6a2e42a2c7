"""Fixtures of the installer tests: the frozen app is built once per test session.

The build takes a minute or two (PyInstaller); every test that needs the bundle shares it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the build scripts are run as ``python3 -m installer.…``
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """dist/sochibo as installer/sochibo.spec builds it, in a throw-away folder."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle tests run on Linux; Windows builds with installer/windows")
    from installer.build_bundle import build_bundle

    base = tmp_path_factory.mktemp("pyinstaller")
    bundle = build_bundle(base / "dist", base / "work", quiet=True)
    shutil.rmtree(base / "work")  # PyInstaller's caches: 100 MB nobody reads again
    return bundle


@pytest.fixture
def app_env(tmp_path) -> dict[str, str]:
    """Environment of a frozen-app run: offscreen, and a home that is not the tester's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOCHIBO_")}
    home = tmp_path / "home"
    home.mkdir()
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "share"), QT_QPA_PLATFORM="offscreen")
    return env
