"""Lịch sử xếp loại: each year named by its own rules, the superior's decision counting, and
"5 năm liền hoàn thành xuất sắc nhiệm vụ" only for an unbroken run of decided years."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.members.registry import MemberData, create_member
from desktop.services.reviews.history import rating_history, streak_note
from desktop.services.reviews.ratings import ProposalData, record_decision, record_proposal

TODAY = date(2026, 12, 15)


@pytest.fixture
def thang(db):
    member_id = create_member(
        db,
        MemberData(
            full_name="Nguyễn Văn Thắng",
            admitted_on=date(1996, 8, 26),
            official_on=date(1997, 9, 7),
        ),
    )
    return db, member_id


def decide(db, member_id, year, level="HTXSNV"):
    record_proposal(db, member_id, year, ProposalData(level), TODAY)
    record_decision(db, member_id, year, level, f"{year - 1999}-QĐ/ĐU", date(year + 1, 1, 20))


def test_five_decided_excellent_years_make_the_streak_note(thang):
    db, who = thang
    for year in range(2022, 2027):
        decide(db, who, year)

    history = rating_history(db, who)

    assert [y.year for y in history.years] == [2026, 2025, 2024, 2023, 2022]
    assert history.streak("HTXSNV", 2026) == 5
    assert streak_note(history, 2026) == ("5 năm liền hoàn thành xuất sắc nhiệm vụ (2022–2026)")
    # Four years is not yet five.
    assert history.streak("HTXSNV", 2025) == 4
    assert streak_note(history, 2025) == ""


def test_a_year_with_only_the_cells_proposal_breaks_the_streak(thang):
    db, who = thang
    for year in (2022, 2023, 2025, 2026):
        decide(db, who, year)
    record_proposal(db, who, 2024, ProposalData("HTXSNV"), TODAY)

    history = rating_history(db, who)

    proposal_only = next(y for y in history.years if y.year == 2024)
    assert (proposal_only.decided, proposal_only.decision_number) == (False, "")
    assert history.streak("HTXSNV", 2026) == 2
    assert streak_note(history, 2026) == ""


def test_a_lower_year_breaks_the_streak_and_every_year_is_named_by_its_pack(thang):
    db, who = thang
    for year in (2020, 2021, 2022, 2024, 2025, 2026):
        decide(db, who, year)
    decide(db, who, 2023, "HTTNV")

    history = rating_history(db, who)

    assert history.streak("HTXSNV", 2026) == 3
    assert history.streak("HTXSNV", 2022) == 3
    assert {y.year: y.level_name for y in history.years if y.year in (2022, 2023)} == {
        2022: "Hoàn thành xuất sắc nhiệm vụ",
        2023: "Hoàn thành tốt nhiệm vụ",
    }
    decided = next(y for y in history.years if y.year == 2026)
    assert (decided.decided, decided.decision_number, decided.decision_date) == (
        True,
        "27-QĐ/ĐU",
        date(2027, 1, 20),
    )


def test_a_member_never_rated_has_an_empty_history(thang):
    db, who = thang
    history = rating_history(db, who)
    assert history.years == ()
    assert streak_note(history, 2026) == ""
