"""Importing a member roster (nhập danh sách đảng viên) from an .xlsx or .csv file.

Two steps, so that the secretary sees everything before anything is written:
``plan_import`` reads the file, finds the table, maps the columns, repairs and checks
each line and matches it against the members already recorded — writing nothing;
``apply_import`` then writes every new member in one transaction. After a successful
import the caller (GUI or command line) makes a backup: ``workspace.backup("sau-nhap")``.

A member is already recorded when the card number matches, otherwise when the name and
birth date match (DOMAIN §2), so importing the same file twice adds nobody the second
time. Every line of the file is accounted for in the report, by its Excel row number.
The records are in ``import_records``, the tests of which lines are members in
``import_lines`` and the Vietnamese report in ``import_report``; their names are offered
here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from desktop.errors import DomainError
from desktop.models import EventKind, Member, MemberEvent
from desktop.services.members.events import EventData, validate_event
from desktop.services.members.export_history import LEFT_SECTION, read_history
from desktop.services.members.import_cells import is_blank, read_row
from desktop.services.members.import_columns import is_row_number_header, match_header
from desktop.services.members.import_layout import (
    find_layout,
    is_numbering_row,
    is_signature_row,
    is_total_row,
)
from desktop.services.members.import_lines import (
    checked_mapping,
    is_member_line,
    is_title_line,
    looks_like_member,
    only_name,
    raw_name,
    shown,
)
from desktop.services.members.import_matching import SURE, FileRow, MatchIndex
from desktop.services.members.import_records import (
    DUPLICATE,
    NEW,
    POSSIBLE_DUPLICATE,
    REJECTED,
    SAMPLE_LINES,
    ImportPlan,
    ImportReport,
    RowPlan,
)
from desktop.services.members.import_report import format_report, plan_lines, row_line
from desktop.services.members.import_status import StatusEvent, StatusUnknown, read_status
from desktop.services.members.registry import PLAIN_FIELDS, MemberData
from desktop.services.members.tabular import HEADER_SEARCH_ROWS, read_grid
from desktop.storage.database import Database
from desktop.text import clean_spaces, fold

__all__ = [
    "DUPLICATE", "NEW", "POSSIBLE_DUPLICATE", "REJECTED", "ImportPlan", "ImportReport",
    "RowPlan", "apply_import", "format_report", "plan_import", "plan_lines",
]

_GENDER_FIELDS = ("gender", "male_mark", "female_mark")


# --- planning ---------------------------------------------------------------------------


def plan_import(
    db: Database,
    path: Path,
    mapping: dict[str, int] | None = None,
    *,
    today: date | None = None,
) -> ImportPlan:
    """Read ``path`` and decide, line by line, what importing it would do. Writes nothing.

    ``mapping`` (field -> 0-based column) replaces the detected one when the secretary
    changed it in the preview.
    """
    path = Path(path)
    grid = read_grid(path)
    layout = find_layout(grid)
    if layout is None:
        sheet = "" if grid.encoding else f" (trang “{grid.sheet_name}”)"  # csv has no sheets
        raise DomainError(
            f"Không tìm thấy dòng tiêu đề của danh sách trong {HEADER_SEARCH_ROWS} dòng đầu "
            f"của tệp {path.name}{sheet}. Dòng tiêu đề cần có tên cột "
            "như “Họ và tên”, “Ngày sinh”, “Số thẻ đảng viên”."
        )
    warnings = list(layout.warnings)
    if grid.uncomputed_formulas:
        warnings.append(
            f"Tệp có {grid.uncomputed_formulas} ô công thức chưa được tính giá trị (tệp do "
            "chương trình khác tạo, chưa mở bằng Excel): các ô đó được đọc là trống. Hãy mở "
            "tệp bằng Excel, bấm Lưu, rồi nhập lại."
        )
    if mapping is None:
        mapping = dict(layout.mapping)
    else:
        mapping = checked_mapping(mapping, grid.width)
        warnings = [w for w in warnings if not w.startswith("Cột ")]
    plan = ImportPlan(
        source=path,
        sheet_name=grid.sheet_name,
        header_row=layout.bottom + 1,
        headers=layout.headers,
        mapping=mapping,
        rows=[],
        warnings=warnings,
    )
    if "full_name" not in mapping and "given_name" not in mapping:
        plan.warnings.insert(0, "Chưa có cột Họ và tên: hãy chọn cột chứa họ tên đảng viên.")
        return plan
    has_gender = any(f in mapping for f in _GENDER_FIELDS)
    if not has_gender:
        plan.warnings.append(
            "Tệp không có cột Giới tính: giới tính để trống và được liệt kê từng dòng; hãy "
            "bổ sung sau khi nhập (không tự đoán)."
        )

    history = read_history(path)
    if history is not None:
        plan.warnings.append(
            f"Quá trình sinh hoạt của từng đảng viên được đọc từ {history.source}."
        )
    row_key_at = next((c for c, h in enumerate(layout.headers) if is_row_number_header(h)), None)
    index = _existing_index(db)
    in_footer = False
    for r in range(layout.bottom + 1, len(grid.rows)):
        cells = grid.data_cells(r)
        if all(is_blank(v) for v in cells):
            continue
        row_number = r + 1
        if len(plan.sample) < SAMPLE_LINES:
            plan.sample.append([shown(v) for v in cells])
        values = {f: cells[c] if c < len(cells) else None for f, c in mapping.items()}
        name = raw_name(values)
        if in_footer:
            # Below the signature block only a line that is plainly a member is read;
            # the signers' names and titles are not members.
            if not is_member_line(values):
                continue
            plan.warnings.append(
                f"Dòng {row_number} nằm dưới phần ký tên nhưng có dữ liệu đảng viên: vẫn được đọc."
            )
        elif is_signature_row(cells) and (not name or is_signature_row([name])):
            in_footer = True
            plan.skipped.append((row_number, "phần ký tên cuối bảng (không phải đảng viên)"))
            continue
        if is_numbering_row(cells):
            plan.skipped.append((row_number, "dòng đánh số cột (1), (2), (3)…"))
            continue
        if fold(name) == fold(LEFT_SECTION) and only_name(values):
            plan.skipped.append((row_number, f"dòng tiêu đề nhóm “{name}”"))
            continue
        if match_header(name):
            plan.skipped.append((row_number, "dòng tiêu đề lặp lại"))
            continue
        if is_total_row(cells):
            plan.skipped.append((row_number, "dòng tổng cộng"))
            continue
        if is_title_line(grid, r, mapping, values, name):
            plan.skipped.append((row_number, f"dòng tiêu đề nhóm “{name}”"))
            continue
        if not name and not looks_like_member(values):
            text = next(clean_spaces(str(v)) for v in cells if not is_blank(v))
            plan.skipped.append((row_number, f"không có họ tên (“{text}”)"))
            continue
        row = _plan_row(row_number, values, name, has_gender, today, index)
        if history is not None and row.data is not None:
            key = cells[row_key_at] if row_key_at is not None and row_key_at < len(cells) else None
            row.history = history.events_for(row.data.card_number, key)
            if row.history is not None:
                row.status_event = None  # the history holds the status events themselves
                if row.outcome != DUPLICATE:
                    _check_history(row, today or date.today())
        plan.rows.append(row)
    return plan


def _check_history(row: RowPlan, today: date) -> None:
    """An event the member form would refuse is refused here too: the line is not imported."""
    for event in row.history or []:
        for problem in validate_event(event, today):
            row.errors.append(
                f"Quá trình sinh hoạt, {EventKind(event.kind).label} ngày "
                f"{event.happened_on:%d/%m/%Y}: {problem.message}"
            )
    if row.errors and row.data is not None:
        row.data, row.outcome = None, REJECTED



def _plan_row(
    row_number: int,
    values: dict[str, object],
    name: str,
    has_gender: bool,
    today: date | None,
    index: _Index,
) -> RowPlan:
    result = read_row(values, has_gender=has_gender, today=today)
    row = RowPlan(row_number, result.data, result.repairs, result.errors, raw_name=name)
    if result.data is not None and not is_blank(values.get("status")):
        try:
            row.status_event = read_status(values["status"], today or date.today())
        except StatusUnknown as exc:
            row.errors.append(str(exc))
            row.data = None
        if row.status_event is not None:
            row.repairs.append(
                f"Trạng thái: {row.status_event.kind.label} ngày "
                f"{row.status_event.happened_on:%d/%m/%Y}"
            )
    if row.data is None:
        row.outcome = REJECTED
        return row
    found = index.find(result.data)
    if found is not None:
        row.outcome = DUPLICATE if found.kind == SURE else POSSIBLE_DUPLICATE
        row.match_reason, owner = found.reason, found.owner
        if row.outcome == POSSIBLE_DUPLICATE:
            index.add(result.data, _FileRow(row_number))
        if isinstance(owner, _FileRow):
            row.matched_row = owner.row_number
        else:
            row.matched_member_id = owner
        return row
    index.add(result.data, _FileRow(row_number))
    return row


# --- matching (import_matching) -------------------------------------------------------

_Index = MatchIndex
_FileRow = FileRow


def _existing_index(db: Database) -> _Index:
    index = _Index()
    with db.session() as session:
        _fill_index(session, index)
    return index


def _fill_index(session, index: _Index) -> None:
    query = select(
        Member.id, Member.full_name, Member.birth_date, Member.card_number, Member.citizen_id
    ).where(Member.deleted_at.is_(None))
    for member_id, full_name, birth, card, citizen in session.execute(query):
        data = MemberData(
            full_name=full_name, birth_date=birth, card_number=card, citizen_id=citizen
        )
        index.add(data, member_id)


# --- writing ----------------------------------------------------------------------------


def apply_import(db: Database, plan: ImportPlan) -> ImportReport:
    """Write every new member of ``plan`` in one transaction: all of them, or none.

    Members recorded since the plan was made are matched again, so a plan applied twice
    (or after someone added the same member by hand) still adds nobody twice.
    """
    lines: list[tuple[int, str]] = []
    imported = duplicates = rejected = repaired = 0
    member_ids: list[int] = []
    try:
        with db.session() as session:
            index = _Index()
            _fill_index(session, index)
            created: list[Member] = []
            for row in plan.rows:
                wanted = row.outcome == NEW or (
                    row.outcome == POSSIBLE_DUPLICATE and row.import_anyway
                )
                if wanted and row.data is not None:
                    found = index.find(row.data)
                    if row.outcome == POSSIBLE_DUPLICATE and found and found.kind != SURE:
                        found = None  # confirmed as another person by the secretary
                    if found is None:
                        member = _new_member(row.data, row.status_event, row.history)
                        session.add(member)
                        created.append(member)
                        index.add(row.data, _FileRow(row.row_number))
                        imported += 1
                        repaired += bool(row.repairs)
                        lines.append((row.row_number, row_line(row, "đã nhập")))
                        continue
                    late = RowPlan(row.row_number, row.data, outcome=DUPLICATE)
                    late.match_reason = found.reason
                    if isinstance(found.owner, _FileRow):
                        late.matched_row = found.owner.row_number
                    row = late
                if row.outcome in (DUPLICATE, POSSIBLE_DUPLICATE):
                    duplicates += 1
                else:
                    rejected += 1
                lines.append((row.row_number, row_line(row, "đã nhập")))
            session.flush()
            member_ids = [m.id for m in created]
    except SQLAlchemyError as exc:
        raise DomainError(
            f"Không nhập được danh sách (lỗi ghi dữ liệu: {exc.__class__.__name__}). "
            "Chưa có đảng viên nào được ghi; dữ liệu vẫn như trước khi nhập."
        ) from exc
    lines.extend((n, f"Dòng {n}: bỏ qua — {why}") for n, why in plan.skipped)
    lines.sort(key=lambda item: item[0])
    return ImportReport(
        imported=imported,
        duplicates=duplicates,
        rejected=rejected,
        repaired=repaired,
        lines=[text for _, text in lines],
        warnings=list(plan.warnings),
        source=plan.source,
        member_ids=member_ids,
    )


def _new_member(
    data: MemberData,
    status: StatusEvent | None = None,
    history: list[EventData] | None = None,
) -> Member:
    """A Member as members.create_member would save it, with its kết nạp and chính thức
    events (the member form shows those dates as views of the events); with ``history``
    (the export's event sheet) exactly those events instead."""
    member = Member(**{name: getattr(data, name) for name in PLAIN_FIELDS})
    if history is not None:
        for event in history:
            member.events.append(MemberEvent(**_event_columns(event)))
        return member
    dates = ((EventKind.ADMITTED, data.admitted_on), (EventKind.OFFICIAL, data.official_on))
    for kind, when in dates:
        if when is not None:
            member.events.append(MemberEvent(kind=kind.value, happened_on=when))
    if status is not None:
        member.events.append(
            MemberEvent(kind=status.kind.value, happened_on=status.happened_on, note=status.note)
        )
    return member


def _event_columns(event: EventData) -> dict:
    return {
        "kind": event.kind,
        "happened_on": event.happened_on,
        "decision_number": event.decision_number,
        "issuer": event.issuer,
        "detail": event.detail,
        "temporary": event.temporary,
        "badge_years": event.badge_years,
        "until": event.until,
        "note": event.note,
        "ceremony_on": event.ceremony_on,
    }
