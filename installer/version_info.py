"""The version (số phiên bản) as Windows shows it in sochibo.exe's file properties.

``desktop.__version__`` is the one source; Windows wants four numbers, so ``0.2.0rc1``
becomes 0.2.0.0 (installer/windows/build.ps1 does the same for the setup program).
"""

from __future__ import annotations

import re


def file_version_numbers(version: str) -> tuple[int, int, int, int]:
    """``1.2.3rc1`` -> (1, 2, 3, 0): the release numbers, padded to four."""
    release = re.match(r"\d+(\.\d+)*", version)
    if release is None:
        raise ValueError(f"not a version: {version!r}")
    numbers = [int(part) for part in release.group(0).split(".")][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def windows_version_info(version: str):
    """PyInstaller's version resource for sochibo.exe (needs pefile: Windows builds only)."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = file_version_numbers(version)
    strings = {
        "CompanyName": "Sổ Chi bộ",
        "FileDescription": "Sổ Chi bộ",
        "FileVersion": version,
        "InternalName": "sochibo",
        "OriginalFilename": "sochibo.exe",
        "ProductName": "Sổ Chi bộ",
        "ProductVersion": version,
    }
    vietnamese, unicode = 0x042A, 1200
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo(
                [
                    vi.StringTable(
                        f"{vietnamese:04X}{unicode:04X}",
                        [vi.StringStruct(k, v) for k, v in strings.items()],
                    )
                ]
            ),
            vi.VarFileInfo([vi.VarStruct("Translation", [vietnamese, unicode])]),
        ],
    )
