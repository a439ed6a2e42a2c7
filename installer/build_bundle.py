"""Build the frozen app (gói chạy độc lập): ``python3 -m installer.build_bundle``.

Runs PyInstaller on installer/sochibo.spec and prints where the one-folder bundle is and
how large it is. The same spec serves Windows (installer/windows/build.ps1 runs it).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "sochibo.spec"
APP_NAME = "sochibo"


def app_version() -> str:
    """``desktop.__version__``, read from the source so that nothing is imported."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise RuntimeError("desktop/__init__.py has no __version__")
    return match.group(1)


def folder_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (symbolic links are not counted)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def executable(bundle: Path) -> Path:
    return bundle / (APP_NAME + (".exe" if sys.platform == "win32" else ""))


def build_bundle(dist: Path, work: Path, *, quiet: bool = False) -> Path:
    """Run PyInstaller and return the bundle folder ``dist/sochibo``."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    output = subprocess.DEVNULL if quiet else None
    subprocess.run(command, check=True, cwd=ROOT, stdout=output)
    bundle = dist / APP_NAME
    if not executable(bundle).is_file():
        raise RuntimeError(f"PyInstaller left no {executable(bundle).name} in {bundle}")
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build_bundle(args.dist, args.work)
    size = folder_size(bundle)
    print(
        f"Sổ Chi bộ {app_version()}: {bundle} "
        f"({size / 2**20:.0f} MiB, built in {time.monotonic() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
