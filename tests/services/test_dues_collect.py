"""Collecting a month, prepayments, closing, corrections, undo, arrears and remittance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from dues_helpers import add_member, assign, set_zones

from desktop.errors import DomainError
from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues import settings
from desktop.services.dues.actions import last_action, undo_last
from desktop.services.dues.arrears import arrears, dues_reminders
from desktop.services.dues.collect import (
    PaymentData,
    close_month,
    corrections,
    mark_all_paid,
    record_payments,
    void_payment,
)
from desktop.services.dues.ledger import month_sheet, year_sheet
from desktop.services.dues.remittance import record_remittance, remittance_summary

MARCH = (2026, 3)


@pytest.fixture
def cell(db):
    set_zones(db)
    ids = {
        "pension": add_member(db, "Ngô Văn Hưu"),
        "farmer": add_member(db, "Lê Văn Nông"),
        "teacher": add_member(db, "Phạm Thị Giáo", gender="nu"),
    }
    assign(db, ids["pension"], (2025, 1), "pension", 6_000_000)  # 30.000 đ
    assign(db, ids["farmer"], (2025, 1), "no_income")  # 6.000 đ, then 14.190 đ
    assign(db, ids["teacher"], (2025, 1), "salary", 5_000_000)  # 50.000 đ
    return db, ids


def line(sheet, member_id):
    return next(x for x in sheet.lines if x.due.member_id == member_id)


def test_mark_all_paid_then_the_exceptions(cell):
    db, ids = cell
    count = mark_all_paid(db, MARCH, date(2026, 3, 5), "Nguyễn Văn Thủ",
                          except_ids=[ids["farmer"]], receipts={ids["teacher"]: "12"})
    assert count == 2
    record_payments(db, [PaymentData(ids["farmer"], (MARCH,), 10_000, date(2026, 3, 9))])
    sheet = month_sheet(db, MARCH)
    assert line(sheet, ids["teacher"]).paid.receipts == ("12",)
    assert line(sheet, ids["pension"]).state == "paid"
    farmer = line(sheet, ids["farmer"])
    assert (farmer.state, farmer.outstanding) == ("partial", 4_190)
    assert sheet.total_due == 30_000 + 14_190 + 50_000
    assert sheet.total_paid == 30_000 + 10_000 + 50_000
    # Marking again pays only what is still outstanding.
    assert mark_all_paid(db, MARCH, date(2026, 3, 20), "Nguyễn Văn Thủ") == 1
    assert line(month_sheet(db, MARCH), ids["farmer"]).state == "paid"


def test_prepayment_across_the_rule_change_fills_each_month_by_its_own_rate(cell):
    db, ids = cell
    months = ((2025, 12), (2026, 1), (2026, 2), (2026, 3))
    record_payments(db, [PaymentData(ids["farmer"], months, 6_000 * 2 + 14_190 * 2,
                                     date(2025, 12, 10), "5")])
    sheet = year_sheet(db, 2026)
    row = next(r for r in sheet.rows if r.member_id == ids["farmer"])
    assert [row.cells[m].paid.amount for m in (1, 2, 3)] == [6_000, 14_190, 14_190]
    assert all(row.cells[m].state == "paid" for m in (1, 2, 3))
    assert row.cells[4].state == "unpaid"


def test_paying_more_than_due_counts_for_the_last_month(cell):
    db, ids = cell
    record_payments(db, [PaymentData(ids["pension"], (MARCH,), 50_000, date(2026, 3, 5))])
    assert line(month_sheet(db, MARCH), ids["pension"]).paid.amount == 50_000


def test_amounts_are_whole_dong(cell):
    db, ids = cell
    with pytest.raises(DomainError, match="số nguyên dương"):
        record_payments(db, [PaymentData(ids["pension"], (MARCH,), 30_000.5, date(2026, 3, 5))])


def test_changes_to_a_closed_month_need_a_reason_and_are_logged(cell):
    db, ids = cell
    mark_all_paid(db, MARCH, date(2026, 3, 5), "Thủ quỹ")
    close_month(db, MARCH, by="Bí thư")
    payment = line(month_sheet(db, MARCH), ids["teacher"]).paid.payment_ids[0]
    with pytest.raises(DomainError, match="khóa sổ"):
        void_payment(db, payment)
    void_payment(db, payment, by="Bí thư", reason="Ghi nhầm người")
    log = corrections(db, 2026)
    assert len(log) == 1
    assert log[0].before.startswith("Đã nộp 50.000 đ ngày 05/3/2026")
    assert (log[0].after, log[0].reason, log[0].made_by) == ("Chưa nộp", "Ghi nhầm người", "Bí thư")


def test_undo_takes_back_the_last_action_and_logs_it_on_a_closed_month(cell):
    db, ids = cell
    mark_all_paid(db, MARCH, date(2026, 3, 5), "Thủ quỹ")
    assert last_action(db).startswith("Đánh dấu đã nộp đảng phí tháng 03/2026")
    close_month(db, MARCH)
    undo_last(db)  # reopens the month
    assert not month_sheet(db, MARCH).closed
    undo_last(db)  # takes the payments back
    assert month_sheet(db, MARCH).total_paid == 0
    with pytest.raises(DomainError, match="hoàn tác"):
        undo_last(db)
    mark_all_paid(db, MARCH, date(2026, 3, 5), "Thủ quỹ")
    close_month(db, MARCH)
    record_payments(db, [PaymentData(ids["farmer"], ((2026, 4),), 5_000, date(2026, 4, 2))])
    payment = line(month_sheet(db, MARCH), ids["pension"]).paid.payment_ids[0]
    void_payment(db, payment, reason="Thử")
    undo_last(db, by="Bí thư")
    assert line(month_sheet(db, MARCH), ids["pension"]).state == "paid"
    assert [c.reason for c in corrections(db)][0].startswith("Hoàn tác: Xóa lần nộp")


def test_three_unpaid_months_flag_the_member_with_the_charter_article(cell):
    db, ids = cell
    for month in range(1, 5):
        mark_all_paid(db, (2026, month), date(2026, month, 5), "Thủ quỹ",
                      except_ids=[ids["farmer"]] if month <= 3 else [])
    record_payments(db, [PaymentData(ids["teacher"], ((2026, 5),), 1_000, date(2026, 5, 5))])
    found = {a.member_id: a for a in arrears(db, 2026, today=date(2026, 6, 1))}
    assert found[ids["farmer"]].flagged and len(found[ids["farmer"]].unpaid) == 4
    assert "Điều lệ Đảng, Điều 8" in found[ids["farmer"]].message
    assert not found[ids["teacher"]].flagged and found[ids["teacher"]].short == ((2026, 5),)
    # Two months only: behind, not flagged.
    early = {a.member_id: a for a in arrears(db, 2026, today=date(2026, 3, 1))}
    assert len(early[ids["farmer"]].unpaid) == 2 and not early[ids["farmer"]].flagged
    assert [r.member_id for r in dues_reminders(db, date(2026, 6, 1))] == [ids["farmer"]]


def test_retained_share_and_remittance_by_month_of_collection(cell):
    db, ids = cell
    mark_all_paid(db, MARCH, date(2026, 3, 5), "Thủ quỹ")  # 94.190 đ
    pack = pack_for_month(MARCH)
    settings.set_retention(db, pack, "chi_bo_truc_thuoc", Decimal("0.35"))
    with pytest.raises(DomainError, match="30%"):
        settings.set_retention(db, pack, "chi_bo_truc_thuoc", Decimal("0.6"))
    summary = remittance_summary(db, (2026, 1), (2026, 3))
    assert summary.collected == 94_190
    assert summary.kept == 32_967  # 35% of 94.190 = 32.966,5, rounded half up
    assert summary.kept + summary.remitted == summary.collected
    # Under QĐ 342 the default is the lower end of the range for a chi bộ trực thuộc.
    mark_all_paid(db, (2025, 12), date(2025, 12, 5), "Thủ quỹ")
    december = remittance_summary(db, (2025, 12), (2025, 12))
    assert december.collected == 86_000 and december.kept == 25_800
    record_remittance(db, (2026, 1), (2026, 3), date(2026, 4, 2), "Thủ quỹ")
    assert remittance_summary(db, (2026, 1), (2026, 3)).recorded_on == date(2026, 4, 2)


def test_the_reminders_read_only_members_who_may_be_behind_and_find_the_same(cell):
    """dues_reminders skips the dues of members who paid enough months; same answer."""
    from desktop.services.dues.arrears import possibly_flagged

    db, ids = cell
    for month in range(1, 6):
        mark_all_paid(db, (2026, month), date(2026, month, 5), "Thủ quỹ",
                      except_ids=[ids["farmer"]] if month <= 3 else [])
    today = date(2026, 6, 1)
    assert possibly_flagged(db, 2026, today) == [ids["farmer"]]  # 2 paid of 5 ended months
    everyone = [a.member_id for a in arrears(db, 2026, today) if a.flagged]
    assert [r.member_id for r in dues_reminders(db, today)] == everyone == [ids["farmer"]]
    assert possibly_flagged(db, 2026, date(2026, 1, 15)) == []  # no month ended yet
