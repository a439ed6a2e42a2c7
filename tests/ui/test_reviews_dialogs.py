"""The review-season dialogs: self-review with scores, the cell's proposal with its
warnings shown before recording, the superior's decision, history, the collective review,
and the question before dropping unsaved changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.services.reviews import collective as collective_review

from desktop.services.reviews import ratings

from desktop.services.reviews import self_reviews
from desktop.ui.reviews import common
from desktop.ui.reviews.page import ReviewsPage


@pytest.fixture(autouse=True)
def never_block_on_close(monkeypatch):
    """Closing with unsaved changes asks; by default the answer drops them."""
    asked: list[str] = []

    def ask(parent, text):
        asked.append(text)
        return common.DISCARD

    monkeypatch.setattr(common, "ask_save", ask)
    return asked


def open_page(qtbot, ctx, year: int) -> ReviewsPage:
    page = ReviewsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    with qtbot.waitSignal(page.sheet_loaded, timeout=15_000):
        page.show_year(year)
    return page


def saved_and_reloaded(qtbot, page, click) -> list[int]:
    """Click; wait for the page to reload; returns the dialog's results if it closed.

    (A closed dialog is deleted by the page, so tests do not ask it whether it is visible.)
    """
    closed: list[int] = []
    page.dialog.finished.connect(closed.append)
    with qtbot.waitSignal(page.sheet_loaded, timeout=15_000):
        click()
    return closed


def test_self_review_with_scores_is_stored_and_shows_the_implied_level(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    dialog = page.open_self_review()
    dialog.sections.editors["uu_diem"].setPlainText("Gương mẫu chấp hành chủ trương.")
    dialog.scores.edit("chung").setText("27,5")
    dialog.scores.edit("nhiem_vu").setText("60")
    assert dialog.scores.total_label.text() == "<b>Tổng 87,5 điểm → Hoàn thành tốt nhiệm vụ</b>"
    dialog.self_level.setCurrentIndex(dialog.self_level.findData("HTTNV"))

    closed = saved_and_reloaded(qtbot, page, dialog.save_button.click)

    assert closed
    stored = self_reviews.get_self_review(ctx.db, roster["an"], 2025)
    assert stored.scores == {"chung": Decimal("27.5"), "nhiem_vu": Decimal("60")}
    assert stored.implied_level.code == "HTTNV"
    assert stored.answers["uu_diem"] == "Gương mẫu chấp hành chủ trương."
    assert stored.written_on == ctx.today()
    assert page.model.data(page.model.index(0, page.model.column_of("score"))) == "87,5"


def test_self_review_shows_its_form_and_prefills_the_commitment_result(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["binh"])
    dialog = page.open_self_review()
    labels = " ".join(w.text() for w in dialog.findChildren(type(dialog.not_rated_note)))
    assert "Bản kiểm điểm, tự đánh giá, xếp loại cá nhân" in labels and "Mẫu 2C-HD KĐ.ĐG 2025" in labels
    assert dialog.sections.editors["cam_ket"].toPlainText() == "Chưa có bản cam kết năm này."
    assert "tu_cham_diem" not in dialog.sections.editors
    dialog.discard()


def test_out_of_range_score_shows_the_field_error_and_keeps_the_dialog(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    dialog = page.open_self_review()
    dialog.scores.edit("chung").setText("35")
    dialog.scores.edit("nhiem_vu").setText("sáu mươi")
    dialog.save_button.click()

    assert dialog.isVisible()
    assert dialog.scores.boxes["chung"].error() == "Điểm phải từ 0 đến 30 (đang ghi 35)."
    assert dialog.scores.boxes["nhiem_vu"].error() == '"sáu mươi" không phải là số điểm.'
    assert self_reviews.get_self_review(ctx.db, roster["an"], 2025).id is None
    dialog.discard()


def test_closing_with_unsaved_changes_asks_and_can_stay(
    qtbot, ctx, roster, monkeypatch, never_block_on_close
):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    dialog = page.open_self_review()
    dialog.reject()  # nothing typed: closes without a question
    assert never_block_on_close == [] and not dialog.isVisible()

    dialog = page.open_self_review()
    dialog.sections.editors["han_che"].setPlainText("Có lúc chưa đi sinh hoạt đúng giờ.")
    monkeypatch.setattr(common, "ask_save", lambda parent, text: common.CANCEL)
    dialog.close_button.click()
    assert dialog.isVisible()

    monkeypatch.setattr(common, "ask_save", lambda parent, text: common.SAVE)
    assert saved_and_reloaded(qtbot, page, dialog.close_button.click)
    stored = self_reviews.get_self_review(ctx.db, roster["an"], 2025)
    assert stored.answers["han_che"] == "Có lúc chưa đi sinh hoạt đúng giờ."


def test_unsaved_changes_dropped_when_the_user_says_not_to_save(
    qtbot, ctx, roster, never_block_on_close
):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    dialog = page.open_self_review()
    dialog.sections.editors["han_che"].setPlainText("Nháp")
    dialog.reject()
    assert never_block_on_close == ["Bản tự kiểm điểm có thay đổi chưa lưu. Lưu thay đổi?"]
    assert not dialog.isVisible()
    assert self_reviews.get_self_review(ctx.db, roster["an"], 2025).id is None


def test_facts_entered_with_the_self_review_take_the_member_out_of_the_rating(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["dung"])
    dialog = page.open_self_review()
    dialog.suspended.setChecked(True)
    dialog.sick_months.setValue(4)
    saved_and_reloaded(qtbot, page, dialog.save_button.click)
    row = ratings.rating_sheet(ctx.db, 2025, ctx.today()).row(roster["dung"])
    assert row.suspended and not row.rated and row.facts.sick_leave_months == 4


def test_2024_self_review_has_no_scores_and_offers_2024_levels(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2024)
    page.select_member(roster["an"])
    dialog = page.open_self_review()
    assert dialog.scores is None
    levels = [dialog.self_level.itemText(i) for i in range(1, dialog.self_level.count())]
    assert levels[0] == "Hoàn thành xuất sắc nhiệm vụ" and len(levels) == 4
    dialog.self_level.setCurrentIndex(2)
    saved_and_reloaded(qtbot, page, dialog.save_button.click)
    stored = self_reviews.get_self_review(ctx.db, roster["an"], 2024)
    assert stored.form.code == "02A" and stored.self_level == "HTTNV"


def test_proposal_shows_the_quota_warning_before_recording_and_stores_the_vote(
    qtbot, ctx, roster, answers
):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    dialog = page.open_proposal()
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)
    dialog.level.setCurrentIndex(dialog.level.findData("HTXSNV"))
    dialog.votes_total.setValue(3)
    dialog.votes_for.setValue(3)
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)

    shown = dialog.warnings_label.text()
    assert "Số HTXSNV (1) vượt 20% số HTTNV (0 × 20% = 0)" in shown
    assert "Chưa có bản cam kết" in shown
    assert ratings.rating_sheet(ctx.db, 2025, ctx.today()).row(roster["an"]).proposed_level == ""

    answers.reply = False
    dialog.record_button.click()
    assert dialog.isVisible()
    assert "vượt 20%" in answers.questions[-1]
    assert ratings.rating_sheet(ctx.db, 2025, ctx.today()).row(roster["an"]).proposed_level == ""

    answers.reply = True
    assert saved_and_reloaded(qtbot, page, dialog.record_button.click)
    row = ratings.rating_sheet(ctx.db, 2025, ctx.today()).row(roster["an"])
    assert (row.proposed_level, row.votes_for, row.votes_total) == ("HTXSNV", 3, 3)
    assert any("vượt 20%" in text for text in row.recorded_warnings)


def test_proposal_without_warnings_is_recorded_without_a_question(qtbot, ctx, roster, answers):
    review = self_reviews.SelfReviewData(date(2024, 12, 1), {"uu_diem": "Tốt"}, {}, "HTNV")
    self_reviews.save_self_review(ctx.db, roster["binh"], 2024, review)
    page = open_page(qtbot, ctx, 2024)
    page.select_member(roster["binh"])
    dialog = page.open_proposal()
    dialog.level.setCurrentIndex(dialog.level.findData("HTNV"))
    dialog.votes_total.setValue(3)
    dialog.votes_for.setValue(3)  # more than half of the cell's 5 official members
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)
    assert "Không có cảnh báo" in dialog.warnings_label.text()
    saved_and_reloaded(qtbot, page, dialog.record_button.click)
    assert answers.questions == []
    row = ratings.rating_sheet(ctx.db, 2024, ctx.today()).row(roster["binh"])
    assert (row.proposed_level, row.votes_for) == ("HTNV", 3)


def test_more_votes_for_than_voters_is_refused_next_to_the_field(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2024)
    page.select_member(roster["binh"])
    dialog = page.open_proposal()
    dialog.level.setCurrentIndex(dialog.level.findData("HTNV"))
    dialog.votes_total.setValue(2)
    dialog.votes_for.setValue(3)
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)
    dialog.record_button.click()
    assert dialog.isVisible()
    assert "nhiều hơn số người biểu quyết" in dialog.votes_for_box.error()
    dialog.discard()


def test_decision_for_one_member(qtbot, ctx, roster):
    ratings.record_proposal(ctx.db, roster["an"], 2025, ratings.ProposalData("HTTNV", 3, 3))
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    dialog = page.open_decision()
    assert dialog.level.currentData() == "HTTNV"  # the proposal is the starting point
    dialog.level.setCurrentIndex(dialog.level.findData("HTNV"))
    dialog.number.setText("07-QĐ/ĐU")
    dialog.decided_on.setText("20/01/2026")
    saved_and_reloaded(qtbot, page, dialog.save_button.click)
    row = ratings.rating_sheet(ctx.db, 2025, ctx.today()).row(roster["an"])
    assert (row.decided_level, row.decision_number, row.decision_date) == (
        "HTNV",
        "07-QĐ/ĐU",
        date(2026, 1, 20),
    )


def test_history_lists_the_years_and_the_five_year_streak(qtbot, ctx, roster):
    for year in range(2021, 2026):
        ratings.record_decision(ctx.db, roster["an"], year, "HTXSNV", f"{year}-QĐ/ĐU")
    page = open_page(qtbot, ctx, 2026)
    page.select_member(roster["an"])
    dialog = page.open_history()
    assert dialog.table.rowCount() == 5
    assert dialog.table.item(0, 0).text() == "2025"
    assert dialog.table.item(0, 2).text() == "Cấp trên quyết định"
    assert "5 năm liền hoàn thành xuất sắc nhiệm vụ (2021–2025)" in dialog.streak_label.text()
    dialog.accept()


def test_collective_review_2025_is_scored_and_saved(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2025)
    dialog = page.open_collective()
    assert dialog.scores is not None
    dialog.sections.editors["ket_qua"].setPlainText("Hoàn thành các chỉ tiêu nghị quyết.")
    dialog.scores.edit("chung").setText("28")
    dialog.scores.edit("nhiem_vu").setText("64")
    assert "Tổng 92 điểm → Hoàn thành xuất sắc nhiệm vụ" in dialog.scores.total_label.text()
    dialog.self_level.setCurrentIndex(dialog.self_level.findData("HTXSNV"))
    dialog.votes_total.setValue(3)
    dialog.votes_for.setValue(3)
    saved_and_reloaded(qtbot, page, dialog.save_button.click)
    stored = collective_review.get_collective_review(ctx.db, 2025)
    assert stored.saved and stored.data.self_level == "HTXSNV"
    assert stored.total == Decimal("92") and stored.data.votes_for == 3


def test_collective_review_of_2024_has_no_form_but_keeps_the_rating(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2024)
    dialog = page.open_collective()
    assert dialog.scores is None and not dialog.sections.editors
    dialog.self_level.setCurrentIndex(dialog.self_level.findData("HTTNV"))
    saved_and_reloaded(qtbot, page, dialog.save_button.click)
    assert collective_review.get_collective_review(ctx.db, 2024).data.self_level == "HTTNV"


def test_enter_in_the_table_opens_the_self_review(qtbot, ctx, roster):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["binh"])
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert page.dialog is not None and page.dialog.isVisible()
    assert page.dialog.member_id == roster["binh"]
    page.dialog.discard()


def test_a_failed_warning_check_ends_and_says_so(qtbot, ctx, roster, monkeypatch):
    page = open_page(qtbot, ctx, 2024)
    page.select_member(roster["binh"])
    dialog = page.open_proposal()
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)

    def broken(*_args, **_kwargs):
        raise OSError("ổ đĩa không đọc được")

    monkeypatch.setattr(ratings, "proposal_warnings", broken)
    dialog.level.setCurrentIndex(dialog.level.findData("HTNV"))

    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)
    assert "Chưa kiểm tra được cảnh báo" in dialog.warnings_label.text()
    dialog.discard()


def test_khtnv_questions_are_answered_yes_no_with_a_note_and_stored(qtbot, ctx, roster, answers):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    dialog = page.open_proposal()
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)
    dialog.level.setCurrentIndex(dialog.level.findData("HTNV"))
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)
    assert "Chưa trả lời: Đảng viên có bị cấp có thẩm quyền kết luận" in dialog.warnings_label.text()

    answer, note = dialog.questions.rows["suy_thoai"]
    note.setText("Kết luận số 12-KL/ĐU")
    note.editingFinished.emit()
    answer.setCurrentIndex(answer.findData("yes"))
    dialog.questions.rows["nhiem_vu_duoi_50"][0].setCurrentIndex(2 - 1)  # "Không"
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=15_000)
    shown = dialog.warnings_label.text()
    assert 'Chi bộ trả lời "Có"' in shown and "Ghi chú: Kết luận số 12-KL/ĐU." in shown
    assert "Chưa trả lời" not in shown

    answers.reply = True
    assert saved_and_reloaded(qtbot, page, dialog.record_button.click)
    row = ratings.rating_sheet(ctx.db, 2025, ctx.today()).row(roster["an"])
    assert row.answers["suy_thoai"] == {"answer": "yes", "note": "Kết luận số 12-KL/ĐU"}
    assert row.answers["nhiem_vu_duoi_50"]["answer"] == "no"
    assert any('trả lời "Có"' in text for text in row.recorded_warnings)
    assert any(w.code == "khtnv" for w in row.warnings)  # recomputed from the stored answers
