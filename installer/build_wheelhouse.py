"""Build the offline wheelhouse (kho gói ngoại tuyến): ``python3 -m installer.build_wheelhouse``.

For a PC that has Python but no internet: every runtime dependency as a wheel for Windows
(win_amd64) and Linux (x86_64, glibc 2.34 or newer), for each supported Python version,
plus the app's own wheel and two install scripts. Copy the output folder to a USB stick
and run ``cai-dat.bat`` (Windows) or ``sh cai-dat.sh`` (Linux) on the office PC.

Needs internet on the build machine (it really downloads, a few hundred MB).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

from installer.build_bundle import ROOT, app_version, folder_size

PYTHON_VERSIONS = ("3.11", "3.12", "3.13")
WINDOWS = "win_amd64"
# pip matches --platform tags exactly, so every manylinux level up to the newest a
# dependency needs (PySide6 6.11: glibc 2.34) is listed.
LINUX = (
    "manylinux1_x86_64",
    "manylinux2010_x86_64",
    "manylinux2014_x86_64",
    *(f"manylinux_2_{minor}_x86_64" for minor in range(17, 35)),
)
TARGETS = {"windows": (WINDOWS,), "linux": LINUX}

INSTALL_BAT = """\
@echo off
rem Cai dat So Chi bo tu o USB, khong can mang.
chcp 65001 >nul
set WHEELS=%~dp0wheels
py -3 -m pip install --no-index --find-links "%WHEELS%" --upgrade sochibo
if errorlevel 1 python -m pip install --no-index --find-links "%WHEELS%" --upgrade sochibo
if errorlevel 1 (
  echo Không cài được. Máy cần Python 3.11, 3.12 hoặc 3.13 bản 64-bit.
  pause
  exit /b 1
)
echo Đã cài xong. Gõ lệnh sochibo để mở Sổ Chi bộ.
pause
"""

INSTALL_SH = """\
#!/bin/sh
# Cài Sổ Chi bộ từ ổ USB, không cần mạng.
set -e
here=$(cd "$(dirname "$0")" && pwd)
python3 -m pip install --user --no-index --find-links "$here/wheels" --upgrade sochibo
echo "Đã cài xong. Gõ lệnh sochibo để mở Sổ Chi bộ."
"""


def runtime_requirements() -> list[str]:
    """The app's runtime dependencies, as pyproject.toml lists them."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def pip_platform_args(platforms: tuple[str, ...], python_version: str) -> list[str]:
    args = ["--only-binary=:all:", "--implementation", "cp", "--python-version", python_version]
    for platform in platforms:
        args += ["--platform", platform]
    return args


def resolve(platforms: tuple[str, ...], python_version: str) -> list[str]:
    """File names of the wheels pip would install on that platform, from metadata only.

    Raises ``subprocess.CalledProcessError`` (with pip's message) when a dependency has
    no wheel there. Nothing is installed and no wheel is downloaded.
    """
    with tempfile.TemporaryDirectory(prefix="sochibo-resolve-") as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--dry-run",
                "--ignore-installed",
                "--quiet",
                "--disable-pip-version-check",
                *pip_platform_args(platforms, python_version),
                "--target",
                str(Path(tmp) / "target"),
                "--report",
                str(report),
                *runtime_requirements(),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    return [item["download_info"]["url"].rsplit("/", 1)[-1] for item in data["install"]]


def download(wheels: Path, platforms: tuple[str, ...], python_version: str) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--disable-pip-version-check",
            *pip_platform_args(platforms, python_version),
            "--dest",
            str(wheels),
            *runtime_requirements(),
        ],
        check=True,
    )


def app_wheel(out: Path) -> Path:
    """Build the app's own wheel into ``out`` from a clean copy of the sources."""
    with tempfile.TemporaryDirectory(prefix="sochibo-wheel-") as tmp:
        source = Path(tmp) / "sochibo"
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for name in ("desktop", "resources"):
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        for name in ("pyproject.toml", "README.md"):
            shutil.copyfile(ROOT / name, source / name)
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), "."],
            check=True,
            cwd=source,
        )
    return out / f"sochibo-{app_version()}-py3-none-any.whl"


def build_app_wheel(wheels: Path) -> Path:
    """The app's own wheel, checked to carry every file of resources/."""
    wheel = app_wheel(wheels)
    missing = missing_resources(wheel)
    if missing:
        raise RuntimeError(
            f"{wheel.name} lacks {len(missing)} file(s) of resources/, e.g. {missing[0]}: "
            "an installed app could not start. See installer/README.md (wheel and resources)."
        )
    return wheel


def missing_resources(wheel: Path) -> list[str]:
    """Files under resources/ that ``wheel`` does not carry (wherever it puts them)."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    carried = {name.split("resources/", 1)[1] for name in names if "resources/" in name}
    wanted = [
        p.relative_to(ROOT / "resources").as_posix()
        for p in sorted((ROOT / "resources").rglob("*"))
        if p.is_file()
    ]
    return [name for name in wanted if name not in carried]


def build_wheelhouse(out: Path, python_versions: tuple[str, ...] = PYTHON_VERSIONS) -> Path:
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    for platforms in TARGETS.values():
        for version in python_versions:
            download(wheels, platforms, version)
    build_app_wheel(wheels)
    (out / "cai-dat.bat").write_bytes(INSTALL_BAT.replace("\n", "\r\n").encode("utf-8"))
    (out / "cai-dat.sh").write_text(INSTALL_SH, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "wheelhouse")
    parser.add_argument(
        "--python",
        nargs="+",
        default=list(PYTHON_VERSIONS),
        metavar="X.Y",
        help="Python versions of the target PCs",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    out = build_wheelhouse(args.out, tuple(args.python))
    count = len(list((out / "wheels").glob("*.whl")))
    print(
        f"{out}: {count} wheels, {folder_size(out) / 2**20:.0f} MiB "
        f"({time.monotonic() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
