"""Where the app finds its bundled resources (fonts, icons, demo data, rules).

The ``resources/`` folder sits beside the ``desktop`` package in a checkout and in the
PyInstaller bundle (``sys._MEIPASS``), so one lookup serves both.
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
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Không tìm thấy thư mục tài nguyên (resources) của ứng dụng.")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
