"""The year of meetings and the printed papers: states by month, thematic meetings per
quarter, the minutes, the agenda, the notice and the minutes book."""

from __future__ import annotations

from datetime import date, time

import pytest

from desktop.services.cell.settings import set_recipients
from test_meetings_cell import MARCH_DAY, build_cell, hold

from desktop.services.meetings import plan as mt
@pytest.fixture
def cell(db):
    return build_cell(db)


def test_year_view_shows_every_month_with_its_state(cell):
    db = cell.db
    jan = mt.plan_meeting(db, "thuong_ky", 2026, 1, date(2026, 1, 5))
    hold(cell, jan, date(2026, 1, 5))
    mt.approve_minutes(db, jan, time(9, 50))
    feb = mt.plan_meeting(db, "thuong_ky", 2026, 2, date(2026, 2, 5))
    hold(cell, feb, date(2026, 2, 5))
    mar = mt.plan_meeting(db, "thuong_ky", 2026, 3, MARCH_DAY)
    mt.set_attendance(db, mar, [(cell["thang"], "co_mat", "")])
    mt.plan_meeting(db, "thuong_ky", 2026, 4, date(2026, 4, 5))
    mt.plan_meeting(db, "bat_thuong", 2026, 5, date(2026, 5, 20))
    overview = mt.year_overview(db, 2026)
    assert [m.month for m in overview.months] == list(range(1, 13))
    assert [m.state_label for m in overview.months[:6]] == [
        "Đã thông qua biên bản",
        "Đã ghi biên bản",
        "Đã sinh hoạt",
        "Đã lập kế hoạch",
        "Chưa lập kế hoạch",
        "Chưa lập kế hoạch",
    ]
    may = overview.months[4]
    assert may.regular is None
    assert [m.title for m in may.others] == ["Sinh hoạt chi bộ bất thường ngày 20/5/2026"]
    assert overview.months[0].regular.section_title.startswith("Phần I")


def test_quarters_without_a_held_thematic_meeting_are_listed(cell):
    db = cell.db
    assert mt.year_overview(db, 2026).quarters_missing_thematic == [1, 2, 3, 4]
    q1 = mt.plan_meeting(
        db,
        "chuyen_de",
        2026,
        2,
        date(2026, 2, 20),
        theme="Nêu gương",
        theme_presenter_id=cell["hung"],
    )
    hold(cell, q1, date(2026, 2, 20))
    # A regular meeting held together with the thematic one counts for its quarter.
    q2 = mt.plan_meeting(
        db,
        "thuong_ky",
        2026,
        5,
        date(2026, 5, 5),
        theme="Đoàn kết",
        theme_presenter_id=cell["lan"],
        combined_with_thematic=True,
    )
    hold(cell, q2, date(2026, 5, 5), end=time(10, 30))
    mt.plan_meeting(db, "chuyen_de", 2026, 11, date(2026, 11, 25), theme="Tổng kết")
    overview = mt.year_overview(db, 2026)
    assert overview.quarters_missing_thematic == [3, 4]
    assert overview.quarters_thematic_planned == [4]


def test_minutes_document_carries_the_meeting_as_recorded(cell):
    db = cell.db
    meeting_id = mt.plan_meeting(db, "thuong_ky", 2026, 3, MARCH_DAY, time(8), "Nhà văn hóa ấp")
    mt.set_guests(
        db, meeting_id, [mt.GuestData("Trương Văn Lực", "Đảng ủy viên", "Đảng ủy xã Vị Thủy")]
    )
    hold(cell, meeting_id, MARCH_DAY, absent_excused={"binh": "ốm"}, votes=(4, 0, 0))
    draft = mt.minutes_document(db, meeting_id)
    assert draft.subtitle == "sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
    assert draft.meta.draft and draft.meta.number == "" and not draft.approved
    assert draft.meta.cell.name == "Ấp Thạnh Lợi" and draft.meta.issued_on == MARCH_DAY
    assert (draft.chair.name, draft.chair.role) == ("Nguyễn Văn Thắng", "Bí thư chi bộ")
    assert (draft.secretary.name, draft.secretary.role) == ("Trần Thị Lan", "Phó Bí thư chi bộ")
    assert draft.guests[0].role == "Đảng ủy viên, Đảng ủy xã Vị Thủy"
    assert draft.study_topic.startswith("Chuyên đề năm 2026")
    assert draft.study_section == "Phần I: Tư tưởng Hồ Chí Minh về nêu gương"
    assert (draft.vote.in_favour, draft.vote.voters) == (4, 4)
    assert len(draft.items) == 15 and draft.items[0].number == 1
    mt.approve_minutes(db, meeting_id, time(9, 55))
    final = mt.minutes_document(db, meeting_id)
    assert not final.meta.draft and final.meta.number == "01" and final.approved
    assert final.minutes_read_at == time(9, 55)


def test_thematic_minutes_subtitle_names_the_theme(cell):
    meeting_id = mt.plan_meeting(
        cell.db, "chuyen_de", 2026, 3, date(2026, 3, 18), theme="Phát huy vai trò nêu gương"
    )
    assert mt.minutes_document(cell.db, meeting_id).subtitle == (
        "sinh hoạt chi bộ chuyên đề tháng 3 năm 2026: Phát huy vai trò nêu gương"
    )


def test_agenda_document_lists_items_and_the_theme_presenter(cell):
    meeting_id = mt.plan_meeting(
        cell.db,
        "thuong_ky",
        2026,
        3,
        MARCH_DAY,
        time(8),
        "Nhà văn hóa ấp",
        theme="Nêu gương",
        theme_presenter_id=cell["hung"],
        combined_with_thematic=True,
    )
    document = mt.agenda_document(cell.db, meeting_id, issued_on=date(2026, 3, 1))
    assert document.meta.issued_on == date(2026, 3, 1)
    assert (document.planned_on, document.start_time) == (MARCH_DAY, time(8))
    assert [i.number for i in document.items] == list(range(1, 17))
    theme = next(i for i in document.items if i.title.startswith("Trình bày chuyên đề"))
    assert theme.presenter == "Lê Văn Hùng" and document.theme_presenter == "Lê Văn Hùng"
    assert document.study_section.startswith("Phần I")


def test_notice_goes_to_members_and_the_superior_cadre(cell):
    meeting_id = mt.plan_meeting(
        cell.db, "thuong_ky", 2026, 3, MARCH_DAY, time(8), "Nhà văn hóa ấp Thạnh Lợi"
    )
    notice = mt.notice_document(cell.db, meeting_id, issued_on=date(2026, 3, 2))
    # The cell's recipients (a setting); "- Lưu chi bộ." is added by the printed page.
    assert notice.recipients == (
        "Các đồng chí đảng viên trong chi bộ;",
        "Đồng chí cấp ủy viên phụ trách chi bộ (để dự);",
    )
    assert (notice.meta.number, notice.meta.type_code) == ("01", "TB")
    set_recipients(cell.db, "notice", ["- Đồng chí Lâm Văn Tài, Đảng ủy viên;", "Lưu chi bộ."])
    again = mt.notice_document(cell.db, meeting_id, issued_on=date(2026, 3, 4))
    assert again.recipients == ("Đồng chí Lâm Văn Tài, Đảng ủy viên;",)
    # Reprinted later: the number and the date it was first issued with.
    assert (again.meta.number, again.meta.issued_on) == ("01", date(2026, 3, 2))
    # Time, place and the closing request are laid out by the printed notice itself.
    assert notice.content_lines == (
        "Thông tin thời sự, văn bản cấp trên",
        "Đánh giá kết quả tháng trước",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: "
        "Phần I: Tư tưởng Hồ Chí Minh về nêu gương",
        "Phương hướng nhiệm vụ tháng tới",
        "Xét kết nạp / chuyển chính thức (nếu có)",
    )
    assert (notice.planned_on, notice.start_time) == (MARCH_DAY, time(8))
    assert notice.secretary_name == "Nguyễn Văn Thắng"
    assert notice.warnings == ()
    april_day = date(2026, 4, 6)
    april = mt.plan_meeting(cell.db, "thuong_ky", 2026, 4, april_day, time(8), "Nhà văn hóa")
    late = mt.notice_document(cell.db, april, issued_on=april_day)
    assert late.warnings == (
        "Thông báo đề ngày 06/4/2026: chưa gửi trước buổi sinh hoạt (06/4/2026) ít nhất "
        "1 ngày theo Hướng dẫn 42-HD/BTCTW.",
    )
    assert late.meta.number == "02"


def test_minutes_book_holds_the_written_minutes_in_date_order(cell):
    db = cell.db
    extra = mt.plan_meeting(db, "bat_thuong", 2026, 2, date(2026, 2, 25))
    hold(cell, extra, date(2026, 2, 25))
    feb = mt.plan_meeting(db, "thuong_ky", 2026, 2, date(2026, 2, 5))
    hold(cell, feb, date(2026, 2, 5))
    mt.approve_minutes(db, feb, time(9, 50))
    mt.plan_meeting(db, "thuong_ky", 2026, 3, MARCH_DAY)  # planned only: not in the book
    book = mt.minutes_book(db, 2026)
    assert (book.year, book.cell.name) == (2026, "Ấp Thạnh Lợi")
    assert [m.held_on for m in book.minutes] == [date(2026, 2, 5), date(2026, 2, 25)]
    assert [m.approved for m in book.minutes] == [True, False]
