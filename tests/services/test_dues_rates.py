"""Amounts due by the pack of each month: edges of every rate, exemptions, rounding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from dues_helpers import add_member, assign, set_zones

from desktop.errors import DomainError
from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues.due import DueCalculator, reached_retirement
from desktop.services.members.events import EventData, add_event
from desktop.text.dates import PartialDate


def due(db, member_id, month):
    with db.session() as session:
        calc = DueCalculator(session)
        member = next(m for m in calc.members if m.id == member_id)
        return calc.due(member, month, calc.pack(month))


@pytest.fixture
def zoned(db):
    set_zones(db)
    return db


def test_first_month_of_the_new_rules_uses_them_and_the_month_before_the_old(zoned):
    farmer = add_member(zoned, "Lê Văn Nông")
    assign(zoned, farmer, (2025, 1), "no_income")
    january, february = due(zoned, farmer, (2026, 1)), due(zoned, farmer, (2026, 2))
    # QĐ 342 / HD 03-HD/VPTW: 6.000 đ in "các khu vực còn lại".
    assert january.amount == 6000 and "còn lại" in january.rate_text
    # QĐ 01: 0,3% of the vùng II minimum wage 4.730.000 = 14.190 đ.
    assert february.amount == 14190 and february.rate_text.startswith("0,3%")
    assert "01-QĐ/TW" in february.source and not february.confirmed


def test_the_2028_step_and_the_retired_band_of_the_minimum_wage_rate(zoned):
    young = add_member(zoned, "Trần Văn Trẻ", birth=PartialDate(1990, 1, 1),
                       admitted=date(2015, 1, 1))
    old = add_member(zoned, "Trần Văn Già", birth=PartialDate(1950, 1, 1))
    for member in (young, old):
        assign(zoned, member, (2026, 2), "no_income")
    assert due(zoned, young, (2027, 12)).amount == 14190
    assert due(zoned, young, (2028, 1)).amount == 23650  # 0,5% of 4.730.000
    assert due(zoned, old, (2026, 2)).amount == 9460  # 0,2%
    assert due(zoned, old, (2028, 1)).amount == 14190  # 0,3%


def test_retirement_age_follows_the_yearly_steps():
    # A man born 01/1965 reaches 61 years 6 months (the 2026 age) in 07/2026.
    assert not reached_retirement(PartialDate(1965, 1, 1), False, date(2026, 6, 30))
    assert reached_retirement(PartialDate(1965, 1, 1), False, date(2026, 7, 31))
    # A woman who reached the 2021 age (55 years 4 months) in 2021 stays retired.
    assert reached_retirement(PartialDate(1966, 1, 1), True, date(2026, 3, 31))


def test_salary_change_mid_year_counts_from_the_next_month_under_qd_01(zoned):
    teacher = add_member(zoned, "Phạm Thị Giáo", gender="nu")
    assign(zoned, teacher, (2026, 1), "salary", 5_000_000)
    assign(zoned, teacher, (2026, 7), "salary", 6_000_000)
    # 1% of the salary of the month before (tháng trước liền kề).
    assert due(zoned, teacher, (2026, 6)).amount == 50_000
    assert due(zoned, teacher, (2026, 7)).amount == 50_000
    assert due(zoned, teacher, (2026, 8)).amount == 60_000


def test_salary_under_342_counts_in_the_same_month(zoned):
    teacher = add_member(zoned, "Phạm Thị Cũ", gender="nu")
    assign(zoned, teacher, (2025, 1), "salary", 5_000_000)
    assign(zoned, teacher, (2025, 7), "salary", 6_000_000)
    assert due(zoned, teacher, (2025, 7)).amount == 60_000


def test_pension_and_rounding_half_up_to_the_dong(zoned):
    retiree = add_member(zoned, "Ngô Văn Hưu")
    assign(zoned, retiree, (2026, 1), "pension", 6_543_210)
    assert due(zoned, retiree, (2026, 3)).amount == 32_716  # 32.716,05
    assign(zoned, retiree, (2026, 4), "pension", 6_543_300)
    assert due(zoned, retiree, (2026, 4)).amount == 32_717  # 32.716,5 rounds up
    assert due(zoned, retiree, (2026, 4)).rate_text == "0,5%"


def test_rounding_unit_of_the_pack_is_applied():
    pack = pack_for_month((2026, 3))
    thousands = replace(pack, rounding=replace(pack.rounding, unit=1000))
    pension = pack.dues_class("pension")
    assert thousands.amount(pension, (2026, 3), base=6_543_210).amount == 33_000
    assert thousands.amount(pension, (2026, 3), base=6_400_000).amount == 32_000
    assert pack.amount(pension, (2026, 3), base=1).amount == 0  # 0,005 đ


def test_student_pays_the_fixed_amount_and_reduction_applies_until_its_month(zoned):
    student = add_member(zoned, "Võ Minh Sinh", birth=PartialDate(2004, 9, 1),
                         admitted=date(2024, 1, 1))
    assign(zoned, student, (2026, 2), "student")
    assert due(zoned, student, (2026, 2)).amount == 5000
    hardship = add_member(zoned, "Đỗ Văn Khó")
    assign(zoned, hardship, (2026, 2), "pension", 4_000_000, reduction_percent=50,
           reduction_until=(2026, 4))
    assert due(zoned, hardship, (2026, 4)).amount == 10_000
    assert due(zoned, hardship, (2026, 5)).amount == 20_000


def test_reduction_is_limited_to_the_pack_percents_and_months(zoned):
    member = add_member(zoned, "Đỗ Văn Giảm")
    with pytest.raises(DomainError, match="30%, 50%, 70%"):
        assign(zoned, member, (2026, 2), "pension", 4_000_000, reduction_percent=40,
               reduction_until=(2026, 4))
    with pytest.raises(DomainError, match="12 tháng"):
        assign(zoned, member, (2026, 2), "pension", 4_000_000, reduction_percent=30,
               reduction_until=(2027, 2))
    with pytest.raises(DomainError, match="Lương hưu|lương hưu"):
        assign(zoned, member, (2026, 2), "pension")


def test_a_class_of_the_new_rules_is_refused_before_them(zoned):
    member = add_member(zoned, "Bùi Văn Ốm")
    with pytest.raises(DomainError, match="không có đối tượng"):
        assign(zoned, member, (2025, 6), "allowance", 5_000_000)


def test_exemptions_come_from_the_pack(zoned):
    veteran = add_member(zoned, "Hồ Văn Lão", birth=PartialDate(1950, 1, 1),
                         admitted=date(1976, 4, 1))
    away = add_member(zoned, "Mai Văn Xa")
    exempted = add_member(zoned, "Tô Văn Miễn")
    for member in (veteran, away, exempted):
        assign(zoned, member, (2025, 1), "pension", 5_000_000)
    add_event(zoned, away, EventData(kind="chuyen_di", happened_on=date(2026, 3, 10),
                                     temporary=True, detail="Chi bộ khác"), date(2026, 12, 1))
    add_event(zoned, exempted, EventData(kind="mien_sinh_hoat", happened_on=date(2026, 1, 5)),
              date(2026, 12, 1))
    # 50 năm tuổi đảng is an exemption of QĐ 01 only.
    assert due(zoned, veteran, (2026, 1)).owes
    assert "50 năm" in due(zoned, veteran, (2026, 4)).exempt
    assert due(zoned, away, (2026, 2)).owes and not due(zoned, away, (2026, 3)).owes
    assert "miễn công tác" in due(zoned, exempted, (2026, 2)).exempt
    assert "chưa xác nhận" in due(zoned, exempted, (2026, 2)).source


def test_missing_class_or_zone_is_reported_not_guessed(db):
    member = add_member(db, "Lý Văn Thiếu")
    assert "Chưa xếp" in due(db, member, (2026, 3)).problem
    assign(db, member, (2026, 2), "no_income")
    result = due(db, member, (2026, 3))
    assert result.amount == 0 and "vùng lương tối thiểu" in result.problem


def test_an_amount_is_confirmed_only_when_its_rate_and_rounding_are(zoned):
    pack = pack_for_month((2026, 3))
    pension = pack.dues_class("pension")
    assert pack.amount(pension, (2026, 3), base=6_000_000).confirmed  # 30.000 exactly
    assert not pack.amount(pension, (2026, 3), base=6_543_210).confirmed  # needs rounding
    farmer = pack.dues_class("no_income")
    assert not pack.amount(farmer, (2026, 3), zone="II").confirmed  # one secondary source
