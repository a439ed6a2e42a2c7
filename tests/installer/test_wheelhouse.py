"""The offline wheelhouse (kho gói ngoại tuyến) can be built: every runtime dependency has
a wheel for Windows (win_amd64) and Linux for each Python version the stick serves.

pip resolves from the package index's metadata only (``--dry-run --report``): a few
seconds per platform and nothing downloaded. These tests need the package index; the
real download is installer/build_wheelhouse.py.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from installer.build_wheelhouse import (
    LINUX,
    PYTHON_VERSIONS,
    WINDOWS,
    app_wheel,
    missing_resources,
    resolve,
    runtime_requirements,
)


def _resolved(platforms: tuple[str, ...], python_version: str) -> list[str]:
    try:
        return resolve(platforms, python_version)
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"pip could not resolve wheels for {platforms[-1]}:\n{exc.stderr[-2000:]}")


def _distribution(wheel: str) -> str:
    return wheel.split("-", 1)[0].lower().replace("_", "-")


def _requirement_name(requirement: str) -> str:
    name = requirement.split(";")[0]
    for stop in "<>=!~[ ":
        name = name.split(stop)[0]
    return name.lower().replace("_", "-")


@pytest.mark.parametrize("python_version", PYTHON_VERSIONS)
def test_every_runtime_dependency_has_a_windows_wheel(python_version):
    wheels = _resolved((WINDOWS,), python_version)

    assert all(w.endswith(".whl") for w in wheels)
    native = [w for w in wheels if not w.endswith("-none-any.whl")]
    assert native and all(w.endswith("-win_amd64.whl") for w in native), native
    resolved = {_distribution(w) for w in wheels}
    assert {_requirement_name(r) for r in runtime_requirements()} <= resolved


def test_every_runtime_dependency_has_a_linux_wheel():
    # Linux PCs get the .deb; the wheelhouse's Linux half is checked for the CI's Python.
    wheels = _resolved(LINUX, f"{sys.version_info.major}.{sys.version_info.minor}")

    native = [w for w in wheels if not w.endswith("-none-any.whl")]
    assert native and all(w.endswith("_x86_64.whl") for w in native), native
    resolved = {_distribution(w) for w in wheels}
    assert {_requirement_name(r) for r in runtime_requirements()} <= resolved


def test_app_wheel_carries_every_resource_and_migration(tmp_path):
    wheel = app_wheel(tmp_path)

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "desktop/storage/migrations/env.py" in names
    assert any(n.startswith("desktop/storage/migrations/versions/0001_") for n in names)
    assert missing_resources(wheel) == []
