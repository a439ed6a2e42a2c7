"""The "Đảng phí" page: collecting 25 members in few keys, closed months, prepayment, the
year grid's reminder, the class history editor, printing, and the 1280×720 fit."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader

from desktop.rules.dues_rules import pack_for_month
from desktop.services.dues import settings
from desktop.services.dues.assignments import AssignmentData, history, set_assignment
from desktop.services.dues.collect import PaymentData, close_month, corrections, record_payments
from desktop.services.dues.ledger import month_sheet

MARCH = (2026, 3)
NAMES = [f"Nguyễn Văn {n}" for n in (
    "An", "Bảo", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hòa", "Khang", "Lâm", "Long", "Minh",
    "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thành", "Trung", "Tuấn", "Vinh",
    "Xuân", "Yên")]


@pytest.fixture
def cell(ctx, make_member):
    db = ctx.db
    settings.set_zone(db, pack_for_month(MARCH), "II")
    settings.set_zone(db, pack_for_month((2025, 12)), "con_lai")
    ids = []
    for number, name in enumerate(NAMES):
        member_id = make_member(db, name)
        classes = [("pension", 4_000_000), ("no_income", None), ("salary", 6_000_000)]
        code, base = classes[number % 3]
        set_assignment(db, member_id, AssignmentData((2025, 1), code, base))
        ids.append(member_id)
    return ids


@pytest.fixture
def page(qtbot, ctx, cell):
    from desktop.ui.dues.page import DuesPage

    widget = DuesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    widget.month_tab.show_month(MARCH)
    return widget


class Keys:
    """Key presses on one widget, counted: each press is one action of the secretary."""

    def __init__(self, qtbot, widget) -> None:
        self.qtbot, self.widget, self.count = qtbot, widget, 0

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.widget, key, modifier)
            self.count += 1


def test_25_members_are_collected_in_at_most_30_actions(qtbot, ctx, page, cell):
    tab = page.month_tab
    tab.table.setFocus()
    keys = Keys(qtbot, tab.table)
    keys.press(Qt.Key.Key_A)  # everyone paid …
    rows = [line.due.full_name for line in tab.model.lines]
    first, second = rows.index("Nguyễn Văn Giang"), rows.index("Nguyễn Văn Tài")
    keys.press(Qt.Key.Key_Down, times=first)  # … then the two exceptions
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Down, times=second - first)
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert keys.count <= 30
    sheet = month_sheet(ctx.db, MARCH)
    unpaid = sorted(line.due.full_name for line in sheet.lines if line.state == "unpaid")
    assert unpaid == ["Nguyễn Văn Giang", "Nguyễn Văn Tài"]
    assert sum(1 for line in sheet.lines if line.state == "paid") == 23
    assert "còn 2 đồng chí chưa nộp đủ" in tab.summary.text()


def test_receipts_count_up_from_the_first_number(qtbot, ctx, page):
    tab = page.month_tab
    tab.first_receipt.setText("041")
    tab.model.mark_all()
    tab.save_marked()
    receipts = sorted(line.paid.text() for line in month_sheet(ctx.db, MARCH).lines)
    assert receipts[0] == "041" and receipts[-1] == "065"


def test_a_closed_month_asks_for_the_reason_and_logs_it(qtbot, ctx, page, answers):
    close_month(ctx.db, MARCH, by="Bí thư")
    tab = page.month_tab
    tab.reload()
    assert "Đã khóa sổ" in tab.closed_label.text()
    asked = []
    tab.reason_for = lambda text: asked.append(text) or ""
    tab.model.mark_all()
    tab.save_marked()
    assert asked and month_sheet(ctx.db, MARCH).total_paid == 0  # cancelled: nothing saved
    tab.reason_for = lambda text: "Thu bổ sung sau khi khóa sổ"
    tab.model.mark_all()
    tab.save_marked()
    assert month_sheet(ctx.db, MARCH).total_paid > 0
    assert {c.reason for c in corrections(ctx.db)} == {"Thu bổ sung sau khi khóa sổ"}


def test_other_payment_dialog_prepays_several_months(qtbot, ctx, page, cell):
    from desktop.ui.dues.payment_dialog import PaymentDialog

    tab = page.month_tab
    row = next(i for i, line in enumerate(tab.model.lines) if line.due.class_code == "pension")
    tab.table.selectRow(row)
    member_id = tab.model.lines[row].due.member_id

    class Answering(PaymentDialog):
        def exec(self) -> int:
            self.months.setValue(3)
            assert self.amount.text() == "60000"  # 3 × 0,5% of 4.000.000
            self._accept()
            return self.result()

    tab.dialog_factory = Answering
    tab.pay_other()
    for month in ((2026, 3), (2026, 4), (2026, 5)):
        line = next(x for x in month_sheet(ctx.db, month).lines if x.due.member_id == member_id)
        assert line.state == "paid"
    tab.undo()
    assert month_sheet(ctx.db, (2026, 4)).total_paid == 0


def test_year_grid_warns_of_three_unpaid_months_with_the_charter(qtbot, ctx, page, cell):
    for month in range(1, 13):
        payers = cell[1:] if month > 9 else cell
        record_payments(ctx.db, [PaymentData(m, ((2025, month),), 100_000, date(2025, month, 5))
                                 for m in payers])
    page.tabs.setCurrentIndex(1)
    year = page.year_tab
    year.show_year(2025)
    assert "Điều lệ Đảng, Điều 8" in year.warnings.text()
    assert NAMES[0] in year.warnings.text()
    assert year.table.rowCount() == 25


def test_history_dialog_adds_a_raise_from_a_month(qtbot, ctx, page, cell):
    from desktop.ui.dues.history_dialog import HistoryDialog

    member_id = cell[2]  # salary
    dialog = HistoryDialog(ctx, member_id, NAMES[2], (2026, 7))
    qtbot.addWidget(dialog)
    assert "01-QĐ/TW" in dialog.source.text()
    dialog.dues_class.setCurrentIndex(dialog.dues_class.findData("salary"))
    dialog.base.setText("7000000")
    dialog.save()
    rows = history(ctx.db, member_id)
    assert [(r.starts, r.base_amount) for r in rows] == [((2025, 1), 6_000_000),
                                                          ((2026, 7), 7_000_000)]
    assert dialog.table.rowCount() == 2


def test_papers_print_from_the_page(qtbot, ctx, page, tmp_path):
    page.month_tab.model.mark_all()
    page.month_tab.save_marked()
    month = page.print_paper("month_pdf", tmp_path / "thang.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(month).pages)
    assert "THÁNG 03/2026" in text
    # The rates still to be checked against the original are the secretary's to know,
    # on the page; the paper cites its basis only.
    assert "chưa đối chiếu" not in text and "Căn cứ:" in text
    assert "chưa đối chiếu văn bản gốc" in page.month_tab.basis.text()
    assert page.print_paper("year_xlsx", tmp_path / "nam.xlsx").exists()
    page.tabs.setCurrentIndex(2)
    assert page.print_paper("remittance_pdf", tmp_path / "nop.pdf").exists()


def test_page_fits_1280_by_720(qtbot, ctx, page):
    from desktop.ui.main_window import NAV_DUES, MainWindow

    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(NAV_DUES)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        size = page.minimumSizeHint()
        assert size.width() <= 1280 - window.nav.width() and size.height() <= 680, index


def test_the_dues_flag_shows_beside_the_absence_warnings(qtbot, ctx, cell):
    from desktop.ui.meetings.page import MeetingsPage

    for month in range(1, 13):
        payers = cell[1:] if month > 9 else cell
        record_payments(ctx.db, [PaymentData(m, ((2025, month),), 100_000, date(2025, month, 5))
                                 for m in payers])
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show_year(2025)
    assert f"Đồng chí {NAMES[0]}: Chưa nộp đảng phí 3 tháng" in page.warnings_label.text()
    assert "Điều 8" in page.warnings_label.text()


def test_corrections_log_lists_who_changed_a_closed_month(qtbot, ctx, page):
    from desktop.ui.dues.corrections_dialog import CorrectionsDialog

    close_month(ctx.db, MARCH)
    page.month_tab.reload()
    page.month_tab.reason_for = lambda text: "Thu bổ sung"
    page.month_tab.collector.setEditText("Trần Thủ Quỹ")
    page.month_tab.model.mark_all()
    page.month_tab.save_marked()
    dialog = CorrectionsDialog(ctx, 2026)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 25
    row = [dialog.table.item(0, c).text() for c in range(7)]
    assert row[1:3] == ["Trần Thủ Quỹ", "03/2026"] and row[4] == "Chưa nộp"
    assert row[5].startswith("Đã nộp") and row[6] == "Thu bổ sung"
