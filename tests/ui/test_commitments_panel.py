"""The commitments tab of the topics page: who has written, assessed and been evaluated,
the chi ủy's evaluation, deleting with undo, and printing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentItemData,
    add_progress,
    evaluate_commitment,
    get_commitment,
    save_commitment,
)
from desktop.services.topics.data import TopicData
from desktop.services.topics.catalogue import create_topic
from desktop.ui.commitments import commitment_dialog
from desktop.ui.commitments.panel import CommitmentsPanel
from desktop.ui.commitments.table_model import (
    COL_ASSESSED,
    COL_EVALUATION,
    COL_ITEMS,
    COL_STATE,
    COL_TOPIC,
)

YEAR = 2026
TOPIC = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường"


@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    monkeypatch.setattr(commitment_dialog, "ask_save", lambda parent: commitment_dialog.DISCARD)


def write(db, member_id: int, *, topic: bool = True, assessed: bool = False) -> None:
    result = "dat" if assessed else ""
    save_commitment(
        db,
        member_id,
        YEAR,
        CommitmentData(
            date(2026, 3, 1),
            date(2026, 3, 4),
            [
                CommitmentItemData("tu_tuong", "Đọc báo Nhân Dân", False, result),
                CommitmentItemData("lam_theo", "Trồng cây xanh trước nhà", topic, result),
            ],
        ),
    )


@pytest.fixture
def panel(qtbot, ctx, roster) -> CommitmentsPanel:
    create_topic(
        ctx.db,
        TopicData(title=TOPIC, level="tinh", start_year=YEAR, end_year=YEAR),
    )
    write(ctx.db, roster["an"], assessed=True)
    write(ctx.db, roster["dung"], topic=False)
    widget = CommitmentsPanel(ctx)
    qtbot.addWidget(widget)
    widget.show()  # the overview loads when the panel is first shown
    return widget


def cell(panel: CommitmentsPanel, member_id: int, column: int) -> str:
    return panel.model.index(panel.model.row_of(member_id), column).data()


def test_list_shows_each_members_state_and_who_is_missing(panel, roster):
    assert panel.year() == YEAR
    assert TOPIC in panel.topic_label.text()
    # Khoa moved away in 2025: not on this year's list. Hoa is exempted.
    assert panel.model.rowCount() == 4
    assert panel.model.row_of(roster["khoa"]) < 0
    assert cell(panel, roster["an"], COL_STATE) == "Đã tự đánh giá"
    assert cell(panel, roster["dung"], COL_STATE) == "Đã viết"
    assert cell(panel, roster["binh"], COL_STATE) == "Chưa viết"
    assert cell(panel, roster["hoa"], COL_STATE) == "Được miễn"
    assert cell(panel, roster["an"], COL_ITEMS) == "2"
    assert cell(panel, roster["an"], COL_ASSESSED) == "Đã"
    assert cell(panel, roster["dung"], COL_ASSESSED) == "Chưa"
    assert cell(panel, roster["an"], COL_EVALUATION) == "Chưa"
    summary = panel.summary_label.text()
    assert "Đã viết 2/3" in summary and "Chưa viết: 1" in summary
    assert "Chưa tự đánh giá: 1" in summary and "Chưa được chi ủy đánh giá: 2" in summary
    assert "Được miễn: 1" in summary
    assert "Chưa viết: Nguyễn Văn Bình." in panel.names_label.text()
    assert "Chưa tự đánh giá: Đặng Thị Dung." in panel.names_label.text()


def test_a_commitment_without_topic_item_is_flagged(panel, roster):
    index = panel.model.index(panel.model.row_of(roster["dung"]), COL_TOPIC)
    assert index.data() == "0"
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "chuyên đề" in index.data(Qt.ItemDataRole.ToolTipRole)
    fine = panel.model.index(panel.model.row_of(roster["an"]), COL_TOPIC)
    assert fine.data(Qt.ItemDataRole.DecorationRole) is None


def test_another_year_shows_its_own_list(panel, roster):
    panel.year_box.setValue(2025)
    assert all(cell(panel, m, COL_STATE) != "Đã viết" for m in (roster["an"], roster["dung"]))
    assert "Chưa có chuyên đề học tập cho năm 2025" in panel.topic_label.text()


def test_enter_opens_the_selected_members_commitment(panel, roster, qtbot):
    panel.show()
    panel.select_member(roster["binh"])
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.dialog
    assert dialog is not None and dialog.member_id == roster["binh"]
    dialog.tree.setCurrentItem(dialog.tree.section_row("lam_theo"))
    dialog.add_item()
    dialog.text.setPlainText("Giúp đỡ hộ nghèo")
    dialog.topic_box.setChecked(True)
    dialog.save_button.click()
    assert cell(panel, roster["binh"], COL_STATE) == "Đã viết"  # the list follows at once
    dialog.reject()
    assert panel.dialog is None


def test_chi_uy_evaluation_is_stored_and_shown(panel, ctx, roster):
    panel.select_member(roster["an"])
    dialog = panel.evaluate_selected()
    assert "2 nội dung cam kết (tự đánh giá: 2 đạt)" in dialog.summary.text()
    dialog.choose("tot")
    dialog.comment.setPlainText("Gương mẫu trong khu dân cư")
    dialog.day.setText("20/12/2026")
    dialog.save_button.click()
    stored = get_commitment(ctx.db, roster["an"], YEAR)
    assert (stored.evaluation, stored.evaluation_comment, stored.evaluated_on) == (
        "tot",
        "Gương mẫu trong khu dân cư",
        date(2026, 12, 20),
    )
    assert cell(panel, roster["an"], COL_EVALUATION) == "Thực hiện tốt"
    assert cell(panel, roster["an"], COL_STATE) == "Thực hiện tốt"


def test_evaluation_needs_a_date(panel, roster):
    panel.select_member(roster["an"])
    dialog = panel.evaluate_selected()
    dialog.choose("dat")
    dialog.day.setText("")
    dialog.save_button.click()
    assert dialog.isVisible() and "ngày chi ủy đánh giá" in dialog.error.text()
    dialog.reject()


def test_evaluation_is_off_for_a_member_who_has_not_written(panel, roster):
    panel.select_member(roster["binh"])
    assert not panel.evaluate_button.isEnabled()
    assert not panel.delete_button.isEnabled()
    assert panel.evaluate_selected() is None


def test_delete_asks_then_undo_brings_back_items_notes_and_evaluation(panel, ctx, roster, answers):
    item_id = get_commitment(ctx.db, roster["an"], YEAR).items[1].id
    add_progress(ctx.db, item_id, date(2026, 3, 2), "Đã trồng 5 cây")
    evaluate_commitment(ctx.db, roster["an"], YEAR, "tot", "Tốt", date(2026, 12, 20))
    offered = []
    ctx.undo_offered.connect(offered.append)
    panel.select_member(roster["an"])

    answers.reply = False
    assert not panel.delete_selected()
    assert get_commitment(ctx.db, roster["an"], YEAR) is not None
    answers.reply = True
    panel.delete_button.click()
    assert "Nguyễn Văn An" in answers.questions[-1]
    assert get_commitment(ctx.db, roster["an"], YEAR) is None
    assert cell(panel, roster["an"], COL_STATE) == "Chưa viết"
    assert offered == ["Đã xóa bản cam kết của đồng chí Nguyễn Văn An."]

    ctx.undo_stack.undo()
    back = get_commitment(ctx.db, roster["an"], YEAR)
    assert [i.text for i in back.items] == ["Đọc báo Nhân Dân", "Trồng cây xanh trước nhà"]
    assert [p.text for p in back.items[1].progress] == ["Đã trồng 5 cây"]
    assert (back.evaluation, back.written_on) == ("tot", date(2026, 3, 1))
    assert cell(panel, roster["an"], COL_STATE) == "Thực hiện tốt"


def test_printing_opens_the_preview_of_the_form_and_of_the_summary(
    panel, roster, monkeypatch, qtbot
):
    import desktop.ui.preview as preview

    opened = []

    class FakePreview:
        def __init__(self, path, title, parent=None, temporary=False, issue=None):
            opened.append((Path(path).name, title, Path(path).read_bytes()[:4]))

        def open(self):
            pass

    monkeypatch.setattr(preview, "PdfPreviewDialog", FakePreview)
    panel.select_member(roster["binh"])  # not written yet: a blank form to fill by hand
    assert panel.print_button.isEnabled()
    panel.select_member(roster["an"])
    task = panel.print_selected()
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    task = panel.print_summary()
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert opened == [
        (f"cam-ket-{YEAR}-{roster['an']}.pdf", "Bản cam kết", b"%PDF"),
        (f"tong-hop-cam-ket-{YEAR}.pdf", "Bảng tổng hợp cam kết", b"%PDF"),
    ]


def test_topics_page_has_the_commitments_tab_named_for_the_year(qtbot, ctx, roster):
    from desktop.ui.topics.page import TopicsPage

    page = TopicsPage(ctx)
    qtbot.addWidget(page)
    index = page.tabs.indexOf(page.commitments)
    assert page.tabs.tabText(index) == "Cam &kết năm 2026"
    page.commitments.year_box.setValue(2025)
    assert page.tabs.tabText(index) == "Cam &kết năm 2025"


def test_the_overview_waits_until_the_panel_is_shown(qtbot, ctx, roster):
    widget = CommitmentsPanel(ctx)
    qtbot.addWidget(widget)
    ctx.members_changed.emit(roster["an"])
    assert widget.overview is None  # nothing read at start-up or while hidden

    widget.show()

    assert widget.overview is not None and widget.model.rowCount() == len(widget.overview.rows)
