"""The "Kiểm điểm và xếp loại" page: the year's table by that year's rules, the summary,
the superior's approval of the whole list, printing, and its place in the main window."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.services.reviews import ratings

from desktop.services.reviews import self_reviews
from desktop.ui.reviews.decision_dialog import AcceptProposalsDialog
from desktop.ui.reviews.page import ReviewsPage


def open_page(qtbot, ctx, year: int) -> ReviewsPage:
    page = ReviewsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    with qtbot.waitSignal(page.sheet_loaded, timeout=15_000):
        page.show_year(year)
    return page


def cell_text(page: ReviewsPage, name: str, key: str) -> str:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).member.full_name == name)
    return model.data(model.index(row, model.column_of(key)))


def headers(page: ReviewsPage) -> list[str]:
    return [
        page.model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ")
        for c in range(page.model.columnCount())
    ]


def write_review(db, member_id: int, year: int, **scores) -> None:
    data = self_reviews.SelfReviewData(
        written_on=date(year, 12, 1),
        answers={"uu_diem": "Gương mẫu"},
        scores={k: Decimal(v) for k, v in scores.items()},
        self_level="HTTNV",
    )
    self_reviews.save_self_review(db, member_id, year, data)


def test_page_lists_the_years_members_with_the_scored_columns(qtbot, ctx, roster):
    write_review(ctx.db, roster["an"], 2025, chung="27.5", nhiem_vu="60")
    page = open_page(qtbot, ctx, 2025)

    assert headers(page) == [
        "TT",
        "Họ và tên",
        "Điểm tự chấm",
        "Tự xếp loại",
        "Cam kết",
        "Vắng không lý do",
        "Chi bộ đề xuất",
        "Cấp trên quyết định",
        "Cảnh báo",
    ]
    names = [page.model.row_at(r).member.full_name for r in range(page.model.rowCount())]
    # Khoa moved away in June 2025; Hoa is exempted: listed, not rated.
    assert names == ["Nguyễn Văn An", "Nguyễn Văn Bình", "Đặng Thị Dung", "Trần Thị Hoa"]
    assert cell_text(page, "Nguyễn Văn An", "score") == "87,5"
    assert cell_text(page, "Nguyễn Văn An", "self") == "Tốt"
    assert cell_text(page, "Nguyễn Văn Bình", "score") == "Chưa viết"
    assert cell_text(page, "Nguyễn Văn Bình", "commitment") == "Chưa có"
    assert cell_text(page, "Trần Thị Hoa", "proposed") == "Không xếp loại"
    assert "Quy định 366-QĐ/TW (thang điểm 100)" in page.period_label.text()
    assert "Bản tự kiểm điểm đã viết: 1/3" in page.summary_label.text()


def test_2024_shows_its_own_levels_and_no_score_column(qtbot, ctx, roster):
    ratings.record_proposal(ctx.db, roster["an"], 2024, ratings.ProposalData("HTNV", 3, 3))
    page = open_page(qtbot, ctx, 2024)

    assert "Điểm tự chấm" not in headers(page)
    assert "Quy định 124-QĐ/TW" in page.period_label.text()
    assert cell_text(page, "Nguyễn Văn An", "proposed") == "Hoàn thành (3/3 phiếu)"
    assert cell_text(page, "Nguyễn Văn An", "review") == "Chưa viết"
    row = page.model.row_of(roster["an"])
    tooltip = page.model.data(
        page.model.index(row, page.model.column_of("review")), Qt.ItemDataRole.ToolTipRole
    )
    assert tooltip.startswith("Mẫu 02A")
    assert "Chi bộ đề xuất: Xuất sắc 0 · Tốt 0 · Hoàn thành 1" in page.summary_label.text()
    # Issue 10 point 11: the superior's codes and the vote count are explained.
    legend = page.legend_label.text()
    assert "Xuất sắc: Hoàn thành xuất sắc nhiệm vụ (HTXSNV)" in legend
    assert "(HTTNV)" in legend
    proposed_tip = page.model.data(
        page.model.index(row, page.model.column_of("proposed")), Qt.ItemDataRole.ToolTipRole
    )
    assert proposed_tip == "Hoàn thành nhiệm vụ (HTNV)\nChi bộ biểu quyết: 3 trong 3 phiếu tán thành"


def test_quota_line_is_shown_when_excellent_exceeds_a_fifth_of_good(qtbot, ctx, roster):
    ratings.record_proposal(ctx.db, roster["an"], 2025, ratings.ProposalData("HTXSNV", 3, 3))
    ratings.record_proposal(ctx.db, roster["binh"], 2025, ratings.ProposalData("HTTNV", 3, 3))
    page = open_page(qtbot, ctx, 2025)

    assert page.quota_label.isVisibleTo(page)
    assert "Số HTXSNV (1) vượt 20% số HTTNV" in page.quota_label.text()
    warnings = cell_text(page, "Nguyễn Văn An", "warnings")
    assert warnings and int(warnings) >= 1


def test_superior_accepting_the_list_records_every_proposal(qtbot, ctx, roster, answers, on_modal):
    ratings.record_proposal(ctx.db, roster["an"], 2025, ratings.ProposalData("HTTNV", 3, 3))
    ratings.record_proposal(ctx.db, roster["binh"], 2025, ratings.ProposalData("HTNV", 3, 3))
    page = open_page(qtbot, ctx, 2025)

    def fill(dialog: AcceptProposalsDialog) -> None:
        dialog.number.setText("125-QĐ/ĐU")
        dialog.date_edit.setText("15/01/2026")
        dialog.ok_button.click()

    on_modal(AcceptProposalsDialog, fill)
    with qtbot.waitSignal(page.sheet_loaded, timeout=15_000):
        assert page.accept_all() == 2
    assert "cho 2 đồng chí" in answers.questions[-1]
    sheet = ratings.rating_sheet(ctx.db, 2025, ctx.today())
    an = sheet.row(roster["an"])
    assert (an.decided_level, an.decision_number, an.decision_date) == (
        "HTTNV",
        "125-QĐ/ĐU",
        date(2026, 1, 15),
    )
    assert sheet.row(roster["binh"]).decided_level == "HTNV"
    assert cell_text(page, "Nguyễn Văn An", "decided") == "Tốt"


def test_declining_the_confirmation_records_no_decision(qtbot, ctx, roster, answers):
    ratings.record_proposal(ctx.db, roster["an"], 2025, ratings.ProposalData("HTTNV", 3, 3))
    page = open_page(qtbot, ctx, 2025)
    answers.reply = False
    assert page.record_accepted("125-QĐ/ĐU", date(2026, 1, 15)) == 0
    assert ratings.rating_sheet(ctx.db, 2025, ctx.today()).row(roster["an"]).decided_level == ""


def test_search_filters_without_accents(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2025)
    page.search.setText("dang thi")
    assert page.model.rowCount() == 1
    assert page.selected_row().member.full_name == "Đặng Thị Dung"


def test_print_list_opens_the_preview(qtbot, ctx, roster, monkeypatch):
    from reportlab.pdfgen import canvas

    from desktop.ui.preview import PdfPreviewDialog

    calls = []

    def fake_print(db, year, path, today=None):
        calls.append((year, today))
        pdf = canvas.Canvas(str(path))
        pdf.drawString(100, 700, "Danh sach")
        pdf.save()

    # The page hands the printing function the year and the context's today.
    import desktop.printing.reviews.rating_list as rating_list

    monkeypatch.setattr(rating_list, "print_rating_list", fake_print)
    page = open_page(qtbot, ctx, 2025)
    task = page.print_rating_list()
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    dialogs = [w for w in page.findChildren(PdfPreviewDialog) if w.isVisible()]
    assert calls == [(2025, ctx.today())]
    assert dialogs and "Danh sách đề nghị xếp loại năm 2025" in dialogs[0].windowTitle()
    dialogs[0].reject()


def test_main_window_shows_the_reviews_page_as_its_fourth_part(qtbot, ctx):
    from desktop.ui.main_window import NAV_REVIEWS, MainWindow

    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(NAV_REVIEWS)
    assert isinstance(window.pages.currentWidget(), ReviewsPage)


def test_print_self_review_of_the_selected_member_uses_the_printing_module(qtbot, ctx, roster):
    pytest.importorskip("desktop.printing.reviews.self_review")
    from pypdf import PdfReader

    from desktop.ui.preview import PdfPreviewDialog

    write_review(ctx.db, roster["an"], 2025, chung="27.5", nhiem_vu="60")
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    task = page.print_self_review()
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    dialog = next(w for w in page.findChildren(PdfPreviewDialog) if w.isVisible())
    text = "".join(p.extract_text() for p in PdfReader(dialog.pdf_path).pages)
    assert "Nguyễn Văn An" in text
    assert "Nguyễn Văn An" in dialog.windowTitle()
    dialog.reject()
