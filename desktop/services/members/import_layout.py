"""Finding the table inside a roster sheet (bố cục danh sách): header rows, columns, and
the lines that are not members (numbering row, totals, section titles, signatures).

Real rosters put a title block above the header, split "Giới tính" or "Năm sinh" into
"Nam" / "Nữ" sub-columns on a second header row, number the columns "(1) (2) (3)" and
end with totals and a signature block. Nothing here reads member data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from desktop.services.members.import_columns import is_row_number_header, match_header
from desktop.services.members.tabular import HEADER_SEARCH_ROWS, Grid
from desktop.text import fold, nfc

ROW_NUMBER = "#"
# Header rows a table may have beside the best one (above and below it).
MAX_EXTRA_HEADER_ROWS = 2

_NUMBERING_CELL = re.compile(r"\(?\s*\d{1,2}\s*\)?|\(?[a-zđ]\)?")
_TOTAL = re.compile(r"(tong cong|tong so|tong|cong)\s*[:.\-]?\s*(\d.*|dong chi.*|dang vien.*)?")
_HEADING = re.compile(r"([ivxlc]+|[a-d]|\d{1,2})\s*[.)/-]\s+\S.*")
_SIGNATURE = re.compile(
    r"(nguoi lap|t\s*/?\s*m[.\s]|tm[.\s]|thay mat|xac nhan|ky ten|\(ky|noi nhan"
    r"|.*\bngay\b.*\bthang\b.*\bnam\b)"
)
_SIGNATURE_TITLES = {"bi thu", "pho bi thu", "chi uy", "thu ky", "chu tri", "nguoi lap bieu"}


@dataclass
class Layout:
    top: int  # first header row, 0-based
    bottom: int  # last header row, 0-based; data start below it
    headers: list[str]
    mapping: dict[str, int]
    warnings: list[str] = field(default_factory=list)


def column_name(index: int) -> str:
    """The Excel letter of a 0-based column ("A", "B", …, "AA")."""
    return get_column_letter(index + 1)


def _classify(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    if is_row_number_header(value):
        return ROW_NUMBER
    return match_header(value)


def _score(cells: list[object]) -> int:
    return len({k for k in map(_classify, cells) if k})


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_companion(grid: Grid, row: int, best: int) -> bool:
    """True if ``row`` continues the header of row ``best`` (a sub-header or group row)."""
    if not 0 <= row < len(grid.rows):
        return False
    cells, base = grid.header_cells(row), grid.header_cells(best)
    new_info = False
    for c, value in enumerate(cells):
        if _blank(value) or value == base[c]:
            continue
        if not isinstance(value, str):
            return False
        if _classify(value):
            new_info = True
            continue
        # A group title ("Trình độ" over "Học vấn | Chuyên môn | LLCT") is merged across
        # its sub-columns; a member's name never is.
        rng = grid.merged_range(row, c)
        if rng is None or rng[1] == rng[3]:
            return False
    return new_info


def find_layout(grid: Grid) -> Layout | None:
    """The header of the roster table, or None when no row names two known columns."""
    scores = [
        (_score(grid.header_cells(r)), -r) for r in range(min(HEADER_SEARCH_ROWS, len(grid.rows)))
    ]
    if not scores or max(scores)[0] < 2:
        return None
    best = -max(scores)[1]
    top = bottom = best
    while best - top < MAX_EXTRA_HEADER_ROWS and _is_companion(grid, top - 1, best):
        top -= 1
    while bottom - best < MAX_EXTRA_HEADER_ROWS and _is_companion(grid, bottom + 1, best):
        bottom += 1

    block = [grid.header_cells(r) for r in range(top, bottom + 1)]
    headers, kinds = [], []
    for c in range(grid.width):
        texts: list[str] = []
        kind = None
        for cells in block:
            value = cells[c]
            if isinstance(value, str | int | float) and not _blank(value):
                text = " ".join(nfc(str(value)).split())
                if text not in texts:
                    texts.append(text)
        # The lowest recognised header wins: "Nữ" under "Giới tính" or "Năm sinh".
        for cells in reversed(block):
            kind = _classify(cells[c])
            if kind:
                break
        headers.append(" / ".join(texts))
        kinds.append(kind)

    layout = Layout(top, bottom, headers, {})
    _map_columns(grid, layout, kinds)
    return layout


def _map_columns(grid: Grid, layout: Layout, kinds: list[str | None]) -> None:
    mapping = layout.mapping
    repeated: dict[str, list[int]] = {}
    for c, kind in enumerate(kinds):
        if not kind or kind == ROW_NUMBER:
            continue
        if kind in mapping:
            repeated.setdefault(kind, []).append(c)
        else:
            mapping[kind] = c
    # "Họ và tên" merged over two columns: the family and middle names, then the given name.
    name_col = mapping.get("full_name")
    if (
        name_col is not None
        and name_col + 1 in repeated.get("full_name", [])
        and not {"family_name", "given_name"} & mapping.keys()
        and _merged_across(grid, layout, name_col)
    ):
        del mapping["full_name"]
        mapping["family_name"], mapping["given_name"] = name_col, name_col + 1
        repeated["full_name"].remove(name_col + 1)
    for kind, columns in repeated.items():
        for c in columns:
            layout.warnings.append(
                f"Cột {column_name(c)} ({layout.headers[c]}) trùng với cột "
                f"{column_name(mapping[kind])}: chỉ nhập cột {column_name(mapping[kind])}."
            )
    used = set(mapping.values())
    for c, header in enumerate(layout.headers):
        if header and c not in used and kinds[c] != ROW_NUMBER and c not in _columns(repeated):
            layout.warnings.append(f"Cột {column_name(c)} ({header}) không được nhập.")


def _columns(repeated: dict[str, list[int]]) -> set[int]:
    return {c for cols in repeated.values() for c in cols}


def _merged_across(grid: Grid, layout: Layout, col: int) -> bool:
    for r in range(layout.top, layout.bottom + 1):
        rng = grid.merged_range(r, col)
        if rng and rng[1] <= col < col + 1 <= rng[3]:
            return True
    return False


# --- lines that are not members ---------------------------------------------------------


def _texts(cells: list[object]) -> list[str]:
    return [fold(str(v)) for v in cells if not _blank(v)]


def is_numbering_row(cells: list[object]) -> bool:
    """The "(1) (2) (3)" or "A B 1 2" row under the header that numbers the columns."""
    values = [v for v in cells if not _blank(v)]
    if len(values) < 2:
        return False
    for value in values:
        if isinstance(value, bool):
            return False
        if isinstance(value, int | float):
            if not 0 < value < 100:
                return False
        elif not _NUMBERING_CELL.fullmatch(fold(str(value)).strip()):
            return False
    return True


def is_total_row(cells: list[object]) -> bool:
    """A total line ("Tổng cộng", "Cộng: 25 đồng chí", "Tổng số: 25") by its first cells."""
    return any(_TOTAL.fullmatch(t) for t in _texts(cells)[:3])


def is_signature_row(cells: list[object]) -> bool:
    """A line of the closing block: date line, "T/M CHI BỘ", "BÍ THƯ", "Người lập biểu"."""
    texts = _texts(cells)
    if not texts or len(texts) > 3:
        return False
    return any(t.strip(" .:") in _SIGNATURE_TITLES or _SIGNATURE.match(t) for t in texts)


def is_heading(name: str) -> bool:
    """A section title in the name column: "I. Đảng viên chính thức", "A) Tổ 1"."""
    return bool(_HEADING.fullmatch(fold(name)))
