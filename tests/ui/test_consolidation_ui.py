"""The đảng ủy's consolidation: the cells' packages imported, counted, refused when tampered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.exchange.consolidation import expected_cells
from desktop.services.members.registry import MemberData, create_member
from desktop.packaging.ratings import export_ratings
from desktop.services.reviews.ratings import ProposalData, record_proposal
from desktop.services.cell.workspace import Workspace
from desktop.text import PartialDate
from desktop.ui.exporting import consolidation_actions, import_flow
from desktop.ui.exporting.consolidation_page import ConsolidationPage
from desktop.ui.preview import PdfPreviewDialog
from desktop.ui.widgets import ERROR_COLOUR

YEAR = 2026
EXPORTED_ON = date(2026, 12, 10)


def export_cell(
    folder: Path, name: str, levels: list[str], stick: Path, first_card: int = 1, **export
) -> Path:
    """A cell's data folder with one proposal per member, exported to ``stick``."""
    ws = Workspace(folder, lock=False)
    try:
        save_cell(ws.db, CellInfo(name, "Đảng bộ xã Vị Thủy", "Vị Thủy", "2025–2030"))
        for index, level in enumerate(levels):
            member_id = create_member(
                ws.db,
                MemberData(
                    full_name=f"Nguyễn Văn {chr(65 + index)}",
                    birth_date=PartialDate(1980 + index),
                    card_number=f"0920{first_card + index:08d}",
                    admitted_on=date(2010, 5, 19),
                    official_on=date(2011, 5, 19),
                ),
                today=EXPORTED_ON,
            )
            record_proposal(ws.db, member_id, YEAR, ProposalData(level, 9, 10), today=EXPORTED_ON)
        stick.mkdir(parents=True, exist_ok=True)
        return export_ratings(ws.db, YEAR, stick, today=EXPORTED_ON, **export).path
    finally:
        ws.close()


@pytest.fixture
def page(qtbot, ctx) -> ConsolidationPage:
    save_cell(ctx.db, CellInfo("Đảng ủy xã Vị Thủy", "Đảng bộ tỉnh Cần Thơ", "Vị Thủy", ""))
    widget = ConsolidationPage(ctx)
    qtbot.addWidget(widget)
    return widget


def import_and_wait(qtbot, page: ConsolidationPage, paths: list[Path]) -> list[str]:
    importer = page.import_paths(paths)
    qtbot.waitUntil(lambda: importer.done, timeout=20_000)
    return [line.text for line in importer.lines]


def table_rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_two_cells_are_counted_per_cell_and_in_total(qtbot, page, tmp_path):
    stick = tmp_path / "usb"
    a = export_cell(tmp_path / "a", "Ấp Tân Phú", ["HTXSNV", "HTTNV", "HTTNV", "HTTNV"], stick)
    b = export_cell(tmp_path / "b", "Ấp Thạnh Lợi", ["HTTNV", "HTNV"], stick, 100)

    lines = import_and_wait(qtbot, page, [a, b / "manifest.json"])

    assert lines[0].startswith(f"{a.name}: đã nhập gói của chi bộ Ấp Tân Phú năm 2026")
    assert "(2 đảng viên)" in lines[1]
    rows = table_rows(page.counts_table)
    headers = [
        page.counts_table.horizontalHeaderItem(c).text()
        for c in range(page.counts_table.columnCount())
    ]
    assert headers[:3] == ["Chi bộ", "Số đảng viên", "Không xếp loại"]
    assert [r[0] for r in rows] == ["Ấp Tân Phú", "Ấp Thạnh Lợi", "Tổng cộng"]
    assert rows[2][1] == "6"
    assert headers[3:] == ["Xuất sắc", "Tốt", "Hoàn thành", "Không hoàn thành"]
    assert rows[0][3:] == ["1", "3", "0", "0"]
    assert rows[2][3:] == ["1", "4", "1", "0"]
    assert [r[0] for r in table_rows(page.received_table)] == ["Ấp Tân Phú", "Ấp Thạnh Lợi"]
    assert "Tỷ lệ xuất sắc trong toàn đảng bộ" in page.quota_label.text()


def test_a_tampered_package_is_refused_with_the_reason(qtbot, page, tmp_path):
    package = export_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"], tmp_path / "usb")
    sheet = package / f"danh-sach-xep-loai-{YEAR}.xlsx"
    data = bytearray(sheet.read_bytes())
    data[100] ^= 0x01
    sheet.write_bytes(bytes(data))

    (line,) = import_and_wait(qtbot, page, [package])

    assert line.startswith(f"{package.name}: không nhập được.")
    assert f"Tệp “{sheet.name}” đã bị thay đổi hoặc hỏng sau khi xuất" in line
    assert page.counts_table.rowCount() == 0
    assert page.outcomes.item(0).foreground().color().name() == ERROR_COLOUR


def test_cells_that_have_not_reported_are_listed_as_missing(qtbot, page, tmp_path):
    a = export_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"], tmp_path / "usb")
    page.expected_edit.setPlainText("Ấp Tân Phú\n  Ấp Long Bình \n\n")
    page.save_expected()
    import_and_wait(qtbot, page, [a])

    assert expected_cells(page.ctx.db) == ["Ấp Tân Phú", "Ấp Long Bình"]
    statuses = [page.status_list.item(i).text() for i in range(page.status_list.count())]
    assert statuses == ["Ấp Tân Phú — đã nộp", "Ấp Long Bình — Chưa nộp"]
    assert page.missing_label.text() == "Chưa nộp: Ấp Long Bình."


def test_a_member_reported_by_two_cells_is_pointed_out(qtbot, page, tmp_path):
    stick = tmp_path / "usb"
    a = export_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"], stick, 7)
    b = export_cell(tmp_path / "b", "Ấp Thạnh Lợi", ["HTTNV"], stick, 7)
    import_and_wait(qtbot, page, [a, b])
    assert not page.duplicates_label.isHidden()
    assert "có trong danh sách của 2 chi bộ: Ấp Tân Phú, Ấp Thạnh Lợi" in (
        page.duplicates_label.text()
    )


def test_quota_line_is_red_when_the_organisation_exceeds_it(qtbot, page, tmp_path):
    a = export_cell(tmp_path / "a", "Ấp Tân Phú", ["HTXSNV", "HTXSNV", "HTTNV"], tmp_path / "u")
    import_and_wait(qtbot, page, [a])
    colour = page.quota_label.palette().color(QPalette.ColorRole.WindowText).name()
    assert "vượt" in page.quota_label.text()
    assert colour == ERROR_COLOUR


def test_an_encrypted_package_asks_for_the_password_again_when_wrong(
    qtbot, page, tmp_path, monkeypatch
):
    package = export_cell(
        tmp_path / "a", "Ấp Tân Phú", ["HTTNV"], tmp_path / "usb", password="Tan-Phu-2026"
    )
    asked: list[str] = []
    replies = iter(["sai-mat-khau", "Tan-Phu-2026"])

    def ask_password(parent, name, problem=""):
        asked.append(problem)
        return next(replies)

    monkeypatch.setattr(import_flow, "ask_password", ask_password)
    (line,) = import_and_wait(qtbot, page, [package])
    assert asked[0] == "" and "mật khẩu" in asked[1].lower()
    assert "đã nhập gói của chi bộ Ấp Tân Phú" in line


def test_giving_up_on_the_password_imports_nothing(qtbot, page, tmp_path, monkeypatch):
    package = export_cell(
        tmp_path / "a", "Ấp Tân Phú", ["HTTNV"], tmp_path / "usb", password="Tan-Phu-2026"
    )
    monkeypatch.setattr(import_flow, "ask_password", lambda *args: None)
    (line,) = import_and_wait(qtbot, page, [package])
    assert line.endswith("chưa nhập vì không có mật khẩu.")
    assert page.received_table.rowCount() == 0


def test_a_newer_package_replaces_the_old_one_after_confirmation(qtbot, page, tmp_path, answers):
    older = export_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"], tmp_path / "usb1")
    import_and_wait(qtbot, page, [older])
    # The cell exports again (same data folder, so the same cell) a little later.
    ws = Workspace(tmp_path / "a", lock=False)
    try:
        member_id = create_member(
            ws.db,
            MemberData(full_name="Trần Văn Mới", birth_date=PartialDate(1990)),
            today=EXPORTED_ON,
        )
        record_proposal(ws.db, member_id, YEAR, ProposalData("HTNV", 9, 10), today=EXPORTED_ON)
        (tmp_path / "usb2").mkdir()
        newer = export_ratings(ws.db, YEAR, tmp_path / "usb2", today=EXPORTED_ON).path
    finally:
        ws.close()

    answers.reply = False
    (kept,) = import_and_wait(qtbot, page, [newer])
    assert kept.endswith("không nhập; giữ gói đã có.")
    assert "nhập sẽ thay thế gói đã có" in answers.questions[-1]

    answers.reply = True
    (line,) = import_and_wait(qtbot, page, [newer])
    assert "đã nhập, thay gói cũ của chi bộ Ấp Tân Phú" in line and "(2 đảng viên)" in line
    assert page.received_table.rowCount() == 1


def test_choosing_the_stick_folder_imports_every_package_on_it(qtbot, page, tmp_path, monkeypatch):
    stick = tmp_path / "usb"
    export_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"], stick)
    export_cell(tmp_path / "b", "Ấp Thạnh Lợi", ["HTNV"], stick, 100)
    monkeypatch.setattr(
        consolidation_actions.QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick)
    )
    page.import_button.click()
    qtbot.waitUntil(lambda: page.importer is not None and page.importer.done, timeout=20_000)
    assert page.received_table.rowCount() == 2


def test_print_shows_the_consolidated_list_and_excel_is_saved(qtbot, page, tmp_path, answers):
    a = export_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"], tmp_path / "usb")
    import_and_wait(qtbot, page, [a])
    assert page.print_button.isEnabled()

    task = page.print_consolidated()
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
    assert previews and previews[-1].page_count >= 1
    for dialog in previews:
        dialog.reject()

    target = tmp_path / "tong-hop"
    task = page.export_excel(target)
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert target.with_suffix(".xlsx").is_file()
    assert answers.shown[-1][0] == "info"


def test_nothing_to_print_before_any_package(page):
    assert not page.print_button.isEnabled()
    assert page.quota_label.text() == "Chưa có gói nào của năm 2026."


def test_a_locked_consolidated_excel_file_is_explained(qtbot, page, tmp_path, answers,
                                                       monkeypatch):
    import desktop.printing.exchange.consolidated_xlsx as xlsx

    locked = PermissionError(13, "Permission denied", str(tmp_path / ".tong-hop.xlsx.tmp"))
    monkeypatch.setattr(xlsx, "write_consolidated_xlsx", lambda *a: (_ for _ in ()).throw(locked))
    target = tmp_path / "tong-hop.xlsx"
    task = page.export_excel(target)
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    kind, text = answers.shown[-1]
    assert kind == "error" and f"tệp {target}:" in text and ".tmp" not in text
    assert "đang mở ở chương trình khác" in text
