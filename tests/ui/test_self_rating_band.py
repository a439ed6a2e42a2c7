"""A self-rating outside the band of its own score is marked in words in the app, the same
words as the rating list prints: in the self-review dialog as it is typed, in the year's
table and in the cell's proposal dialog."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.services.reviews import self_reviews
from desktop.services.reviews.self_rating import self_rating_mismatch
from desktop.ui.reviews import common
from desktop.ui.reviews.page import ReviewsPage
from desktop.ui.reviews.proposal_dialog import ProposalDialog

WORDS = "Tự xếp loại «Tốt» nhưng điểm 66 thuộc mức «Hoàn thành»"


@pytest.fixture(autouse=True)
def never_block_on_close(monkeypatch):
    monkeypatch.setattr(common, "ask_save", lambda parent, text: common.DISCARD)


def open_page(qtbot, ctx, year: int) -> ReviewsPage:
    page = ReviewsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    with qtbot.waitSignal(page.sheet_loaded, timeout=15_000):
        page.show_year(year)
    return page


def test_the_words_come_from_the_year_s_bands(ctx):
    from desktop.rules.rating_rules import pack_for_year

    pack = pack_for_year(2025)
    assert self_rating_mismatch(pack, "HTTNV", Decimal(66)) == WORDS
    assert self_rating_mismatch(pack, "HTNV", Decimal(66)) == ""
    assert self_rating_mismatch(pack, "HTTNV", None) == ""  # not scored yet: nothing to say
    assert self_rating_mismatch(pack_for_year(2024), "HTTNV", Decimal(66)) == ""  # no bands


def test_self_review_dialog_table_and_proposal_mark_it_in_words(qtbot, ctx, roster):
    page = open_page(qtbot, ctx, 2025)
    page.select_member(roster["an"])
    dialog = page.open_self_review()
    dialog.scores.edit("chung").setText("20")
    dialog.scores.edit("nhiem_vu").setText("46")
    dialog.self_level.setCurrentIndex(dialog.self_level.findData("HTNV"))
    assert dialog.band_note.isHidden()
    dialog.self_level.setCurrentIndex(dialog.self_level.findData("HTTNV"))
    assert not dialog.band_note.isHidden()
    assert WORDS in dialog.band_note.text()
    dialog.scores.edit("nhiem_vu").setText("60")  # 80 is in the "Tốt" band: the mark goes
    assert dialog.band_note.isHidden()
    dialog.scores.edit("nhiem_vu").setText("46")
    with qtbot.waitSignal(page.sheet_loaded, timeout=15_000):
        dialog.save_button.click()
    assert self_reviews.get_self_review(ctx.db, roster["an"], 2025).self_level == "HTTNV"

    model = page.model
    row = model.row_of(roster["an"])
    cell = model.index(row, model.column_of("self"))
    assert model.data(cell) == "Tốt ⚠ ngoài khung điểm"
    assert WORDS in model.data(cell, role=Qt.ItemDataRole.ToolTipRole)

    sheet_row = model.row_at(row)
    proposal = ProposalDialog(ctx, model.sheet, sheet_row)
    qtbot.addWidget(proposal)
    assert f"⚠ {WORDS}." in proposal.facts_label.text()
