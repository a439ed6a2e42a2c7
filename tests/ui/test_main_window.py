"""The main window: every part listed and built, status bar, closing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.ui.main_window import MainWindow

PARTS = [
    "Việc cần làm",
    "Đảng viên",
    "Sinh hoạt chi bộ",
    "Chuyên đề và cam kết",
    "Kiểm điểm và xếp loại",
    "Đảng phí",
    "Xuất dữ liệu",
    "Cài đặt",
]


def make_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    return window


def test_navigation_lists_every_part(qtbot, ctx):
    window = make_window(qtbot, ctx)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == PARTS
    assert window.pages.count() == len(PARTS)


def test_no_part_says_it_is_still_being_built(qtbot, ctx):
    window = make_window(qtbot, ctx)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        page = window.pages.currentWidget()
        labels = " ".join(w.text() for w in page.findChildren(QLabel))
        assert "phiên bản sau" not in labels, window.nav.item(row).text()


def test_status_bar_names_the_cell_and_counts_members(qtbot, ctx, roster):
    from desktop.services.cell.details import CellInfo, save_cell

    save_cell(ctx.db, CellInfo("Ấp Tân Phú", "Đảng bộ xã Long Thạnh"))
    ctx.cell_changed.emit()
    window = make_window(qtbot, ctx)
    assert window.cell_label.text() == "Chi bộ Ấp Tân Phú — Đảng bộ xã Long Thạnh"
    assert window.count_label.text() == "4 đảng viên đang sinh hoạt"


def test_menus_are_vietnamese_with_shortcuts(qtbot, ctx):
    window = make_window(qtbot, ctx)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Tệp", "Sử&a", "Trợ giú&p"]
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_deleting_offers_undo_in_the_status_bar(qtbot, ctx, roster):
    window = make_window(qtbot, ctx)
    window.show()
    page = window.members_page
    page._select_member(roster["an"])
    page.delete_selected()
    assert window.undo_banner.isVisible()
    assert window.undo_banner.label.text() == "Đã xóa đồng chí Nguyễn Văn An."
    window.undo_banner.button.click()
    assert page.model.row_of(roster["an"]) >= 0
    assert window.count_label.text() == "4 đảng viên đang sinh hoạt"


def test_window_says_when_it_was_first_painted(qtbot, ctx):
    window = make_window(qtbot, ctx)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    assert window.first_paint_done


def test_search_box_has_focus_on_the_members_page(qtbot, ctx, roster):
    from desktop.ui.main_window import NAV_MEMBERS

    window = make_window(qtbot, ctx)
    window.show()
    window.nav.setCurrentRow(NAV_MEMBERS)
    assert window.focusWidget() is window.members_page.search


def test_closing_the_window_closes_the_data_folder(qtbot, app, tmp_path):
    from desktop.app import main_window_for
    from desktop.services.cell.workspace import Workspace

    workspace = Workspace(tmp_path / "own", lock=True)
    window = main_window_for(workspace)
    qtbot.addWidget(window)
    window.show()
    window.close()
    reopened = Workspace(tmp_path / "own", lock=True)  # the lock was released
    reopened.close()


def test_closing_with_an_unsaved_form_asks_first(qtbot, ctx, answers, type_text):
    from desktop.ui.members.form import MemberDialog

    window = make_window(qtbot, ctx)
    window.show()
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.editors["full_name"], "Đào Văn Mới")
    answers.reply = False
    assert not window.close()
    assert "còn thay đổi chưa lưu" in answers.questions[-1]
    answers.reply = True
    assert window.close()
    assert not dialog.isVisible()


def test_leaving_the_app_can_save_the_unsaved_form_first(qtbot, ctx, answers, type_text):
    from desktop.ui.members.form import MemberDialog

    window = make_window(qtbot, ctx)
    window.show()
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.editors["full_name"], "Đào Văn Mới")
    answers.save_choice = "save"
    assert window.close()
    assert dialog.saved_id is not None


def test_about_names_the_version_and_the_data_folder(ctx):
    from desktop import __version__
    from desktop.ui.about import about_text

    text = about_text(ctx)
    assert __version__ in text
    assert str(ctx.data_dir) in text
    assert str(ctx.workspace.database_path) in text
    assert "Phông chữ đang dùng" in text


def test_a_folder_in_use_is_explained_and_the_app_does_not_start(app, tmp_path, answers):
    from desktop.app import run_gui
    from desktop.storage.lock import DataFolderLock

    with DataFolderLock(tmp_path / "dang-mo"):
        assert run_gui(tmp_path / "dang-mo") == 1
    kind, text = answers.shown[-1]
    assert kind == "error"
    assert text.startswith("Sổ Chi bộ đang được mở ở một cửa sổ khác")


def test_data_from_a_newer_version_is_refused(app, tmp_path, answers):
    import sqlite3

    from desktop.app import run_gui
    from desktop.services.cell.workspace import Workspace

    folder = tmp_path / "moi-hon"
    Workspace(folder, lock=False).close()
    with sqlite3.connect(folder / "sochibo.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    assert run_gui(folder) == 1
    assert "phiên bản Sổ Chi bộ mới hơn" in answers.shown[-1][1]


def test_start_up_benchmark_entry_points_exist(app, workspace):
    from desktop.app import create_application, main_window_for

    assert create_application() is app
    window = main_window_for(workspace, owns_workspace=False)
    assert window.windowTitle().startswith("Sổ Chi bộ")
    window.deleteLater()


def test_a_dang_uy_copy_is_not_called_a_cell(qtbot, ctx):
    from desktop.services.cell.details import CellInfo, save_cell

    save_cell(ctx.db, CellInfo("Đảng ủy xã Vị Thủy", "Đảng bộ thành phố Cần Thơ"))
    ctx.cell_changed.emit()
    window = make_window(qtbot, ctx)
    assert window.cell_label.text() == "Đảng ủy xã Vị Thủy — Đảng bộ thành phố Cần Thơ"
    assert window.windowTitle() == "Sổ Chi bộ — Đảng ủy xã Vị Thủy"


def test_ctrl_p_prints_the_main_paper_of_the_page_shown(qtbot, ctx, monkeypatch):
    window = make_window(qtbot, ctx)
    printed = []
    monkeypatch.setattr(window.members_page, "print_roster", lambda: printed.append("roster"))
    monkeypatch.setattr(window.meetings_page, "print_book", lambda: printed.append("book"))
    monkeypatch.setattr(
        window.reviews_page, "print_rating_list", lambda: printed.append("ratings")
    )
    from desktop.ui.main_window import NAV_MEETINGS, NAV_MEMBERS, NAV_REVIEWS

    for row in (NAV_MEMBERS, NAV_MEETINGS, NAV_REVIEWS):
        window.nav.setCurrentRow(row)
        window.print_action.trigger()
    assert printed == ["roster", "book", "ratings"]
    assert window.print_action.text() == "&In danh sách xếp loại…"


def test_ctrl_f_goes_to_the_search_of_the_page_shown(qtbot, ctx):
    window = make_window(qtbot, ctx)
    window.show()
    window.activateWindow()
    from desktop.ui.main_window import NAV_REVIEWS

    window.nav.setCurrentRow(NAV_REVIEWS)
    window.nav.setFocus()
    window.find_any_action.trigger()
    assert window.reviews_page.search.hasFocus() or (
        window.focusWidget() is window.reviews_page.search
    )
