"""What the frozen app carries (nội dung gói): what it needs, and nothing large it never uses.

The trimming rules of installer/bundle_contents.py are checked on Linux and Windows file
names alike; the built Linux bundle is checked file by file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from installer.bundle_contents import keep, select


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "babel/locale-data/vi.dat",
        "babel/locale-data/vi_VN.dat",
        "babel/locale-data/root.dat",
        "babel/global.dat",
        "resources/fonts/LiberationSerif-Regular.ttf",
        "desktop/storage/migrations/env.py",
    ],
)
def test_bundle_keeps_what_the_app_uses(dest):
    assert keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qt_fr.qm",
        "PySide6\\opengl32sw.dll",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6\\plugins\\networkinformation\\qnetworklistmanager.dll",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
        "babel/locale-data/en.dat",
        "babel/locale-data/zh_Hant_HK.dat",
    ],
)
def test_bundle_leaves_out_what_the_app_never_loads(dest):
    assert not keep(dest)


def test_libraries_only_dropped_plugins_needed_go_too():
    links = {
        "/q/libqgtk3.so": ["libgtk-3.so.0", "libcairo.so.2", "libQt6Gui.so.6"],
        "/q/libqxcb.so": ["libQt6Gui.so.6", "libxkbcommon.so.0"],
        "/l/libcairo.so.2": ["libpixman-1.so.0"],
        "/l/libpixman-1.so.0": [],
        "/l/libQt6Gui.so.6": ["libfreetype.so.6"],
        "/l/libfreetype.so.6": [],
        "/l/libxkbcommon.so.0": [],
    }
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/q/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
        ("libcairo.so.2", "/l/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/l/libpixman-1.so.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/l/libQt6Gui.so.6", "BINARY"),
        ("libfreetype.so.6", "/l/libfreetype.so.6", "BINARY"),
        ("libxkbcommon.so.0", "/l/libxkbcommon.so.0", "BINARY"),
    ]
    datas = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("resources/icons/sochibo.png", "/r/sochibo.png", "DATA"),
    ]

    kept, kept_datas = select(binaries, datas, lambda src: links[src])

    assert sorted(dest for dest, _, _ in kept) == [
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libfreetype.so.6",
        "libxkbcommon.so.0",
    ]
    assert kept_datas == datas


@pytest.mark.slow
def test_built_bundle_has_resources_migrations_and_no_large_unused_parts(bundle):
    internal = bundle / "_internal"
    shipped = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    root = Path(__file__).resolve().parents[2]

    for resource in (root / "resources").rglob("*"):
        if resource.is_file():
            assert "resources/" + resource.relative_to(root / "resources").as_posix() in shipped
    for migration in (root / "desktop/storage/migrations/versions").glob("*.py"):
        assert f"desktop/storage/migrations/versions/{migration.name}" in shipped
    assert "desktop/storage/migrations/env.py" in shipped
    assert "babel/locale-data/vi.dat" in shipped
    assert "PySide6/Qt/plugins/platforms/libqxcb.so" in shipped

    unused = ("numpy", "PySide6/Qt/translations", "PySide6/Qt/plugins/tls", "tkinter")
    assert not [name for name in shipped if name.startswith(unused)]
    assert not [name for name in shipped if "libQt6Network" in name or "libQt6Qml" in name]
    locales = sorted(
        n for n in shipped if n.startswith("babel/locale-data/") and n.endswith(".dat")
    )
    assert locales == [f"babel/locale-data/{name}.dat" for name in ("root", "vi", "vi_VN")]
    assert "babel/locale-data/LICENSE.unicode" in shipped
