"""Backups carried away and the handover package for the next secretary (bàn giao).

A backup is one database file copied with the same discipline as an export: written under
a hidden name, read back and compared, then renamed. The handover package adds the year's
printed papers (roster, minutes book, rating list, commitments) so the next secretary has
the data and the paper record together.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from desktop.exchange.safe_io import file_sha256
from desktop.exchange.verify_copy import copy_verified
from desktop.exchange.write import Progress, write_package
from desktop.services.cell.details import get_cell
from desktop.errors import DomainError
from desktop.packaging.ratings import ExportResult, log_export, package_name
from desktop.exchange.signing import KEY_FILE_NAME, load_or_create_key
from desktop.storage.backup import copy_database, verify_backup_file
from desktop.storage.database import Database

README_NAME = "DOC-TRUOC.txt"
DATA_FILE = "du-lieu-so-chi-bo.sqlite3"


def backup_to(
    db: Database,
    database_path: Path,
    target_dir: Path,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Copy the data to a stick or folder, verified, and log it.

    Without a password: one ``.sqlite3`` file. With one: a package folder holding the data
    file encrypted (members' ID numbers, addresses and phones are on it), restored through
    "Khôi phục từ USB…".
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    name = f"SoChiBo-saoluu-{stamp}"
    with tempfile.TemporaryDirectory(prefix="sochibo-") as folder:
        snapshot = Path(folder) / f"{name}.sqlite3"
        copy_database(database_path, snapshot)  # a consistent copy even while the app runs
        verify_backup_file(snapshot)
        if password:
            written = write_package(
                Path(target_dir),
                name,
                {DATA_FILE: snapshot.read_bytes()},
                kind="backup",
                meta={"cell_name": get_cell(db).name},
                password=password,
                progress=progress,
            )
            result = ExportResult(
                written.path, written.manifest_sha256, written.total_bytes, 1, True
            )
        else:
            path = copy_verified(snapshot, Path(target_dir), snapshot.name, progress)
            result = ExportResult(path, file_sha256(path), path.stat().st_size, 1, False)
    log_export(db, "backup", None, result)
    return result


def packaged_database(package: Path, password: str | None, work_dir: Path) -> Path:
    """The verified data file of a handover package or password backup, in ``work_dir``."""
    from desktop.exchange.read import read_package

    contents = read_package(Path(package), password)
    if contents.manifest.kind not in ("handover", "backup") or DATA_FILE not in contents.files:
        raise DomainError(
            "Đây không phải gói bàn giao hay bản sao lưu của Sổ Chi bộ (không có tệp dữ liệu)."
        )
    target = Path(work_dir) / DATA_FILE
    target.write_bytes(contents.files[DATA_FILE])
    if KEY_FILE_NAME in contents.files:  # restore_backup installs the key beside the data
        (Path(work_dir) / KEY_FILE_NAME).write_bytes(contents.files[KEY_FILE_NAME])
    return target


def handover_files(
    db: Database, database_path: Path, year: int, today: date | None = None
) -> dict[str, bytes]:
    """The data file, the year's papers and a note on how to use them."""
    today = today or date.today()
    with tempfile.TemporaryDirectory(prefix="sochibo-") as folder:
        work = Path(folder)
        files: dict[str, bytes] = {}
        snapshot = work / "data.sqlite3"
        copy_database(database_path, snapshot)
        verify_backup_file(snapshot)
        files[DATA_FILE] = snapshot.read_bytes()
        # The signing key goes with the data: the superior keeps trusting the cell's
        # packages after a new secretary takes over.
        load_or_create_key(database_path.parent)
        files[KEY_FILE_NAME] = (database_path.parent / KEY_FILE_NAME).read_bytes()
        for name, make in _papers(db, year, today).items():
            target = work / name
            try:
                make(target)
            except DomainError:
                continue  # e.g. no meetings that year: that paper is simply not in the package
            files[name] = target.read_bytes()
    files[README_NAME] = _readme(year, sorted(files), today).encode("utf-8")
    return files


def export_handover(
    db: Database,
    database_path: Path,
    year: int,
    target_dir: Path,
    *,
    password: str | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
) -> ExportResult:
    cell = get_cell(db)
    files = handover_files(db, database_path, year, today)
    written = write_package(
        Path(target_dir),
        package_name(cell.name or "Chi bo", year, "BanGiao"),
        files,
        kind="handover",
        meta={"cell_name": cell.name, "year": year},
        password=password or None,
        replace=replace,
        progress=progress,
    )
    result = ExportResult(
        written.path, written.manifest_sha256, written.total_bytes, len(files), bool(password)
    )
    log_export(db, "handover", year, result)
    return result


def _papers(db: Database, year: int, today: date) -> dict[str, Callable[[Path], object]]:
    from desktop.printing.dues.year_ledger import write_year_pdf
    from desktop.printing.reviews.commitment import print_commitment_summary
    from desktop.printing.meetings.minutes_book import write_minutes_book_pdf
    from desktop.printing.reviews.rating_list import print_rating_list
    from desktop.printing.members.roster import write_roster_pdf
    from desktop.services.meetings.plan import minutes_book

    def book(path: Path) -> None:
        write_minutes_book_pdf(minutes_book(db, year), path)

    return {
        "danh-sach-dang-vien.pdf": lambda p: write_roster_pdf(db, p, today),
        f"so-bien-ban-sinh-hoat-{year}.pdf": book,
        f"tong-hop-cam-ket-{year}.pdf": lambda p: print_commitment_summary(
            db, year, p, today=today
        ),
        f"danh-sach-xep-loai-{year}.pdf": lambda p: print_rating_list(db, year, p, today=today),
        f"so-theo-doi-dang-phi-{year}.pdf": lambda p: write_year_pdf(db, year, p),
    }


def _readme(year: int, names: list[str], today: date) -> str:
    lines = [
        f"GÓI BÀN GIAO SỔ CHI BỘ – năm {year}, lập ngày {today:%d/%m/%Y}",
        "",
        "Gói gồm:",
        *(f"  - {name}" for name in names if name != README_NAME),
        "",
        "Cách dùng:",
        "  1. Cài Sổ Chi bộ trên máy của bí thư mới.",
        "  2. Cắm USB, vào Xuất dữ liệu > Khôi phục từ USB…, chọn tệp manifest.json "
        "trong thư mục gói này (gói có mật khẩu sẽ được hỏi mật khẩu).",
        "  3. Các tệp PDF là bản in của năm để lưu hồ sơ; mở được bằng mọi trình đọc PDF.",
        "",
        "Tệp manifest.json ghi mã kiểm tra (SHA-256) của từng tệp; Sổ Chi bộ dùng nó để "
        "phát hiện tệp bị hỏng hoặc bị sửa.",
    ]
    return "\r\n".join(lines) + "\r\n"  # Notepad on older Windows wants CRLF
