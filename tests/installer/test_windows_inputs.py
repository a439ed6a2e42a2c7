"""The Windows installer's inputs (bộ cài Windows) fit together, checked without Windows.

installer/windows/sochibo.iss is compiled by build.ps1 on a Windows machine; these tests
catch the mistakes that would only show there: a version that is not passed, files the
bundle does not have, an AppId that changed, or data deleted without asking.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "installer" / "windows"
ISS = WINDOWS / "sochibo.iss"
BUILD = WINDOWS / "build.ps1"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
# The installed copy is found by this id: changing it would install a second copy
# beside the old one instead of upgrading it.
APP_ID = "141E10AA-59C2-4B6F-9ED4-B4293349CCC1"


def iss_text() -> str:
    return ISS.read_bytes().decode("utf-8-sig")


def section(name: str) -> str:
    match = re.search(rf"^\[{name}\]\r?\n(.*?)(?=^\[|\Z)", iss_text(), re.MULTILINE | re.DOTALL)
    assert match, f"sochibo.iss has no [{name}] section"
    return match.group(1)


def setup_value(key: str) -> str:
    match = re.search(rf"^{key}=(.*)$", section("Setup"), re.MULTILINE)
    assert match, f"[Setup] has no {key}"
    return match.group(1).strip()


def defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define (\w+) "?([^"\r\n]*)"?', iss_text(), re.MULTILINE))


def test_scripts_with_vietnamese_text_are_saved_with_a_bom():
    # Inno Setup and Windows PowerShell read a file without a BOM as ANSI.
    for path in (ISS, BUILD):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path.name
        assert "Sổ Chi bộ" in raw.decode("utf-8-sig")


def test_app_id_is_the_fixed_guid_so_upgrades_replace_the_installed_copy():
    match = re.fullmatch(r"\{\{([0-9A-F-]{36})\}", setup_value("AppId"))
    assert match, setup_value("AppId")
    assert str(uuid.UUID(match.group(1))).upper() == APP_ID
    assert setup_value("UsePreviousAppDir") == "yes"
    assert setup_value("DefaultDirName") == r"{autopf}\SoChiBo"


def test_version_comes_from_the_source_through_the_build_script():
    text = iss_text()
    assert re.search(r"#ifndef AppVersion\s+#error", text), "compiling without a version must fail"
    assert setup_value("AppVersion") == "{#AppVersion}"
    assert setup_value("OutputBaseFilename") == "SoChiBo-{#AppVersion}-setup"
    build = BUILD.read_bytes().decode("utf-8-sig")
    assert "from installer.build_bundle import app_version" in build
    assert '"/DAppVersion=$Version"' in build
    assert "SoChiBo-$Version-setup.exe" in build
    # Every value the script needs from outside is passed by build.ps1.
    for name in re.findall(r"^#ifndef (\w+)", text, re.MULTILINE):
        assert f'"/D{name}=' in build, name


@pytest.mark.slow
def test_installer_takes_the_files_the_spec_builds(bundle):
    from installer.build_bundle import APP_NAME

    values = defines()
    assert values["AppExe"] == APP_NAME + ".exe"
    spec = (ROOT / "installer" / "sochibo.spec").read_text(encoding="utf-8")
    assert f'name="{APP_NAME}"' in spec
    # The default bundle folder is where build_bundle puts it, seen from the .iss.
    default_bundle = (WINDOWS / PureWindowsPath(values["BundleDir"]).as_posix()).resolve()
    assert default_bundle == (ROOT / "dist" / APP_NAME).resolve()
    sources = re.findall(r'^Source: "([^"]+)"', section("Files"), re.MULTILINE)
    assert sources == [r"{#BundleDir}\{#AppExe}", r"{#BundleDir}\_internal\*"]
    # The bundle built from the same spec (on Linux: no .exe) has exactly that layout.
    assert (bundle / APP_NAME).is_file()
    assert sorted(p.name for p in bundle.iterdir()) == ["_internal", APP_NAME]
    for line in section("Icons").splitlines() + section("Run").splitlines():
        if line.strip():
            assert r'Filename: "{app}\{#AppExe}"' in line


def test_icon_files_exist_and_hold_the_large_size():
    icon = WINDOWS / setup_value("SetupIconFile")
    data = icon.read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00"  # an ICO file
    count = int.from_bytes(data[4:6], "little")
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_installer_speaks_vietnamese_and_offers_a_checked_desktop_shortcut():
    languages = [line for line in section("Languages").splitlines() if line.strip()]
    assert languages == ['Name: "vi"; MessagesFile: "{#VietnameseMessages}"']
    assert "Vietnamese.isl" in defines()["VietnameseMessages"]
    # The install-mode question (all users / just me) is English in Vietnamese.isl.
    assert setup_value("PrivilegesRequiredOverridesAllowed") == "dialog"
    messages = dict(re.findall(r"^vi\.(\w+)=(.+)$", section("Messages"), re.MULTILINE))
    asked = "Title Instruction Text1 Text2 AllUsers AllUsersRecommended CurrentUser"
    for suffix in (asked + " CurrentUserRecommended").split():
        text = messages[f"PrivilegesRequiredOverride{suffix}"]
        assert any(ord(c) > 127 for c in text), suffix  # Vietnamese letters, not English
    tasks = section("Tasks")
    assert 'Name: "desktopicon"' in tasks
    assert "unchecked" not in tasks
    icons = section("Icons")
    assert "{autoprograms}" in icons
    assert re.search(r"\{autodesktop\}.*Tasks: desktopicon", icons)


def test_data_folder_is_deleted_only_when_the_user_says_so():
    text = iss_text()
    code = section("Code")
    assert "[UninstallDelete]" not in text
    # Setup itself only ever cleans the program folder.
    for line in section("InstallDelete").splitlines():
        if line.strip() and not line.startswith(";"):
            assert 'Name: "{app}\\' in line
    deletions = [m.start() for m in re.finditer(r"DelTree\(", code)]
    assert len(deletions) == 1
    guard = code[: deletions[0]]
    assert "not UninstallSilent()" in guard
    asked = guard[guard.rindex("TaskDialogMsgBox(") :]
    assert "MB_DEFBUTTON2" in asked and asked.rstrip().endswith("= IDYES then")
    assert re.search(r"\['Xóa dữ liệu', 'Giữ lại dữ liệu'\]", asked)


def test_uninstaller_asks_about_the_folder_the_app_really_uses(monkeypatch):
    # {userappdata}\SoChiBo is %APPDATA%\SoChiBo: platformdirs' *roaming* data folder.
    import desktop.config as config

    calls = []
    monkeypatch.delenv("SOCHIBO_DATA", raising=False)
    monkeypatch.setattr(config, "user_data_dir", lambda *a, **k: calls.append((a, k)) or "x")
    config.default_data_dir()

    (args, kwargs) = calls[0]
    assert args[0] == defines()["DataFolderName"] == config.APP_DIR_NAME
    assert kwargs.get("roaming") is True
    assert r"ExpandConstant('{userappdata}\{#DataFolderName}')" in section("Code")


def test_windows_workflow_builds_with_the_build_script_and_checks_the_data_survives():
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert r"installer\windows\build.ps1" in workflow
    assert "unins000.exe" in workflow
    assert "SoChiBo-*-setup.exe" in workflow


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("0.2.0rc1", (0, 2, 0, 0))],
)
def test_exe_file_version_is_four_numbers_from_the_source_version(version, numbers):
    from installer.version_info import file_version_numbers

    assert file_version_numbers(version) == numbers


def test_exe_version_resource_names_the_app_in_vietnamese(monkeypatch):
    # PyInstaller's version-resource module imports Windows-only helpers it does not need
    # to build the resource; stand-ins let the spec's Windows branch run here.
    import sys
    import types

    import PyInstaller.compat

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from desktop import __version__
    from installer.version_info import windows_version_info

    try:
        raw = windows_version_info(__version__).toRaw()
    finally:  # the module imported against the stand-ins must not outlive this test
        sys.modules.pop("PyInstaller.utils.win32.versioninfo", None)

    assert "Sổ Chi bộ".encode("utf-16-le") in raw
    assert __version__.encode("utf-16-le") in raw
    assert "sochibo.exe".encode("utf-16-le") in raw
