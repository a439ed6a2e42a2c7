"""Đối tượng đóng đảng phí and mức căn cứ of each member, as a dated history.

A change (a new salary from July, retirement, a reduction by application) is a new row
from its month on; earlier months keep the row in force then. Checked against the pack of
the row's first month: the class must exist there, and a class paid on a base needs one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import DomainError, NotFound
from desktop.models import DuesAssignment, Member
from desktop.rules import RuleFileError
from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues.common import Month, first_day, month_of, month_text
from desktop.storage.database import Database

@dataclass(frozen=True)
class AssignmentRow:
    """One row of the history as plain data (what the screens show)."""

    id: int
    member_id: int
    starts: Month
    class_code: str
    base_amount: int | None
    reduction_percent: int
    reduction_until: Month | None
    note: str


@dataclass(frozen=True)
class AssignmentData:
    starts: Month
    class_code: str
    base_amount: int | None = None
    reduction_percent: int = 0
    reduction_until: Month | None = None
    note: str = ""


def _row(a: DuesAssignment) -> AssignmentRow:
    return AssignmentRow(
        id=a.id,
        member_id=a.member_id,
        starts=month_of(a.starts_on),
        class_code=a.class_code,
        base_amount=a.base_amount,
        reduction_percent=a.reduction_percent,
        reduction_until=month_of(a.reduction_until) if a.reduction_until else None,
        note=a.note,
    )


def history(db: Database, member_id: int) -> list[AssignmentRow]:
    """The member's rows, oldest first."""
    with db.session() as session:
        return [_row(a) for a in _rows(session, member_id)]


def all_histories(session: Session) -> dict[int, list[AssignmentRow]]:
    """Every member's rows, oldest first, by member id (one query for the ledger)."""
    out: dict[int, list[AssignmentRow]] = {}
    rows = session.scalars(
        select(DuesAssignment).order_by(DuesAssignment.starts_on, DuesAssignment.id)
    )
    for a in rows:
        out.setdefault(a.member_id, []).append(_row(a))
    return out


def in_force(rows: list[AssignmentRow], month: Month) -> AssignmentRow | None:
    """The row in force in ``month`` (rows oldest first)."""
    found = None
    for row in rows:
        if row.starts <= month:
            found = row
        else:
            break
    return found


def validate(data: AssignmentData) -> None:
    try:
        pack = pack_for_month(data.starts)
    except RuleFileError as exc:
        raise DomainError(str(exc)) from None
    dues_class = pack.dues_class(data.class_code)
    if dues_class is None:
        names = ", ".join(c.name for c in pack.classes)
        raise DomainError(
            f"Từ tháng {month_text(data.starts)} ({pack.title}) không có đối tượng "
            f"{data.class_code!r}. Chọn một trong: {names}."
        )
    if dues_class.amount.needs_base and not data.base_amount:
        raise DomainError(f"Đối tượng \"{dues_class.name}\" cần {dues_class.base_label.lower()}.")
    if data.base_amount is not None and data.base_amount < 0:
        raise DomainError("Mức căn cứ không được âm.")
    if data.reduction_percent:
        rule = pack.reductions
        if rule is None or data.reduction_percent not in rule.percents:
            allowed = ", ".join(f"{p}%" for p in rule.percents) if rule else "không có"
            raise DomainError(f"Mức miễn, giảm theo quy định này: {allowed}.")
        if data.reduction_until is None:
            raise DomainError("Miễn, giảm phải có tháng kết thúc.")
        span = (data.reduction_until[0] - data.starts[0]) * 12
        span += data.reduction_until[1] - data.starts[1] + 1
        if not 1 <= span <= rule.max_months:
            raise DomainError(
                f"Mỗi lần miễn, giảm tối đa {rule.max_months} tháng ({rule.source})."
            )


def set_assignment(db: Database, member_id: int, data: AssignmentData) -> int:
    """Add the row from ``data.starts``, or replace the row that starts that same month."""
    validate(data)
    with db.session() as session:
        if session.get(Member, member_id) is None:
            raise NotFound("Không tìm thấy đảng viên.")
        row = session.scalar(
            select(DuesAssignment).where(
                DuesAssignment.member_id == member_id,
                DuesAssignment.starts_on == first_day(data.starts),
            )
        )
        if row is None:
            row = DuesAssignment(member_id=member_id, starts_on=first_day(data.starts))
            session.add(row)
        row.class_code = data.class_code
        row.base_amount = data.base_amount if data.base_amount else None
        row.reduction_percent = data.reduction_percent
        row.reduction_until = first_day(data.reduction_until) if data.reduction_until else None
        row.note = data.note.strip()
        session.flush()
        return row.id


def delete_assignment(db: Database, assignment_id: int) -> None:
    with db.session() as session:
        row = session.get(DuesAssignment, assignment_id)
        if row is None:
            raise NotFound("Không tìm thấy dòng này.")
        session.delete(row)


def _rows(session: Session, member_id: int) -> list[DuesAssignment]:
    return list(
        session.scalars(
            select(DuesAssignment)
            .where(DuesAssignment.member_id == member_id)
            .order_by(DuesAssignment.starts_on, DuesAssignment.id)
        )
    )
