"""Cài đặt: cell details, text size, backups and restoring one; the first start."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.config import Settings
from desktop.services.cell.details import get_cell
from desktop.services.members.registry import list_members
from desktop.storage.backup import list_backups
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_page import SettingsPage


def test_cell_details_are_saved(qtbot, ctx, type_text):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    changed = []
    ctx.cell_changed.connect(lambda: changed.append(True))
    type_text(page.cell_form.edits["name"], "Ấp  Thạnh Lợi")
    type_text(page.cell_form.edits["superior_name"], "Đảng bộ xã Vị Thủy")
    page.save_cell_button.click()
    cell = get_cell(ctx.db)
    assert (cell.name, cell.superior_name) == ("Ấp Thạnh Lợi", "Đảng bộ xã Vị Thủy")
    assert page.cell_status.text() == "Đã lưu thông tin chi bộ."
    assert changed


def test_text_size_applies_to_the_whole_app_at_once_and_is_remembered(qtbot, ctx):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    original = QApplication.font().pointSize()
    try:
        page.font_combo.setCurrentIndex(page.font_combo.findData(16))
        assert QApplication.font().pointSize() == 16
        qtbot.waitUntil(lambda: page.font_combo.font().pointSize() == 16)
        assert page.cell_form.edits["name"].font().pointSize() == 16
        assert Settings.load(ctx.data_dir).font_point_size == 16
    finally:
        from desktop.ui.style import apply_font_size

        apply_font_size(original)


def test_backup_now_adds_a_backup_to_the_list(qtbot, ctx):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.backups.table.rowCount() == 0
    page.backups.backup_button.click()
    assert page.backups.table.rowCount() == 1
    assert page.backups.table.item(0, 1).text() == "Sao lưu ngay (bấm tay)"
    assert page.backups.status.text().startswith("Đã sao lưu vào tệp sochibo-")


def test_restoring_a_backup_brings_back_its_members(qtbot, ctx, roster, answers, make_member):
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    backups = window.settings_page.backups
    backups.backup_now()
    make_member(ctx.db, "Người Mới Thêm")
    ctx.members_changed.emit(0)
    assert window.count_label.text() == "5 đảng viên đang sinh hoạt"

    backups.reload()
    backups.table.selectRow(0)
    backups.restore_selected()
    assert "Trước khi khôi phục" in answers.questions[-1]

    names = {m.full_name for m in list_members(ctx.db)}
    assert "Người Mới Thêm" not in names and "Nguyễn Văn An" in names
    assert window.count_label.text() == "4 đảng viên đang sinh hoạt"
    reasons = [b.reason for b in list_backups(ctx.workspace.backups_dir)]
    assert "truoc-khoi-phuc" in reasons
    assert window.settings_page.backups.table.rowCount() == len(reasons)
    ctx.workspace.close()


def test_restoring_needs_a_yes(qtbot, ctx, roster, answers):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.backups.backup_now()
    requested = []
    page.backups.restore_requested.connect(requested.append)
    answers.reply = False
    page.backups.restore_selected()
    assert requested == []


def test_first_start_offers_the_sample_cell(qtbot, app, workspace, on_modal):
    from desktop.ui.first_start import FirstStartDialog, needs_first_start, run_first_start

    assert needs_first_start(workspace)
    on_modal(FirstStartDialog, lambda dialog: dialog.demo_button.click())
    assert run_first_start(workspace) == "demo"
    assert len(list_members(workspace.db)) == 25
    assert get_cell(workspace.db).is_set
    assert Settings.load(workspace.data_dir).first_start_done
    assert not needs_first_start(workspace)


def test_first_start_empty_asks_for_the_cell_details(qtbot, app, workspace, on_modal, type_text):
    from desktop.ui.cell_form import CellInfoDialog
    from desktop.ui.first_start import FirstStartDialog, run_first_start

    def fill_cell(dialog: CellInfoDialog) -> None:
        type_text(dialog.form.edits["name"], "Khu phố 3")
        dialog.accept()

    def choose_empty(dialog: FirstStartDialog) -> None:
        on_modal(CellInfoDialog, fill_cell)
        dialog.empty_button.click()

    on_modal(FirstStartDialog, choose_empty)
    assert run_first_start(workspace) == "empty"
    assert get_cell(workspace.db).name == "Khu phố 3"
    assert list_members(workspace.db) == []
