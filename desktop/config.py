"""The data folder and the user's settings (thư mục dữ liệu, cài đặt).

The data folder holds the database, its backups, the lock file and ``settings.json``.
It is chosen, in order, by ``--data DIR``, the ``SOCHIBO_DATA`` environment variable,
a ``data`` folder beside a portable build, then the per-user data folder of the OS.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
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
    # ISO date of the last full integrity check of the database (kiểm tra định kỳ).
    last_full_check: str = ""
    # Set by ``load`` when the file was damaged and put aside; never saved.
    problem: str = field(default="", compare=False)

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        """The saved settings; a damaged file gives the defaults, kept aside and reported.

        A hand-edited ``[]``, ``null`` or ``{"backups_to_keep": "abc"}`` must never stop
        the app from starting.
        """
        path = data_dir / SETTINGS_NAME
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError) as exc:
            return cls._damaged(path, f"không đọc được ({exc.__class__.__name__})")
        try:
            raw = json.loads(text)
        except (ValueError, RecursionError):
            return cls._damaged(path, "không phải JSON hợp lệ")
        if not isinstance(raw, dict):
            return cls._damaged(path, "không có dạng {tên: giá trị}")
        settings = cls()
        bad = []
        for name, kind, low, high in (
            ("backups_to_keep", int, 1, 1000),
            ("font_point_size", int, 9, 28),
        ):
            if name in raw:
                value = raw[name]
                if isinstance(value, bool) or not isinstance(value, kind):
                    bad.append(name)
                else:
                    setattr(settings, name, min(high, max(low, value)))
        if "first_start_done" in raw:
            if isinstance(raw["first_start_done"], bool):
                settings.first_start_done = raw["first_start_done"]
            else:
                bad.append("first_start_done")
        if isinstance(raw.get("last_full_check"), str):
            settings.last_full_check = raw["last_full_check"][:10]
        if bad:
            kept = cls._put_aside(path)
            settings.problem = (
                f"Tệp cài đặt {path} có giá trị không hợp lệ ({', '.join(bad)}); đã dùng giá "
                f"trị mặc định cho các mục đó. Tệp cũ được giữ lại: {kept}."
            )
        return settings

    @classmethod
    def _damaged(cls, path: Path, why: str) -> Settings:
        kept = cls._put_aside(path)
        settings = cls()
        settings.problem = (
            f"Tệp cài đặt {path} bị hỏng ({why}); ứng dụng dùng cài đặt mặc định. "
            f"Tệp cũ được giữ lại: {kept}."
        )
        return settings

    @staticmethod
    def _put_aside(path: Path) -> Path | str:
        aside = path.with_name(f"{path.name}.hong-{datetime.now():%Y%m%d-%H%M%S}")
        try:
            os.replace(path, aside)
        except OSError:
            return "(không chuyển được tệp, vẫn ở chỗ cũ)"
        return aside

    def save(self, data_dir: Path) -> None:
        from desktop.storage.atomic import atomic_write_bytes

        values = asdict(self)
        values.pop("problem", None)
        text = json.dumps(values, ensure_ascii=False, indent=2)
        atomic_write_bytes(data_dir / SETTINGS_NAME, text.encode("utf-8"))
