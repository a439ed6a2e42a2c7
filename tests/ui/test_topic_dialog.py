"""Adding, editing and deleting a study topic (chuyên đề) from the topics page."""

from __future__ import annotations

from datetime import date

from desktop.services.topics.study_round import StudyWay, mark_studied
from desktop.services.topics.catalogue import list_topics
from desktop.ui.topics.page import TopicsPage

TITLE = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng"


def make_page(qtbot, ctx) -> TopicsPage:
    page = TopicsPage(ctx)
    qtbot.addWidget(page)
    return page


def fill(dialog) -> None:
    dialog.level.setCurrentIndex(dialog.level.findData("dia_phuong"))
    dialog.title.setPlainText(TITLE)
    dialog.short_title.setText("Chuyên đề xã năm 2026")
    dialog.issuer.setText("Đảng ủy xã Mỹ Phước")
    dialog.start_year.setValue(2026)
    dialog.start_month.setValue(3)
    dialog.end_year.setValue(2026)
    dialog.carried.setValue(2027)
    dialog.deadline.setText("30/6/2026")
    row = dialog.add_document_row()
    for column, text in enumerate(("12-KH/ĐU", "Đảng ủy xã", "01/3/2026", "Kế hoạch học tập")):
        dialog.documents.item(row, column).setText(text)
    dialog.add_document_row()  # a blank row is skipped
    dialog.sections.setPlainText("Phần 1: Đoàn kết\n\n  Phần 2: Tự phê bình  \nPhần 3: Nêu gương\n")


def test_a_new_topic_is_saved_with_its_sections_in_order_and_its_document(qtbot, ctx):
    page = make_page(qtbot, ctx)
    page.new_button.click()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    fill(dialog)
    dialog.save_button.click()

    assert not dialog.isVisible()
    (topic,) = list_topics(ctx.db)
    assert topic.title == TITLE and topic.level.value == "dia_phuong"
    assert (topic.start_year, topic.start_month, topic.carried_into_year) == (2026, 3, 2027)
    assert topic.study_deadline == date(2026, 6, 30)
    assert [s.title for s in topic.sections] == [
        "Phần 1: Đoàn kết",
        "Phần 2: Tự phê bình",
        "Phần 3: Nêu gương",
    ]
    (document,) = topic.documents
    assert (document.number, document.issued_on) == ("12-KH/ĐU", date(2026, 3, 1))
    assert page.topic_id() == topic.id
    assert "Chuyên đề xã năm 2026" in page.topic_combo.currentText()


def test_editing_changes_the_title_and_keeps_the_sections(qtbot, ctx):
    page = make_page(qtbot, ctx)
    dialog = page.new_topic()
    fill(dialog)
    dialog.save_button.click()
    before = list_topics(ctx.db)[0]

    dialog = page.edit_topic()
    assert dialog.title.toPlainText() == TITLE
    assert dialog.documents.item(0, 2).text() == "01/3/2026"
    dialog.title.setPlainText("Chuyên đề đã sửa tên")
    dialog.save_button.click()

    assert not dialog.isVisible()
    after = list_topics(ctx.db)[0]
    assert after.title == "Chuyên đề đã sửa tên"
    assert [s.id for s in after.sections] == [s.id for s in before.sections]
    assert len(after.documents) == 1


def test_a_missing_title_is_refused_in_vietnamese_and_the_dialog_stays_open(qtbot, ctx):
    page = make_page(qtbot, ctx)
    dialog = page.new_topic()
    fill(dialog)
    dialog.title.setPlainText("   ")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "Chưa nhập tên chuyên đề" in dialog.error.text()
    assert list_topics(ctx.db) == []
    dialog.reject()


def test_a_bad_document_date_is_refused_on_the_red_line(qtbot, ctx):
    page = make_page(qtbot, ctx)
    dialog = page.new_topic()
    fill(dialog)
    dialog.documents.item(0, 2).setText("3/2026")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "dòng 1" in dialog.error.text() and "đủ ngày" in dialog.error.text()
    dialog.reject()


def test_deleting_asks_first(qtbot, ctx, answers):
    page = make_page(qtbot, ctx)
    dialog = page.new_topic()
    fill(dialog)
    dialog.save_button.click()

    answers.reply = False
    page.delete_button.click()
    assert "Chuyên đề xã năm 2026" in answers.questions[0]
    assert len(list_topics(ctx.db)) == 1
    answers.reply = True
    page.delete_button.click()
    assert list_topics(ctx.db) == []
    assert page.topic_combo.count() == 0


def test_deleting_a_studied_topic_shows_the_refusal(qtbot, ctx, roster, answers):
    page = make_page(qtbot, ctx)
    dialog = page.new_topic()
    fill(dialog)
    dialog.save_button.click()
    topic = list_topics(ctx.db)[0]
    mark_studied(ctx.db, topic.id, [roster["an"]], date(2026, 3, 3), StudyWay.CELL)

    page.delete_button.click()
    assert "Không xóa được chuyên đề" in answers.texts()
    assert len(list_topics(ctx.db)) == 1
