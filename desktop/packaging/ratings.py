"""Carrying the year's ratings to the superior (xuất kết quả xếp loại ra USB).

One package per cell and year: the rating list as PDF and .xlsx and the machine-readable
``xep-loai-YYYY.json``, written and verified by ``desktop.exchange`` and logged in the
export journal (nhật ký xuất dữ liệu) with the manifest's checksum.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from desktop import __version__
from desktop.exchange.signing import signer_for
from desktop.exchange.write import Progress, write_package
from desktop.models import ExportRecord
from desktop.services.cell.details import get_cell
from desktop.errors import DomainError
from desktop.services.exchange.rating_file import PACKAGE_KIND as KIND
from desktop.services.exchange.rating_file import encode_payload, ratings_payload
from desktop.services.reviews.gaps import gaps_file_name, gaps_file_text, gaps_of_sheet
from desktop.storage.database import Database
from desktop.text import fold



@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    total_bytes: int
    file_count: int
    encrypted: bool
    gaps: tuple[str, ...] = ()  # what the package was sent without (con-thieu-YYYY.txt)


@dataclass(frozen=True)
class ExportLogEntry:
    """Một dòng nhật ký xuất dữ liệu."""

    id: int
    kind: str
    kind_label: str
    year: int | None
    target: str
    name: str
    sha256: str
    file_count: int
    total_bytes: int
    encrypted: bool
    app_version: str
    created_at: datetime


KIND_LABELS = {
    "ratings": "Kết quả xếp loại",
    "backup": "Bản sao lưu dữ liệu",
    "handover": "Gói bàn giao",
}


def package_name(cell_name: str, year: int, kind_word: str = "XepLoai") -> str:
    """ "SoChiBo-XepLoai-2026-Ap-Tan-Phu": ASCII so that every stick's file system takes it."""
    words = re.findall(r"[a-z0-9]+", fold(cell_name))
    slug = "-".join(w.capitalize() for w in words)[:60].rstrip("-") or "Chi-bo"
    return f"SoChiBo-{kind_word}-{year}-{slug}"


def rating_files(db: Database, year: int, today: date | None = None) -> dict[str, bytes]:
    """The files of the package, built in memory (the PDF through a temporary file)."""
    from desktop.printing.reviews.rating_list import write_rating_list_pdf
    from desktop.printing.reviews.rating_xlsx import workbook_bytes
    from desktop.services.reviews.ratings import rating_sheet
    from desktop.services.reviews.print_data import rating_list_paper

    # One sheet for the three files: building it reads every member's year.
    sheet = rating_sheet(db, year, today)
    paper = rating_list_paper(db, year, today, sheet=sheet)
    payload = ratings_payload(db, year, today, sheet=sheet)
    gaps = gaps_of_sheet(sheet)
    with tempfile.TemporaryDirectory(prefix="sochibo-") as folder:
        pdf_path = Path(folder) / "list.pdf"
        write_rating_list_pdf(paper, pdf_path)
        pdf = pdf_path.read_bytes()
    files = {
        f"danh-sach-xep-loai-{year}.pdf": pdf,
        f"danh-sach-xep-loai-{year}.xlsx": workbook_bytes(paper),
        f"xep-loai-{year}.json": encode_payload(payload),
    }
    if gaps.any:
        # Sent incomplete: the gaps are named in the package, not left as blank cells.
        files[gaps_file_name(year)] = gaps_file_text(gaps, get_cell(db).name).encode("utf-8")
    return files


def export_ratings(
    db: Database,
    year: int,
    target_dir: Path,
    *,
    password: str | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    include_dues: bool = False,
) -> ExportResult:
    """Write the verified package into ``target_dir``; ``PackageExists`` asks to replace.
    ``include_dues`` adds the year's dues summary (docs/formats/dang-phi-v1.md)."""
    cell = get_cell(db)
    if not cell.is_set:
        raise DomainError("Hãy nhập tên chi bộ (phần Cài đặt) trước khi xuất kết quả xếp loại.")
    files = rating_files(db, year, today)
    if include_dues:
        from desktop.services.exchange import dues_file

        files[dues_file.file_name(year)] = dues_file.encode_payload(
            dues_file.dues_payload(db, year, today))
    meta = {"cell_name": cell.name, "year": year}
    written = write_package(
        Path(target_dir),
        package_name(cell.name, year),
        files,
        kind=KIND,
        meta=meta,
        password=password or None,
        replace=replace,
        progress=progress,
        # The cell's key pair is made on its first export (chữ ký số, see signing.py).
        signer=signer_for(db.path.parent),
    )
    gaps = files.get(gaps_file_name(year))
    result = ExportResult(
        gaps=tuple(gaps.decode("utf-8").splitlines()[4:]) if gaps else (),
        path=written.path,
        sha256=written.manifest_sha256,
        total_bytes=written.total_bytes,
        file_count=len(files),
        encrypted=bool(password),
    )
    log_export(db, KIND, year, result)
    return result


def log_export(db: Database, kind: str, year: int | None, result: ExportResult) -> None:
    with db.session() as session:
        session.add(
            ExportRecord(
                kind=kind,
                year=year,
                target=str(result.path.parent),
                name=result.path.name,
                sha256=result.sha256,
                file_count=result.file_count,
                total_bytes=result.total_bytes,
                encrypted=result.encrypted,
                app_version=__version__,
            )
        )


def export_log(db: Database, limit: int = 200) -> list[ExportLogEntry]:
    """The export journal, newest first."""
    with db.session() as session:
        records = session.scalars(
            select(ExportRecord)
            .order_by(ExportRecord.created_at.desc(), ExportRecord.id.desc())
            .limit(limit)
        )
        return [
            ExportLogEntry(
                id=r.id,
                kind=r.kind,
                kind_label=KIND_LABELS.get(r.kind, r.kind),
                year=r.year,
                target=r.target,
                name=r.name,
                sha256=r.sha256,
                file_count=r.file_count,
                total_bytes=r.total_bytes,
                encrypted=r.encrypted,
                app_version=r.app_version,
                created_at=r.created_at,
            )
            for r in records
        ]
