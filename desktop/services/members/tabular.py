"""Reading a spreadsheet (bảng tính .xlsx / .csv) into a plain grid of cell values.

The grid keeps Excel's raw types (datetime, int, float, str) so that the importer can
tell a real date from text and a number that lost its leading zero from a string. Merged
ranges are kept aside: a header spread over merged cells and a data cell shared by
several rows are filled in differently (see ``Grid.header_cells`` and ``data_cells``).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.errors import DomainError
from desktop.services.members.import_columns import is_row_number_header, match_header
from desktop.services.members.export_history import HISTORY_SHEET
from desktop.text.cell_safety import unquote_csv_cell

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
# Rows searched for a header when choosing the sheet (title rows sit above it).
HEADER_SEARCH_ROWS = 30

# (first_row, first_col, last_row, last_col), 0-based and inclusive.
Range = tuple[int, int, int, int]


@dataclass
class Grid:
    """The cells of one sheet: ``rows[r][c]`` with r, c from 0 (Excel row r + 1)."""

    rows: list[list[object]]
    sheet_name: str
    source: Path
    merged: list[Range] = field(default_factory=list)
    encoding: str = ""
    # Formula cells the file stores without a computed value (made by another program
    # and never opened in Excel): openpyxl reads them as empty.
    uncomputed_formulas: int = 0
    _cover: dict[tuple[int, int], Range] | None = field(default=None, repr=False)
    _width: int | None = field(default=None, repr=False)

    @property
    def width(self) -> int:
        if self._width is None:
            self._width = max((len(r) for r in self.rows), default=0)
        return self._width

    def _covering(self) -> dict[tuple[int, int], Range]:
        if self._cover is None:
            cover: dict[tuple[int, int], Range] = {}
            for rng in self.merged:
                r0, c0, r1, c1 = rng
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        cover[(r, c)] = rng
            self._cover = cover
        return self._cover

    def cell(self, r: int, c: int) -> object:
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self.rows[r][c]
        return None

    def merged_range(self, r: int, c: int) -> Range | None:
        return self._covering().get((r, c))

    def header_cells(self, r: int) -> list[object]:
        """Row ``r`` with every merged range filled in: "Giới tính" spread over its "Nam"
        and "Nữ" columns, and "Họ và tên" merged down over a two-row header, both count."""
        cover = self._covering()
        out = []
        for c in range(self.width):
            rng = cover.get((r, c))
            out.append(self.cell(rng[0], rng[1]) if rng else self.cell(r, c))
        return out

    def data_cells(self, r: int) -> list[object]:
        """Row ``r`` with only single-column merges filled in.

        A hamlet name merged down over the members who live there belongs to each of
        them; a cell merged across columns (a section title, "Tổng cộng", a signature)
        does not belong to the columns it spills over.
        """
        cover = self._covering()
        out = []
        for c in range(self.width):
            rng = cover.get((r, c))
            if rng and rng[1] == rng[3] and rng[0] != r:
                out.append(self.cell(rng[0], c))
            else:
                out.append(self.cell(r, c))
        return out


def read_grid(path: Path) -> Grid:
    """The sheet of ``path`` that holds the roster; DomainError if it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise DomainError(f"Không đọc được tệp {path.name}: không tìm thấy tệp.")
    if suffix == ".xls":
        from desktop.services.members.import_xls import read_xls

        return read_xls(path)
    if suffix in XLSX_SUFFIXES:
        _refuse_protected(path)
        return _read_xlsx(path)
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    raise DomainError(f"Không đọc được tệp {path.name}: chỉ nhận tệp .xlsx, .xls hoặc .csv.")


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refuse_protected(path: Path) -> None:
    """A password-protected .xlsx is an OLE container holding "EncryptedPackage"."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head != OLE_MAGIC:
                return
            body = handle.read(4 * 1024 * 1024)
    except OSError as exc:
        raise DomainError(f"Không đọc được tệp {path.name}: {exc.strerror or exc}.") from exc
    if "EncryptedPackage".encode("utf-16-le") in body:
        raise DomainError(
            f"Không đọc được tệp {path.name}: tệp Excel này được đặt mật khẩu. Hãy mở tệp "
            "bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật "
            "khẩu, xóa trống ô mật khẩu), lưu lại rồi nhập lại."
        )
    raise DomainError(
        f"Không đọc được tệp {path.name}: đây là tệp Excel 97–2003 mang đuôi .xlsx. Hãy đổi "
        "đuôi tệp thành .xls rồi nhập lại."
    )


# --- xlsx -------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> Grid:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # read_only=False: merged ranges are only reported by the full reader.
        # data_only=True: a formula cell gives the value Excel last computed.
        book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise DomainError(
            f"Không đọc được tệp {path.name}: tệp không phải bảng tính Excel (.xlsx) "
            f"hoặc đã bị hỏng ({type(exc).__name__})."
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise DomainError(f"Không đọc được tệp {path.name}: tệp bị hỏng ({exc}).") from exc
    try:
        # The export's event sheet is read by export_history, never as the roster.
        grids = [
            _sheet_grid(ws, path)
            for ws in book.worksheets
            if ws.sheet_state == "visible" and ws.title != HISTORY_SHEET
        ]
    finally:
        book.close()
    grids = [g for g in grids if g.rows]
    if not grids:
        raise DomainError(f"Không đọc được tệp {path.name}: không có trang tính nào có dữ liệu.")
    # The sheet whose header is most recognisable; the first one on a tie.
    chosen = max(grids, key=_header_score)
    chosen.uncomputed_formulas = _uncomputed_formulas(path)
    return chosen


_FORMULA_WITHOUT_VALUE = re.compile(
    rb"<c\b[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
_MAX_SHEET_XML = 50 * 1024 * 1024


def _uncomputed_formulas(path: Path) -> int:
    """How many formula cells of the workbook have no cached value (bounded read)."""
    try:
        with zipfile.ZipFile(path) as archive:
            count = 0
            for info in archive.infolist():
                if info.filename.startswith("xl/worksheets/") and info.file_size < _MAX_SHEET_XML:
                    count += len(_FORMULA_WITHOUT_VALUE.findall(archive.read(info)))
            return count
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return 0


def _sheet_grid(ws, path: Path) -> Grid:
    # Walk only the cells the file stores: iter_rows() over max_row would create a
    # cell for every coordinate of a sheet formatted down to row 1,048,576.
    values: dict[tuple[int, int], object] = {}
    for (r, c), cell in ws._cells.items():
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        values[(r - 1, c - 1)] = value
    ranges = [
        (rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1)
        for rng in ws.merged_cells.ranges
    ]
    return sparse_grid(values, ranges, ws.title, path)


# A roster is one block of rows: cells after this many empty rows are strays (a note typed
# at row 200,000, a format applied to XFD1048576) and are not part of it.
MAX_ROW_GAP = 1000


def sparse_grid(
    values: dict[tuple[int, int], object], ranges: list[Range], title: str, path: Path
) -> Grid:
    """A grid whose size is bounded by the cells that hold data, not their coordinates.

    Columns without any value are dropped (positions stay consistent across rows) and
    rows after a gap of ``MAX_ROW_GAP`` empty rows are ignored.
    """
    if not values:
        return Grid([], title, path)
    filled_rows = sorted({r for r, _ in values})
    last = filled_rows[0]
    for r in filled_rows[1:]:
        if r - last > MAX_ROW_GAP:
            break
        last = r
    values = {(r, c): v for (r, c), v in values.items() if r <= last}
    columns = sorted({c for _, c in values})
    position = {c: i for i, c in enumerate(columns)}
    height, width = last + 1, len(columns)
    rows: list[list[object]] = [[None] * width for _ in range(height)]
    for (r, c), value in values.items():
        rows[r][position[c]] = value
    merged = []
    for r0, c0, r1, c1 in ranges:
        kept = [position[c] for c in columns if c0 <= c <= c1]
        if r0 >= height or not kept:
            continue
        merged.append((r0, kept[0], min(r1, height - 1), kept[-1]))
    return Grid(rows, title, path, merged)


def _header_score(grid: Grid) -> int:
    best = 0
    for r in range(min(HEADER_SEARCH_ROWS, len(grid.rows))):
        cells = grid.header_cells(r)
        fields = {match_header(v) for v in cells if isinstance(v, str)} - {None}
        numbered = any(isinstance(v, str) and is_row_number_header(v) for v in cells)
        best = max(best, len(fields) + int(numbered))
    return best


# --- csv --------------------------------------------------------------------------------


def _read_csv(path: Path) -> Grid:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DomainError(f"Không đọc được tệp {path.name}: {exc.strerror or exc}.") from exc
    text, encoding = _decode(raw, path)
    if encoding == "cp1258":
        # Windows-1258 writes tone marks as separate combining characters: that is the
        # encoding, not the author's typing, so it is composed here without comment.
        text = unicodedata.normalize("NFC", text)
    lines = text.splitlines()
    skipped = 0
    if lines and lines[0].strip().lower().startswith("sep="):
        delimiter = lines[0].strip()[4:5] or ","
        text = "\n".join(lines[1:])
        skipped = 1
    else:
        delimiter = _delimiter(lines[:50])
    records = _csv_records(text, delimiter, path, skipped)
    rows = [[unquote_csv_cell(cell.strip()) or None for cell in record] for record in records]
    while rows and not any(v is not None for v in rows[-1]):
        rows.pop()
    return Grid(rows, path.stem, path, encoding=encoding)


def _csv_records(text: str, delimiter: str, path: Path, skipped: int) -> list[list[str]]:
    """Every record, refusing a file whose quotes merged physical lines into one row.

    An unmatched quote makes the CSV parser swallow every following line into one cell
    (rows 5–11 became one member's name): each record must come from exactly one line.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, merged, last_line = [], [], 0
    try:
        for record in reader:
            if reader.line_num - last_line > 1:
                merged.append((last_line + 1 + skipped, reader.line_num + skipped))
            last_line = reader.line_num
            records.append(record)
    except csv.Error as exc:
        where = reader.line_num + skipped
        too_long = "field larger than field limit" in str(exc)
        why = (
            f"một ô dài quá {csv.field_size_limit():,} ký tự".replace(",", ".")
            if too_long
            else f"sai cấu trúc ({exc})"
        )
        raise DomainError(
            f"Không đọc được tệp {path.name}: ở dòng {where}, {why}. Không có dòng nào được nhập."
        ) from None
    if merged:
        spans = ", ".join(f"dòng {a}–{b}" for a, b in merged[:5])
        raise DomainError(
            f"Không nhập tệp {path.name}: {spans} bị gộp thành một dòng vì có dấu ngoặc kép (\") "
            f"không được đóng ở dòng {merged[0][0]}. Hãy sửa dấu ngoặc kép đó (hoặc lưu lại tệp "
            "từ Excel) rồi nhập lại. Không có dòng nào được nhập."
        )
    return records


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return raw.decode("utf-32", errors="replace"), "utf-32"
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw.decode("utf-8-sig", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode Text" export.
        return raw.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in raw[:4096]:
        raise DomainError(f"Không đọc được tệp {path.name}: tệp không phải văn bản CSV.")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as exc:
        raise DomainError(
            f"Không đọc được tệp {path.name}: không nhận ra bảng mã (cần UTF-8 hoặc "
            'Windows-1258). Hãy lưu lại tệp dưới dạng "CSV UTF-8".'
        ) from exc


def _delimiter(lines: list[str]) -> str:
    """The separator that splits the sample lines most consistently into several fields."""
    best, best_score = ",", -1
    for candidate in (",", ";", "\t"):
        try:
            counts = [
                len(next(csv.reader([line], delimiter=candidate)))
                for line in lines
                if line.strip()
            ]
        except csv.Error:  # a field over the limit: the reader reports it with its line
            continue
        if not counts:
            continue
        fields = max(counts)
        if fields < 2:
            continue
        # Favour many lines with the common width (titles and totals have fewer).
        score = sum(1 for n in counts if n == fields) * fields
        if score > best_score:
            best, best_score = candidate, score
    return best
