"""Importing a member roster (nhập danh sách đảng viên) from an .xlsx or .csv file.

Two steps, so that the secretary sees everything before anything is written:
``plan_import`` reads the file, finds the table, maps the columns, repairs and checks
each line and matches it against the members already recorded — writing nothing;
``apply_import`` then writes every new member in one transaction. After a successful
import the caller (GUI or command line) makes a backup: ``workspace.backup("sau-nhap")``.

A member is already recorded when the card number matches, otherwise when the name and
birth date match (DOMAIN §2), so importing the same file twice adds nobody the second
time. Every line of the file is accounted for in the report, by its Excel row number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from desktop.models import EventKind, Member, MemberEvent
from desktop.errors import DomainError
from desktop.services.members.registry import PLAIN_FIELDS, MemberData
from desktop.services.members.import_cells import is_blank, read_row
from desktop.services.members.import_columns import (
    ALL_COLUMNS,
    is_row_number_header,
    label_for,
    match_header,
)
from desktop.services.members.import_matching import SURE, FileRow, MatchIndex
from desktop.services.members.events import EventData, validate_event
from desktop.services.members.export_history import LEFT_SECTION, read_history
from desktop.services.members.import_status import StatusEvent, StatusUnknown, read_status
from desktop.services.members.import_layout import (
    column_name,
    find_layout,
    is_heading,
    is_numbering_row,
    is_signature_row,
    is_total_row,
)
from desktop.services.members.tabular import HEADER_SEARCH_ROWS, read_grid
from desktop.storage.database import Database
from desktop.text import PartialDate, clean_spaces, fold, normalize_card_number, parse_date

SAMPLE_LINES = 8

NEW = "new"
DUPLICATE = "duplicate"
REJECTED = "rejected"
# A name that matches an earlier one only without tone marks: the secretary decides
# (``import_anyway``); left out unless confirmed, and always listed.
POSSIBLE_DUPLICATE = "possible_duplicate"

# A line without a name is a member with the name missing (rejected, reported) when it
# holds one of these; otherwise it is a stray note or a section title (skipped).
_IDENTIFYING = ("card_number", "citizen_id", "birth_date", "admitted_on", "official_on", "phone")
_GENDER_FIELDS = ("gender", "male_mark", "female_mark")


@dataclass
class RowPlan:
    """One line of the file and what the import will do with it."""

    row_number: int  # as Excel shows it (1-based)
    data: MemberData | None
    repairs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outcome: str = NEW  # NEW, DUPLICATE or REJECTED
    # For a duplicate: whom it matched and how ("trùng số thẻ 0123…: Lê Văn An").
    match_reason: str = ""
    matched_member_id: int | None = None
    matched_row: int | None = None
    raw_name: str = ""
    # For a POSSIBLE_DUPLICATE: the secretary confirmed it is another person.
    import_anyway: bool = False
    # From a "Trạng thái" column: the dated event it means (import_status).
    status_event: StatusEvent | None = None
    # From the export's "Quá trình sinh hoạt" sheet: the member's whole history, which
    # replaces the admission/official dates and the status of the line (export_history).
    history: list[EventData] | None = None

    @property
    def name(self) -> str:
        return self.data.full_name if self.data else self.raw_name


@dataclass
class ImportPlan:
    source: Path
    sheet_name: str
    header_row: int  # Excel row number of the (last) header row
    headers: list[str]  # header text of every column, "" when the column has none
    mapping: dict[str, int]  # field -> 0-based column
    rows: list[RowPlan]
    warnings: list[str] = field(default_factory=list)
    # Lines that are not members: numbering row, totals, section titles, signatures.
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # The first lines under the header as text, for the column-mapping preview.
    sample: list[list[str]] = field(default_factory=list)

    def _count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def new_count(self) -> int:
        return self._count(NEW)

    @property
    def duplicate_count(self) -> int:
        return self._count(DUPLICATE)

    @property
    def rejected_count(self) -> int:
        return self._count(REJECTED)

    @property
    def question_count(self) -> int:
        return self._count(POSSIBLE_DUPLICATE)

    def import_possible_duplicates(self, yes: bool = True) -> None:
        """The secretary's answer: the questioned lines are other people (or not)."""
        for row in self.rows:
            if row.outcome == POSSIBLE_DUPLICATE:
                row.import_anyway = yes

    @property
    def repaired_count(self) -> int:
        return sum(1 for r in self.rows if r.outcome == NEW and r.repairs)


@dataclass
class ImportReport:
    imported: int
    duplicates: int
    rejected: int
    repaired: int
    lines: list[str]
    warnings: list[str] = field(default_factory=list)
    source: Path | None = None
    member_ids: list[int] = field(default_factory=list)


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
        mapping = _checked_mapping(mapping, grid.width)
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
            plan.sample.append([_shown(v) for v in cells])
        values = {f: cells[c] if c < len(cells) else None for f, c in mapping.items()}
        name = _raw_name(values)
        if in_footer:
            # Below the signature block only a line that is plainly a member is read;
            # the signers' names and titles are not members.
            if not _is_member_line(values):
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
        if fold(name) == fold(LEFT_SECTION) and _only_name(values):
            plan.skipped.append((row_number, f"dòng tiêu đề nhóm “{name}”"))
            continue
        if match_header(name):
            plan.skipped.append((row_number, "dòng tiêu đề lặp lại"))
            continue
        if is_total_row(cells):
            plan.skipped.append((row_number, "dòng tổng cộng"))
            continue
        if _is_title_line(grid, r, mapping, values, name):
            plan.skipped.append((row_number, f"dòng tiêu đề nhóm “{name}”"))
            continue
        if not name and not _looks_like_member(values):
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


def _only_name(values: dict[str, object]) -> bool:
    return all(is_blank(v) for f, v in values.items() if f != "full_name")


def _checked_mapping(mapping: dict[str, int], width: int) -> dict[str, int]:
    known = {spec.field for spec in ALL_COLUMNS}
    for name, column in mapping.items():
        if name not in known:
            raise DomainError(f"Không có trường “{name}” để nhập.")
        if not 0 <= column < max(width, 1):
            raise DomainError(f"Tệp không có cột {column_name(column)} (cho {label_for(name)}).")
    return dict(mapping)


def _raw_name(values: dict[str, object]) -> str:
    if not is_blank(values.get("full_name")):
        return clean_spaces(str(values["full_name"]))
    parts = [values.get("family_name"), values.get("given_name")]
    return clean_spaces(" ".join(str(p) for p in parts if not is_blank(p)))


def _shown(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, datetime | date):
        return PartialDate.from_date(value).display()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_spaces(str(value))


def _is_member_line(values: dict[str, object]) -> bool:
    """A name with a readable birth date, card number or gender beside it."""
    if not _raw_name(values):
        return False
    for name, check in (("birth_date", parse_date), ("card_number", normalize_card_number)):
        if not is_blank(values.get(name)):
            try:
                if check(values[name]):
                    return True
            except ValueError:
                pass
    gender = values.get("gender")
    return not is_blank(gender) and fold(str(gender)).strip(" .") in ("nam", "nu")


def _looks_like_member(values: dict[str, object]) -> bool:
    filled = [f for f, v in values.items() if not is_blank(v)]
    return any(f in _IDENTIFYING for f in filled) or len(filled) >= 2


def _is_title_line(grid, r: int, mapping: dict[str, int], values, name: str) -> bool:
    """A section title ("I. Đảng viên chính thức", "Tổ 1" merged across the table)."""
    if not name:
        return False
    others = [f for f, v in values.items() if not is_blank(v) and f != "full_name"]
    if "full_name" in mapping:
        rng = grid.merged_range(r, mapping["full_name"])
        if rng and rng[3] > rng[1] and not others:
            return True
    return not others and is_heading(name)


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
                        lines.append((row.row_number, _line(row, "đã nhập")))
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
                lines.append((row.row_number, _line(row, "đã nhập")))
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


# --- report -----------------------------------------------------------------------------


def _line(row: RowPlan, done: str) -> str:
    head = f"Dòng {row.row_number}: "
    if row.outcome == NEW:
        text = f"{head}{done} {row.name}"
        return text + (f" (sửa: {'; '.join(row.repairs)})" if row.repairs else "")
    if row.outcome == POSSIBLE_DUPLICATE:
        if done == "đã nhập":
            return f"{head}chưa nhập {row.name} — {row.match_reason}"
        return f"{head}cần xác nhận {row.name} — {row.match_reason}"
    if row.outcome == DUPLICATE:
        if row.matched_row is not None:
            return f"{head}bỏ qua {row.name} — {row.match_reason}"
        return f"{head}bỏ qua {row.name} — đã có ({row.match_reason})"
    who = f" {row.name}" if row.name else ""
    return f"{head}không nhập{who} — {'; '.join(row.errors)}"


def plan_lines(plan: ImportPlan) -> list[str]:
    """One Vietnamese line per line of the file, for the preview ("sẽ nhập …")."""
    lines = [(r.row_number, _line(r, "sẽ nhập")) for r in plan.rows]
    lines.extend((n, f"Dòng {n}: bỏ qua — {why}") for n, why in plan.skipped)
    return [text for _, text in sorted(lines, key=lambda item: item[0])]


def format_report(result: ImportPlan | ImportReport) -> str:
    """The report the secretary reads: a summary, then every line of the file."""
    if isinstance(result, ImportPlan):
        sheet = (
            f"trang “{result.sheet_name}”, "
            if result.source.suffix.lower() in (".xlsx", ".xlsm")
            else ""
        )
        title = (
            f"Xem trước khi nhập tệp {result.source.name} ({sheet}dòng tiêu đề {result.header_row})"
        )
        summary = (
            f"Sẽ nhập {result.new_count} đảng viên (sửa tự động {result.repaired_count}); "
            f"bỏ qua {result.duplicate_count} người đã có; "
            f"không nhập {result.rejected_count} dòng lỗi."
        )
        if result.question_count:
            summary += (
                f" {result.question_count} dòng có tên gần giống người đã có (chỉ khác dấu) "
                "cần bí thư xác nhận là người khác."
            )
        lines, warnings = plan_lines(result), result.warnings
    else:
        name = result.source.name if result.source else "danh sách"
        title = f"Kết quả nhập tệp {name}"
        summary = (
            f"Đã nhập {result.imported} đảng viên (sửa tự động {result.repaired}); "
            f"bỏ qua {result.duplicates} người đã có; không nhập {result.rejected} dòng lỗi."
        )
        lines, warnings = result.lines, result.warnings
    parts = [title, summary, ""] + lines
    if warnings:
        parts += ["", "Lưu ý:"] + [f"- {w}" for w in warnings]
    return "\n".join(parts)
