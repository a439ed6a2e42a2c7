"""Old Excel 97–2003 rosters (.xls), read with ``xlrd`` into the same grid as .xlsx.

Many cells still keep their member list in the .xls the district handed out years ago;
asking an elderly secretary to re-save it as .xlsx first lost them. ``xlrd`` (2.x) reads
exactly this format and nothing else.
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import DomainError


def read_xls(path: Path):
    from desktop.services.members import tabular

    try:
        import xlrd
    except ImportError:  # pragma: no cover - xlrd is a dependency
        raise DomainError(
            f"Không đọc được tệp {path.name}: máy thiếu thư viện đọc tệp .xls. Hãy lưu lại "
            "tệp dưới dạng .xlsx rồi nhập."
        ) from None
    try:
        try:
            book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        except NotImplementedError:  # formatting_info is not available for every file
            book = xlrd.open_workbook(str(path), on_demand=True)
    except xlrd.XLRDError as exc:
        text = str(exc)
        why = "tệp được đặt mật khẩu" if "encrypt" in text.lower() else f"tệp bị hỏng ({text})"
        raise DomainError(f"Không đọc được tệp {path.name}: {why}.") from None
    except (OSError, ValueError, IndexError, KeyError, AssertionError) as exc:
        raise DomainError(
            f"Không đọc được tệp {path.name}: tệp không phải bảng tính Excel 97–2003 (.xls) "
            f"hoặc đã bị hỏng ({type(exc).__name__})."
        ) from None
    try:
        grids = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if getattr(sheet, "visibility", 0):
                continue
            grids.append(_sheet_grid(sheet, book.datemode, path, xlrd, tabular))
    finally:
        book.release_resources()
    grids = [g for g in grids if g.rows]
    if not grids:
        raise DomainError(f"Không đọc được tệp {path.name}: không có trang tính nào có dữ liệu.")
    return max(grids, key=tabular._header_score)


def _sheet_grid(sheet, datemode: int, path: Path, xlrd, tabular):
    values: dict[tuple[int, int], object] = {}
    for r in range(sheet.nrows):
        for c, cell in enumerate(sheet.row(r)):
            value = _value(cell, datemode, xlrd)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            values[(r, c)] = value
    # xlrd gives (first_row, last_row + 1, first_col, last_col + 1).
    ranges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in getattr(sheet, "merged_cells", [])]
    return tabular.sparse_grid(values, ranges, sheet.name, path)


def _value(cell, datemode: int, xlrd):
    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return None
    if kind == xlrd.XL_CELL_NUMBER:
        number = cell.value
        return int(number) if float(number).is_integer() else number
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return str(cell.value)
