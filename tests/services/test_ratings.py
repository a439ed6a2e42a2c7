"""Đánh giá, xếp loại: who is rated, the warnings shown before the cell votes (quota with its
arithmetic, score band, discipline, sick leave, commitment, absences, votes), what is kept
when the vote is recorded, the superior's decision, and each year judged by its own rules."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from desktop.models import EventKind
from desktop.services.meetings import plan as mt
from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentItemData,
    evaluate_commitment,
    save_commitment,
)
from desktop.errors import ValidationError
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member
from desktop.services.reviews.ratings import (
    ProposalData,
    RatingFacts,
    accept_proposals,
    proposal_warnings,
    rating_sheet,
    record_decision,
    record_proposal,
    set_facts,
)
from desktop.services.reviews.self_reviews import SelfReviewData, save_self_review

TODAY = date(2026, 12, 15)
NAMES = (
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
    "Võ Thị Giang", "Đặng Văn Hải", "Bùi Thị Kim",
)  # fmt: skip


def member(db, name, admitted=date(2001, 2, 3), group="2C") -> int:
    official = date(admitted.year + 1, admitted.month, admitted.day)
    return create_member(
        db,
        MemberData(
            full_name=name,
            review_group=group,
            admitted_on=admitted,
            official_on=official if official <= TODAY else None,
        ),
    )


@pytest.fixture
def cell(db):
    ids = [member(db, name) for name in NAMES]
    return db, ids


def codes(warnings, code):
    return [w.text for w in warnings if w.code == code]


def shown_before(db, member_id, level, code, year=2026):
    """The texts of one kind of warning shown before voting ``level`` for the member."""
    return codes(proposal_warnings(db, member_id, year, ProposalData(level), TODAY), code)


def discipline(db, member_id, day):
    add_event(
        db, member_id, EventData(EventKind.DISCIPLINE.value, day, detail="Khiển trách"), TODAY
    )


def propose(db, member_id, level, year=2026, **kwargs):
    return record_proposal(db, member_id, year, ProposalData(level, **kwargs), TODAY)


def scored(db, member_id, general, tasks, year=2026):
    scores = {"chung": Decimal(general), "nhiem_vu": Decimal(tasks)}
    save_self_review(db, member_id, year, SelfReviewData(date(year, 12, 1), scores=scores))


def good_commitment(db, member_id, year=2026):
    items = [CommitmentItemData("lam_theo", "Vận động hiến đất làm đường", True, "dat")]
    save_commitment(db, member_id, year, CommitmentData(items=items))
    evaluate_commitment(db, member_id, year, "dat", "", date(year, 12, 1))


# ---------------------------------------------------------------- who is rated


def test_exempted_recently_admitted_and_suspended_members_are_not_rated_with_reason(cell):
    db, ids = cell
    exempted = member(db, "Huỳnh Văn Bảy", admitted=date(1964, 9, 2))
    add_event(db, exempted, EventData(EventKind.EXEMPTED.value, date(2024, 1, 10)), TODAY)
    recent = member(db, "Trương Chí Cường", admitted=date(2026, 7, 10))  # 5 months
    six = member(db, "Ngô Thị Sáu", admitted=date(2026, 6, 15))  # 6 months to the day
    set_facts(db, ids[0], 2026, RatingFacts(suspended=True))

    sheet = rating_sheet(db, 2026, TODAY)

    reasons = {r.member.full_name: r.facts.not_rated_reason for r in sheet.not_rated}
    assert set(reasons) == {"Huỳnh Văn Bảy", "Trương Chí Cường", "Nguyễn Văn An"}
    assert "miễn công tác và sinh hoạt đảng" in reasons["Huỳnh Văn Bảy"]
    assert reasons["Trương Chí Cường"].startswith("Mới kết nạp 5 tháng (chưa đủ 6 tháng)")
    assert "đình chỉ sinh hoạt đảng" in reasons["Nguyễn Văn An"]
    assert all("Quy định 366-QĐ/TW" in reason for reason in reasons.values())
    assert sheet.row(six).rated
    assert not sheet.row(recent).writes_review and sheet.row(recent).suspended is False
    assert sheet.row(ids[0]).suspended
    # Proposing a level for someone not rated warns and says why.
    warned = proposal_warnings(db, recent, 2026, ProposalData("HTTNV"), TODAY)
    assert codes(warned, "not_rated") == [
        f"Đảng viên không thuộc diện xếp loại: {reasons['Trương Chí Cường']}"
    ]


def test_a_note_that_the_member_will_be_rated_later_takes_them_off_this_list(cell):
    db, ids = cell
    set_facts(db, ids[1], 2026, RatingFacts(not_rated_note="Vắng buổi họp xếp loại, xét sau."))
    row = rating_sheet(db, 2026, TODAY).row(ids[1])
    assert (row.rated, row.facts.not_rated_reason) == (False, "Vắng buổi họp xếp loại, xét sau.")


def test_sick_leave_months_are_checked(cell):
    db, ids = cell
    with pytest.raises(ValidationError, match="Số tháng nghỉ ốm từ 0 đến 12"):
        set_facts(db, ids[0], 2026, RatingFacts(sick_leave_months=13))


def test_hd21_and_qd124_differ_where_their_packs_say_so(db):
    """2020 (HD 21): a member admitted under 6 months writes the review but is not rated, and
    a disciplined member is capped even if he found and remedied the fault himself;
    2024 (QĐ 124): the newcomer does not write the review, and the self-found fault is excepted."""
    others = [member(db, name) for name in NAMES[:3]]
    new_2020 = member(db, "Đinh Văn Mới", admitted=date(2020, 9, 15))
    new_2024 = member(db, "Lâm Thị Mới", admitted=date(2024, 9, 15))
    fault = others[0]
    for year in (2020, 2024):
        discipline(db, fault, date(year, 5, 4))
        set_facts(db, fault, year, RatingFacts(remedied_self_found=True))

    old, new = rating_sheet(db, 2020, TODAY), rating_sheet(db, 2024, TODAY)

    assert (old.pack.id, new.pack.id) == ("2018-2022", "2023-2024")
    before, after = old.row(new_2020), new.row(new_2024)
    assert (before.rated, before.writes_review) == (False, True)
    assert (after.rated, after.writes_review) == (False, False)
    assert "Hướng dẫn 21-HD/BTCTW" in before.facts.not_rated_reason
    assert "Quy định 124-QĐ/TW" in after.facts.not_rated_reason
    capped = proposal_warnings(db, fault, 2020, ProposalData("HTNV"), TODAY)
    assert len(codes(capped, "cap")) == 1 and "Hướng dẫn 21-HD/BTCTW" in codes(capped, "cap")[0]
    assert shown_before(db, fault, "HTTNV", "cap", 2024) == []


# ---------------------------------------------------------------- the quota


def test_one_excellent_with_five_good_is_exactly_20_percent_and_no_warning(cell):
    db, ids = cell
    for who in ids[:5]:
        propose(db, who, "HTTNV")

    warned = proposal_warnings(db, ids[5], 2026, ProposalData("HTXSNV"), TODAY)
    assert codes(warned, "quota") == []
    propose(db, ids[5], "HTXSNV")
    sheet = rating_sheet(db, 2026, TODAY)
    assert not sheet.quota_proposed.exceeded
    assert (sheet.quota_proposed.allowed, sheet.quota_proposed.actual) == (1, 1)
    assert codes(sheet.row(ids[5]).warnings, "quota") == []


def test_two_excellent_with_five_good_warns_with_the_arithmetic_and_source(cell):
    db, ids = cell
    for who in ids[:5]:
        propose(db, who, "HTTNV")
    propose(db, ids[5], "HTXSNV")

    warned = shown_before(db, ids[6], "HTXSNV", "quota")

    assert len(warned) == 1
    assert "Số HTXSNV (2) vượt 20% số HTTNV" in warned[0]
    assert "5 × 20% = 1" in warned[0]
    assert "Quy định 366-QĐ/TW" in warned[0]
    # Recorded all the same: the superior decides; both excellent lines carry the warning.
    propose(db, ids[6], "HTXSNV")
    sheet = rating_sheet(db, 2026, TODAY)
    assert sheet.quota_proposed.exceeded
    assert [len(codes(sheet.row(i).warnings, "quota")) for i in ids[:7]] == [0] * 5 + [1, 1]
    counts = {c.level.code: c.proposed for c in sheet.counts}
    assert counts == {"HTXSNV": 2, "HTTNV": 5, "HTNV": 0, "KHTNV": 0}


def test_one_excellent_with_four_good_rounds_the_share_down_to_zero(cell):
    db, ids = cell
    for who in ids[:4]:
        propose(db, who, "HTTNV")

    warned = shown_before(db, ids[4], "HTXSNV", "quota")

    assert len(warned) == 1 and "4 × 20% = 0,8, lấy phần nguyên: 0" in warned[0]


def test_changing_a_members_own_proposal_is_not_counted_twice(cell):
    db, ids = cell
    for who in ids[:5]:
        propose(db, who, "HTTNV")
    propose(db, ids[5], "HTXSNV")
    # Re-voting the same member at the same level: still 1 of 5.
    assert shown_before(db, ids[5], "HTXSNV", "quota") == []


# ---------------------------------------------------------------- caps and checks


def test_a_member_disciplined_this_year_proposed_good_is_capped_with_the_source(cell):
    db, ids = cell
    discipline(db, ids[0], date(2026, 6, 20))
    discipline(db, ids[1], date(2025, 12, 31))

    warned = shown_before(db, ids[0], "HTTNV", "cap")

    assert len(warned) == 1
    assert warned[0].startswith("Bị kỷ luật trong năm")
    assert "Quy định 366-QĐ/TW" in warned[0]
    assert warned[0].endswith('Mức cao nhất được xếp là "Không hoàn thành nhiệm vụ".')
    assert shown_before(db, ids[0], "KHTNV", "cap") == []
    # Last year's discipline does not cap this year.
    assert shown_before(db, ids[1], "HTTNV", "cap") == []
    assert rating_sheet(db, 2026, TODAY).row(ids[0]).facts.disciplined


def test_qd124_excepts_a_fault_the_member_found_and_remedied(cell):
    db, ids = cell
    discipline(db, ids[0], date(2024, 3, 2))

    capped = shown_before(db, ids[0], "HTTNV", "cap", 2024)
    assert len(capped) == 1 and "Quy định 124-QĐ/TW" in capped[0]
    set_facts(db, ids[0], 2024, RatingFacts(remedied_self_found=True))
    assert shown_before(db, ids[0], "HTTNV", "cap", 2024) == []


@pytest.mark.parametrize(("months", "capped"), [(2, False), (3, True), (6, True)])
def test_sick_leave_of_three_months_caps_at_completed_in_2024(cell, months, capped):
    db, ids = cell
    set_facts(db, ids[0], 2024, RatingFacts(sick_leave_months=months))

    warned = shown_before(db, ids[0], "HTTNV", "cap", 2024)

    assert bool(warned) == capped
    if capped:
        assert warned[0].startswith(f"Nghỉ ốm {months} tháng trong năm")
        assert warned[0].endswith('Mức cao nhất được xếp là "Hoàn thành nhiệm vụ".')
    assert shown_before(db, ids[0], "HTNV", "cap", 2024) == []


@pytest.mark.parametrize("year", [2025, 2026])
def test_sick_leave_of_three_months_is_not_capped_from_2025(cell, year):
    # HD 43 §7.5: rated on the actual work, no cap at "Hoàn thành nhiệm vụ".
    db, ids = cell
    set_facts(db, ids[0], year, RatingFacts(sick_leave_months=3))
    assert shown_before(db, ids[0], "HTTNV", "cap", year) == []
    assert shown_before(db, ids[0], "HTXSNV", "cap", year) == []


def test_a_score_of_85_proposed_excellent_warns_with_the_band(cell):
    db, ids = cell
    scored(db, ids[0], "25", "60")
    scored(db, ids[1], "30", "60")

    warned = shown_before(db, ids[0], "HTXSNV", "score")

    assert len(warned) == 1
    assert "Tổng điểm 85 chỉ đạt mức" in warned[0]
    assert '"Hoàn thành tốt nhiệm vụ" (khung 70 – dưới 90 điểm)' in warned[0]
    assert "Quy định 366-QĐ/TW" in warned[0]
    assert shown_before(db, ids[0], "HTTNV", "score") == []
    assert shown_before(db, ids[1], "HTXSNV", "score") == []


def test_without_a_complete_self_score_the_new_rules_warn(cell):
    db, ids = cell
    save_self_review(db, ids[0], 2026, SelfReviewData(scores={"chung": Decimal(28)}))

    warned = proposal_warnings(db, ids[0], 2026, ProposalData("HTTNV"), TODAY)
    assert codes(warned, "score") == ["Chưa có đủ điểm tự chấm theo các nhóm tiêu chí."]
    assert codes(warned, "no_review") == []
    unwritten = proposal_warnings(db, ids[1], 2026, ProposalData("HTTNV"), TODAY)
    assert codes(unwritten, "no_review") == ["Đảng viên chưa có bản tự kiểm điểm năm này."]


def test_a_commitment_not_fulfilled_warns_against_a_good_rating(cell):
    db, ids = cell
    good_commitment(db, ids[0])
    good_commitment(db, ids[1])
    evaluate_commitment(db, ids[1], 2026, "chua_dat", "Chưa làm", TODAY)

    assert shown_before(db, ids[0], "HTTNV", "commitment") == []
    failed = shown_before(db, ids[1], "HTTNV", "commitment")
    assert len(failed) == 1 and '"Chưa đạt"' in failed[0]
    assert shown_before(db, ids[1], "HTNV", "commitment") == []
    missing = shown_before(db, ids[2], "HTTNV", "commitment")
    assert len(missing) == 1 and missing[0].startswith("Chưa có bản cam kết")


def test_unexcused_absences_of_the_year_warn_with_the_month_count(cell):
    db, ids = cell
    for year, month in ((2025, 11), (2026, 3), (2026, 5)):
        meeting = mt.plan_meeting(db, "thuong_ky", year, month, date(year, month, 5), time(8))
        mt.set_attendance(db, meeting, [(ids[0], "vang_khong_ly_do", ""), (ids[1], "co_mat", "")])

    warned = shown_before(db, ids[0], "HTTNV", "absences")

    assert warned == [
        "Vắng sinh hoạt chi bộ không có lý do 2 tháng trong năm (tiêu chí ý thức tổ chức kỷ luật)."
    ]
    assert rating_sheet(db, 2026, TODAY).row(ids[0]).facts.unexcused_months == 2
    assert shown_before(db, ids[1], "HTTNV", "absences") == []


@pytest.mark.parametrize(("votes_for", "warned"), [(4, True), (5, False)])
def test_a_vote_that_is_not_a_majority_of_the_cells_official_members_warns(
    cell, votes_for, warned
):
    db, ids = cell
    proposal = ProposalData("HTNV", votes_for=votes_for, votes_total=5)
    found = codes(proposal_warnings(db, ids[0], 2026, proposal, TODAY), "votes")
    assert bool(found) == warned
    if warned:
        # 4 of the 5 who voted is a majority of those present, not of the cell's 8.
        assert found[0].startswith(
            "Chưa đủ phiếu: tán thành 4, cần quá nửa số đảng viên chính thức của chi bộ: "
            "8 đảng viên chính thức của chi bộ → ít nhất 5 phiếu"
        )
        assert "chưa gắn với buổi họp" in found[0]


@pytest.mark.parametrize(("votes_for", "warned"), [(7, True), (10, True), (11, False)])
def test_20_official_members_need_11_votes_whatever_the_attendance(db, votes_for, warned):
    ids = [member(db, f"Đảng viên {i:02d}") for i in range(20)]
    proposal = ProposalData("HTTNV", votes_for=votes_for, votes_total=12)
    found = codes(proposal_warnings(db, ids[0], 2026, proposal, TODAY), "votes")
    assert bool(found) == warned


def test_impossible_vote_counts_and_unknown_levels_are_refused(cell):
    db, ids = cell
    with pytest.raises(ValidationError, match="không thể nhiều hơn số người biểu quyết"):
        propose(db, ids[0], "HTTNV", votes_for=13, votes_total=12)
    with pytest.raises(ValidationError, match="Số phiếu không được âm"):
        propose(db, ids[0], "HTTNV", votes_for=-1, votes_total=12)
    with pytest.raises(ValidationError, match="Mức xếp loại không có trong quy định năm này"):
        propose(db, ids[0], "TOT")
    assert rating_sheet(db, 2026, TODAY).row(ids[0]).proposed_level == ""


# ---------------------------------------------------------------- recording


def test_the_vote_is_recorded_with_the_warnings_shown_at_that_moment(cell):
    db, ids = cell
    shown = propose(
        db, ids[0], "HTTNV", votes_for=7, votes_total=8, discussion="Gương mẫu",
        proposed_on=date(2026, 12, 10),
    )  # fmt: skip
    # 2026: the two KHTNV questions of QĐ 366 are still unanswered.
    assert {w.code for w in shown} == {"no_review", "score", "commitment", "question"}

    good_commitment(db, ids[0])  # later facts change what the sheet shows now …
    row = rating_sheet(db, 2026, TODAY).row(ids[0])
    assert codes(row.warnings, "commitment") == []
    # … but the record keeps what the cell saw when it voted.
    assert row.recorded_warnings == tuple(w.text for w in shown)
    assert (row.proposed_level, row.votes_for, row.votes_total) == ("HTTNV", 7, 8)
    assert (row.discussion, row.proposed_on) == ("Gương mẫu", date(2026, 12, 10))


def test_the_superiors_decision_is_entered_one_by_one_or_as_proposed(cell):
    db, ids = cell
    propose(db, ids[0], "HTXSNV")
    propose(db, ids[1], "HTTNV")
    propose(db, ids[2], "HTTNV")
    record_decision(db, ids[0], 2026, "HTTNV", "125-QĐ/ĐU", date(2027, 1, 20))
    with pytest.raises(ValidationError, match="Mức xếp loại không có"):
        record_decision(db, ids[1], 2026, "XUAT_SAC")

    assert accept_proposals(db, 2026, "126-QĐ/ĐU", date(2027, 1, 25)) == 2

    sheet = rating_sheet(db, 2026, TODAY)
    decided = {r.member.full_name: (r.decided_level, r.decision_number) for r in sheet.rows
               if r.decided_level}  # fmt: skip
    assert decided == {
        "Nguyễn Văn An": ("HTTNV", "125-QĐ/ĐU"),
        "Trần Thị Bình": ("HTTNV", "126-QĐ/ĐU"),
        "Lê Văn Cường": ("HTTNV", "126-QĐ/ĐU"),
    }
    assert sheet.awaiting_decision == []
    assert len(sheet.awaiting_proposal) == len(NAMES) - 3
    assert {c.level.code: c.decided for c in sheet.counts}["HTTNV"] == 3
    assert accept_proposals(db, 2026, "127-QĐ/ĐU", date(2027, 2, 1)) == 0
    record_decision(db, ids[0], 2026, "", "", date(2027, 1, 20))
    cleared = rating_sheet(db, 2026, TODAY).row(ids[0])
    assert (cleared.decided_level, cleared.decision_date) == ("", None)


def test_the_2024_list_is_judged_by_the_2023_2024_rules_even_in_2026(cell):
    db, ids = cell
    lead = member(db, "Châu Văn Nghĩa", group="2A")
    for who in ids[:5]:
        propose(db, who, "HTTNV", year=2024)
        good_commitment(db, who, year=2024)
    save_self_review(db, ids[5], 2024, SelfReviewData(date(2024, 12, 2), {"uu_diem": "Tốt"}))
    good_commitment(db, ids[5], year=2024)

    shown = propose(db, ids[5], "HTXSNV", year=2024)
    sheet = rating_sheet(db, 2024, TODAY)

    assert (sheet.pack.id, sheet.review_on) == ("2023-2024", date(2024, 12, 31))
    assert sheet.pack.score_scale is None
    assert shown == []  # no score asked for in 2024, and 1 of 5 is within the quota
    assert sheet.row(ids[0]).form_code == "02A" and sheet.row(lead).form_code == "02B"
    assert "Quy định 124-QĐ/TW" in sheet.quota_proposed.source
    assert [c.level.name for c in sheet.counts][0] == "Hoàn thành xuất sắc nhiệm vụ"


def test_an_unknown_level_is_a_field_error_even_before_recording(db):
    member = create_member(db, MemberData(full_name="Lê Văn Tư", admitted_on=date(2010, 1, 5)))
    with pytest.raises(ValidationError) as caught:
        proposal_warnings(db, member, 2026, ProposalData("TOT"), today=date(2026, 12, 1))
    assert caught.value.errors[0].field == "level"


def test_the_quota_warning_is_not_pinned_on_a_member_who_is_not_rated(db):
    today = date(2026, 12, 1)
    rated = create_member(db, MemberData(full_name="Lê Văn Tư", admitted_on=date(2010, 1, 5)))
    exempt = create_member(db, MemberData(full_name="Lê Văn Năm", admitted_on=date(1970, 1, 5)))
    add_event(db, exempt, EventData(EventKind.EXEMPTED.value, date(2020, 1, 1)))
    record_proposal(db, rated, 2026, ProposalData("HTXSNV", 5, 5), today=today)
    record_proposal(db, exempt, 2026, ProposalData("HTXSNV", 5, 5), today=today)

    sheet = rating_sheet(db, 2026, today)

    assert sheet.quota_proposed.exceeded
    assert "quota" in {w.code for w in sheet.row(rated).warnings}
    assert "quota" not in {w.code for w in sheet.row(exempt).warnings}


def test_a_4_good_cell_is_told_the_superior_applies_the_quota_over_the_party_committee(cell):
    db, ids = cell
    for who in ids[:4]:
        propose(db, who, "HTTNV")
    warned = shown_before(db, ids[4], "HTXSNV", "quota")
    assert "4 × 20% = 0,8, lấy phần nguyên: 0" in warned[0]
    assert "Cấp trên áp dụng tỷ lệ trên phạm vi toàn đảng bộ" in warned[0]


def test_the_cell_records_that_its_superior_applies_the_quota_per_cell(cell):
    from desktop.services.reviews.quota_scope import set_quota_scope

    db, ids = cell
    for who in ids[:4]:
        propose(db, who, "HTTNV")
    set_quota_scope(db, "cell")
    warned = shown_before(db, ids[4], "HTXSNV", "quota")
    assert "Cấp trên áp dụng" not in warned[0]
    assert "cấp ủy cấp trên xem xét, quyết định" in warned[0]
    with pytest.raises(ValidationError):
        set_quota_scope(db, "xa")
    set_quota_scope(db, "")
    assert "Cấp trên áp dụng" in shown_before(db, ids[4], "HTXSNV", "quota")[0]


def test_a_decided_year_keeps_its_decisions_and_lists_the_warnings_that_changed(cell):
    from desktop.models import Rating
    from desktop.services.reviews.rule_changes import warning_changes

    db, ids = cell
    set_facts(db, ids[0], 2025, RatingFacts(sick_leave_months=4))
    propose(db, ids[0], "HTTNV", year=2025)
    old = 'Nghỉ ốm 4 tháng trong năm: ... Mức cao nhất được xếp là "Hoàn thành nhiệm vụ".'
    with db.session() as session:  # as the old pack (sick-leave cap in 2025) recorded it
        rating = session.query(Rating).filter_by(member_id=ids[0], year=2025).one()
        rating.warnings = [*rating.warnings, old]
    record_decision(db, ids[0], 2025, "HTTNV", "12-QĐ/ĐU", date(2026, 1, 10))

    sheet = rating_sheet(db, 2025, TODAY)
    assert sheet.row(ids[0]).decided_level == "HTTNV"  # a decision is a fact
    changes = warning_changes(sheet)
    assert [c.member_id for c in changes] == [ids[0]]
    assert changes[0].dropped == (old,) and changes[0].added == ()
    assert "giữ nguyên" in changes[0].text() and "không còn cảnh báo" in changes[0].text()
