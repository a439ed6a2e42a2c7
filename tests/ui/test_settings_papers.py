"""Cài đặt → Giấy tờ in: term starts, recipients and the đảng ủy's header, edited on the
page, saved, read again by a new page and seen on the printed papers (PDF text)."""

from __future__ import annotations

from datetime import date, time

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from desktop.printing.exchange.consolidated import print_consolidated
from desktop.printing.meetings.agenda import write_agenda_pdf, write_notice_pdf
from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.cell.numbering import stored_term_starts
from desktop.services.cell.settings import recipients
from desktop.services.exchange.consolidation import unit_header
from desktop.services.meetings import plan as mt
from desktop.ui.settings_page import SettingsPage


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def open_page(qtbot, ctx) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    return page


def with_cell(ctx) -> None:
    save_cell(ctx.db, CellInfo("Ấp Thạnh Lợi", "Đảng bộ xã Vị Thủy", "Vị Thủy", "2025 – 2030"))


def notice_pdf(ctx, meeting_id: int, issued_on: date, tmp_path) -> str:
    doc = mt.notice_document(ctx.db, meeting_id, issued_on=issued_on)
    return pdf_text(write_notice_pdf(doc, tmp_path / f"thong-bao-{meeting_id}.pdf"))


def agenda_pdf(ctx, meeting_id: int, issued_on: date, tmp_path) -> str:
    doc = mt.agenda_document(ctx.db, meeting_id, issued_on=issued_on)
    return pdf_text(write_agenda_pdf(doc, tmp_path / f"chuong-trinh-{meeting_id}.pdf"))


def plan(ctx, kind: str, day: date) -> int:
    return mt.plan_meeting(ctx.db, kind, day.year, day.month, day, time(8), "Nhà văn hóa")


def pick_date(page: SettingsPage, day: date) -> None:
    page.papers.terms.date_edit.setDate(QDate(day.year, day.month, day.day))


def type_lines(editor, lines: list[str], type_text) -> None:
    editor.setFocus()
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    for index, line in enumerate(lines):
        if index:
            QTest.keyClick(editor, Qt.Key.Key_Return)
        type_text(editor, line)


# ---------------------------------------------------------------- nhiệm kỳ


def test_a_new_term_start_numbers_the_papers_from_01_again(qtbot, ctx, tmp_path):
    with_cell(ctx)
    regular = plan(ctx, "thuong_ky", date(2026, 2, 5))
    extra = plan(ctx, "bat_thuong", date(2026, 2, 20))
    assert "Số 01-TB/CB" in notice_pdf(ctx, regular, date(2026, 2, 2), tmp_path)
    assert "Số 02-TB/CB" in notice_pdf(ctx, extra, date(2026, 2, 16), tmp_path)
    assert "Số 01-CTr/CB" in agenda_pdf(ctx, regular, date(2026, 2, 2), tmp_path)
    assert "Số 02-CTr/CB" in agenda_pdf(ctx, extra, date(2026, 2, 16), tmp_path)

    page = open_page(qtbot, ctx)
    terms = page.papers.terms
    assert terms.list.count() == 0
    pick_date(page, date(2026, 3, 1))
    terms.add_button.click()
    assert page.has_unsaved_changes() and terms.status.text() == "Có thay đổi chưa lưu."
    assert page.papers.tabText(0).endswith("•")
    terms.save_button.click()
    assert terms.status.text() == "Đã lưu các ngày đại hội."
    assert not page.has_unsaved_changes() and not page.papers.tabText(0).endswith("•")

    again = open_page(qtbot, ctx)
    assert again.papers.terms.days() == [date(2026, 3, 1)]
    assert again.papers.terms.list.item(0).text() == "01/3/2026"
    assert stored_term_starts(ctx.db) == [date(2026, 3, 1)]

    # The congress of 01/3/2026 opened a term: its first notice and agenda are 01 again.
    march = plan(ctx, "thuong_ky", date(2026, 3, 10))
    assert "Số 01-TB/CB" in notice_pdf(ctx, march, date(2026, 3, 5), tmp_path)
    assert "Số 01-CTr/CB" in agenda_pdf(ctx, march, date(2026, 3, 5), tmp_path)
    # The papers of the old term keep their numbers.
    assert "Số 02-TB/CB" in notice_pdf(ctx, extra, date(2026, 3, 5), tmp_path)


def test_a_congress_not_held_yet_or_twice_is_refused_in_vietnamese_and_nothing_saved(
    qtbot, ctx
):
    page = open_page(qtbot, ctx)
    terms = page.papers.terms
    pick_date(page, date(2025, 4, 15))
    terms.add_button.click()
    terms.save_button.click()
    assert stored_term_starts(ctx.db) == [date(2025, 4, 15)]

    # After today (05/3/2026 in the tests): the service's words, next to the date field.
    pick_date(page, date(2026, 3, 6))
    terms.add_button.click()
    assert terms.error.isVisibleTo(page)
    assert terms.error.text() == (
        "Ngày đại hội 06/3/2026 chưa đến (hôm nay là 05/3/2026). "
        "Chỉ ghi ngày đại hội đã diễn ra."
    )
    assert terms.days() == [date(2025, 4, 15)] and not page.has_unsaved_changes()

    pick_date(page, date(2025, 4, 15))
    terms.add_button.click()
    assert terms.error.text() == "Ngày 15/4/2025 đã có trong danh sách."
    assert terms.days() == [date(2025, 4, 15)]

    # Removing every date and saving: the service refuses, the stored date stays.
    terms.list.setCurrentRow(0)
    terms.remove_button.click()
    assert terms.days() == [] and page.has_unsaved_changes()
    terms.save_button.click()
    assert terms.error.text() == "Phải có ngày đại hội chi bộ mở đầu nhiệm kỳ để đánh số văn bản."
    assert terms.status.text() == "Chưa lưu."
    assert stored_term_starts(ctx.db) == [date(2025, 4, 15)]
    reopened = open_page(qtbot, ctx)
    assert reopened.papers.terms.days() == [date(2025, 4, 15)]


# ---------------------------------------------------------------- nơi nhận


def choose_kind(page: SettingsPage, kind: str) -> None:
    combo = page.papers.recipients.kind_combo
    combo.setCurrentIndex(combo.findData(kind))


def test_the_recipients_typed_print_on_the_notice_before_lưu_chi_bộ(
    qtbot, ctx, tmp_path, type_text
):
    with_cell(ctx)
    page = open_page(qtbot, ctx)
    group = page.papers.recipients
    page.papers.setCurrentWidget(group)
    choose_kind(page, "notice")
    assert group.editor.toPlainText() == (
        "Các đồng chí đảng viên trong chi bộ;\nĐồng chí cấp ủy viên phụ trách chi bộ (để dự);"
    )
    type_lines(
        group.editor,
        ["Các đồng chí đảng viên trong chi bộ;", "Đồng chí Lâm Văn Tài, Đảng ủy viên (để dự);"],
        type_text,
    )
    # Typing is kept while another kind is shown, and both are saved by one "Lưu".
    choose_kind(page, "report")
    report = ["Đảng ủy xã Vị Thủy (để báo cáo);", "Ban Tổ chức Đảng ủy;"]
    type_lines(group.editor, report, type_text)
    choose_kind(page, "notice")
    assert "Lâm Văn Tài" in group.editor.toPlainText()
    assert page.has_unsaved_changes()
    group.save_button.click()
    assert group.status.text() == "Đã lưu nơi nhận." and not page.has_unsaved_changes()

    again = open_page(qtbot, ctx)
    choose_kind(again, "notice")
    assert again.papers.recipients.editor.toPlainText() == (
        "Các đồng chí đảng viên trong chi bộ;\nĐồng chí Lâm Văn Tài, Đảng ủy viên (để dự);"
    )
    choose_kind(again, "report")
    assert again.papers.recipients.editor.toPlainText() == (
        "Đảng ủy xã Vị Thủy (để báo cáo);\nBan Tổ chức Đảng ủy;"
    )

    meeting = plan(ctx, "thuong_ky", date(2026, 3, 10))
    text = notice_pdf(ctx, meeting, date(2026, 3, 5), tmp_path)
    assert (
        "Nơi nhận: - Các đồng chí đảng viên trong chi bộ; "
        "- Đồng chí Lâm Văn Tài, Đảng ủy viên (để dự); - Lưu chi bộ."
    ) in text
    assert text.count("Lưu chi bộ") == 1


def test_restoring_the_default_recipients_waits_for_lưu(qtbot, ctx, type_text):
    with_cell(ctx)
    page = open_page(qtbot, ctx)
    group = page.papers.recipients
    type_lines(group.editor, ["Ban Tổ chức Đảng ủy;", "- Lưu chi bộ."], type_text)
    group.save_button.click()
    # "- Lưu chi bộ." typed by habit is not stored: the paper adds it itself.
    assert recipients(ctx.db, "report") == ["Ban Tổ chức Đảng ủy;"]
    assert group.editor.toPlainText() == "Ban Tổ chức Đảng ủy;"

    group.defaults_button.click()
    assert group.editor.toPlainText() == (
        "Đảng ủy xã Vị Thủy (để báo cáo);\nĐồng chí cấp ủy viên phụ trách chi bộ;"
    )
    assert page.has_unsaved_changes()
    assert recipients(ctx.db, "report") == ["Ban Tổ chức Đảng ủy;"]
    group.save_button.click()
    assert recipients(ctx.db, "report") == [
        "Đảng ủy xã Vị Thủy (để báo cáo);",
        "Đồng chí cấp ủy viên phụ trách chi bộ;",
    ]


# ---------------------------------------------------------------- đảng ủy (bản tổng hợp)


def fill_unit(page: SettingsPage, type_text, **values: str) -> None:
    for name, text in values.items():
        edit = page.papers.unit.edits[name]
        edit.selectAll()
        QTest.keyClick(edit, Qt.Key.Key_Delete)
        type_text(edit, text)


def test_the_dang_uy_header_and_signer_print_on_the_consolidated_list(
    qtbot, ctx, tmp_path, type_text
):
    with_cell(ctx)
    page = open_page(qtbot, ctx)
    unit = page.papers.unit
    page.papers.setCurrentWidget(unit)
    fill_unit(
        page,
        type_text,
        name="Đảng ủy xã Vị Thủy",
        above="Đảng bộ huyện Vị Thủy",
        place="Vị Thủy",
        signer_name="Phạm Văn Minh",
        signer_title="Phó Bí thư",
    )
    assert page.has_unsaved_changes()
    unit.save_button.click()
    assert unit.status.text() == "Đã lưu thông tin đảng ủy." and not page.has_unsaved_changes()

    again = open_page(qtbot, ctx)
    assert {name: edit.text() for name, edit in again.papers.unit.edits.items()} == {
        "name": "Đảng ủy xã Vị Thủy",
        "above": "Đảng bộ huyện Vị Thủy",
        "place": "Vị Thủy",
        "signer_name": "Phạm Văn Minh",
        "signer_title": "Phó Bí thư",
    }
    text = pdf_text(print_consolidated(ctx.db, 2025, tmp_path / "tong-hop.pdf", date(2026, 1, 10)))
    assert text.startswith("ĐẢNG BỘ HUYỆN VỊ THỦY ĐẢNG ỦY XÃ VỊ THỦY")
    assert "Vị Thủy, ngày 10 tháng 01 năm 2026" in text
    assert text.endswith("T/M ĐẢNG ỦY PHÓ BÍ THƯ Phạm Văn Minh")


def test_a_dang_uy_without_a_name_is_refused_and_nothing_saved(qtbot, ctx, type_text):
    with_cell(ctx)
    page = open_page(qtbot, ctx)
    unit = page.papers.unit
    page.papers.setCurrentWidget(unit)
    before = unit_header(ctx.db)
    fill_unit(page, type_text, signer_name="Phạm Văn Minh")
    unit.edits["name"].clear()
    unit.save_button.click()
    assert unit.error.isVisibleTo(page)
    assert unit.error.text() == "Phải nhập tên đảng ủy (ví dụ: Đảng ủy xã Long Thạnh)."
    assert unit_header(ctx.db) == before


# ---------------------------------------------------------------- nothing lost


def test_typing_survives_other_pages_and_closing_asks_lưu_không_lưu_quay_lại(
    qtbot, ctx, answers, type_text
):
    from desktop.ui.main_window import NAV_MEMBERS, NAV_SETTINGS, MainWindow

    with_cell(ctx)
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(NAV_SETTINGS)
    page = window.settings_page
    group = page.papers.recipients
    page.papers.setCurrentWidget(group)
    type_lines(group.editor, ["Ban Tuyên giáo Đảng ủy;"], type_text)

    window.nav.setCurrentRow(NAV_MEMBERS)
    window.nav.setCurrentRow(NAV_SETTINGS)
    assert group.editor.toPlainText() == "Ban Tuyên giáo Đảng ủy;"

    answers.save_choice = "cancel"  # Quay lại: the window stays, the typing too
    assert not window.close()
    assert window.isVisible() and "Cài đặt" in answers.questions[-1]
    assert group.editor.toPlainText() == "Ban Tuyên giáo Đảng ủy;"

    answers.save_choice = "save"  # Lưu, the default
    assert window.close()
    assert recipients(ctx.db, "report") == ["Ban Tuyên giáo Đảng ủy;"]


def test_closing_without_saving_keeps_the_stored_recipients(qtbot, ctx, answers, type_text):
    from desktop.ui.main_window import NAV_SETTINGS, MainWindow

    with_cell(ctx)
    stored = recipients(ctx.db, "report")
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(NAV_SETTINGS)
    group = window.settings_page.papers.recipients
    type_lines(group.editor, ["Ban Tuyên giáo Đảng ủy;"], type_text)
    answers.save_choice = "discard"
    assert window.close()
    assert recipients(ctx.db, "report") == stored


def test_every_tab_of_giấy_tờ_in_keeps_the_window_alt_letters_unique(qtbot, ctx):
    """The window's walk (test_windows_fit) sees the tab shown first; the others too."""
    from test_windows_fit import mnemonics

    from desktop.ui.main_window import NAV_SETTINGS, MainWindow

    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(NAV_SETTINGS)
    papers = window.settings_page.papers
    clashes = []
    for index in range(papers.count()):
        papers.setCurrentIndex(index)
        clashes += [
            f"{papers.tabText(index)}: Alt+{letter.upper()} {texts}"
            for letter, texts in mnemonics(window, window.settings_page).items()
        ]
    assert not clashes, "\n".join(clashes)
