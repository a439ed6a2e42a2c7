"""The topics page: the study round with its denominator, marking members studied,
taking the study from a meeting, adding a topic from the catalogue, the campaign name."""

from __future__ import annotations

from datetime import date

from desktop.services.meetings import plan as meeting_service
from desktop.services.cell.settings import campaign_name
from desktop.services.topics.study_round import StudyWay, mark_studied, study_round
from desktop.services.topics.data import TopicData, TopicSectionInfo
from desktop.services.topics.catalogue import create_topic, list_topics
from desktop.ui.topics.page import TopicsPage

TITLE = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026"


def make_topic(db, deadline: date | None = None) -> int:
    return create_topic(
        db,
        TopicData(
            title=TITLE,
            short_title="Chuyên đề năm 2026",
            level="tinh",
            start_year=2026,
            end_year=2026,
            study_deadline=deadline,
            sections=[TopicSectionInfo("Phần 1: Tinh thần đoàn kết")],
        ),
    )


def make_page(qtbot, ctx) -> TopicsPage:
    page = TopicsPage(ctx)
    qtbot.addWidget(page)
    return page


def test_main_window_shows_the_topics_page_as_its_third_part(qtbot, ctx):
    from desktop.ui.main_window import NAV_TOPICS, MainWindow

    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(NAV_TOPICS)
    page = window.pages.currentWidget()
    assert isinstance(page, TopicsPage)
    assert page.tabs.tabText(page.tabs.indexOf(page.commitments)).replace("&", "") == (
        f"Cam kết năm {page.commitments.year()}"
    )


def test_percent_line_always_shows_the_denominator(qtbot, ctx, roster):
    topic = make_topic(ctx.db)
    mark_studied(ctx.db, topic, [roster["an"]], date(2026, 2, 10), StudyWay.CELL)
    page = make_page(qtbot, ctx)
    assert page.topic_id() == topic
    # Hoa is exempted and Khoa transferred away: 3 members must study.
    assert "Đã học tập: 1/3 đảng viên (33,33%)" in page.percent_label.text()
    assert page.model.rowCount() == 3
    assert "Trần Thị Hoa" in page.excluded_label.text()
    assert not page.excluded_label.isHidden()


def test_overdue_round_is_marked(qtbot, ctx, roster):
    make_topic(ctx.db, deadline=date(2026, 2, 28))
    page = make_page(qtbot, ctx)
    assert page.deadline_label.text() == "Hạn học tập: 28/02/2026"
    assert not page.overdue_label.isHidden()
    assert page.overdue_label.text().startswith("Quá hạn")


def test_marking_a_selected_member_studied_updates_the_line_and_persists(qtbot, ctx, roster):
    topic = make_topic(ctx.db)
    page = make_page(qtbot, ctx)
    page.table.selectRow(page.model.row_of(roster["dung"]))
    page.mark_button.click()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.day.setText("03/3/2026")
    dialog.way.setCurrentIndex(dialog.way.findData(StudyWay.SUPERIOR.value))
    dialog.save_button.click()

    assert not dialog.isVisible()
    assert "Đã học tập: 1/3 đảng viên" in page.percent_label.text()
    row = next(r for r in study_round(ctx.db, topic, date(2026, 3, 5)).rows if r.studied)
    assert row.member_id == roster["dung"]
    assert (row.studied_on, row.way) == (date(2026, 3, 3), StudyWay.SUPERIOR.value)


def test_mark_dialog_refuses_a_bad_date_in_vietnamese(qtbot, ctx, roster):
    make_topic(ctx.db)
    page = make_page(qtbot, ctx)
    page.table.selectRow(0)
    dialog = page.mark_selected()
    dialog.day.setText("05/12/2025")  # before the topic starts
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "trước khi chuyên đề bắt đầu" in dialog.error.text()
    dialog.reject()


def test_unmarking_asks_first(qtbot, ctx, roster, answers):
    topic = make_topic(ctx.db)
    mark_studied(ctx.db, topic, [roster["an"]], date(2026, 2, 10), StudyWay.CELL)
    page = make_page(qtbot, ctx)
    page.table.selectRow(page.model.row_of(roster["an"]))
    answers.reply = False
    page.unmark_button.click()
    assert study_round(ctx.db, topic, date(2026, 3, 5)).studied == 1
    answers.reply = True
    page.unmark_button.click()
    assert "Nguyễn Văn An" in answers.questions[0]
    assert study_round(ctx.db, topic, date(2026, 3, 5)).studied == 0
    assert "Đã học tập: 0/3 đảng viên" in page.percent_label.text()


def test_taking_the_study_from_a_held_meeting(qtbot, ctx, roster, answers):
    make_topic(ctx.db)
    meeting = meeting_service.plan_meeting(ctx.db, "thuong_ky", 2026, 2, date(2026, 2, 10))
    sheet = meeting_service.attendance_sheet(ctx.db, meeting)
    present = [(row.member_id, "co_mat", "") for row in sheet if row.expected]
    meeting_service.save_minutes(
        ctx.db, meeting, meeting_service.MinutesData(held_on=date(2026, 2, 10), attendance=present)
    )
    page = make_page(qtbot, ctx)
    dialog = page.take_from_meeting()
    assert dialog.list.count() == 1
    dialog.ok_button.click()
    assert "Đã ghi nhận 3 đồng chí" in answers.texts()
    assert "Đã học tập: 3/3 đảng viên (100%)" in page.percent_label.text()


def test_adding_a_topic_from_the_catalogue_adds_it_to_the_combo(qtbot, ctx, answers):
    page = make_page(qtbot, ctx)
    before = page.topic_combo.count()
    dialog = page.add_from_catalogue()
    dialog.select_file("tien-giang-2024.json")
    dialog.ok_button.click()
    assert page.topic_combo.count() == before + 1
    assert "Tiền Giang" in page.topic_combo.currentText()
    assert any("Tiền Giang" in t.display_title for t in list_topics(ctx.db))

    again = page.add_from_catalogue()
    again.select_file("tien-giang-2024.json")
    again.ok_button.click()
    assert page.topic_combo.count() == before + 1
    assert "Đã có chuyên đề" in answers.texts()


def test_renaming_the_campaign(qtbot, ctx):
    page = make_page(qtbot, ctx)
    dialog = page.edit_campaign_name()
    dialog.name.setText("")
    dialog.save_button.click()
    assert dialog.isVisible() and "không được để trống" in dialog.error.text()
    dialog.name.setText("Học tập và thực hành tư tưởng Hồ Chí Minh")
    dialog.save_button.click()
    assert campaign_name(ctx.db) == "Học tập và thực hành tư tưởng Hồ Chí Minh"
    assert "thực hành" in page.campaign_label.text()
