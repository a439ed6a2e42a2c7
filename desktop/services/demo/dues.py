"""The sample cell's year of dues (một năm thu đảng phí mẫu) for "Chi bộ Ấp Tân Phú".

Written through the dues services, over the same 12 months as the demo meetings (the year
ending last month, so it spans the change to Quy định 01-QĐ/TW when the clock is in 2026).
The mix is a rural hamlet's: retirees paying 0,5% of a pension, farmers and traders paying
the share of the regional minimum wage (or the fixed amount before 02/2026), a teacher and
a few wage earners paying 1% of their salary (the deputy secretary, a teacher, gets a
raise in the middle of the year), one student at the fixed amount. The treasurer collects
at each monthly meeting; two members pay late (two months together, one month after two),
one retiree prepays a quarter, and Mai Văn Tài pays nothing for the last three months of
one calendar year (the year the meetings demo flags too), so the reminder of Điều lệ Đảng
Điều 8 shows. Every month but the last is closed, one closed month has a logged receipt
correction, and each ended quarter is remitted. Amounts and people are invented.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select

from desktop.models import DuesAction, Member
from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues import settings
from desktop.services.dues.assignments import AssignmentData, set_assignment
from desktop.services.dues.collect import (
    PaymentData,
    close_month,
    mark_all_paid,
    record_payments,
    void_payment,
)
from desktop.services.dues.common import Month, last_day
from desktop.services.dues.ledger import month_sheet
from desktop.services.dues.remittance import record_remittance
from desktop.services.demo.meetings import demo_months

TREASURER = "Trần Thị Hồng Nhung"
SECRETARY = "Nguyễn Văn Thắng"
# Salaries and pensions (đồng/tháng), invented but in the range of such jobs in 2025–2026.
SALARIES = {
    "Trần Thị Hồng Nhung": 7_820_000,
    "Lê Minh Tuấn": 6_930_000,
    "Đặng Thị Mỹ Hạnh": 6_210_000,
    "Nguyễn Thị Thu Trang": 5_616_000,
    "Lê Văn Phúc": 7_150_000,
    "Võ Thị Ngọc Hân": 6_840_000,
    "Hồ Quang Vinh": 12_480_000,
    "Vũ Thị Thu Hà": 7_290_000,
}
RAISE = ("Trần Thị Hồng Nhung", 8_470_000)  # nâng bậc lương in the seventh demo month
PENSIONS = {
    "Huỳnh Văn Bảy": 3_105_000,
    "Phạm Thị Lan": 6_243_500,
    "Võ Văn Hai": 4_381_000,
    "Đỗ Đức Toàn": 5_127_000,
    "Đinh Văn Lộc": 2_954_000,
}
STUDENT = "Trương Chí Cường"
STUDENT_NOTE = "Sinh viên đại học hệ chính quy (liên thông), không hưởng lương"
# (member, months late): pays those months together at a later meeting.
LATE = (("Sơn Thị Sà Phanh", 2), ("Bùi Văn Toại", 1))
PREPAYS = "Phạm Thị Lan"
BEHIND = "Mai Văn Tài"
ZONES = {"qd-01-2026": "III", "qd-342-2010": "con_lai"}


def collection_day(month: Month) -> date:
    """The day of the monthly meeting, when the treasurer collects (the 5th)."""
    return date(month[0], month[1], 5)


def behind_months(months: list[Month]) -> list[Month]:
    """Three months of one calendar year: the last three of the year of last month, or of
    the year before when last month is January or February."""
    year = months[-1][0] if months[-1][1] >= 3 else months[-1][0] - 1
    return [m for m in months if m[0] == year][-3:]


def load_demo_dues(db, today: date) -> None:
    """Write the demo year of dues into the cell (``db`` may be the builder's shared session)."""
    months = demo_months(today)
    with db.session() as session:
        ids = dict(session.execute(select(Member.full_name, Member.id)).all())
        occupations = dict(session.execute(select(Member.full_name, Member.occupation)).all())
    for pack in {pack_for_month(m) for m in months}:
        settings.set_zone(db, pack, ZONES[pack.id])
    settings.set_treasurer(db, TREASURER)
    first = months[0]
    for name, member_id in ids.items():
        set_assignment(db, member_id, _assignment(name, occupations.get(name, ""), first))
    set_assignment(db, ids[RAISE[0]], AssignmentData(months[6], "salary", RAISE[1],
                                                     note="Nâng bậc lương"))
    late = {ids[name]: lag for name, lag in LATE}
    behind = set(behind_months(months))
    prepaid: set[Month] = set()
    for index, month in enumerate(months):
        skip = set(late) | ({ids[BEHIND]} if month in behind else set())
        if month in prepaid:
            skip.add(ids[PREPAYS])
        receipts = {member_id: f"{index + 1:02d}-{n:02d}" for n, member_id in
                    enumerate(sorted(ids.values()), start=1)}
        mark_all_paid(db, month, collection_day(month), TREASURER, except_ids=skip,
                      receipts=receipts)
        for member_id, lag in late.items():
            # Every (lag + 1)-th meeting, the months since the last payment together.
            if (index + 1) % (lag + 1) == 0:
                _pay(db, member_id, months[index - lag : index + 1], month)
        if index % 3 == 0 and index + 3 <= len(months):
            # Đóng trước: this month at the meeting, the next two months in advance.
            ahead = tuple(months[index + 1 : index + 3])
            _pay(db, ids[PREPAYS], ahead, month, receipt=f"{index + 1:02d}-TT")
            prepaid.update(ahead)
        if month != months[-1]:
            close_month(db, month, by=SECRETARY)
    _correct_a_receipt(db, ids, months)
    for index in range(2, len(months)):
        if months[index][1] % 3 == 0:  # a calendar quarter ended within the demo year
            quarter = months[index - 2 : index + 1]
            record_remittance(db, quarter[0], quarter[-1], last_day(quarter[-1]), TREASURER)
    with db.session() as session:
        # The demo is the starting point: "Hoàn tác" must not take it apart.
        session.execute(delete(DuesAction))


def _assignment(name: str, occupation: str, first: Month) -> AssignmentData:
    if name in SALARIES:
        return AssignmentData(first, "salary", SALARIES[name])
    if name in PENSIONS or occupation == "Hưu trí":
        return AssignmentData(first, "pension", PENSIONS.get(name, 3_500_000))
    if name == STUDENT:
        return AssignmentData(first, "student", note=STUDENT_NOTE)
    return AssignmentData(first, "no_income")


def _pay(db, member_id: int, owed: list[Month] | tuple[Month, ...], month: Month,
         receipt: str = "") -> None:
    sheet = [month_sheet(db, m) for m in owed]
    lines = [next((x for x in s.lines if x.due.member_id == member_id), None) for s in sheet]
    amount = sum(line.outstanding for line in lines if line is not None)
    if amount <= 0:
        return
    closed = any(s.closed for s in sheet)
    record_payments(
        db,
        [PaymentData(member_id, tuple(owed), amount, collection_day(month), receipt, TREASURER)],
        by=SECRETARY, reason="Nộp chậm, ghi vào tháng đã khóa sổ" if closed else "",
    )


def _correct_a_receipt(db, ids: dict[str, int], months: list[Month]) -> None:
    """A receipt number typed wrong in a closed month, corrected with the log."""
    month = months[1]
    member_id = ids["Võ Văn Hai"]
    line = next(x for x in month_sheet(db, month).lines if x.due.member_id == member_id)
    if not line.paid.payment_ids:
        return
    void_payment(db, line.paid.payment_ids[0], by=SECRETARY, reason="Ghi sai số biên lai")
    record_payments(db, [PaymentData(member_id, (month,), line.paid.amount, line.paid.paid_on,
                                     f"{line.paid.text()}A", TREASURER)],
                    by=SECRETARY, reason="Ghi lại đúng số biên lai")

