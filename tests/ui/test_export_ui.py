"""Sending the year's ratings, a backup and the handover package to a (simulated) stick."""

from __future__ import annotations

import dataclasses
import errno
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from desktop.exchange import write as exchange_write
from desktop.services.cell.details import CellInfo, save_cell
from desktop.storage.backup import verify_backup_file
from desktop.ui.export_page import ExportPage
from desktop.ui.exporting import drive_picker, import_flow, jobs, restore
from desktop.ui.exporting.drive_picker import DrivePicker, Volume, size_text, volume_label
from desktop.ui.exporting.export_dialog import ExportDialog

PACKAGE = "SoChiBo-XepLoai-2026-Ap-Tan-Phu"


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def page(qtbot, ctx, roster, stick) -> ExportPage:
    save_cell(ctx.db, CellInfo("Ấp Tân Phú", "Đảng bộ xã Vị Thủy", "Vị Thủy", ""))
    widget = ExportPage(ctx, QAction(), QAction())
    widget.volume_source = lambda: [Volume(stick, "KINGSTON", 3 * 1024**3)]
    qtbot.addWidget(widget)
    return widget


def run_export(qtbot, dialog: ExportDialog, answers, **start) -> None:
    shown = len(answers.shown)
    assert dialog.start(**start) is not None
    qtbot.waitUntil(lambda: len(answers.shown) > shown or not dialog.running, timeout=20_000)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)


def test_ratings_reach_the_stick_verified_and_the_user_is_told_it_is_safe(
    qtbot, page, stick, answers
):
    dialog = page.open_job(jobs.RATINGS)
    assert dialog.picker.target() == stick
    assert dialog.year.value() == 2026
    run_export(qtbot, dialog, answers)

    package = stick / PACKAGE
    assert (package / "manifest.json").is_file()
    assert sorted(p.name for p in stick.iterdir()) == [PACKAGE]  # nothing half-written beside it
    kind, text = answers.shown[-1]
    assert kind == "info"
    assert text.startswith(f"Đã chép và kiểm tra xong gói kết quả xếp loại «{PACKAGE}»")
    assert f"USB «KINGSTON» ({stick})" in text
    assert str(package) in text
    assert dialog.result is not None and f"Mã kiểm tra: {dialog.result.sha256[:12]}" in text
    assert text.endswith("Có thể rút USB an toàn.")


def test_export_log_shows_what_was_written_where_with_its_checksum(qtbot, page, stick, answers):
    dialog = page.open_job(jobs.RATINGS)
    run_export(qtbot, dialog, answers)
    log = page.log
    assert log.rowCount() == 1
    row = [log.item(0, c).text() for c in range(log.columnCount())]
    sha = dialog.result.sha256
    # Three files and the list of what is still missing (the roster has no proposals).
    assert row[1:6] == ["Kết quả xếp loại", "2026", str(stick), PACKAGE, "4"]
    assert row[7] == sha[:12] and row[8] == "không"
    assert sha in log.item(0, 7).toolTip()


def test_a_full_stick_leaves_no_package_and_says_what_to_do(
    qtbot, page, stick, answers, monkeypatch
):
    real_write = exchange_write.write_file
    written = []

    def fills_up(path, data, tracker, text, hooks):
        if written:  # the first file fits, the second does not
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written.append(path)
        real_write(path, data, tracker, text, hooks)

    monkeypatch.setattr(exchange_write, "write_file", fills_up)
    dialog = page.open_job(jobs.RATINGS)
    run_export(qtbot, dialog, answers)

    assert written and not written[0].exists()
    assert list(stick.iterdir()) == []
    kind, text = answers.shown[-1]
    assert kind == "error"
    assert "đầy" in text and "USB" in text
    assert dialog.error.text() == text and dialog.isVisible()  # stays open to try another
    assert page.log.rowCount() == 0


def test_a_folder_chosen_through_the_file_dialog_is_used(
    qtbot, page, tmp_path, answers, monkeypatch
):
    folder = tmp_path / "Hồ sơ gửi đảng ủy"
    folder.mkdir()
    monkeypatch.setattr(
        drive_picker.QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder)
    )
    dialog = page.open_job(jobs.RATINGS)
    dialog.picker.folder_button.click()
    assert dialog.picker.target() == folder
    run_export(qtbot, dialog, answers)
    assert (folder / PACKAGE / "manifest.json").is_file()
    assert f"vào thư mục {folder}" in answers.shown[-1][1]


def test_a_package_already_on_the_stick_is_replaced_only_after_asking(qtbot, page, stick, answers):
    run_export(qtbot, page.open_job(jobs.RATINGS), answers)
    first = json.loads((stick / PACKAGE / "manifest.json").read_text("utf-8"))

    answers.reply = False
    dialog = page.open_job(jobs.RATINGS)
    dialog.send_despite_gaps = lambda _year: True  # "no" is for the replace question only
    run_export(qtbot, dialog, answers)
    assert "Thay thế gói cũ bằng gói mới?" in answers.questions[-1]
    assert "giữ nguyên" in dialog.status.text()
    assert json.loads((stick / PACKAGE / "manifest.json").read_text("utf-8")) == first

    answers.reply = True
    dialog = page.open_job(jobs.RATINGS)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert sorted(p.name for p in stick.iterdir()) == [PACKAGE]
    assert page.log.rowCount() == 2


def test_cancel_removes_what_was_written_without_an_alarm(qtbot, page, stick, answers):
    dialog = page.open_job(jobs.RATINGS)
    real = jobs.RATINGS.make_runner

    def runner_that_cancels(ctx):
        run = real(ctx)

        def wrapped(target, year, password, replace, progress):
            def pressed_cancel(*args):
                dialog._cancel.set()  # what "Hủy" does, from the worker's point of view
                return progress(*args)

            return run(target, year, password, replace, pressed_cancel)

        return wrapped

    dialog.job = dataclasses.replace(jobs.RATINGS, make_runner=runner_that_cancels)
    run_export(qtbot, dialog, answers)
    assert list(stick.iterdir()) == []
    assert dialog.status.text().startswith("Đã hủy ghi")
    assert answers.shown == []


def test_passwords_must_match_before_anything_is_written(qtbot, page, stick):
    dialog = page.open_job(jobs.RATINGS)
    dialog.password.setText("mat-khau-1")
    dialog.password_again.setText("mat-khau-2")
    assert dialog.start() is None
    assert dialog.error.text() == "Hai lần nhập mật khẩu không giống nhau; hãy nhập lại."
    assert list(stick.iterdir()) == []


def test_a_password_protected_package_holds_only_the_encrypted_file(qtbot, page, stick, answers):
    dialog = page.open_job(jobs.RATINGS)
    dialog.password.setText("Tan-Phu-2026")
    dialog.password_again.setText("Tan-Phu-2026")
    run_export(qtbot, dialog, answers)
    names = sorted(p.name for p in (stick / PACKAGE).iterdir())
    assert names == ["chu-ky.json", "du-lieu.sochibo-enc", "manifest.json"]
    assert page.log.item(0, 8).text() == "có"


def test_backup_to_the_stick_is_one_verified_file(qtbot, page, stick, answers):
    dialog = page.open_job(jobs.BACKUP)
    assert dialog.year.isHidden() or not dialog.year.isVisibleTo(dialog)
    run_export(qtbot, dialog, answers)
    (backup,) = stick.iterdir()
    assert backup.name.startswith("SoChiBo-saoluu-") and backup.suffix == ".sqlite3"
    assert answers.shown[-1][1].startswith("Đã chép và kiểm tra xong bản sao lưu")
    assert page.log.item(0, 1).text() == "Bản sao lưu dữ liệu"


def test_handover_package_holds_the_data_and_a_note(qtbot, page, stick, answers):
    dialog = page.open_job(jobs.HANDOVER)
    run_export(qtbot, dialog, answers)
    (package,) = stick.iterdir()
    names = {p.name for p in package.iterdir()}
    assert {"du-lieu-so-chi-bo.sqlite3", "DOC-TRUOC.txt", "manifest.json"} <= names
    assert answers.shown[-1][1].startswith("Đã chép và kiểm tra xong gói bàn giao")


def test_drives_show_free_space_and_a_read_only_stick_cannot_be_chosen(qtbot, tmp_path):
    sticks = [
        Volume(tmp_path / "ro", "CU", 10**9, read_only=True),
        Volume(tmp_path / "ok", "MOI", int(3.2 * 1024**3)),
    ]
    picker = DrivePicker(lambda: sticks)
    qtbot.addWidget(picker)
    texts = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert texts[1] == f"MOI ({tmp_path / 'ok'}) — còn trống 3,2 GB"
    assert "chỉ đọc" in texts[0]
    assert not picker.list.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert picker.target() == tmp_path / "ok"
    assert picker.empty_label.isHidden()


def test_no_stick_plugged_in_says_what_to_do(qtbot):
    picker = DrivePicker(list)
    qtbot.addWidget(picker)
    assert picker.target() is None
    assert "Hãy cắm USB" in picker.empty_label.text()


def test_sizes_read_the_vietnamese_way():
    assert size_text(int(3.2 * 1024**3)) == "3,2 GB"
    assert size_text(650 * 1024**2) == "650 MB"
    assert volume_label(Volume(Path("E:/"), "", None)).endswith("không rõ dung lượng trống")


def test_restore_from_a_backup_on_the_stick_goes_through_the_usual_restore(
    qtbot, page, stick, answers, monkeypatch
):
    run_export(qtbot, page.open_job(jobs.BACKUP), answers)
    (backup,) = stick.iterdir()
    monkeypatch.setattr(restore.QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    with qtbot.waitSignal(page.restore_requested, timeout=5_000) as signal:
        page.restore_button.click()
    assert signal.args == [backup]
    assert "dữ liệu hiện tại được sao lưu lại một bản" in answers.questions[-1]


def test_restore_from_a_password_protected_handover_package_asks_for_the_password(
    qtbot, page, stick, answers, monkeypatch
):
    dialog = page.open_job(jobs.HANDOVER)
    dialog.password.setText("Ban-giao-2026")
    dialog.password_again.setText("Ban-giao-2026")
    run_export(qtbot, dialog, answers)
    (package,) = stick.iterdir()
    monkeypatch.setattr(import_flow, "ask_password", lambda *a, **k: "Ban-giao-2026")
    received = []

    def restore_database(path: Path) -> None:
        verify_backup_file(path)  # an intact Sổ Chi bộ database
        received.append(path)

    answers.shown.clear()
    restore.restore_from_stick(page, restore_database, package / "manifest.json")
    qtbot.waitUntil(lambda: bool(received or answers.shown), timeout=20_000)
    assert answers.shown == [] and len(received) == 1
    assert not received[0].parent.exists()  # the decrypted copy does not linger


def test_refusing_the_restore_question_changes_nothing(qtbot, page, tmp_path, answers):
    answers.reply = False
    received = []
    assert restore.restore_from_stick(page, received.append, tmp_path / "x.sqlite3") is None
    assert received == []


def test_a_password_backup_gives_back_its_data_file_for_restoring(ctx, tmp_path):
    from desktop.packaging.handover import backup_to

    stick = tmp_path / "stick"
    stick.mkdir()
    result = backup_to(ctx.db, ctx.workspace.database_path, stick, password="bí mật 123")

    data_file = restore.handover_database(result.path / "manifest.json", "bí mật 123")

    verify_backup_file(data_file)
    assert data_file.name == "du-lieu-so-chi-bo.sqlite3"


def test_missing_ratings_are_named_before_writing_and_going_back_writes_nothing(
    qtbot, page, stick, answers
):
    answers.reply = False
    dialog = page.open_job(jobs.RATINGS)
    assert dialog.start() is None
    question = answers.questions[-1]
    assert "còn thiếu" in question and "Nguyễn Văn An" in question
    assert "Chi bộ chưa đề xuất mức xếp loại" in question
    assert list(stick.iterdir()) == []


def test_sent_anyway_the_package_names_the_gaps(qtbot, page, stick, answers):
    dialog = page.open_job(jobs.RATINGS)
    run_export(qtbot, dialog, answers)
    listed = [p.name for p in (stick / PACKAGE).rglob("*")]
    assert "con-thieu-2026.txt" in listed
    text = next((stick / PACKAGE).rglob("con-thieu-2026.txt")).read_text(encoding="utf-8")
    assert "Nguyễn Văn An" in text and "Chi bộ chưa đề xuất mức xếp loại" in text
    assert dialog.result.gaps and "Nguyễn Văn An" in " ".join(dialog.result.gaps)


class FakeVolume:
    """What QStorageInfo says about one mounted volume."""

    def __init__(self, root, device, name="", read_only=False):
        self.root, self.dev, self.name_, self.read_only = root, device, name, read_only

    def rootPath(self):  # noqa: N802 - Qt's name
        return self.root

    def device(self):
        return self.dev.encode()

    def displayName(self):  # noqa: N802 - Qt's name
        return self.name_

    def name(self):
        return self.name_

    def isValid(self):  # noqa: N802 - Qt's name
        return True

    def isReady(self):  # noqa: N802 - Qt's name
        return True

    def isReadOnly(self):  # noqa: N802 - Qt's name
        return self.read_only

    def bytesAvailable(self):  # noqa: N802 - Qt's name
        return 2 * 1024**3


def test_a_stick_mounted_anywhere_is_listed_and_fixed_disks_are_not(monkeypatch, tmp_path):
    """Issue 10 point 7: not only /media, /run/media and /mnt."""
    sys_block = tmp_path / "sys" / "class" / "block"
    sys_block.mkdir(parents=True)
    devices = tmp_path / "sys" / "devices"
    # A USB stick: its partition under a usb bus; a card reader: the disk says removable.
    usb = devices / "pci0000:00" / "usb1" / "1-1" / "block" / "sdb"
    (usb / "sdb1").mkdir(parents=True)
    card = devices / "platform" / "mmc0" / "block" / "mmcblk0"
    (card / "mmcblk0p1").mkdir(parents=True)
    (card / "removable").write_text("1\n")
    fixed = devices / "pci0000:00" / "ata1" / "block" / "sda"
    (fixed / "sda2").mkdir(parents=True)
    (fixed / "removable").write_text("0\n")
    for name, target in (
        ("sdb1", usb / "sdb1"),
        ("mmcblk0p1", card / "mmcblk0p1"),
        ("sda2", fixed / "sda2"),
    ):
        (sys_block / name).symlink_to(target)
    volumes = [
        FakeVolume("/", "/dev/sda1"),
        FakeVolume("/srv/usb-an", "/dev/sdb1", "KINGSTON"),
        FakeVolume("/home/an/the-nho", "/dev/mmcblk0p1", "THE"),
        FakeVolume("/data", "/dev/sda2", "DATA"),
        FakeVolume("/run/user/1000", "tmpfs"),
        FakeVolume("/media/an/CU", "/dev/sdc1", "CU"),
    ]
    monkeypatch.setattr(drive_picker, "SYS_CLASS_BLOCK", sys_block)
    monkeypatch.setattr(drive_picker.sys, "platform", "linux")
    monkeypatch.setattr(drive_picker.QStorageInfo, "mountedVolumes", staticmethod(lambda: volumes))
    found = {str(v.root): v.name for v in drive_picker.removable_volumes()}
    assert found == {"/srv/usb-an": "KINGSTON", "/home/an/the-nho": "THE", "/media/an/CU": "CU"}
