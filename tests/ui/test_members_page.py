"""The members page: search without accents, status filter, delete with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.members.registry import list_members
from desktop.ui.members.page import MembersPage


def visible_names(page: MembersPage) -> list[str]:
    model = page.model
    return [model.row_at(r).full_name for r in range(model.rowCount())]


def test_typing_nguyen_van_without_accents_finds_the_nguyen_van_members(qtbot, ctx, roster):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.search, "nguyen van")
    assert visible_names(page) == ["Nguyễn Văn An", "Nguyễn Văn Bình"]
    assert page.count_label.text() == "Đang hiện 2/4 đảng viên"


def test_typing_d_finds_names_written_with_đ(qtbot, ctx, roster):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.search, "dang")
    assert visible_names(page) == ["Đặng Thị Dung"]


def test_search_finds_a_member_by_card_number_and_by_phone(qtbot, ctx, roster):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.search, "012345678901")
    assert visible_names(page) == ["Nguyễn Văn An"]
    page.search.clear()
    qtbot.keyClicks(page.search, "0912")
    assert visible_names(page) == ["Nguyễn Văn An"]


def test_default_filter_hides_members_who_left_and_all_shows_them(qtbot, ctx, roster):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    assert "Lê Đăng Khoa" not in visible_names(page)
    page.status_combo.setCurrentIndex(page.status_combo.findText("Tất cả"))
    assert "Lê Đăng Khoa" in visible_names(page)
    page.status_combo.setCurrentIndex(page.status_combo.findText("Miễn sinh hoạt"))
    assert visible_names(page) == ["Trần Thị Hoa"]
    page.status_combo.setCurrentIndex(page.status_combo.findText("Đã chuyển đi"))
    assert visible_names(page) == ["Lê Đăng Khoa"]


def test_status_column_shows_the_derived_status(qtbot, ctx, roster):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    model = page.model
    row = model.row_of(roster["hoa"])
    assert model.index(row, 5).data() == "Miễn sinh hoạt"
    assert model.index(model.row_of(roster["an"]), 5).data() == "Chính thức"


def test_delete_asks_first_and_undo_brings_the_member_back(qtbot, ctx, roster, answers):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page._select_member(roster["binh"])
    answers.reply = False
    page.delete_selected()
    assert answers.questions == [
        "Xóa đồng chí Nguyễn Văn Bình khỏi danh sách? Có thể hoàn tác ngay sau khi xóa."
    ]
    assert "Nguyễn Văn Bình" in visible_names(page)

    answers.reply = True
    offered = []
    ctx.undo_offered.connect(offered.append)
    page.delete_selected()
    assert "Nguyễn Văn Bình" not in visible_names(page)
    assert all(r.full_name != "Nguyễn Văn Bình" for r in list_members(ctx.db))
    assert offered == ["Đã xóa đồng chí Nguyễn Văn Bình."]

    ctx.undo_stack.undo()
    assert "Nguyễn Văn Bình" in visible_names(page)
    assert page.selected_id() == roster["binh"]


def test_pressing_delete_in_the_table_deletes_the_selected_member(qtbot, ctx, roster, answers):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page._select_member(roster["an"])
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers.questions and "Nguyễn Văn An" in answers.questions[0]
    assert "Nguyễn Văn An" not in visible_names(page)


def test_filtering_ten_thousand_rows_keeps_the_order(qtbot, ctx):
    from desktop.services.members.registry import MemberRow
    from desktop.services.members.status import MemberStatus
    from desktop.text import fold

    rows = [
        MemberRow(
            i,
            f"Nguyễn Văn {i}",
            "Nam",
            "",
            "",
            MemberStatus.OFFICIAL,
            True,
            None,
            "",
            "",
            "",
            False,
            fold(f"Nguyễn Văn {i}"),
            (i,),
        )
        for i in range(10_000)
    ]
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.model.set_rows(rows)
    page.model.set_query("van 99")
    assert visible_names(page) == [f"Nguyễn Văn {i}" for i in range(10_000) if "99" in str(i)]


def test_keyboard_alone_finds_and_opens_a_member(qtbot, ctx, roster, on_modal):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.members.form import MemberDialog

    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    from desktop.ui.main_window import NAV_MEMBERS

    window.nav.setCurrentRow(NAV_MEMBERS)  # the window opens on Việc cần làm
    page = window.members_page
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is page.search
    qtbot.keyClicks(page.search, "binh")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert window.focusWidget() is page.table

    opened = []

    def look(dialog: MemberDialog) -> None:
        opened.append(dialog.editors["full_name"].text())
        dialog.reject()

    on_modal(MemberDialog, look)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == ["Nguyễn Văn Bình"]


def test_reminders_list_probation_ending_and_open_the_member(
    qtbot, ctx, roster, make_member, on_modal
):
    from datetime import date

    from desktop.ui.members.form import MemberDialog

    make_member(ctx.db, "Phan Thị Dự", admitted=date(2025, 4, 20), official=None)
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.reminders_panel.count() > 0, timeout=10_000)
    item = page.reminders_panel.list.item(0)
    assert "Phan Thị Dự" in item.text() and "dự bị" in item.text()

    opened = []

    def look(dialog: MemberDialog) -> None:
        opened.append(dialog.editors["full_name"].text())
        dialog.reject()

    on_modal(MemberDialog, look)
    page.reminders_panel.list.itemActivated.emit(item)
    assert opened == ["Phan Thị Dự"]


def test_ctrl_n_adds_and_ctrl_z_takes_it_back(qtbot, ctx, roster, on_modal, type_text):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.members.form import MemberDialog

    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    from desktop.ui.main_window import NAV_MEMBERS

    window.nav.setCurrentRow(NAV_MEMBERS)  # the window opens on Việc cần làm
    page = window.members_page

    def fill(dialog: MemberDialog) -> None:
        type_text(dialog.editors["full_name"], "Tô Văn Bảy")
        qtbot.keyClick(dialog.editors["full_name"], Qt.Key.Key_Return)  # Enter saves

    on_modal(MemberDialog, fill)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "Tô Văn Bảy" in visible_names(page)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Tô Văn Bảy" not in visible_names(page)


def test_a_member_deleted_before_a_restart_can_be_restored_from_the_deleted_list(
    qtbot, ctx, roster
):
    from desktop.services.members.registry import delete_member

    delete_member(ctx.db, roster["dung"])  # deleted in an earlier session: no undo left
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    assert page.model.row_of(roster["dung"]) == -1
    dialog = page.show_deleted()
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text().startswith("Đặng Thị Dung — xóa ngày ")
    assert dialog.restore_selected() == roster["dung"]
    assert dialog.list.count() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert page.model.row_of(roster["dung"]) >= 0


def test_tab_reaches_the_toolbar_buttons(qtbot, ctx, roster):
    """Issue 10 point 10: Tab never reached "Thêm", "Sửa", "Xóa"… on the toolbar."""
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)  # every tool button on the bar, none in its overflow menu
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    page.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)
    reached = set()
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    add_button = page.toolbar.widgetForAction(page.add_action)
    edit_button = page.toolbar.widgetForAction(page.edit_action)
    assert add_button in reached
    assert edit_button in reached or not page.edit_action.isEnabled()


def test_the_reminders_panel_has_room_for_five_wrapped_reminders(qtbot):
    """Issue 10 point 12: the panel showed 2.5 of 5 reminders."""
    from datetime import date

    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from desktop.services.members.reminders import Reminder
    from desktop.ui.members.reminders_panel import RemindersPanel

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(700, 1400)
    panel = RemindersPanel()
    QVBoxLayout(window).addWidget(panel)
    window.show()
    qtbot.waitExposed(window)
    long = "chuẩn bị hồ sơ xét công nhận đảng viên chính thức, chi bộ biểu quyết " * 3
    panel.set_reminders(
        [Reminder(i, f"Đảng viên {i}", "probation", long, date(2026, 4, 4)) for i in range(5)]
    )
    one_line = panel.list.sizeHintForRow(0)
    # Each reminder wraps to several lines; the list has room for all of them.
    assert panel.list.minimumHeight() > 5 * 2 * one_line


def test_the_members_table_keeps_room_for_its_rows_beside_the_reminders(qtbot, ctx, roster):
    """On a 1366×768 screen the reminders took half the page and the table showed three
    members; the reminders keep at most a quarter."""
    from datetime import date

    from desktop.services.members.reminders import Reminder

    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 640)
    page.show()
    qtbot.waitExposed(page)
    long = "chuẩn bị hồ sơ xét công nhận đảng viên chính thức, chi bộ biểu quyết " * 3
    page.reminders_panel.set_reminders(
        [Reminder(i, f"Đảng viên {i}", "probation", long, date(2026, 4, 4)) for i in range(5)]
    )
    qtbot.wait(50)
    assert page.reminders_panel.list.minimumHeight() <= 640 // 4


def test_no_status_is_cut_short_in_the_members_table(qtbot, ctx, roster):
    """Issue 10 point 12: "Chính thức, đ…" instead of "Chính thức, đi xa"."""
    from dataclasses import replace

    from desktop.services.members.registry import get_member, update_member
    from desktop.ui.members.table_model import COLUMNS

    data = get_member(ctx.db, roster["an"]).data
    update_member(ctx.db, roster["an"], replace(data, works_far_away=True), ctx.today())
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    column = COLUMNS.index("Tình trạng")
    texts = [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]
    assert any("đi xa" in t for t in texts)
    metrics = page.table.fontMetrics()
    width = page.table.horizontalHeader().sectionSize(column)
    assert all(metrics.horizontalAdvance(t) + 8 <= width for t in texts)
