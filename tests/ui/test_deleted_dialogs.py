"""The "… đã xóa" dialogs of meetings, topics and commitments: real widgets over a real
SQLite file; deleting from a page, finding the item in the dialog, restoring it by
keyboard, and the page showing it again (issue 10, point 4)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.meetings import plan as service
from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentItemData,
    get_commitment,
    save_commitment,
)
from desktop.services.topics import catalogue
from desktop.services.topics.data import TopicData, TopicSectionInfo
from desktop.ui.commitments.panel import CommitmentsPanel
from desktop.ui.meetings.page import MeetingsPage
from desktop.ui.topics.page import TopicsPage


def _shown(qtbot, dialog):
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.list)
    return dialog


def test_a_deleted_meeting_is_listed_and_enter_restores_it_into_the_year(
    qtbot, ctx, roster, answers
):
    meeting_id = service.plan_meeting(ctx.db, "thuong_ky", 2026, 3, date(2026, 3, 10))
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    assert [m.id for m in page.selected_meetings()] == [meeting_id]
    page.delete_button.click()
    assert "Buổi đã xóa…" in answers.questions[-1]
    assert page.selected_meetings() == []

    page.deleted_button.click()
    dialog = _shown(qtbot, page.deleted_dialog)
    assert dialog.windowTitle() == "Buổi sinh hoạt đã xóa"
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text().startswith(
        "Thường kỳ tháng 3/2026 (ngày 10/3/2026, đã lập kế hoạch) — xóa ngày "
    )
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # "Khôi phục" is the default button
    assert dialog.restored == [meeting_id]
    assert dialog.list.count() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert [m.id for m in page.selected_meetings()] == [meeting_id]  # the year shows it again


def test_xoa_han_asks_with_khong_xoa_and_a_no_keeps_the_item(qtbot, ctx, roster, answers):
    meeting_id = service.plan_meeting(ctx.db, "thuong_ky", 2026, 3, date(2026, 3, 10))
    service.delete_meeting(ctx.db, meeting_id)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.show_deleted()
    answers.reply = False  # "Không xóa"
    assert dialog.purge_selected() is None
    assert "Xóa hẳn buổi «Thường kỳ tháng 3/2026" in answers.questions[-1]
    assert dialog.list.count() == 1
    answers.reply = True
    assert dialog.purge_selected() == meeting_id
    assert dialog.list.count() == 0 and service.list_deleted_meetings(ctx.db) == []


def test_a_restore_that_clashes_is_explained_and_the_item_stays_listed(
    qtbot, ctx, roster, answers
):
    first = service.plan_meeting(ctx.db, "thuong_ky", 2026, 3, date(2026, 3, 10))
    service.delete_meeting(ctx.db, first)
    service.plan_meeting(ctx.db, "thuong_ky", 2026, 3, date(2026, 3, 20))
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.show_deleted()
    assert dialog.restore_selected() is None
    kind, text = answers.shown[-1]
    assert kind == "error" and "Không khôi phục được buổi Thường kỳ tháng 3/2026" in text
    assert dialog.list.count() == 1


def test_a_deleted_topic_comes_back_from_chuyen_de_da_xoa(qtbot, ctx, answers):
    topic_id = catalogue.create_topic(
        ctx.db,
        TopicData(
            title="Chuyên đề năm 2026",
            level="tinh",
            start_year=2026,
            end_year=2026,
            sections=[TopicSectionInfo("Phần 1")],
        ),
    )
    page = TopicsPage(ctx)
    qtbot.addWidget(page)
    page.reload(topic_id)
    assert page.delete_topic()
    assert "Chuyên đề đã xóa…" in answers.questions[-1]
    assert page.topic_combo.findData(topic_id) < 0

    page.deleted_button.click()
    dialog = page.deleted_dialog
    assert dialog.list.item(0).text().startswith("Chuyên đề năm 2026 (năm 2026) — xóa ngày ")
    dialog.restore_button.click()
    assert dialog.list.count() == 0
    assert page.topic_combo.findData(topic_id) >= 0
    assert [s.title for s in catalogue.get_topic(ctx.db, topic_id).sections] == ["Phần 1"]


def test_a_deleted_commitment_comes_back_from_cam_ket_da_xoa(qtbot, ctx, roster, answers):
    save_commitment(
        ctx.db,
        roster["an"],
        2026,
        CommitmentData(date(2026, 3, 1), None, [CommitmentItemData("tu_tuong", "Đọc báo")]),
    )
    panel = CommitmentsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.select_member(roster["an"])
    assert panel.delete_selected()
    assert "Cam kết đã xóa…" in answers.questions[-1]
    ctx.undo_stack.clear()  # as after a restart: no undo left, only "Đã xóa"

    panel.deleted_button.click()
    dialog = _shown(qtbot, panel.deleted_dialog)
    assert dialog.list.item(0).text().startswith(
        "Bản cam kết năm 2026 của đồng chí Nguyễn Văn An (1 nội dung) — xóa ngày "
    )
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # "Khôi phục" is the default button
    assert answers.shown == []
    assert dialog.list.count() == 0
    assert [i.text for i in get_commitment(ctx.db, roster["an"], 2026).items] == ["Đọc báo"]
    assert panel.model.row_at(panel.model.row_of(roster["an"])).written
