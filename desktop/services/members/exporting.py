"""Exporting the member roster (xuất danh sách đảng viên) to .xlsx or .csv.

The columns and their Vietnamese headers are exactly those the importer reads
(``roster_columns.COLUMNS``), so an exported file imports back to the same members.
Card numbers and citizen ids are text cells (Excel would drop their leading zero) and
dates are dd/mm/yyyy text (a year-only birth date is just "1948"). CSV is UTF-8 with a
BOM, without which Excel shows Vietnamese as garbage.

Members in the cell come first; those who have left (transferred out, deceased, removed)
follow under the labelled line "Đã ra khỏi chi bộ". Every dated event of every member goes
to a second sheet "Quá trình sinh hoạt" (for CSV, a second file ``<name>-qua-trinh.csv``
beside the first: export_history), which the importer reads back into the histories.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.models import Gender, Member, PartyPost
from desktop.errors import DomainError
from desktop.services.members.events import event_record
from desktop.services.members.export_history import (
    LEFT_SECTION,
    HistoryLine,
    add_history_sheet,
    history_csv_path,
    write_history_csv,
)
from desktop.services.members.import_columns import COLUMNS
from desktop.services.members.import_status import STATUS_FIELD, STATUS_HEADER, export_status
from desktop.services.members.status import derive_status
from desktop.storage.atomic import atomic_path, os_error_reason
from desktop.storage.database import Database
from desktop.text import PartialDate, name_sort_key
from desktop.text.cell_safety import csv_cell, neutralise_workbook

ROW_NUMBER_HEADER = "STT"
SHEET_TITLE = "Danh sách đảng viên"
# Columns Excel must keep as typed text.
_TEXT_FIELDS = {"card_number", "citizen_id", "phone", "birth_date", "admitted_on", "official_on"}
_MIN_WIDTH, _MAX_WIDTH = 6, 40


def export_members(db: Database, path: Path, *, include_off_roll: bool = True) -> int:
    """Write every member (not deleted) to ``path`` (.xlsx or .csv); return how many.

    With ``include_off_roll=False`` members who have left the cell (transferred out,
    deceased, removed) are left out.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise DomainError(
            f"Không xuất được tệp {path.name}: chỉ xuất ra tệp .xlsx (Excel) hoặc .csv."
        )
    records, history = _records(db, include_off_roll)
    try:
        if suffix == ".xlsx":
            with atomic_path(path) as tmp:
                _write_xlsx(tmp, records, history)
        else:
            # The event file first: a roster never stands beside a stale history.
            with atomic_path(history_csv_path(path)) as tmp:
                write_history_csv(tmp, history)
            with atomic_path(path) as tmp:
                _write_csv(tmp, records)
    except OSError as exc:
        raise DomainError(
            f"Không ghi được tệp {path.name} (thư mục {path.parent}): {os_error_reason(exc)}. "
            "Hãy kiểm tra ổ đĩa (USB) còn chỗ trống và tệp không đang mở trong Excel."
        ) from exc
    return sum(1 for record in records if record is not None)


def export_note(path: Path) -> str:
    """What the secretary must know about the files written (the CSV's second file)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return (
            f"Quá trình sinh hoạt của từng đảng viên được ghi vào tệp thứ hai "
            f"{history_csv_path(path).name} bên cạnh; hãy chép cả hai tệp khi chuyển đi."
        )
    return "Quá trình sinh hoạt của từng đảng viên ở trang “Quá trình sinh hoạt” của tệp."


def headers() -> list[str]:
    return [ROW_NUMBER_HEADER] + [spec.header for spec in COLUMNS] + [STATUS_HEADER]


def dmy(value: PartialDate | date | None) -> str:
    """dd/mm/yyyy, mm/yyyy or yyyy: what is known of the date, in a form Excel keeps."""
    if value is None:
        return ""
    if isinstance(value, date):
        value = PartialDate.from_date(value)
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return f"{value.month:02d}/{value.year}"
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def _records(
    db: Database, include_off_roll: bool
) -> tuple[list[dict[str, str] | None], list[HistoryLine]]:
    """The roster lines (None: the "Đã ra khỏi chi bộ" label) and every member's events.

    The STT runs on across both sections, so it keys a member without a card number.
    """
    today = date.today()
    with db.session() as session:
        members = session.scalars(
            select(Member).where(Member.deleted_at.is_(None)).options(selectinload(Member.events))
        ).all()
        on_roll, left = [], []
        for member in sorted(members, key=lambda m: name_sort_key(m.full_name)):
            info = derive_status(member.events, today)
            if not info.status.on_roll and not include_off_roll:
                continue
            record = _record(member, info.admitted_on, info.official_on)
            record[STATUS_FIELD] = export_status(member.events, today)
            events = [event_record(e).data() for e in member.events]
            (on_roll if info.status.on_roll else left).append((record, member, events))
        records: list[dict[str, str] | None] = []
        history: list[HistoryLine] = []
        for number, (record, member, events) in enumerate(on_roll + left, start=1):
            if number == len(on_roll) + 1:
                records.append(None)
            records.append(record)
            card = member.card_number or ""
            history.extend(HistoryLine(number, card, member.full_name, e) for e in events)
    return records, history


def _record(member: Member, admitted_on: date | None, official_on: date | None) -> dict[str, str]:
    record: dict[str, str] = {}
    for spec in COLUMNS:
        name = spec.field
        if name == "gender":
            value = Gender(member.gender).label if member.gender else ""
        elif name == "birth_date":
            value = dmy(member.birth_date)
        elif name == "admitted_on":
            value = dmy(admitted_on)
        elif name == "official_on":
            value = dmy(official_on)
        elif name == "party_post":
            value = PartyPost(member.party_post or "").label
        elif name == "works_far_away":
            value = "x" if member.works_far_away else ""
        else:
            value = getattr(member, name) or ""
        record[name] = value
    return record


def _numbered(records):
    """(STT, record) with STT None for the section label line."""
    number = 0
    for record in records:
        if record is None:
            yield None, None
            continue
        number += 1
        yield number, record


def _label_row() -> list[str]:
    name_at = [spec.field for spec in COLUMNS].index("full_name") + 1
    return [""] * name_at + [LEFT_SECTION]


def _write_csv(target: Path, records: list[dict[str, str] | None]) -> None:
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers())
        for number, record in _numbered(records):
            if record is None:
                writer.writerow(_label_row())
                continue
            cells = [record[spec.field] for spec in COLUMNS] + [record[STATUS_FIELD]]
            writer.writerow([number] + [csv_cell(value) for value in cells])


def _write_xlsx(
    target: Path, records: list[dict[str, str] | None], history: list[HistoryLine]
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append(headers())
    bold = Font(bold=True)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cell in sheet[1]:
        cell.font, cell.alignment = bold, centred
    widths = [len(h) for h in headers()]
    for row, (number, record) in enumerate(_numbered(records), start=2):
        if record is None:
            for column, value in enumerate(_label_row(), start=1):
                sheet.cell(row=row, column=column, value=value or None).font = bold
            continue
        sheet.cell(row=row, column=1, value=number)
        fields = [spec.field for spec in COLUMNS] + [STATUS_FIELD]
        for index, field_name in enumerate(fields, start=2):
            value = record[field_name]
            cell = sheet.cell(row=row, column=index, value=value)
            if field_name in _TEXT_FIELDS:
                cell.number_format = "@"
            widths[index - 1] = max(widths[index - 1], len(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            min(max(width, _MIN_WIDTH), _MAX_WIDTH) + 2
        )
    sheet.freeze_panes = "A2"
    add_history_sheet(book, history)
    neutralise_workbook(book)  # a note starting with "=" is text, never a formula
    book.save(target)
