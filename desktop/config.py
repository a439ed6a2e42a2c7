"""The data folder and the user's settings (thư mục dữ liệu, cài đặt).

The data folder holds the database, its backups, the lock file and ``settings.json``.
It is chosen, in order, by ``--data DIR``, the ``SOCHIBO_DATA`` environment variable,
a ``data`` folder beside a portable build, then the per-user data folder of the OS.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "SoChiBo"
DATABASE_NAME = "sochibo.sqlite3"
SETTINGS_NAME = "settings.json"


def default_data_dir() -> Path:
    env = os.environ.get("SOCHIBO_DATA")
    if env:
        return Path(env)
    if getattr(sys, "frozen", False):
        portable = Path(sys.executable).resolve().parent / "data"
        if portable.is_dir():
            return portable
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False, roaming=True))


@dataclass
class Settings:
    """User preferences kept in the data folder, so they travel with a backup."""

    backups_to_keep: int = 10
    font_point_size: int = 12
    first_start_done: bool = False

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_NAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        settings = cls(**values)
        settings.backups_to_keep = max(1, int(settings.backups_to_keep))
        settings.font_point_size = min(28, max(9, int(settings.font_point_size)))
        return settings

    def save(self, data_dir: Path) -> None:
        from desktop.storage.atomic import atomic_write_bytes

        text = json.dumps(asdict(self), ensure_ascii=False, indent=2)
        atomic_write_bytes(data_dir / SETTINGS_NAME, text.encode("utf-8"))
