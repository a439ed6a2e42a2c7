"""Planning cell meetings: the agenda template, the study section, one regular a month."""

from __future__ import annotations

from datetime import date, time

import pytest
from test_meetings_cell import MARCH_DAY, build_cell, hold

from desktop.models import Topic, TopicSection
from desktop.rules import RuleFileError
from desktop.services.meetings import plan as mt
from desktop.services.cell.settings import set_campaign_name
from desktop.errors import DomainError
from desktop.services.meetings.agenda import read_templates

FIFTEEN = [
    ("opening", "Tuyên bố lý do, giới thiệu đại biểu"),
    ("secretary", "Cử thư ký"),
    ("roll_call", "Điểm danh"),
    ("adopt_agenda", "Thông qua chương trình"),
    ("news", "Thông tin thời sự, văn bản cấp trên"),
    ("last_month", "Đánh giá kết quả tháng trước"),
    ("study", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("next_month", "Phương hướng nhiệm vụ tháng tới"),
    ("discussion", "Thảo luận"),
    ("resolution", "Kết luận, biểu quyết nghị quyết"),
    ("admission", "Xét kết nạp / chuyển chính thức (nếu có)"),
    ("dues", "Thu đảng phí"),
    ("self_score", "Chấm điểm buổi sinh hoạt"),
    ("read_minutes", "Thông qua biên bản"),
    ("closing", "Bế mạc"),
]


@pytest.fixture
def cell(db):
    return build_cell(db)


def test_default_agenda_is_the_fifteen_items_of_the_commune_guideline(db):
    items = mt.agenda_template(db, "thuong_ky")
    assert [(i.code, i.title) for i in items] == FIFTEEN
    assert [i.code for i in items if i.optional] == ["admission"]
    assert [i.code for i in items if i.required] == ["study"]
    thematic = mt.agenda_template(db, "chuyen_de")
    assert "theme" in [i.code for i in thematic] and "study" not in [i.code for i in thematic]


def test_cell_edits_its_agenda_template_keeps_the_study_item_and_can_reset(db):
    items = mt.agenda_template(db, "thuong_ky")
    edited = [i for i in items if i.code != "dues"]
    edited.insert(5, mt.AgendaTemplateItem("", "Sinh hoạt tư tưởng"))
    mt.set_agenda_template(db, "thuong_ky", edited)
    saved = mt.agenda_template(db, "thuong_ky")
    assert "dues" not in [i.code for i in saved]
    assert saved[5].title == "Sinh hoạt tư tưởng" and saved[5].code == "custom_1"

    meeting_id = mt.plan_meeting(db, "thuong_ky", 2026, 3)
    assert "Sinh hoạt tư tưởng" in [i.title for i in mt.get_meeting(db, meeting_id).agenda]

    without_study = [i for i in items if i.code != "study"]
    with pytest.raises(DomainError, match="bắt buộc"):
        mt.set_agenda_template(db, "thuong_ky", without_study)

    mt.reset_agenda_template(db, "thuong_ky")
    assert [(i.code, i.title) for i in mt.agenda_template(db, "thuong_ky")] == FIFTEEN


def test_planned_meeting_studies_the_next_section_of_the_current_topic(cell):
    meeting_id = mt.plan_meeting(
        cell.db, "thuong_ky", 2026, 3, MARCH_DAY, time(8), "Nhà văn hóa ấp"
    )
    detail = mt.get_meeting(cell.db, meeting_id)
    assert detail.state == "planned" and detail.state_label == "Đã lập kế hoạch"
    assert detail.topic_section_id == cell.sections[0]
    assert detail.topic_title.startswith("Chuyên đề năm 2026")
    study = next(i for i in detail.agenda if i.code == "study")
    assert study.title == (
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: "
        "Phần I: Tư tưởng Hồ Chí Minh về nêu gương"
    )
    assert [i.position for i in detail.agenda] == list(range(1, 16))
    assert detail.title == "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"


def test_suggested_section_advances_month_by_month_then_falls_back_to_the_term_topic(cell):
    db = cell.db
    chosen = []
    for month in (1, 2, 3, 4, 5):
        found = mt.suggest_study_section(db, date(2026, month, 5))
        meeting_id = mt.plan_meeting(db, "thuong_ky", 2026, month, date(2026, month, 5))
        chosen.append(mt.get_meeting(db, meeting_id).topic_section_id)
        assert found is not None and found.section_id == chosen[-1]
    # The provincial topic (more specific) first, then the national term-long one.
    assert chosen == cell.sections + cell.national_sections
    assert mt.suggest_study_section(db, date(2026, 6, 5)) is None


def test_local_topic_comes_before_the_provincial_one(cell):
    with cell.db.session() as session:
        local = Topic(
            level="dia_phuong",
            title="Chuyên đề của xã",
            start_year=2026,
            start_month=6,
            end_year=2026,
        )
        local.sections = [TopicSection(position=1, title="Nội dung của xã")]
        session.add(local)
    assert mt.suggest_study_section(cell.db, date(2026, 5, 5)).section_title.startswith("Phần I")
    topic_id, _section_id, title, section = mt.suggest_study_section(cell.db, date(2026, 6, 5))
    assert (title, section) == ("Chuyên đề của xã", "Nội dung của xã")


def test_topic_carried_into_next_year_stays_current(cell):
    with cell.db.session() as session:
        topic = session.get(TopicSection, cell.sections[0]).topic_id
        session.get(Topic, topic).carried_into_year = 2027
    found = mt.suggest_study_section(cell.db, date(2027, 2, 1))
    assert found is not None and found.section_id == cell.sections[0]


def test_only_one_regular_meeting_a_month(cell):
    mt.plan_meeting(cell.db, "thuong_ky", 2026, 3, MARCH_DAY)
    with pytest.raises(DomainError, match="Đã có buổi sinh hoạt thường kỳ tháng 3/2026"):
        mt.plan_meeting(cell.db, "thuong_ky", 2026, 3)
    # Thematic and extraordinary meetings may be several in a month.
    mt.plan_meeting(
        cell.db, "chuyen_de", 2026, 3, theme="Nêu gương", theme_presenter_id=cell["hung"]
    )
    mt.plan_meeting(cell.db, "bat_thuong", 2026, 3, date(2026, 3, 20))
    mt.plan_meeting(cell.db, "bat_thuong", 2026, 3, date(2026, 3, 27))
    assert len(mt.list_meetings(cell.db, 2026)) == 4
    other = mt.plan_meeting(cell.db, "thuong_ky", 2026, 4)
    with pytest.raises(DomainError, match="tháng 3/2026"):
        mt.update_meeting_plan(cell.db, other, year=2026, month=3)


def test_planned_date_must_fall_in_the_meeting_month(db):
    with pytest.raises(DomainError, match="Ngày dự kiến 02/4/2026 không thuộc tháng 3/2026"):
        mt.plan_meeting(db, "thuong_ky", 2026, 3, date(2026, 4, 2))


def test_thematic_meeting_names_its_theme_and_the_member_preparing_it(cell):
    meeting_id = mt.plan_meeting(
        cell.db,
        "chuyen_de",
        2026,
        3,
        MARCH_DAY,
        theme="Phát huy vai trò nêu gương",
        theme_presenter_id=cell["hung"],
    )
    detail = mt.get_meeting(cell.db, meeting_id)
    theme = next(i for i in detail.agenda if i.code == "theme")
    assert theme.title == "Trình bày chuyên đề: Phát huy vai trò nêu gương"
    assert (theme.presenter_id, theme.presenter_name) == (cell["hung"], "Lê Văn Hùng")
    assert detail.title == "Sinh hoạt chi bộ chuyên đề tháng 3 năm 2026: Phát huy vai trò nêu gương"
    assert detail.topic_section_id is None  # only regular meetings take a monthly section


def test_combined_meeting_gets_the_theme_after_the_study_item_and_can_drop_it(cell):
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
    codes = [i.code for i in mt.get_meeting(cell.db, meeting_id).agenda]
    assert codes[codes.index("study") + 1] == "theme"
    detail = mt.get_meeting(cell.db, meeting_id)
    mt.update_meeting_plan(
        cell.db,
        meeting_id,
        year=2026,
        month=3,
        planned_on=MARCH_DAY,
        topic_section_id=cell.sections[1],
        theme="",
        combined_with_thematic=False,
    )
    after = mt.get_meeting(cell.db, meeting_id)
    assert "theme" not in [i.code for i in after.agenda]
    assert len(after.agenda) == len(detail.agenda) - 1
    study = next(i for i in after.agenda if i.code == "study")
    assert study.title.endswith(": Phần II: Đoàn kết trong Đảng")


def test_meeting_agenda_can_be_edited_but_keeps_the_study_item(cell):
    meeting_id = mt.plan_meeting(cell.db, "thuong_ky", 2026, 3, MARCH_DAY)
    agenda = mt.get_meeting(cell.db, meeting_id).agenda
    entries = [mt.AgendaEntry(i.title, i.code, i.id) for i in agenda if i.code != "admission"]
    entries.append(mt.AgendaEntry("Góp ý xây dựng ấp văn hóa"))
    mt.set_meeting_agenda(cell.db, meeting_id, entries)
    titles = [i.title for i in mt.get_meeting(cell.db, meeting_id).agenda]
    assert "Xét kết nạp / chuyển chính thức (nếu có)" not in titles
    assert titles[-1] == "Góp ý xây dựng ấp văn hóa"
    with pytest.raises(DomainError, match="bắt buộc"):
        mt.set_meeting_agenda(cell.db, meeting_id, [e for e in entries if e.code != "study"])


def test_find_meeting_by_month_for_the_command_line(cell):
    meeting_id = mt.plan_meeting(cell.db, "thuong_ky", 2026, 3, MARCH_DAY)
    assert mt.find_meeting(cell.db, 2026, 3) == meeting_id
    with pytest.raises(DomainError) as error:
        mt.find_meeting(cell.db, 2026, 1)
    assert str(error.value) == "Chưa có buổi sinh hoạt thường kỳ tháng 01/2026."
    with pytest.raises(DomainError, match="Chưa có buổi sinh hoạt chuyên đề tháng 3/2026."):
        mt.find_meeting(cell.db, 2026, 3, "chuyen_de")


def test_meeting_can_be_deleted_until_its_minutes_are_approved(cell):
    draft = mt.plan_meeting(cell.db, "thuong_ky", 2026, 2, date(2026, 2, 5))
    mt.delete_meeting(cell.db, draft)
    assert mt.list_meetings(cell.db, 2026) == []
    meeting_id = mt.plan_meeting(cell.db, "thuong_ky", 2026, 3, MARCH_DAY)
    hold(cell, meeting_id, MARCH_DAY)
    mt.approve_minutes(cell.db, meeting_id, time(9, 50))
    with pytest.raises(DomainError, match="không xóa được"):
        mt.delete_meeting(cell.db, meeting_id)


def test_a_broken_agenda_template_file_names_the_file_and_the_kind(tmp_path):
    path = tmp_path / "agenda.json"
    path.write_text(
        '{"kinds": {"thuong_ky": [{"code": "opening", "title": "Khai mạc"}], "chuyen_de": []}}',
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as error:
        read_templates(path)
    assert str(path) in str(error.value) and 'thiếu mẫu "chuyen_de"' in str(error.value)


def test_study_item_follows_the_cells_campaign_name(cell):
    set_campaign_name(cell.db, "Học tập và thực hành tư tưởng, đạo đức, phong cách Hồ Chí Minh")
    meeting_id = mt.plan_meeting(cell.db, "thuong_ky", 2026, 3, MARCH_DAY)
    study = next(i for i in mt.get_meeting(cell.db, meeting_id).agenda if i.code == "study")
    assert study.title == (
        "Học tập và thực hành tư tưởng, đạo đức, phong cách Hồ Chí Minh: "
        "Phần I: Tư tưởng Hồ Chí Minh về nêu gương"
    )
