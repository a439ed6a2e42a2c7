"""Bản cam kết tu dưỡng, rèn luyện, phấn đấu: the year's template, progress kept across edits,
the topic warning, who has not written or assessed, undo of a delete, Vietnamese errors."""

from __future__ import annotations

from datetime import date, time

import pytest

from desktop.models import EventKind
from desktop.services.meetings import plan as mt
from desktop.services.reviews.commitment_bin import list_deleted_commitments, purge_commitment
from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentItemData,
    add_progress,
    commitment_overview,
    commitment_result_text,
    commitment_sections,
    delete_commitment,
    delete_progress,
    evaluate_commitment,
    get_commitment,
    save_commitment,
)
from desktop.errors import DomainError, NotFound, ValidationError
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member

TODAY = date(2026, 11, 23)
NO_TOPIC = "Chưa có nội dung nào gắn với chuyên đề học tập và làm theo của năm 2026"


def member(db, name, admitted=date(2001, 2, 3)) -> int:
    return create_member(
        db, MemberData(full_name=name, admitted_on=admitted, official_on=date(2002, 2, 3))
    )


@pytest.fixture
def cell(db):
    ids = {
        "an": member(db, "Nguyễn Văn An"),
        "binh": member(db, "Trần Thị Bình"),
        "cuong": member(db, "Lê Văn Cường"),
        "dung": member(db, "Phạm Thị Dung"),
        "bay": member(db, "Huỳnh Văn Bảy", admitted=date(1964, 9, 2)),
    }
    add_event(db, ids["bay"], EventData(EventKind.EXEMPTED.value, date(2024, 1, 10)), TODAY)
    return db, ids


def items(topic_linked=True, **assessed) -> list[CommitmentItemData]:
    return [
        CommitmentItemData(
            "tu_tuong", "Giữ vững lập trường, đọc báo Nhân Dân hằng ngày", False,
            assessed.get("first", ""),
        ),
        CommitmentItemData(
            "lam_theo", "Vận động 5 hộ hiến đất làm đường bê tông dọc kênh", topic_linked,
            assessed.get("second", ""),
        ),
    ]  # fmt: skip


def test_sections_come_from_the_pack_of_the_year_with_the_year_filled_in():
    for year in (2020, 2024, 2026):
        sections = commitment_sections(year)
        assert [s.number for s in sections] == [1, 2, 3, 4, 5]
        assert sections[0].title == "Tư tưởng chính trị"
        assert sections[4].title == f"Nội dung làm theo chuyên đề năm {year}"


def test_an_item_outside_the_template_or_left_empty_is_refused_in_vietnamese(cell):
    db, ids = cell
    data = CommitmentData(
        date(2026, 3, 10),
        date(2026, 3, 5),
        [
            CommitmentItemData("khong_co", "Một việc"),
            CommitmentItemData("dao_duc", "   "),
            CommitmentItemData("nhiem_vu", "Làm tốt việc được giao", self_assessment="tot_lam"),
        ],
    )
    with pytest.raises(ValidationError) as refused:
        save_commitment(db, ids["an"], 2026, data)

    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("items", "Nội dung thứ 1 không thuộc mục nào."),
        ("items", "Nội dung thứ 2 đang để trống."),
        ("items", "Nội dung thứ 3: mức tự đánh giá sai."),
        ("acknowledged_on", "Ngày chi ủy xác nhận không thể trước ngày viết."),
    ]
    assert get_commitment(db, ids["an"], 2026) is None


def test_acknowledged_on_the_day_it_was_written_is_accepted(cell):
    db, ids = cell
    day = date(2026, 3, 10)
    save_commitment(db, ids["an"], 2026, CommitmentData(day, day, items()))
    assert get_commitment(db, ids["an"], 2026).acknowledged_on == day


def test_commitment_for_an_unknown_member_is_not_found(cell):
    db, _ = cell
    with pytest.raises(NotFound, match="Không tìm thấy đảng viên"):
        save_commitment(db, 9999, 2026, CommitmentData(items=items()))


def test_warns_when_no_item_follows_the_study_topic_and_not_when_one_does(cell):
    db, ids = cell
    save_commitment(db, ids["an"], 2026, CommitmentData(items=items(topic_linked=False)))
    save_commitment(db, ids["binh"], 2026, CommitmentData(items=items(topic_linked=True)))

    unlinked = get_commitment(db, ids["an"], 2026)
    assert len(unlinked.warnings) == 1 and unlinked.warnings[0].startswith(NO_TOPIC)
    assert get_commitment(db, ids["binh"], 2026).warnings == ()
    rows = {r.member_id: r for r in commitment_overview(db, 2026, TODAY).rows}
    assert rows[ids["an"]].warnings == unlinked.warnings
    assert (rows[ids["binh"]].topic_items, rows[ids["binh"]].warnings) == (1, ())


def test_a_commitment_without_items_says_it_is_empty(cell):
    db, ids = cell
    save_commitment(db, ids["an"], 2026, CommitmentData(date(2026, 3, 1)))
    assert get_commitment(db, ids["an"], 2026).warnings == ("Bản cam kết chưa có nội dung nào.",)


def test_editing_keeps_the_progress_of_kept_items_and_drops_removed_ones(cell):
    db, ids = cell
    mt.plan_meeting(db, "thuong_ky", 2026, 4, date(2026, 4, 5), time(7, 30), "Nhà văn hóa ấp")
    april = mt.find_meeting(db, 2026, 4)
    save_commitment(db, ids["an"], 2026, CommitmentData(date(2026, 3, 10), None, items()))
    first, second = get_commitment(db, ids["an"], 2026).items
    add_progress(db, second.id, date(2026, 4, 5), "Đã vận động được 3 hộ.", april)
    add_progress(db, first.id, date(2026, 5, 5), "Đọc báo đều.")

    data = get_commitment(db, ids["an"], 2026).data()
    data.items[1].text = "Vận động 6 hộ hiến đất làm đường bê tông dọc kênh"
    data.items = [data.items[1], CommitmentItemData("ky_luat", "Dự sinh hoạt đầy đủ")]
    save_commitment(db, ids["an"], 2026, data)

    kept, new = get_commitment(db, ids["an"], 2026).items
    assert kept.id == second.id and kept.text.startswith("Vận động 6 hộ")
    assert [(p.text, p.meeting_id, p.meeting_label) for p in kept.progress] == [
        ("Đã vận động được 3 hộ.", april, "Sinh hoạt tháng 4/2026")
    ]
    assert (new.section_code, new.progress) == ("ky_luat", ())


def test_progress_needs_text_and_can_be_removed(cell):
    db, ids = cell
    save_commitment(db, ids["an"], 2026, CommitmentData(items=items()))
    item = get_commitment(db, ids["an"], 2026).items[0]
    with pytest.raises(ValidationError, match="Hãy ghi nội dung tiến độ"):
        add_progress(db, item.id, date(2026, 5, 5), "  ")
    with pytest.raises(NotFound, match="Không tìm thấy nội dung cam kết"):
        add_progress(db, 9999, date(2026, 5, 5), "Đã làm")

    note = add_progress(db, item.id, date(2026, 5, 5), "Đã làm")
    delete_progress(db, note)
    assert get_commitment(db, ids["an"], 2026).items[0].progress == ()


def test_overview_lists_who_has_not_written_assessed_or_been_evaluated(cell):
    db, ids = cell
    save_commitment(db, ids["binh"], 2026, CommitmentData(items=items(first="dat")))
    save_commitment(db, ids["cuong"], 2026, CommitmentData(items=items(first="dat", second="vuot")))
    save_commitment(db, ids["dung"], 2026, CommitmentData(items=items(first="dat", second="dat")))
    evaluate_commitment(db, ids["dung"], 2026, "tot", "Gương mẫu", date(2026, 12, 1))

    overview = commitment_overview(db, 2026, TODAY)

    def names(rows):
        return [r.full_name for r in rows]

    # Huỳnh Văn Bảy is exempted: listed, but not missing a commitment.
    assert names(overview.not_written) == ["Nguyễn Văn An"]
    assert names(overview.not_assessed) == ["Trần Thị Bình"]
    assert names(overview.not_evaluated) == ["Trần Thị Bình", "Lê Văn Cường"]
    states = {r.full_name: r.state_label for r in overview.rows}
    assert states == {
        "Nguyễn Văn An": "Chưa viết",
        "Trần Thị Bình": "Đã viết",
        "Lê Văn Cường": "Đã tự đánh giá",
        "Phạm Thị Dung": "Thực hiện tốt",
        "Huỳnh Văn Bảy": "Được miễn",
    }


def test_evaluation_is_checked_and_pulled_into_the_result_line(cell):
    db, ids = cell
    with pytest.raises(NotFound, match="chưa có bản cam kết"):
        evaluate_commitment(db, ids["an"], 2026, "tot")
    save_commitment(db, ids["an"], 2026, CommitmentData(items=items(first="dat", second="vuot")))
    with pytest.raises(ValidationError, match="Mức đánh giá cam kết không hợp lệ"):
        evaluate_commitment(db, ids["an"], 2026, "xuat_sac")

    evaluate_commitment(db, ids["an"], 2026, "chua_dat", "Chưa vận động được hộ nào", TODAY)

    detail = get_commitment(db, ids["an"], 2026)
    assert (detail.evaluation_label, detail.evaluated_on) == ("Chưa đạt", TODAY)
    assert commitment_result_text(detail) == (
        "2 nội dung cam kết (tự đánh giá: 1 vượt mức, 1 đạt); chi ủy đánh giá: Chưa đạt – "
        "Chưa vận động được hộ nào."
    )
    assert commitment_result_text(None) == "Chưa có bản cam kết năm này."
    evaluate_commitment(db, ids["an"], 2026, "", "", TODAY)
    assert get_commitment(db, ids["an"], 2026).evaluated_on is None


def test_delete_returns_data_that_saves_back_the_same_commitment(cell):
    db, ids = cell
    original = CommitmentData(
        date(2026, 3, 10), date(2026, 3, 12), items(first="dat", second="vuot")
    )
    original.items[1].self_assessment_note = "Vận động được 7 hộ"
    save_commitment(db, ids["an"], 2026, original)
    before = get_commitment(db, ids["an"], 2026).data()

    undo = delete_commitment(db, ids["an"], 2026)

    assert get_commitment(db, ids["an"], 2026) is None
    assert all(item.id is None for item in undo.items)
    # The deleted one waits in "Đã xóa": a new one is refused until it is removed for good.
    with pytest.raises(DomainError, match="đang ở mục Đã xóa"):
        save_commitment(db, ids["an"], 2026, undo)
    (deleted,) = list_deleted_commitments(db)
    purge_commitment(db, deleted.id)
    save_commitment(db, ids["an"], 2026, undo)
    after = get_commitment(db, ids["an"], 2026).data()
    strip = [(i.section_code, i.text, i.topic_linked, i.self_assessment, i.self_assessment_note)
             for i in before.items]  # fmt: skip
    assert [
        (i.section_code, i.text, i.topic_linked, i.self_assessment, i.self_assessment_note)
        for i in after.items
    ] == strip
    assert (after.written_on, after.acknowledged_on) == (before.written_on, before.acknowledged_on)
    assert delete_commitment(db, ids["an"], 2026) is not None
    assert delete_commitment(db, ids["an"], 2026) is None


def test_each_year_has_its_own_commitment(cell):
    db, ids = cell
    save_commitment(db, ids["an"], 2024, CommitmentData(items=items()))
    save_commitment(db, ids["an"], 2026, CommitmentData(items=items()[:1]))

    assert len(get_commitment(db, ids["an"], 2024).items) == 2
    assert get_commitment(db, ids["an"], 2024).pack_id == "2023-2024"
    assert get_commitment(db, ids["an"], 2026).pack_id == "2025"
    assert get_commitment(db, ids["an"], 2025) is None


def test_restore_brings_back_items_progress_and_evaluation_in_one_go(db):
    from desktop.services.reviews.commitments import (
        CommitmentData,
        CommitmentItemData,
        add_progress,
        delete_commitment,
        evaluate_commitment,
        get_commitment,
        restore_commitment,
        save_commitment,
    )
    from desktop.services.members.registry import MemberData, create_member

    member = create_member(db, MemberData(full_name="Lê Văn Tư", admitted_on=date(2010, 1, 5)))
    save_commitment(
        db,
        member,
        2026,
        CommitmentData(
            date(2026, 3, 1),
            date(2026, 3, 5),
            [
                CommitmentItemData("tu_tuong", "Giữ vững lập trường", False, "dat"),
                CommitmentItemData("lam_theo", "Làm đường bê tông", True, "vuot"),
            ],
        ),
    )
    item = get_commitment(db, member, 2026).items[1]
    add_progress(db, item.id, date(2026, 6, 1), "Đã góp 5 ngày công")
    evaluate_commitment(db, member, 2026, "tot", "Gương mẫu", date(2026, 12, 1))
    before = get_commitment(db, member, 2026)
    delete_commitment(db, member, 2026)

    restore_commitment(db, before)

    after = get_commitment(db, member, 2026)
    assert [(i.text, i.topic_linked, i.self_assessment) for i in after.items] == [
        (i.text, i.topic_linked, i.self_assessment) for i in before.items
    ]
    assert [n.text for n in after.items[1].progress] == ["Đã góp 5 ngày công"]
    assert (after.evaluation, after.evaluation_comment) == ("tot", "Gương mẫu")
