"""Điểm danh: the roll at the meeting date, counts never typed, guests, unexcused absences."""

from __future__ import annotations

from datetime import date, time

import pytest
from test_meetings_cell import MARCH_DAY, build_cell, hold

from desktop.models import EventKind
from desktop.services.meetings import plan as mt
from desktop.errors import DomainError
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member


@pytest.fixture
def cell(db):
    return build_cell(db)


@pytest.fixture
def march(cell):
    return mt.plan_meeting(cell.db, "thuong_ky", 2026, 3, MARCH_DAY, time(8), "Nhà văn hóa ấp")


def test_roll_lists_the_members_at_the_meeting_date_with_those_not_expected_apart(cell, march):
    rows = mt.attendance_sheet(cell.db, march)
    expected = [r.full_name for r in rows if r.expected]
    apart = [(r.full_name, r.presence, r.presence_label) for r in rows if not r.expected]
    # Ngô Văn Tư is admitted on 20/3/2026, after the meeting: not on the roll yet.
    assert expected == [
        "Phạm Văn Bình",
        "Võ Thị Hoa",
        "Lê Văn Hùng",
        "Trần Thị Lan",
        "Bùi Thị Mai",
        "Huỳnh Văn Tâm",
        "Nguyễn Văn Thắng",
    ]
    assert apart == [
        ("Đỗ Văn Năm", "tam_thoi_di", "Sinh hoạt tạm thời nơi khác"),
        ("Đặng Văn Sáu", "mien", "Miễn sinh hoạt"),
    ]
    assert all(
        r.presence is None and r.presence_label == "Chưa điểm danh" for r in rows if r.expected
    )
    mai = next(r for r in rows if r.full_name == "Bùi Thị Mai")
    assert (mai.status, mai.status_label) == ("tam_thoi_den", "Sinh hoạt tạm thời")


def test_counts_are_computed_from_the_roster_at_the_meeting_date(cell, march):
    hold(cell, march, MARCH_DAY, absent_excused={"binh": "ốm"}, absent_unexcused=("hoa",))
    summary = mt.attendance_summary(cell.db, march)
    assert (summary.total, summary.official, summary.probationary) == (8, 7, 1)
    assert (summary.exempted, summary.away, summary.temporary_here) == (1, 1, 1)
    assert summary.expected == 7
    assert (summary.present, summary.present_official) == (5, 3)
    assert [(a.name, a.reason) for a in summary.absent_excused] == [("Phạm Văn Bình", "ốm")]
    assert [a.name for a in summary.absent_unexcused] == ["Võ Thị Hoa"]
    assert summary.exempted_names == ("Đặng Văn Sáu",)
    assert summary.away_names == ("Đỗ Văn Năm",)

    april = mt.plan_meeting(cell.db, "thuong_ky", 2026, 4, date(2026, 4, 5))
    # By April the new member is on the roll, as a probationary member.
    later = mt.attendance_summary(cell.db, april)
    assert (later.total, later.probationary, later.not_marked) == (9, 2, 8)


def test_member_transferred_in_after_the_meeting_is_not_on_its_roll(cell, march):
    newcomer = create_member(
        cell.db,
        MemberData(
            full_name="Lý Văn Mười",
            admitted_on=date(1995, 2, 3),
            official_on=date(1996, 2, 3),
        ),
    )
    add_event(cell.db, newcomer, EventData(EventKind.TRANSFER_IN.value, date(2026, 4, 10)))
    assert newcomer not in [r.member_id for r in mt.attendance_sheet(cell.db, march)]
    may = mt.plan_meeting(cell.db, "thuong_ky", 2026, 5, date(2026, 5, 5))
    row = next(r for r in mt.attendance_sheet(cell.db, may) if r.member_id == newcomer)
    assert (row.status_label, row.expected) == ("Chính thức", True)


def test_marking_the_roll_makes_the_meeting_held_and_keeps_reasons(cell, march):
    mt.set_attendance(
        cell.db,
        march,
        [(cell["thang"], "co_mat", "bỏ qua"), (cell["binh"], "vang_co_ly_do", "  đi  viện ")],
    )
    detail = mt.get_meeting(cell.db, march)
    assert (detail.state, detail.state_label) == ("held", "Đã sinh hoạt")
    rows = {r.member_id: r for r in detail.attendance}
    assert (rows[cell["thang"]].presence, rows[cell["thang"]].reason) == ("co_mat", "")
    assert rows[cell["binh"]].reason == "đi viện"
    assert rows[cell["hoa"]].presence is None
    assert "Còn 5 đảng viên chưa điểm danh." in detail.warnings
    mt.set_attendance(cell.db, march, [(cell["thang"], None, "")])
    assert mt.get_meeting(cell.db, march).attendance[5].presence is None


def test_exempted_and_unknown_members_cannot_be_marked(cell, march):
    with pytest.raises(DomainError, match="Đặng Văn Sáu miễn sinh hoạt"):
        mt.set_attendance(cell.db, march, [(cell["sau"], "vang_khong_ly_do", "")])
    with pytest.raises(DomainError, match="không có trong danh sách"):
        mt.set_attendance(cell.db, march, [(cell["tu"], "co_mat", "")])
    with pytest.raises(DomainError, match="có mặt, vắng có lý do"):
        mt.set_attendance(cell.db, march, [(cell["thang"], "di_muon", "")])


def test_guests_are_recorded_with_position_and_body(cell, march):
    mt.set_guests(
        cell.db,
        march,
        [mt.GuestData("  Trương Văn Lực ", "Đảng ủy viên", "Đảng ủy xã Vị Thủy")],
    )
    assert mt.get_meeting(cell.db, march).guests == [
        mt.GuestData("Trương Văn Lực", "Đảng ủy viên", "Đảng ủy xã Vị Thủy")
    ]
    with pytest.raises(DomainError, match="họ và tên"):
        mt.set_guests(cell.db, march, [mt.GuestData(" ")])


def test_absent_names_and_reasons_reach_the_minutes(cell, march):
    hold(cell, march, MARCH_DAY, absent_excused={"binh": "ốm"}, absent_unexcused=("hoa",))
    document = mt.minutes_document(cell.db, march)
    assert document.attendance.absent_excused[0].name == "Phạm Văn Bình"
    assert document.attendance.absent_excused[0].reason == "ốm"
    assert document.attendance.absent_unexcused[0].name == "Võ Thị Hoa"
    assert document.attendance.exempted_names == ("Đặng Văn Sáu",)


def test_late_entered_events_correct_a_draft_roll_but_not_approved_minutes(cell, march):
    hold(cell, march, MARCH_DAY)
    feb = mt.plan_meeting(cell.db, "thuong_ky", 2026, 2, date(2026, 2, 5))
    hold(cell, feb, date(2026, 2, 5))
    mt.approve_minutes(cell.db, feb, time(9, 50))
    before = mt.attendance_summary(cell.db, feb)
    # Entered afterwards: Võ Thị Hoa was exempted from 01/02/2026.
    add_event(cell.db, cell["hoa"], EventData(EventKind.EXEMPTED.value, date(2026, 2, 1)))
    assert mt.attendance_summary(cell.db, feb) == before
    draft = mt.attendance_summary(cell.db, march)
    assert "Võ Thị Hoa" in draft.exempted_names and draft.exempted == 2


def test_unexcused_absences_count_months_and_three_are_flagged(cell):
    db = cell.db
    for month in (1, 2, 3):
        day = date(2026, month, 5)
        meeting_id = mt.plan_meeting(db, "thuong_ky", 2026, month, day)
        absent = ("hoa", "tam") if month < 3 else ("hoa",)
        hold(cell, meeting_id, day, absent_unexcused=absent)
    # A second meeting missed in March is still one month (Điều 8 counts months).
    extra = mt.plan_meeting(db, "bat_thuong", 2026, 3, date(2026, 3, 25))
    hold(cell, extra, date(2026, 3, 25), absent_unexcused=("hoa",))
    counts = mt.unexcused_absences(db, 2026)
    assert counts == {cell["hoa"]: 3, cell["tam"]: 2}
    assert mt.unexcused_absences(db, 2025) == {}
    overview = mt.year_overview(db, 2026)
    assert [(a.full_name, a.count) for a in overview.unexcused] == [
        ("Võ Thị Hoa", 3),
        ("Huỳnh Văn Tâm", 2),
    ]
    assert [(f.full_name, f.message) for f in overview.flagged] == [
        (
            "Võ Thị Hoa",
            "vắng sinh hoạt không lý do 3 tháng trong năm: chi bộ xem xét theo Điều 8 Điều lệ Đảng",
        )
    ]
