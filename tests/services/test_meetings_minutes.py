"""Biên bản: drafts, warnings with their arithmetic, approval that locks, logged corrections,
and tasks that come back at the next meeting."""

from __future__ import annotations

from datetime import date, time

import pytest
from test_meetings_cell import MARCH_DAY, build_cell, hold

from desktop.services.meetings import plan as mt
from desktop.errors import DomainError
from desktop.services.meetings.common import LOCKED_MESSAGE

APRIL_DAY = date(2026, 4, 6)


@pytest.fixture
def cell(db):
    return build_cell(db)


@pytest.fixture
def march(cell):
    return mt.plan_meeting(cell.db, "thuong_ky", 2026, 3, MARCH_DAY, time(8), "Nhà văn hóa ấp")


def duration_warnings(cell, meeting_id, start, end):
    hold(cell, meeting_id, MARCH_DAY, start=start, end=end)
    return [w for w in mt.minutes_warnings(cell.db, meeting_id) if "phút" in w or "Giờ" in w]


def test_a_meeting_shorter_than_90_minutes_is_warned_with_the_arithmetic(cell, march):
    assert duration_warnings(cell, march, time(8, 0), time(9, 29)) == [
        "Buổi sinh hoạt kéo dài 89 phút, ít hơn 90 phút theo Hướng dẫn 42-HD/BTCTW "
        "(từ 8 giờ 00 đến 9 giờ 29)."
    ]
    assert duration_warnings(cell, march, time(8, 0), time(9, 30)) == []


def test_a_combined_meeting_needs_120_minutes(cell):
    meeting_id = mt.plan_meeting(
        cell.db,
        "thuong_ky",
        2026,
        3,
        MARCH_DAY,
        theme="Nêu gương",
        theme_presenter_id=cell["hung"],
        combined_with_thematic=True,
    )
    assert duration_warnings(cell, meeting_id, time(14, 0), time(15, 59)) == [
        "Buổi sinh hoạt kéo dài 119 phút, ít hơn 120 phút theo Hướng dẫn 42-HD/BTCTW "
        "khi sinh hoạt thường kỳ kết hợp sinh hoạt chuyên đề (từ 14 giờ 00 đến 15 giờ 59)."
    ]
    assert duration_warnings(cell, meeting_id, time(14, 0), time(16, 0)) == []


def test_end_before_start_is_warned(cell, march):
    assert duration_warnings(cell, march, time(9, 0), time(8, 0)) == [
        "Giờ kết thúc (8 giờ 00) sớm hơn giờ bắt đầu (9 giờ 00)."
    ]


def vote_warnings(cell, meeting_id, votes):
    # Present: Thắng, Lan, Hùng (official), Tâm (probationary), Mai (attached here).
    hold(
        cell,
        meeting_id,
        MARCH_DAY,
        absent_excused={"binh": "ốm"},
        absent_unexcused=("hoa",),
        votes=votes,
    )
    return [
        w for w in mt.minutes_warnings(cell.db, meeting_id) if "phiếu" in w or "Nghị quyết" in w
    ]


def test_votes_are_checked_against_the_official_members_present(cell, march):
    assert vote_warnings(cell, march, (3, 0, 0)) == []
    assert vote_warnings(cell, march, (4, 0, 0)) == [
        "Tổng số phiếu 4 khác số đảng viên chính thức có mặt 3."
    ]
    assert vote_warnings(cell, march, (5, 1, 0)) == [
        "Tổng số phiếu 6 nhiều hơn số đảng viên có mặt 5."
    ]


def test_a_resolution_without_a_majority_is_warned_with_the_arithmetic(cell, march):
    # The base is the cell's official members less the exclusions, named one by one
    # (Điều lệ Đảng Điều 9 khoản 5; QĐ 24-QĐ/TW 9.3.2), not the 3 official members present.
    expected = (
        "Nghị quyết chưa đạt: tán thành {n}, cần quá nửa số đảng viên chính thức của chi bộ: "
        "7 đảng viên chính thức của chi bộ, trừ 3 (Phạm Văn Bình – vắng mặt có lý do; "
        "Đỗ Văn Năm – sinh hoạt tạm thời ở đảng bộ khác; Đặng Văn Sáu – miễn công tác và "
        "sinh hoạt đảng, không có mặt) = 4 → ít nhất 3 phiếu (Điều lệ Đảng, Điều 9 khoản 5; "
        "Quy định 24-QĐ/TW, điểm 9.3.2)."
    )
    assert vote_warnings(cell, march, (1, 1, 1)) == [expected.format(n=1)]
    # 2 of the 3 present was "quá nửa" of those present, but not of the 4 counted.
    assert vote_warnings(cell, march, (2, 1, 0)) == [expected.format(n=2)]
    assert vote_warnings(cell, march, (3, 0, 0)) == []


def test_missing_study_content_is_warned(cell, march):
    hold(cell, march, MARCH_DAY, study="")
    assert any("Hồ Chí Minh" in w for w in mt.minutes_warnings(cell.db, march))
    hold(cell, march, MARCH_DAY)
    assert not any("Hồ Chí Minh" in w for w in mt.minutes_warnings(cell.db, march))


def test_a_draft_is_saved_and_finished_later(cell, march):
    mt.save_minutes(cell.db, march, mt.MinutesData(chair_id=cell["thang"]))
    detail = mt.get_meeting(cell.db, march)
    assert detail.state == "planned" and detail.held_on == MARCH_DAY
    assert detail.place == "Nhà văn hóa ấp"  # an empty place keeps the planned one
    hold(cell, march, MARCH_DAY)
    assert mt.get_meeting(cell.db, march).state_label == "Đã ghi biên bản"


def test_minutes_record_who_presented_discussion_and_tasks(cell, march):
    hold(cell, march, MARCH_DAY)
    detail = mt.get_meeting(cell.db, march)
    agenda = {i.code: i for i in detail.agenda}
    data = detail.minutes_data()
    data.items = [
        mt.ItemMinutes(agenda["last_month"].id, cell["lan"], content="Hoàn thành 8/10 chỉ tiêu."),
        mt.ItemMinutes(
            agenda["news"].id,
            presenter_name="Trương Văn Lực",
            content="Thông tin thời sự trong nước.",
        ),
    ]
    data.remarks = [
        mt.RemarkData("Đề nghị làm lại đường ấp.", cell["hung"]),
        mt.RemarkData(
            "Cần vận động nhân dân hiến đất.", cell["binh"], agenda_item_id=agenda["study"].id
        ),
        mt.RemarkData("Xã sẽ hỗ trợ xi măng.", speaker_name="Trương Văn Lực"),
        mt.RemarkData("   "),
    ]
    data.tasks = [mt.TaskData("Lập danh sách hộ hiến đất", cell["hung"], date(2026, 3, 31))]
    data.votes_for, data.votes_against, data.votes_other = 5, 0, 0
    mt.save_minutes(cell.db, march, data)
    document = mt.minutes_document(cell.db, march)
    items = {i.title: i for i in document.items}
    assert items["Đánh giá kết quả tháng trước"].presenter == "Trần Thị Lan"
    assert items["Thông tin thời sự, văn bản cấp trên"].presenter == "Trương Văn Lực"
    assert [(r.speaker, r.text) for r in items["Thảo luận"].remarks] == [
        ("Lê Văn Hùng", "Đề nghị làm lại đường ấp."),
        ("Trương Văn Lực", "Xã sẽ hỗ trợ xi măng."),
    ]
    study = next(i for i in document.items if i.title.startswith("Học tập"))
    assert [r.speaker for r in study.remarks] == ["Phạm Văn Bình"]
    assert document.tasks[0].assignee == "Lê Văn Hùng"
    assert document.tasks[0].due_on == date(2026, 3, 31)
    assert (document.vote.in_favour, document.vote.voters, document.vote.passed) == (5, 5, True)


def test_approval_locks_the_minutes(cell, march):
    with pytest.raises(DomainError, match="Chưa chọn đồng chí chủ trì"):
        mt.approve_minutes(cell.db, march, time(9, 50))
    hold(cell, march, MARCH_DAY)
    mt.approve_minutes(cell.db, march, time(9, 50))
    detail = mt.get_meeting(cell.db, march)
    assert detail.locked and detail.state_label == "Đã thông qua biên bản"
    assert detail.minutes_read_at == time(9, 50) and detail.approved_at is not None
    assert detail.number == "01"
    with pytest.raises(DomainError) as error:
        mt.save_minutes(cell.db, march, detail.minutes_data())
    assert str(error.value) == LOCKED_MESSAGE
    for action in (
        lambda: mt.set_attendance(cell.db, march, [(cell["hoa"], "vang_khong_ly_do", "")]),
        lambda: mt.set_guests(cell.db, march, []),
        lambda: mt.update_meeting_plan(cell.db, march, year=2026, month=3),
    ):
        with pytest.raises(DomainError, match="khóa"):
            action()
    with pytest.raises(DomainError, match="đã được thông qua trước đó"):
        mt.approve_minutes(cell.db, march, time(10, 0))


def test_a_correction_needs_a_reason_and_logs_each_changed_field(cell, march):
    hold(cell, march, MARCH_DAY, end=time(9, 45))
    mt.approve_minutes(cell.db, march, time(9, 40))
    data = mt.get_meeting(cell.db, march).minutes_data()
    data.end_time = time(10, 15)
    data.attendance = [(cell["hoa"], "vang_co_ly_do", "đi công tác")]
    with pytest.raises(DomainError, match="lý do"):
        mt.correct_minutes(cell.db, march, data, "  ")
    with pytest.raises(DomainError, match="chưa được thông qua"):
        other = mt.plan_meeting(cell.db, "thuong_ky", 2026, 4, APRIL_DAY)
        mt.correct_minutes(cell.db, other, data, "Ghi sai giờ")
    mt.correct_minutes(cell.db, march, data, "Thư ký ghi nhầm giờ kết thúc")
    detail = mt.get_meeting(cell.db, march)
    assert detail.locked and detail.end_time == time(10, 15)
    [correction] = detail.corrections
    assert correction.reason == "Thư ký ghi nhầm giờ kết thúc"
    assert correction.changes.splitlines() == [
        "Giờ kết thúc: 9 giờ 45 → 10 giờ 15",
        "Điểm danh đồng chí Võ Thị Hoa: Có mặt → Vắng có lý do (đi công tác)",
    ]
    document = mt.minutes_document(cell.db, march)
    assert "Thư ký ghi nhầm giờ kết thúc" in document.corrections[0]
    with pytest.raises(DomainError, match="Không có thay đổi"):
        mt.correct_minutes(cell.db, march, detail.minutes_data(), "Đọc lại")


def test_tasks_come_back_at_the_next_meeting_until_done(cell, march):
    hold(cell, march, MARCH_DAY)
    data = mt.get_meeting(cell.db, march).minutes_data()
    data.tasks = [
        mt.TaskData("Lập danh sách hộ hiến đất", cell["hung"], date(2026, 3, 31)),
        mt.TaskData("Thu đảng phí còn nợ", cell["lan"]),
    ]
    mt.save_minutes(cell.db, march, data)
    april = mt.plan_meeting(cell.db, "thuong_ky", 2026, 4, APRIL_DAY)
    open_tasks = mt.open_tasks_before(cell.db, april)
    assert [(t.assignee_name, t.meeting_label, t.overdue) for t in open_tasks] == [
        ("Lê Văn Hùng", "Thường kỳ tháng 3/2026", True),
        ("Trần Thị Lan", "Thường kỳ tháng 3/2026", False),
    ]
    assert mt.open_tasks_before(cell.db, march) == []
    done, pending = open_tasks
    mt.review_task(cell.db, done.id, april, date(2026, 4, 2), "Đã xong, 12 hộ")
    mt.review_task(cell.db, pending.id, april, None, "Còn 2 đồng chí chưa nộp")
    with pytest.raises(DomainError, match="buổi sinh hoạt trước"):
        mt.review_task(cell.db, done.id, march, None, "")
    reviewed = mt.get_meeting(cell.db, april).open_tasks
    assert [(t.done_on, t.review_note) for t in reviewed] == [
        (date(2026, 4, 2), "Đã xong, 12 hộ"),
        (None, "Còn 2 đồng chí chưa nộp"),
    ]
    hold(cell, april, APRIL_DAY)
    reviews = mt.minutes_document(cell.db, april).task_reviews
    assert [(r.assignee, r.done_on) for r in reviews] == [
        ("Lê Văn Hùng", date(2026, 4, 2)),
        ("Trần Thị Lan", None),
    ]
    may = mt.plan_meeting(cell.db, "thuong_ky", 2026, 5, date(2026, 5, 5))
    assert [t.description for t in mt.open_tasks_before(cell.db, may)] == ["Thu đảng phí còn nợ"]


def test_approved_minutes_keep_what_was_reported_when_a_later_meeting_reviews_again(
    cell, march
):
    hold(cell, march, MARCH_DAY)
    data = mt.get_meeting(cell.db, march).minutes_data()
    data.tasks = [mt.TaskData("Thu đảng phí còn nợ", cell["lan"])]
    mt.save_minutes(cell.db, march, data)
    april = mt.plan_meeting(cell.db, "thuong_ky", 2026, 4, APRIL_DAY)
    [task] = mt.open_tasks_before(cell.db, april)
    mt.review_task(cell.db, task.id, april, None, "Còn 2 đồng chí chưa nộp")
    hold(cell, april, APRIL_DAY)
    mt.approve_minutes(cell.db, april, time(9, 50))
    may = mt.plan_meeting(cell.db, "thuong_ky", 2026, 5, date(2026, 5, 5))

    mt.review_task(cell.db, task.id, may, date(2026, 5, 3), "Đã thu đủ")

    [in_april] = mt.minutes_document(cell.db, april).task_reviews
    assert (in_april.done_on, in_april.note) == (None, "Còn 2 đồng chí chưa nộp")
    [seen_in_april] = mt.get_meeting(cell.db, april).open_tasks
    assert (seen_in_april.done_on, seen_in_april.review_note) == (
        None,
        "Còn 2 đồng chí chưa nộp",
    )
    [in_may] = mt.open_tasks_before(cell.db, may)
    assert (in_may.done_on, in_may.review_note) == (date(2026, 5, 3), "Đã thu đủ")
    june = mt.plan_meeting(cell.db, "thuong_ky", 2026, 6, date(2026, 6, 5))
    assert mt.open_tasks_before(cell.db, june) == []


def test_saving_tasks_again_keeps_their_review(cell, march):
    hold(cell, march, MARCH_DAY)
    data = mt.get_meeting(cell.db, march).minutes_data()
    data.tasks = [mt.TaskData("Sửa cầu", cell["hung"])]
    mt.save_minutes(cell.db, march, data)
    april = mt.plan_meeting(cell.db, "thuong_ky", 2026, 4, APRIL_DAY)
    [task] = mt.open_tasks_before(cell.db, april)
    mt.review_task(cell.db, task.id, april, date(2026, 4, 1), "Xong")
    data = mt.get_meeting(cell.db, march).minutes_data()
    data.tasks[0].description = "Sửa cầu Ba Tiếp"
    mt.save_minutes(cell.db, march, data)
    [kept] = mt.get_meeting(cell.db, march).tasks
    assert (kept.id, kept.description, kept.done_on) == (
        task.id,
        "Sửa cầu Ba Tiếp",
        date(2026, 4, 1),
    )
