"""The study round (học tập, quán triệt chuyên đề): who counts, who still has to study,
the percentage with its denominator, and make-up study at a later meeting."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.models import Attendance, EventKind, Meeting
from desktop.errors import DomainError, ValidationError
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member, delete_member
from desktop.services.topics.study_round import (
    mark_studied,
    mark_studied_from_meeting,
    percent_text,
    study_round,
    unmark_studied,
)
from desktop.services.topics.catalogue import TopicData, TopicSectionInfo, create_topic

ADMITTED = date(2000, 5, 19)


@pytest.fixture
def topic_id(db):
    return create_topic(
        db,
        TopicData(
            title="Chuyên đề năm 2024 - 2025",
            level="tinh",
            start_year=2024,
            start_month=3,
            end_year=2025,
            study_deadline=date(2024, 4, 15),
            sections=[TopicSectionInfo("Mục một"), TopicSectionInfo("Mục hai")],
        ),
    )


def member(db, name: str, admitted: date = ADMITTED, official: bool = True) -> int:
    official_on = date(admitted.year + 1, admitted.month, admitted.day) if official else None
    return create_member(
        db, MemberData(full_name=name, admitted_on=admitted, official_on=official_on)
    )


def event(db, member_id: int, kind: EventKind, on: date, **extra) -> None:
    add_event(db, member_id, EventData(kind=kind.value, happened_on=on, **extra))


@pytest.fixture
def cell(db):
    """Five members who must study, plus one exempted and one attached here temporarily."""
    ids = {
        name: member(db, name)
        for name in (
            "Lê Văn Đức",
            "Nguyễn Văn An",
            "Trần Thị Bích",
            "Phạm Văn Dũng",
            "Hồ Thị Ánh",
        )
    }
    ids["Võ Văn Miễn"] = member(db, "Võ Văn Miễn", date(1965, 2, 3))
    event(db, ids["Võ Văn Miễn"], EventKind.EXEMPTED, date(2023, 1, 10))
    ids["Đỗ Văn Tạm"] = member(db, "Đỗ Văn Tạm")
    event(db, ids["Đỗ Văn Tạm"], EventKind.TRANSFER_IN, date(2024, 1, 5), temporary=True)
    return ids


def held_meeting(db, held_on: date, present: list[int], absent: list[int] = ()) -> int:
    with db.session() as s:
        meeting = Meeting(
            kind="thuong_ky",
            year=held_on.year,
            month=held_on.month,
            state="held",
            held_on=held_on,
        )
        s.add(meeting)
        s.flush()
        for member_id in present:
            s.add(Attendance(meeting_id=meeting.id, member_id=member_id, presence="co_mat"))
        for member_id in absent:
            s.add(
                Attendance(
                    meeting_id=meeting.id,
                    member_id=member_id,
                    presence="vang_co_ly_do",
                    reason="Ốm",
                )
            )
        return meeting.id


def by_name(round_):
    return {r.full_name: r for r in round_.rows}


def test_percentage_always_shows_its_denominator():
    assert percent_text(20, 23) == "20/23 đảng viên (86,96%)"
    assert percent_text(3, 5) == "3/5 đảng viên (60%)"
    assert percent_text(0, 0) == "0/0 đảng viên (không có đảng viên phải học tập)"


def test_exempted_and_temporarily_attached_members_are_outside_the_denominator(db, topic_id, cell):
    mark_studied(
        db, topic_id, [cell["Võ Văn Miễn"], cell["Nguyễn Văn An"]], date(2024, 4, 2), "chi_bo"
    )
    result = study_round(db, topic_id, on=date(2024, 4, 10))
    assert result.denominator == 5
    assert result.studied == 1
    assert result.percent_text == "1/5 đảng viên (20%)"
    excluded = {r.full_name: r.status_label for r in result.excluded}
    assert excluded == {
        "Võ Văn Miễn": "Miễn công tác và sinh hoạt đảng: không tính vào số phải học tập",
        "Đỗ Văn Tạm": "Sinh hoạt tạm thời: học tập và tính tại chi bộ chính thức",
    }


def test_who_still_has_to_study_is_listed_in_vietnamese_name_order(db, topic_id, cell):
    mark_studied(db, topic_id, [cell["Trần Thị Bích"]], date(2024, 4, 2), "cap_tren")
    result = study_round(db, topic_id, on=date(2024, 4, 10))
    # By given name, then family name: An < Ánh, Dũng < Đức.
    assert [r.full_name for r in result.missing] == [
        "Nguyễn Văn An",
        "Hồ Thị Ánh",
        "Phạm Văn Dũng",
        "Lê Văn Đức",
    ]
    assert all(r.status_label == "Chưa học tập" for r in result.missing)
    studied = by_name(result)["Trần Thị Bích"]
    assert (studied.status_label, studied.way_label) == (
        "Đã học tập",
        "Học tập tại hội nghị cấp trên",
    )
    assert not result.overdue
    assert study_round(db, topic_id, on=date(2024, 4, 16)).overdue


def test_members_present_at_the_meeting_are_recorded_and_absentees_make_up_later(
    db, topic_id, cell
):
    first = held_meeting(
        db,
        date(2024, 4, 5),
        present=[cell["Nguyễn Văn An"], cell["Hồ Thị Ánh"], cell["Võ Văn Miễn"]],
        absent=[cell["Phạm Văn Dũng"], cell["Lê Văn Đức"]],
    )
    mark_studied(db, topic_id, [cell["Trần Thị Bích"]], date(2024, 4, 1), "cap_tren")
    # The exempted member attended but is not counted; Bích had already studied.
    assert mark_studied_from_meeting(db, topic_id, first) == 2
    assert mark_studied_from_meeting(db, topic_id, first) == 0
    later = held_meeting(
        db, date(2024, 5, 6), present=[cell["Phạm Văn Dũng"], cell["Nguyễn Văn An"]]
    )
    assert mark_studied_from_meeting(db, topic_id, later) == 1

    result = study_round(db, topic_id, on=date(2024, 5, 10))
    rows = by_name(result)
    assert (rows["Nguyễn Văn An"].way, rows["Nguyễn Văn An"].meeting_id) == ("chi_bo", first)
    assert rows["Phạm Văn Dũng"].way_label == "Học bù tại buổi sinh hoạt sau"
    assert rows["Phạm Văn Dũng"].studied_on == date(2024, 5, 6)
    assert rows["Trần Thị Bích"].way == "cap_tren"
    assert [r.full_name for r in result.missing] == ["Lê Văn Đức"]
    assert result.percent_text == "4/5 đảng viên (80%)"
    # Before the make-up meeting the same round read 3 of 5.
    assert study_round(db, topic_id, on=date(2024, 4, 30)).percent_text == ("3/5 đảng viên (60%)")


def test_a_meeting_not_yet_held_cannot_record_study(db, topic_id, cell):
    with db.session() as s:
        planned = Meeting(kind="thuong_ky", year=2024, month=6, planned_on=date(2024, 6, 5))
        s.add(planned)
        s.flush()
        planned_id = planned.id
    with pytest.raises(DomainError, match="chưa có ngày họp"):
        mark_studied_from_meeting(db, topic_id, planned_id)


def test_the_roll_is_taken_at_the_date_of_the_round(db, topic_id, cell):
    leaver = member(db, "Mai Văn Đi")
    mark_studied(db, topic_id, [leaver], date(2024, 4, 2), "chi_bo")
    event(db, leaver, EventKind.TRANSFER_OUT, date(2024, 8, 1))
    newcomer = member(db, "Cao Thị Đến", admitted=date(1999, 3, 3))
    event(db, newcomer, EventKind.TRANSFER_IN, date(2024, 9, 1))
    admitted_late = member(db, "Lý Văn Mới", admitted=date(2025, 1, 20), official=False)
    gone = member(db, "Tô Văn Xóa")
    delete_member(db, gone)

    april = study_round(db, topic_id, on=date(2024, 4, 30))
    assert april.percent_text == "1/6 đảng viên (16,67%)"
    october = study_round(db, topic_id, on=date(2024, 10, 1))
    assert "Mai Văn Đi" not in by_name(october) and "Cao Thị Đến" in by_name(october)
    assert october.percent_text == "0/6 đảng viên (0%)"
    assert "Lý Văn Mới" in by_name(study_round(db, topic_id, on=date(2025, 2, 1)))
    assert admitted_late not in {r.member_id for r in october.rows}
    assert "Tô Văn Xóa" not in by_name(october)


def test_a_past_topic_is_judged_by_the_members_it_had(db, cell):
    old_topic = create_topic(db, TopicData(title="Chuyên đề năm 2023", start_year=2023))
    member(db, "Lý Văn Mới", admitted=date(2025, 1, 20), official=False)
    result = study_round(db, old_topic)
    assert result.on == date(2023, 12, 31)
    assert result.denominator == 5


def test_marking_is_corrected_and_undone(db, topic_id, cell):
    an = cell["Nguyễn Văn An"]
    mark_studied(db, topic_id, [an], date(2024, 4, 2), "chi_bo")
    mark_studied(db, topic_id, [an], date(2024, 4, 3), "cap_tren", note="Hội nghị xã")
    row = by_name(study_round(db, topic_id, on=date(2024, 5, 1)))["Nguyễn Văn An"]
    assert (row.studied_on, row.way, row.note) == (date(2024, 4, 3), "cap_tren", "Hội nghị xã")
    unmark_studied(db, topic_id, an)
    after = study_round(db, topic_id, on=date(2024, 5, 1))
    assert "Nguyễn Văn An" in {r.full_name for r in after.missing}


def test_wrong_way_or_a_date_before_the_topic_are_refused_in_vietnamese(db, topic_id, cell):
    with pytest.raises(ValidationError, match="Chưa chọn hình thức học tập"):
        mark_studied(db, topic_id, [cell["Nguyễn Văn An"]], date(2024, 4, 2), "tu_hoc")
    with pytest.raises(ValidationError, match="trước khi chuyên đề bắt đầu \\(tháng 3/2024\\)"):
        mark_studied(db, topic_id, [cell["Nguyễn Văn An"]], date(2024, 2, 28), "chi_bo")
    assert study_round(db, topic_id, on=date(2024, 5, 1)).studied == 0
