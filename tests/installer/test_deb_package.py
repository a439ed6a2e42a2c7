"""The Linux package (gói .deb) installs the app with its menu entry and icon, and a
purge removes the program but never a user's data.

dpkg installs into a scratch root (``dpkg --root``), so the test machine is untouched.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb"),
]


@pytest.fixture(scope="module")
def deb(bundle, tmp_path_factory) -> Path:
    from installer.linux.build_deb import build_deb

    # gzip -1 instead of the release's xz: the same files, a minute and a half sooner.
    return build_deb(bundle, tmp_path_factory.mktemp("deb"), compression=("gzip", "1"))


def dpkg(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "dpkg",
            f"--root={root}",
            "--log=/dev/null",
            "--force-not-root",
            "--force-depends",  # the scratch root has no libc6 and friends registered
            "--force-script-chrootless",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.fixture
def scratch_root(tmp_path) -> Path:
    root = tmp_path / "root"
    for folder in ("info", "updates", "triggers"):
        (root / "var" / "lib" / "dpkg" / folder).mkdir(parents=True)
    (root / "var" / "lib" / "dpkg" / "status").touch()
    return root


def field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_package_is_named_and_versioned_from_the_source(deb):
    from desktop import __version__

    assert field(deb, "Package") == "sochibo"
    assert field(deb, "Version") == __version__
    assert deb.name == f"sochibo_{__version__}_{field(deb, 'Architecture')}.deb"
    depends = field(deb, "Depends")
    assert depends.startswith("libc6 (>= 2.")
    # PyInstaller never bundles the graphics stack; the X11 plugin needs it from the system.
    assert "libgl1" in depends and "libxcb1" in depends


def test_package_installs_program_menu_entry_and_icon(deb, scratch_root):
    dpkg(scratch_root, "--install", str(deb))

    program = scratch_root / "opt" / "sochibo" / "sochibo"
    assert program.is_file()
    assert (scratch_root / "usr" / "bin" / "sochibo").readlink() == Path("/opt/sochibo/sochibo")
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(scratch_root / "usr/share/applications/sochibo.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "Sổ Chi bộ"
    assert desktop["Exec"] == "sochibo" and desktop["Icon"] == "sochibo"
    assert "không cần mạng" in desktop["Comment"]
    icon = scratch_root / "usr/share/icons/hicolor/256x256/apps/sochibo.png"
    from installer.linux.build_deb import png_size

    assert png_size(icon) == (256, 256)
    version = subprocess.run(
        [str(program), "--version"], capture_output=True, text=True, timeout=120
    )
    assert version.returncode == 0 and version.stdout.startswith("Sổ Chi bộ ")


def test_purge_removes_every_file_of_the_package_and_keeps_user_data(deb, scratch_root):
    dpkg(scratch_root, "--install", str(deb))
    user_data = scratch_root / "home" / "bithu" / ".local" / "share" / "SoChiBo"
    user_data.mkdir(parents=True)
    (user_data / "sochibo.sqlite3").write_bytes(b"du lieu chi bo")

    dpkg(scratch_root, "--purge", "sochibo")

    assert not (scratch_root / "opt" / "sochibo").exists()
    assert not (scratch_root / "usr" / "bin" / "sochibo").is_symlink()
    assert not (scratch_root / "usr/share/applications/sochibo.desktop").exists()
    assert not list((scratch_root / "usr").rglob("sochibo*"))
    assert (user_data / "sochibo.sqlite3").read_bytes() == b"du lieu chi bo"


def test_a_newer_package_upgrades_the_installed_one_in_place(deb, bundle, scratch_root, tmp_path):
    from desktop import __version__
    from installer.linux.build_deb import build_deb

    newer = build_deb(bundle, tmp_path / "newer", f"{__version__}.post1", ("gzip", "1"))
    dpkg(scratch_root, "--install", str(deb))
    user_data = scratch_root / "root" / ".local" / "share" / "SoChiBo" / "sochibo.sqlite3"
    user_data.parent.mkdir(parents=True)
    user_data.write_bytes(b"du lieu chi bo")

    upgrade = dpkg(scratch_root, "--install", str(newer))

    assert f"over ({__version__})" in upgrade.stdout
    status = dpkg(scratch_root, "--status", "sochibo").stdout
    assert f"Version: {__version__}.post1" in status
    assert "Status: install ok installed" in status
    assert (scratch_root / "opt" / "sochibo" / "sochibo").is_file()
    assert user_data.read_bytes() == b"du lieu chi bo"
