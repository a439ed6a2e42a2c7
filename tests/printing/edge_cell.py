"""A cell built at the rules' edge values, through the app's services as the UI would.

Every edge is read from the rule packs (resources/rules/): the "mới kết nạp" months, the
score bands and the "xuất sắc" quota of the year's ratings pack. The cell, "Chi bộ Khu
phố Biên", has
- a member admitted exactly the pack's months before 31/12 of the rated year (reviewed) and
  one admitted a day later ("không thuộc diện kiểm điểm"), one on probation, one exempted,
  one on sick leave at the pack's cap (the months the 2025 pack no longer caps: 12, the most
  the form takes), a name of 40+ characters with every tone mark;
- self-review totals exactly on each band's lower boundary and one point below it, and one
  self-rating outside its band;
- in the first rated year "xuất sắc" proposals reaching the quota exactly, in the second
  one over it; every vote equal to the official members present at the rating meeting;
- minutes of one term numbered across the new year (November, December, January), then a
  new term from its congress (numbered from 01 again);
- no member in the "Không hoàn thành nhiệm vụ" row (a count of 0 that must still add up).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from desktop.models import EventKind, PartyPost
from desktop.rules.rating_rules import pack_for_year
from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.cell.numbering import set_term_starts
from desktop.services.meetings import plan as mt
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member
from desktop.services.dues.assignments import AssignmentData, set_assignment
from desktop.services.dues.collect import PaymentData, record_payments
from desktop.services.dues.common import months_between, parse_month
from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentItemData,
    evaluate_commitment,
    save_commitment,
)
from desktop.services.reviews.ratings import ProposalData, RatingFacts, record_proposal, set_facts
from desktop.services.reviews.self_reviews import SelfReviewData, save_self_review
from desktop.services.reviews.vote_bound import present_official
from desktop.errors import ValidationError
from desktop.storage.database import Database

TODAY = date(2027, 1, 25)  # both rated years are over: their papers no longer move
FIRST, SECOND = 2025, 2026  # quota reached exactly, then one over
FIRST_TERM, SECOND_TERM = date(2025, 10, 5), date(2026, 3, 8)
# 50 characters with every tone mark: sắc (Ánh), huyền (Hoàng), hỏi (Bảo), ngã (Nữ), nặng (Thị).
LONG_NAME = "Tôn Nữ Hoàng Thị Ngọc Diễm Phượng Trần Bảo Ánh Quỳnh"
PRESENT, EXCUSED = "co_mat", "vang_co_ly_do"


@dataclass
class EdgeCell:
    db: Database
    ids: dict[str, int] = field(default_factory=dict)
    meetings: dict[tuple[int, int], int] = field(default_factory=dict)  # (year, month) → id
    refused: dict[int, str] = field(default_factory=dict)  # a vote one over those present
    present: dict[int, int] = field(default_factory=dict)  # official members at the vote
    levels: dict[int, dict[str, str]] = field(default_factory=dict)  # year → key → proposed
    warnings: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    scores: dict[str, Decimal] = field(default_factory=dict)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day where it has fewer)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


def recently_admitted_months(year: int) -> int:
    return next(r.months for r in pack_for_year(year).not_rated if r.code == "recently_admitted")


def band_edges(year: int) -> list[tuple[Decimal, str]]:
    """(lowest score, level) of every band above the lowest."""
    return [(b.min, b.level) for b in pack_for_year(year).bands if b.min > 0]


def sick_leave_cap(year: int) -> int:
    cap = next((c for c in pack_for_year(year).caps if c.code == "sick_leave"), None)
    return cap.min_months if cap and cap.min_months else 12


def card_number(serial: int) -> str:
    return f"09200{serial:07d}"


def _member(cell: EdgeCell, key: str, name: str, admitted: date, *, official=True, **more):
    data = MemberData(
        full_name=name,
        card_number=card_number(len(cell.ids) + 1),
        admitted_on=admitted,
        official_on=admitted.replace(year=admitted.year + 1) if official else None,
        **more,
    )
    cell.ids[key] = create_member(cell.db, data, today=TODAY)


def _meeting(cell: EdgeCell, held: date, absent: tuple[str, ...] = ()) -> int:
    meeting_id = mt.plan_meeting(
        cell.db, "thuong_ky", held.year, held.month, held, time(7, 30), "Hội trường khu phố"
    )
    rows = mt.attendance_sheet(cell.db, meeting_id)
    keys = {v: k for k, v in cell.ids.items()}
    roll = [
        (r.member_id, EXCUSED if keys.get(r.member_id) in absent else PRESENT,
         "Ốm" if keys.get(r.member_id) in absent else "")
        for r in rows if r.expected
    ]  # fmt: skip
    data = mt.MinutesData(
        chair_id=cell.ids["bi_thu"],
        secretary_id=cell.ids["pho_bi_thu"],
        held_on=held,
        start_time=time(7, 30),
        end_time=time(9, 30),
        resolution="Chi bộ thống nhất các nội dung đã thảo luận.",
        attendance=roll,
    )
    mt.save_minutes(cell.db, meeting_id, data)
    mt.approve_minutes(cell.db, meeting_id, time(9, 20))
    cell.meetings[(held.year, held.month)] = meeting_id
    return meeting_id


def build_edge_cell(db: Database) -> EdgeCell:
    cell = EdgeCell(db)
    save_cell(db, CellInfo("Khu phố Biên", "Đảng bộ phường Tân An", "Tân An", "2025 – 2030"))
    set_term_starts(db, [FIRST_TERM, SECOND_TERM])
    old = date(2005, 5, 19)
    _member(cell, "bi_thu", "Nguyễn Văn Thắng", old, party_post=PartyPost.SECRETARY.value,
            review_group="2A")  # fmt: skip
    _member(cell, "pho_bi_thu", "Trần Thị Hồng", old, party_post=PartyPost.DEPUTY.value,
            review_group="2B")  # fmt: skip
    for n in range(1, 7):
        _member(cell, f"dv{n}", f"Lê Văn Đảng {n:02d}", old)
    _member(cell, "ten_dai", LONG_NAME, old)
    months = recently_admitted_months(FIRST)
    threshold = months_before(date(FIRST, 12, 31), months)
    _member(cell, "du_nguong", "Phạm Văn Đủ", threshold, official=False)
    _member(cell, "tre_mot_ngay", "Phạm Văn Trễ", threshold + timedelta(days=1), official=False)
    _member(cell, "du_bi", "Võ Thị Dự", date(FIRST, 2, 10), official=False)
    _member(cell, "mien", "Huỳnh Văn Miễn", date(1970, 9, 2))
    add_event(db, cell.ids["mien"], EventData(EventKind.EXEMPTED.value, date(2024, 1, 10),
              decision_number="05-NQ/CB", note="Tuổi cao, sức khỏe yếu"), TODAY)  # fmt: skip
    _member(cell, "nghi_om", "Đặng Thị Ốm", old)

    # Minutes of one term across the new year, then the new term's first meeting.
    _meeting(cell, date(2025, 11, 5))
    first_rating = _meeting(cell, date(2025, 12, 5), absent=("dv6",))
    _meeting(cell, date(2026, 1, 5))
    _meeting(cell, date(2026, 3, 10))
    second_rating = _meeting(cell, date(2026, 12, 4), absent=("dv6",))

    _season(cell, FIRST, first_rating, over=0)
    _season(cell, SECOND, second_rating, over=1)
    _dues(cell)
    return cell


def _season(cell: EdgeCell, year: int, meeting_id: int, over: int) -> None:
    """Self-reviews on the band edges, then the proposals voted at the rating meeting:
    "xuất sắc" exactly at the quota (``over`` 0) or ``over`` beyond it."""
    db = cell.db
    pack = pack_for_year(year)
    rank = {lv.code: lv.rank for lv in pack.levels}
    by_rank = {lv.rank: lv.code for lv in pack.levels}
    best, good, done = by_rank[1], by_rank[2], by_rank[3]
    edges = band_edges(year)

    def band(total: Decimal) -> str:
        return max((lv for low, lv in edges if low <= total), key=lambda c: -rank[c],
                   default=by_rank[4])  # fmt: skip

    totals: dict[str, Decimal] = {}
    edge_keys = ["dv1", "dv2", "dv3", "dv4", "dv5", "ten_dai"]
    for (low, _), on_edge, below in zip(edges, edge_keys[::2], edge_keys[1::2], strict=True):
        totals[on_edge], totals[below] = Decimal(low), Decimal(low) - 1
    for key in ("bi_thu", "pho_bi_thu", "du_nguong", "du_bi", "nghi_om"):
        totals[key] = Decimal(80)
    # A "hoàn thành" score that rates itself "tốt": outside its band.
    totals["dv6"] = next(low for low, lv in edges if lv == done) + 16
    levels = {key: band(total) for key, total in totals.items()}
    self_levels = dict(levels, dv6=good)
    # The cell keeps the member just below the lowest band at "hoàn thành" (with the
    # warning shown), so that "không hoàn thành" has no one: a 0 row that must add up.
    for key, level in levels.items():
        if level == by_rank[4]:
            levels[key] = done
    # "Xuất sắc" up to the quota exactly, then ``over`` more.
    movable = ["bi_thu", "pho_bi_thu", "nghi_om"]

    def allowed() -> int:
        goods = sum(1 for v in levels.values() if v == good)
        return int(Decimal(goods) * pack.quota.share)

    def excellent() -> int:
        return sum(1 for v in levels.values() if v == best)

    while excellent() < allowed() + over:
        key = movable.pop(0)
        levels[key], totals[key], self_levels[key] = best, Decimal(95), best
    assert excellent() == allowed() + over, (year, levels)

    groups = pack.score_scale.groups
    written = date(year, 11, 20)
    for key in totals:
        item = CommitmentItemData("lam_theo", "Tham gia giữ gìn vệ sinh khu phố", True, "dat")
        save_commitment(db, cell.ids[key], year, CommitmentData(items=[item]))
        evaluate_commitment(db, cell.ids[key], year, "dat", "", date(year, 11, 25))
    for key, total in totals.items():
        first = min(total, groups[0].max)
        scores = {groups[0].code: first, groups[1].code: total - first}
        data = SelfReviewData(written, scores=scores, self_level=self_levels[key])
        save_self_review(db, cell.ids[key], year, data)
        cell.scores[f"{key}-{year}"] = total
    set_facts(db, cell.ids["nghi_om"], year, RatingFacts(sick_leave_months=sick_leave_cap(year)))

    present = present_official(db, meeting_id)
    held = mt.get_meeting(db, meeting_id).held_on
    answers = {q.code: {"answer": "no", "note": ""} for q in pack.questions}
    # Voted in list order as at a meeting, "xuất sắc" last: the quota counts every "tốt".
    for key, level in sorted(levels.items(), key=lambda kv: -rank[kv[1]]):
        proposal = ProposalData(level, present, present, proposed_on=held,
                                meeting_id=meeting_id, answers=answers)  # fmt: skip
        found = record_proposal(db, cell.ids[key], year, proposal, TODAY)
        cell.warnings[(key, year)] = [w.text for w in found]
    cell.levels[year] = levels
    # One vote more than the official members present is refused, with the arithmetic.
    try:
        too_many = ProposalData(good, present, present + 1, proposed_on=held,
                                meeting_id=meeting_id, answers=answers)  # fmt: skip
        record_proposal(db, cell.ids["pho_bi_thu"], year, too_many, TODAY)
    except ValidationError as refused:
        cell.refused[year] = str(refused)
    cell.present[year] = present


DUES_FROM = "2026-02"  # the first month of the 2026 dues pack
SALARY = 8_000_000  # 1 % = 80 000 đồng a month
PARTIAL, PREPAID = "2026-03", ("2026-04", "2026-06")


def _dues(cell: EdgeCell) -> None:
    """Every member salaried from the pack's first month, February to June paid on time,
    except one member who pays March partly and one who pays April–June ahead at once."""
    db = cell.db
    payers = [key for key in cell.ids if key != "mien"]  # the exempted member owes nothing
    for key in payers:
        set_assignment(db, cell.ids[key], AssignmentData(parse_month(DUES_FROM), "salary",
                                                          base_amount=SALARY))  # fmt: skip
    due = SALARY // 100
    payments = []
    for key in payers:
        for month in months_between(parse_month(DUES_FROM), parse_month("2026-06")):
            if key == "dv1" and month == parse_month(PARTIAL):
                payments.append(PaymentData(cell.ids[key], (month,), due // 2,
                                            date(2026, 3, 10), note="Nộp một phần"))  # fmt: skip
                continue
            if key == "dv2" and month >= parse_month(PREPAID[0]):
                continue
            payments.append(PaymentData(cell.ids[key], (month,), due, date(*month, 10)))
    ahead = tuple(months_between(parse_month(PREPAID[0]), parse_month(PREPAID[1])))
    payments.append(PaymentData(cell.ids["dv2"], ahead, due * len(ahead), date(2026, 3, 28),
                                note="Đóng trước 3 tháng"))  # fmt: skip
    record_payments(db, payments)
