"""Where the app finds its bundled resources (fonts, icons, demo data, rules).

The ``resources/`` folder sits beside the ``desktop`` package in a checkout and in the
PyInstaller bundle (``sys._MEIPASS``); a wheel installs it as data files under
``share/sochibo/resources`` of the environment, found through the package's metadata.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    installed = _installed_resources()
    if installed is not None:
        candidates.append(installed)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Không tìm thấy thư mục tài nguyên (resources) của ứng dụng.")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def _installed_resources() -> Path | None:
    """``share/sochibo/resources`` of a wheel install, located through its RECORD."""
    from importlib import metadata

    try:
        files = metadata.files("sochibo") or []
    except metadata.PackageNotFoundError:
        return None
    for file in files:
        if file.as_posix().endswith("resources/rules/meetings.json"):
            return Path(file.locate()).resolve().parent.parent
    return None
