"""What the consolidation page does: import the cells' packages, drop one, print, export.

Mixed into ``ConsolidationPage``, which provides ``ctx``, ``year``, ``received``,
``received_table``, ``expected_edit``, ``reload`` and ``show_outcomes``. Printing and the
spreadsheet load when first used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop.exchange.read import find_packages
from desktop.services.exchange.consolidation import remove_package, set_expected_cells
from desktop.ui import files, messages
from desktop.ui.exporting.import_flow import PackageImporter
from desktop.ui.tasks import Task, run_task


class ConsolidationActions:
    """The page's buttons."""

    def import_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Chọn thư mục gói của chi bộ (hoặc USB chứa các gói)", str(files.documents_dir())
        )
        if chosen:
            folder = Path(chosen)
            found = [folder] if (folder / "manifest.json").is_file() else find_packages(folder)
            if not found:
                messages.warn(
                    self,
                    "Không thấy gói",
                    f"Trong {folder} không có gói kết quả xếp loại nào (thư mục có tệp "
                    "manifest.json). Hãy chọn đúng thư mục gói trên USB.",
                )
                return
            self.import_paths(found)

    def import_manifests(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Chọn tệp manifest.json của các gói",
            str(files.documents_dir()),
            "Bảng kê gói (manifest.json);;Mọi tệp (*)",
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> PackageImporter:
        """Import ``paths`` (package folders or their manifest.json) one after another."""
        self.importer = PackageImporter(self.ctx, self, paths, self.show_outcomes)
        self.importer.start()
        return self.importer

    def remove_selected(self) -> None:
        rows = self.received_table.selectionModel().selectedRows()
        if not rows:
            return
        info = self.received[rows[0].row()]
        if messages.ask(
            self,
            "Bỏ gói đã nhận",
            f"Bỏ gói của chi bộ {info.cell_name} năm {info.year} khỏi bảng tổng hợp? "
            "Có thể nhập lại từ USB bất cứ lúc nào.",
            "Bỏ gói",
            "Giữ lại",
            danger=True,
        ):
            remove_package(self.ctx.db, info.cell_uid, info.year)
            self.reload()

    def save_expected(self) -> None:
        set_expected_cells(self.ctx.db, self.expected_edit.toPlainText().splitlines())
        self.reload()

    def print_consolidated(self) -> Task:
        from desktop.printing.exchange.consolidated import print_consolidated

        from desktop.services.cell.numbering import previewing
        from desktop.ui.temp_files import write_temporary

        db, year, today = self.ctx.db, self.year.value(), self.ctx.today()
        name = f"tong-hop-xep-loai-{year}.pdf"

        def make(target: Path) -> Path:
            return print_consolidated(db, year, target, today=today)

        def work(_progress) -> Path:
            with previewing():  # the number it would take, not taken until printed or saved
                return write_temporary(name, make)

        def done(pdf: Path) -> None:
            from desktop.ui.preview import PdfPreviewDialog

            title = f"Tổng hợp kết quả xếp loại năm {year}"
            PdfPreviewDialog(Path(pdf), title, self, temporary=True, issue=make).open()

        self.task = run_task(
            self,
            "Đang chuẩn bị bản in bảng tổng hợp…",
            work,
            done,
            error_title="Chưa in được bảng tổng hợp",
        )
        return self.task

    def export_excel(self, path: Path | None = None) -> Task | None:
        from desktop.printing.exchange.consolidated_xlsx import write_consolidated_xlsx

        year = self.year.value()
        if path is None:
            path = files.save_file(
                self,
                "Xuất bảng tổng hợp ra Excel",
                f"tong-hop-xep-loai-{year}.xlsx",
                files.EXCEL_FILTER,
            )
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        db = self.ctx.db

        def done(_result: object) -> None:
            messages.info(self, "Đã xuất bảng tổng hợp", f"Đã lưu bảng tổng hợp vào tệp:\n{path}")

        self.task = run_task(
            self,
            "Đang xuất bảng tổng hợp…",
            lambda _progress: _named(path, lambda: write_consolidated_xlsx(db, year, path)),
            done,
            error_title="Chưa xuất được bảng tổng hợp",
        )
        return self.task


def _named(path: Path, write):
    """Run ``write``; an OSError names ``path`` (the file the secretary chose)."""
    from desktop.storage.atomic import naming_file

    with naming_file(path):
        return write()
