"""Import from Excel: preview first, the button says what will happen, then import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from desktop.services.members.registry import list_members
from desktop.storage.backup import list_backups
from desktop.ui.importing.dialog import STEP_PREVIEW, STEP_REPORT, ImportDialog


def write_roster(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP MỸ HÒA"])
    sheet.append([])
    sheet.append(
        ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số thẻ đảng viên", "Ngày vào Đảng"]
    )
    sheet.append([1, "NGUYỄN VĂN AN", "Nam", "12/3/1960", "12345678901", "19/5/1985"])
    sheet.append([2, "Lê Thị Bé", "Nữ", "1972", "092011122233", "03/02/2001"])
    sheet.append([3, "Nguyễn Văn An", "Nam", "12/3/1960", "012345678901", "19/5/1985"])
    sheet.append([4, "Trần Văn Cường", "Nam", "30/02/1970", "", ""])
    sheet.append(["", "Tổng cộng: 4 đồng chí"])
    book.save(path)
    return path


def open_and_plan(qtbot, ctx, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    return dialog


def test_preview_shows_every_line_and_the_button_says_what_will_happen(qtbot, ctx, tmp_path):
    dialog = open_and_plan(qtbot, ctx, write_roster(tmp_path / "ds.xlsx"))
    assert dialog.steps.currentIndex() == STEP_PREVIEW
    model = dialog.preview_model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert rows == [
        ["4", "Sẽ nhập", "Nguyễn Văn An"],
        ["5", "Sẽ nhập", "Lê Thị Bé"],
        ["6", "Trùng, bỏ qua", "Nguyễn Văn An"],
        ["7", "Lỗi", "Trần Văn Cường"],
    ]
    assert "30/02/1970" in model.index(3, 5).data()
    assert (
        dialog.confirm_button.text() == "Nhập 2 đảng viên mới (1 dòng trùng sẽ bỏ qua, 1 dòng lỗi)"
    )
    assert dialog.confirm_button.isEnabled()
    assert list_members(ctx.db) == []  # nothing written before confirming


def test_confirming_imports_backs_up_and_reports(qtbot, ctx, tmp_path, monkeypatch):
    dialog = open_and_plan(qtbot, ctx, write_roster(tmp_path / "ds.xlsx"))
    changed = []
    ctx.members_changed.connect(changed.append)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)

    assert dialog.steps.currentIndex() == STEP_REPORT
    names = sorted(r.full_name for r in list_members(ctx.db))
    assert names == ["Lê Thị Bé", "Nguyễn Văn An"]
    an = next(r for r in list_members(ctx.db) if r.full_name == "Nguyễn Văn An")
    assert an.card_number == "012345678901"  # the lost leading zero is back
    assert [b.reason for b in list_backups(ctx.workspace.backups_dir)] == ["sau-nhap"]
    assert dialog.report_summary.text().startswith("Đã nhập 2 đảng viên vào danh sách.")
    assert "Dòng 7: không nhập Trần Văn Cường" in dialog.report_text.toPlainText()
    assert changed and changed[-1] in {m.id for m in list_members(ctx.db)}

    from desktop.ui import files

    target = tmp_path / "bao-cao.txt"
    monkeypatch.setattr(files, "save_file", lambda *args: target)
    assert dialog.save_report() == target
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("Kết quả nhập tệp ds.xlsx")


def test_changing_a_column_mapping_plans_again(qtbot, ctx, tmp_path):
    dialog = open_and_plan(qtbot, ctx, write_roster(tmp_path / "ds.xlsx"))
    first_plan = dialog.plan
    card_column = dialog.plan.mapping["card_number"]
    dialog.mapping.choose(card_column, "")  # "(bỏ qua)": the card column is not imported
    qtbot.waitUntil(lambda: dialog.plan is not first_plan, timeout=10_000)
    assert "card_number" not in dialog.plan.mapping
    assert dialog.preview_model.index(0, 4).data() == ""


def test_a_file_without_a_roster_is_explained(qtbot, ctx, tmp_path, answers):
    path = tmp_path / "trong.csv"
    path.write_text("abc;def\n1;2\n", encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open_file(path)
    qtbot.waitUntil(lambda: dialog.task.done, timeout=10_000)
    assert dialog.plan is None
    assert "Không tìm thấy dòng tiêu đề" in dialog.choose_error.text()
    assert answers.shown and answers.shown[-1][0] == "error"


def test_a_name_differing_only_in_tone_marks_is_asked_before_importing(
    qtbot, ctx, tmp_path, answers
):
    from desktop.services.members.registry import MemberData, create_member
    from desktop.text import PartialDate

    create_member(
        ctx.db, MemberData(full_name="Nguyễn Văn Ánh", birth_date=PartialDate(1950, 3, 12))
    )
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Giới tính,Ngày sinh\nNguyễn Văn Anh,Nam,12/03/1950\n", "utf-8")
    dialog = open_and_plan(qtbot, ctx, path)
    assert dialog.confirm_button.isEnabled()
    answers.reply = True
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert any("chỉ khác dấu" in q for q in answers.questions)
    names = {m.full_name for m in list_members(ctx.db)}
    assert {"Nguyễn Văn Ánh", "Nguyễn Văn Anh"} <= names


def test_the_column_mapping_shows_each_column_whole_at_the_largest_size(
    qtbot, ctx, tmp_path, monkeypatch
):
    """Issue 10 point 12: "K: Số thẻ đản…" in the mapping; the whole name is needed."""
    from PySide6.QtCore import QSize

    from desktop.ui.style import DEFAULT_FONT_SIZE, FONT_SIZES, apply_font_size
    from tests.ui.test_windows_fit import cut_texts, use_screen

    book = Workbook()
    sheet = book.active
    headers = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Quê quán", "Dân tộc", "Tôn giáo",
               "Nghề nghiệp", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ đảng viên"]
    sheet.append(headers)
    sheet.append([1, "Nguyễn Văn An", "Nam", "12/3/1960", "Long An", "Kinh", "Không", "Nông dân",
                  "19/5/1985", "19/5/1986", "012345678901"])
    path = tmp_path / "ds-rong.xlsx"
    book.save(path)
    use_screen(monkeypatch, QSize(1366, 728))
    apply_font_size(FONT_SIZES[-1])
    try:
        dialog = open_and_plan(qtbot, ctx, path)
        mapping = dialog.mapping
        assert mapping.item(10, 0).text() == "K: Số thẻ đảng viên"
        cuts = [p for p in cut_texts(dialog) if "«K:" in p or "Số thẻ" in p]
        assert not cuts, cuts
    finally:
        apply_font_size(DEFAULT_FONT_SIZE)
