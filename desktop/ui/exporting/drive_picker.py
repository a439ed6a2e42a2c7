"""Choosing where to write (chọn USB hoặc thư mục): the removable drives, with free space.

Qt's ``QStorageInfo`` does not say whether a volume is removable. On Linux a stick is
usually mounted under /media, /run/media or /mnt, but it may be mounted anywhere: the
kernel says whether its disk is removable or on USB (/sys/class/block/<device>, see
https://www.kernel.org/doc/Documentation/ABI/testing/sysfs-block); on Windows every volume other than the one
holding Windows or the data folder is a candidate (a second fixed disk shows up too, which
is harmless: the user reads the name). Read-only volumes are listed greyed, so that the
user sees why a stick that is plugged in cannot be chosen.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.text import format_number
from desktop.ui import files

REMOVABLE_MOUNTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
NO_DRIVE_TEXT = "Chưa thấy USB nào. Hãy cắm USB rồi bấm «Làm mới», hoặc bấm «Chọn thư mục khác…»."
FOLDER_ROLE = Qt.ItemDataRole.UserRole
# Where Linux describes each block device and partition (tests point it elsewhere).
SYS_CLASS_BLOCK = Path("/sys/class/block")


@dataclass(frozen=True)
class Volume:
    """A place to write: a mounted volume, or a folder the user picked."""

    root: Path
    name: str
    free: int | None
    read_only: bool = False
    is_folder: bool = False


def size_text(size: int) -> str:
    """ "3,2 GB", "650 MB", "12 KB": the way Windows Explorer says it, in Vietnamese."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2)):
        if size >= factor:
            return f"{format_number(size / factor, 1)} {unit}"
    return f"{format_number(max(size, 0) / 1024, 0)} KB"


def free_text(volume: Volume) -> str:
    if volume.read_only:
        return "chỉ đọc, không ghi được"
    if volume.free is None:
        return "không rõ dung lượng trống"
    return f"còn trống {size_text(volume.free)}"


def volume_label(volume: Volume) -> str:
    if volume.is_folder:
        return f"Thư mục {volume.root} — {free_text(volume)}"
    root = str(volume.root)
    name = volume.name if volume.name and volume.name != root else ""
    place = f"{name} ({root})" if name else root
    return f"{place} — {free_text(volume)}"


def _is_candidate(info: QStorageInfo, system_roots: set[str]) -> bool:
    root = info.rootPath()
    if sys.platform == "win32":
        return root.casefold() not in system_roots
    if root.startswith(REMOVABLE_MOUNTS):
        return True
    return root.casefold() not in system_roots and _removable_device(info)


def _removable_device(info: QStorageInfo) -> bool:
    """True when the kernel says the volume's disk is removable or hangs on USB."""
    device = bytes(info.device()).decode(errors="replace")
    if not device.startswith("/dev/"):
        return False  # tmpfs, proc, network shares…
    entry = SYS_CLASS_BLOCK / Path(device).name
    try:
        real = entry.resolve()
    except OSError:
        return False
    if "/usb" in real.as_posix():
        return True
    # A partition (sdb1) sits in its disk's folder (sdb), which has the "removable" flag.
    for folder in (real, real.parent):
        try:
            if (folder / "removable").read_text().strip() == "1":
                return True
        except OSError:
            continue
    return False


def removable_volumes(data_dir: Path | None = None) -> list[Volume]:
    """The mounted volumes that may be a USB stick, writable ones first."""
    system_roots = {QStorageInfo.root().rootPath().casefold()}
    if data_dir is not None:
        system_roots.add(QStorageInfo(str(data_dir)).rootPath().casefold())
    found = []
    for info in QStorageInfo.mountedVolumes():
        if not info.isValid() or not info.isReady() or not _is_candidate(info, system_roots):
            continue
        found.append(
            Volume(
                Path(info.rootPath()),
                info.displayName() or info.name(),
                info.bytesAvailable(),
                info.isReadOnly(),
            )
        )
    return sorted(found, key=lambda v: (v.read_only, str(v.root).casefold()))


def folder_volume(folder: Path) -> Volume:
    info = QStorageInfo(str(folder))
    free = info.bytesAvailable() if info.isValid() and info.isReady() else None
    return Volume(Path(folder), "", free, is_folder=True)


class DrivePicker(QWidget):
    """The list of sticks plus "Chọn thư mục khác…"; ``changed`` fires on every choice.

    ``source`` lists the volumes (tests hand in a folder posing as a stick).
    """

    changed = Signal()

    def __init__(
        self,
        source: Callable[[], list[Volume]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._folder: Volume | None = None
        self.list = QListWidget()
        self.list.setMinimumHeight(110)
        self.list.currentItemChanged.connect(lambda *_: self.changed.emit())
        self.empty_label = QLabel(NO_DRIVE_TEXT)
        self.empty_label.setWordWrap(True)
        self.refresh_button = QPushButton("&Làm mới")
        self.refresh_button.setToolTip("Tìm lại USB vừa cắm vào máy")
        self.folder_button = QPushButton("Chọn thư mục &khác…")
        self.refresh_button.clicked.connect(self.refresh)
        self.folder_button.clicked.connect(self.choose_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        previous = self.target()
        if self._folder is not None:
            self._folder = folder_volume(self._folder.root)
        volumes = self._source()
        self.list.blockSignals(True)
        self.list.clear()
        for volume in ([self._folder] if self._folder else []) + volumes:
            item = QListWidgetItem(volume_label(volume))
            item.setData(FOLDER_ROLE, volume)
            item.setToolTip(str(volume.root))
            if volume.read_only:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty_label.setVisible(not volumes and self._folder is None)
        self._select(previous)
        self.changed.emit()

    def _select(self, wanted: Path | None) -> None:
        first_usable = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            volume: Volume = item.data(FOLDER_ROLE)
            if volume.read_only:
                continue
            if volume.root == wanted:
                self.list.setCurrentRow(row)
                return
            if first_usable is None:
                first_usable = row
        if first_usable is not None:
            self.list.setCurrentRow(first_usable)

    def choose_folder(self) -> None:
        start = str(self.target() or files.documents_dir())
        chosen = QFileDialog.getExistingDirectory(self, "Chọn thư mục để ghi", start)
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path) -> None:
        """Use ``folder`` (any folder, not only a stick) and select it."""
        self._folder = folder_volume(folder)
        self.refresh()
        self._select(Path(folder))

    def volume(self) -> Volume | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return item.data(FOLDER_ROLE)

    def target(self) -> Path | None:
        volume = self.volume()
        return volume.root if volume else None

    def place_text(self) -> str:
        """ "USB «KINGSTON» (E:\\)" or "thư mục D:\\Hồ sơ", for the success message."""
        volume = self.volume()
        if volume is None:
            return ""
        if volume.is_folder:
            return f"thư mục {volume.root}"
        name = volume.name if volume.name and volume.name != str(volume.root) else ""
        return f"USB «{name}» ({volume.root})" if name else f"USB {volume.root}"
