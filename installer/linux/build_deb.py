"""Build the Linux package (gói .deb): ``python3 -m installer.linux.build_deb``.

Installs the one-folder bundle to /opt/sochibo with a ``/usr/bin/sochibo`` link, a menu
entry (sochibo.desktop) and the icon. The data folder lives in each user's home
(~/.local/share/SoChiBo), which the package never touches, so removing or upgrading the
package keeps every user's data. No maintainer scripts: the menu and icon caches are
refreshed by the dpkg triggers of desktop-file-utils and hicolor-icon-theme.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import struct
import subprocess
import tempfile
import time
from pathlib import Path

from installer.build_bundle import ROOT, app_version, build_bundle, folder_size

PACKAGE = "sochibo"
INSTALL_DIR = "opt/sochibo"
DESKTOP_FILE = Path(__file__).resolve().parent / "sochibo.desktop"
ICON_PNG = ROOT / "resources" / "icons" / "sochibo.png"
ICON_SVG = ROOT / "resources" / "icons" / "sochibo.svg"

# Libraries the bundle expects from the system (PyInstaller never bundles the C library or
# the graphics drivers' libraries), and the Debian package that provides each.
SYSTEM_LIBRARIES = {
    "libc.so.6": None,  # libc6 with a version, worked out from the bundle
    "libm.so.6": None,
    "libdl.so.2": None,
    "libpthread.so.0": None,
    "librt.so.1": None,
    "libresolv.so.2": None,
    "ld-linux-x86-64.so.2": None,
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxcb.so.1": "libxcb1",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}

DESCRIPTION = """\
Sổ Chi bộ — sổ tay điện tử của bí thư chi bộ
 Phần mềm ngoại tuyến cho bí thư chi bộ: danh sách đảng viên, sinh hoạt chi bộ,
 chuyên đề, cam kết, kiểm điểm và xếp loại, in tài liệu đúng thể thức văn bản của
 Đảng. Dữ liệu nằm trong thư mục của người dùng (~/.local/share/SoChiBo) và được
 giữ nguyên khi gỡ hoặc nâng cấp phần mềm."""


def debian_version(version: str) -> str:
    """A Python version as Debian orders it: 1.2.0rc1 -> 1.2.0~rc1 (before 1.2.0)."""
    return re.sub(r"\.?(a|b|rc|dev)(\d*)", r"~\1\2", version)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG file")
    return struct.unpack(">II", header[16:24])


def _elf_files(folder: Path) -> list[Path]:
    files = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    files.append(path)
    return files


def _needed_libraries(elf: Path) -> list[str]:
    out = subprocess.run(
        ["readelf", "-d", "-W", str(elf)], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def system_dependencies(bundle: Path) -> list[str]:
    """The Depends: of the package, from what the bundle's programs link to."""
    elves = _elf_files(bundle)
    bundled = {p.name for p in bundle.rglob("*")}
    missing = {name for elf in elves for name in _needed_libraries(elf)} - bundled
    unknown = sorted(missing - SYSTEM_LIBRARIES.keys())
    if unknown:
        raise RuntimeError(
            "The bundle needs system libraries that build_deb.py does not know the Debian "
            f"package of: {', '.join(unknown)}. Add them to SYSTEM_LIBRARIES."
        )
    glibc = max(
        (
            tuple(int(n) for n in m)
            for elf in elves
            for m in re.findall(rb"GLIBC_(\d+)\.(\d+)", elf.read_bytes())
        ),
        default=(2, 17),
    )
    packages = {SYSTEM_LIBRARIES[name] for name in missing} - {None}
    return [f"libc6 (>= {glibc[0]}.{glibc[1]})", *sorted(packages)]


def _architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _normalise_permissions(root: Path) -> None:
    # Whatever umask the build machine has, the package installs world-readable files.
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            runnable = path.stat().st_mode & stat.S_IXUSR
            path.chmod(0o755 if runnable else 0o644)


def stage(bundle: Path, root: Path, version: str) -> None:
    """Lay out the package's files under ``root`` (the future ``/``)."""
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/{INSTALL_DIR}/sochibo", root / "usr" / "bin" / "sochibo")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copyfile(DESKTOP_FILE, applications / "sochibo.desktop")
    width, height = png_size(ICON_PNG)
    icons = root / "usr" / "share" / "icons" / "hicolor"
    (icons / f"{width}x{height}" / "apps").mkdir(parents=True)
    shutil.copyfile(ICON_PNG, icons / f"{width}x{height}" / "apps" / "sochibo.png")
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ICON_SVG, icons / "scalable" / "apps" / "sochibo.svg")
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(
        ROOT / "resources" / "fonts" / "LICENSE-LiberationSerif.txt",
        doc / "LICENSE-LiberationSerif.txt",
    )
    _normalise_permissions(root)
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.parent.chmod(0o755)
    fields = {
        "Package": PACKAGE,
        "Version": debian_version(version),
        "Architecture": _architecture(),
        "Maintainer": "Nhóm phát triển Sổ Chi bộ <sochibo@localhost>",
        "Installed-Size": str((folder_size(root) + 1023) // 1024),
        "Depends": ", ".join(system_dependencies(bundle)),
        "Recommends": "fonts-dejavu-core",
        "Section": "misc",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    text = "".join(f"{key}: {value}\n" for key, value in fields.items())
    control.write_text(text, encoding="utf-8")
    control.chmod(0o644)


def build_deb(
    bundle: Path,
    out_dir: Path,
    version: str | None = None,
    compression: tuple[str, str] = ("xz", "6"),
) -> Path:
    """Package ``bundle`` and return the path of the .deb written into ``out_dir``.

    ``compression`` is dpkg-deb's (-Z, -z): xz gives the smallest file for the USB stick
    and takes about a minute and a half; ("gzip", "1") takes seconds.
    """
    version = version or app_version()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{debian_version(version)}_{_architecture()}.deb"
    with tempfile.TemporaryDirectory(prefix="sochibo-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(bundle, root, version)
        subprocess.run(
            [
                "dpkg-deb",
                "--root-owner-group",
                f"-Z{compression[0]}",
                f"-z{compression[1]}",
                "--build",
                str(root),
                str(target),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bundle", type=Path, help="an already built dist/sochibo (default: build it now)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = args.bundle or build_bundle(args.out, ROOT / "build" / "pyinstaller")
    deb = build_deb(bundle, args.out)
    print(
        f"{deb} ({deb.stat().st_size / 2**20:.0f} MiB; bundle "
        f"{folder_size(bundle) / 2**20:.0f} MiB; {time.monotonic() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
