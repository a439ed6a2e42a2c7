"""The "Quá trình sinh hoạt" sheet of a roster export: every dated event of every member.

The roster's first sheet holds one line per member; this second sheet (for CSV, a second
file ``<name>-qua-trinh.csv`` beside the first) holds one line per event, so that
export → import gives back each member's whole history (quá trình sinh hoạt đảng), not
only the latest status. A member is keyed by the party card number or, without one, by
the STT of their line on the first sheet (both written by the same export).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.errors import DomainError
from desktop.models import EventKind
from desktop.services.members.events import EventData
from desktop.text import clean_spaces, fold
from desktop.text.cell_safety import csv_cell, unquote_csv_cell

HISTORY_SHEET = "Quá trình sinh hoạt"
CSV_SUFFIX = "-qua-trinh"
# The roster line above the members who have left the cell (the importer skips it).
LEFT_SECTION = "Đã ra khỏi chi bộ"
# (header, EventData field); "STT" and "Số thẻ" key the member, "Họ và tên" is for the reader.
HEADERS = (
    "STT đảng viên",
    "Số thẻ đảng viên",
    "Họ và tên",
    "Sự kiện",
    "Ngày",
    "Số quyết định",
    "Cơ quan quyết định",
    "Chi tiết",
    "Tạm thời",
    "Số năm tuổi Đảng",
    "Đến ngày",
    "Ngày lễ kết nạp",
    "Ghi chú",
)
_KINDS = {fold(kind.label): kind for kind in EventKind}
_YES = "x"


@dataclass(frozen=True)
class HistoryLine:
    """One member's key in the export and one event of theirs."""

    row_key: int
    card_number: str
    full_name: str
    event: EventData


def history_csv_path(path: Path) -> Path:
    """Where the CSV export puts its event file: ``ds.csv`` → ``ds-qua-trinh.csv``."""
    path = Path(path)
    return path.with_name(f"{path.stem}{CSV_SUFFIX}{path.suffix}")


def _dmy(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def history_rows(lines: list[HistoryLine]) -> list[list[object]]:
    """The sheet's rows under the header (text cells; the STT is a number)."""
    rows = []
    for line in lines:
        e = line.event
        rows.append(
            [
                line.row_key,
                line.card_number,
                line.full_name,
                EventKind(e.kind).label,
                _dmy(e.happened_on),
                e.decision_number,
                e.issuer,
                e.detail,
                _YES if e.temporary else "",
                str(e.badge_years) if e.badge_years else "",
                _dmy(e.until),
                _dmy(e.ceremony_on),
                e.note,
            ]
        )
    return rows


def write_history_csv(target: Path, lines: list[HistoryLine]) -> None:
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for row in history_rows(lines):
            writer.writerow([csv_cell(value) for value in row])


def add_history_sheet(book, lines: list[HistoryLine]) -> None:
    """A second sheet of the openpyxl ``book`` (neutralised with the rest by the caller)."""
    from openpyxl.styles import Font

    sheet = book.create_sheet(HISTORY_SHEET)
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in history_rows(lines):
        sheet.append(values)
        for cell in sheet[sheet.max_row][1:]:
            cell.number_format = "@"
    for letter, width in zip("ABCDEFGHIJKLM", (8, 16, 24, 34, 12, 16, 24, 24, 8, 10, 12, 12, 40)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


# --- reading ----------------------------------------------------------------------------


class History:
    """Events read back, per member key: card number first, else the STT of the line."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.by_card: dict[str, list[EventData]] = {}
        self.by_row: dict[int, list[EventData]] = {}

    def events_for(self, card_number: str | None, row_key: object) -> list[EventData] | None:
        if card_number and card_number in self.by_card:
            return self.by_card[card_number]
        key = _int(row_key)
        if key is not None and key in self.by_row:
            return self.by_row[key]
        return None


def read_history(path: Path) -> History | None:
    """The history beside or inside the roster ``path``, or None when it has none."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(path)
        source = f"trang “{HISTORY_SHEET}”"
    elif suffix == ".csv":
        other = history_csv_path(path)
        if not other.is_file():
            return None
        rows = _csv_rows(other)
        source = f"tệp {other.name}"
    else:
        return None
    if rows is None:
        return None
    return _parse(rows, source)


def _xlsx_rows(path: Path) -> list[list[object]] | None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # the roster reader already reported an unreadable file
        return None
    try:
        if HISTORY_SHEET not in book.sheetnames:
            return None
        return [list(row) for row in book[HISTORY_SHEET].iter_rows(values_only=True)]
    finally:
        book.close()


def _csv_rows(path: Path) -> list[list[object]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return [[unquote_csv_cell(c) for c in row] for row in csv.reader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DomainError(
            f"Không đọc được tệp {path.name} (quá trình sinh hoạt đi kèm danh sách): {exc}. "
            "Hãy kiểm tra tệp, hoặc chuyển tệp đó ra chỗ khác để chỉ nhập danh sách."
        ) from exc


def _parse(rows: list[list[object]], source: str) -> History:
    history = History(source)
    if not rows:
        return history
    header = [fold(clean_spaces(str(v or ""))) for v in rows[0]]
    wanted = [fold(h) for h in HEADERS]
    if header[: len(wanted)] != wanted:
        raise DomainError(
            f"Không đọc được {source}: dòng tiêu đề không đúng mẫu do chương trình xuất "
            f"({', '.join(HEADERS)})."
        )
    for number, row in enumerate(rows[1:], start=2):
        cells = [_text(v) for v in row] + [""] * len(HEADERS)
        if not any(cells[: len(HEADERS)]):
            continue
        try:
            event = _event(cells)
        except ValueError as exc:
            raise DomainError(f"Không đọc được {source}, dòng {number}: {exc}.") from exc
        card, key = cells[1], _int(cells[0])
        if card:
            history.by_card.setdefault(card, []).append(event)
        elif key is not None:
            history.by_row.setdefault(key, []).append(event)
        else:
            raise DomainError(
                f"Không đọc được {source}, dòng {number}: không có số thẻ hay STT đảng viên."
            )
    return history


def _event(cells: list[str]) -> EventData:
    kind = _KINDS.get(fold(cells[3]))
    if kind is None:
        raise ValueError(f"loại sự kiện không rõ “{cells[3]}”")
    happened_on = _date(cells[4])
    if happened_on is None:
        raise ValueError("thiếu ngày của sự kiện")
    years = cells[9]
    return EventData(
        kind=kind.value,
        happened_on=happened_on,
        decision_number=cells[5],
        issuer=cells[6],
        detail=cells[7],
        temporary=fold(cells[8]) in ("x", "co"),
        badge_years=int(years) if years else None,
        until=_date(cells[10]),
        ceremony_on=_date(cells[11]),
        note=cells[12],
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(text: str) -> date | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(f"ngày “{text}” không theo dạng ngày/tháng/năm") from None


def _int(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None
