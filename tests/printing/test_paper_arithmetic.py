"""Shares that add up to 100% and a checker that fails on a wrong paper."""

from __future__ import annotations

from desktop.services.reviews.print_data import shares
from tests.printing.paper_checker import date_problems, number_problems, recipients_problems
from tests.printing.paper_checker import shares_add_up


def test_thirds_add_up_to_one_hundred_by_the_largest_remainder():
    assert shares([1, 1, 1], 3) == ["33,34%", "33,33%", "33,33%"]
    assert shares_add_up(shares([1, 1, 1], 3))


def test_the_2024_list_no_longer_adds_to_99_99():
    counts = [2, 17, 2, 0]  # 21 rated: 9,52 + 80,95 + 9,52 = 99,99 when rounded one by one
    result = shares(counts, 21)
    assert shares_add_up(result) and result[3] == "0%"


def test_nobody_rated_prints_no_share():
    assert shares([0, 0], 0) == ["", ""]


def test_the_checker_finds_each_kind_of_breach():
    assert date_problems("ngày 5 tháng 03 năm 2026; 5/3/2026; 05/01/2026") == [
        "day not two digits: ngày 5 tháng 03 năm 2026",
        "month style: ngày 5 tháng 03 năm 2026",
        "date style: 5/3/2026",
    ]
    assert date_problems("ngày 05 tháng 3 năm 2026, 14/01/2025, ngày …… tháng …… năm ……") == []
    assert number_problems("CHI BỘ ẤP\n*\nĐẢNG CỘNG SẢN") != []
    assert number_problems("Số       -DS/CB Dự thảo") == []
    assert recipients_problems("T/M CHI BỘ") == ["no 'Nơi nhận:'"]


def test_a_reason_prints_with_one_pair_of_brackets_and_one_full_stop():
    from desktop.services.reviews.print_data import clean_reason

    text = "Miễn sinh hoạt (Quy định 366-QĐ/TW ngày 30/8/2025 (như Quy định 124-QĐ/TW, Điều 5))"
    assert clean_reason(text) == (
        "Miễn sinh hoạt (Quy định 366-QĐ/TW ngày 30/8/2025; như Quy định 124-QĐ/TW, Điều 5)."
    )
    assert clean_reason("Đã nghỉ..") == "Đã nghỉ."


def test_a_newcomer_is_worded_as_the_rule_never_zero_months():
    from datetime import date

    from desktop.rules.rating_rules import pack_for_year
    from desktop.services.reviews.print_data import admission_words

    words = admission_words(pack_for_year(2025), date(2025, 12, 31), 0)
    assert words == "mới kết nạp chưa đủ 6 tháng (vào Đảng ngày 31/12/2025, chưa được 1 tháng)"


def test_the_checker_finds_votes_over_those_present_and_a_january_restart():
    from tests.printing.paper_checker import numbering_problems, vote_problems

    text = "Trong số có mặt: chính thức 15, dự bị 1. … (tán thành 18/18) … tán thành 15/15"
    assert vote_problems(text) == ["vote 18/18 over 15 official members present"]
    assert numbering_problems([14, 15, 16, 1, 2]) == ["minutes number 01 follows 16"]
