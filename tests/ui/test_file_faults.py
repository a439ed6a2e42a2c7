"""A file fault while the GUI writes a paper ends in a Vietnamese message naming the file
(issue 11, point 14): a full disk, a locked file, an unwritable temporary folder."""

from __future__ import annotations

import errno
import shutil
import tempfile

import pytest

from desktop.ui import files
from desktop.ui.preview import PdfPreviewDialog

FULL = OSError(errno.ENOSPC, "No space left on device")  # as ReportLab raises it: no file name


def _raise(exc):
    def fail(*_args, **_kwargs):
        raise exc

    return fail


def _wait_error(qtbot, task, answers, capsys):
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    kind, text = answers.shown[-1]
    assert kind == "error"
    assert "Traceback" not in capsys.readouterr().err
    return text


def _temporaries() -> set[str]:
    from pathlib import Path

    return {p.name for p in Path(tempfile.gettempdir()).glob("sochibo-in-*")}


def test_roster_print_on_a_full_disk_names_the_file(qtbot, ctx, roster, answers, capsys,
                                                     monkeypatch):
    import desktop.printing.members.roster as roster_pdf
    from desktop.ui.roster_actions import print_roster

    monkeypatch.setattr(roster_pdf, "write_roster_pdf", _raise(FULL))
    before = _temporaries()
    text = _wait_error(qtbot, print_roster(ctx, None), answers, capsys)
    assert "danh-sach-dang-vien-" in text and "ổ đĩa đã đầy" in text
    assert "Hãy kiểm tra ổ đĩa" in text
    assert _temporaries() <= before  # the failed paper's folder is gone


def test_an_unwritable_temporary_folder_is_explained(qtbot, ctx, roster, answers, capsys,
                                                     monkeypatch):
    from desktop.ui.roster_actions import print_roster

    monkeypatch.setattr(
        tempfile, "mkdtemp", _raise(PermissionError(errno.EACCES, "Permission denied", "/tmp/x"))
    )
    text = _wait_error(qtbot, print_roster(ctx, None), answers, capsys)
    assert text.startswith("Không làm được việc với tệp /tmp/x: không có quyền ghi hoặc đọc")
    assert "thử lại" in text


def test_minutes_print_with_a_locked_file(qtbot, ctx, answers, capsys, monkeypatch):
    from desktop.ui.meetings import meeting_print

    locked = PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(meeting_print, "write_minutes", _raise(locked))
    # No meeting is stored here: the file is named as for one (Bien-ban-thang-MM-YYYY.pdf).
    monkeypatch.setattr(meeting_print, "paper_name", lambda *_a, **_k: "bien-ban-thang-03-2026.pdf")
    text = _wait_error(qtbot, meeting_print.print_minutes(ctx, None, 1), answers, capsys)
    assert "bien-ban" in text and "đang mở ở chương trình khác" in text


def test_minutes_word_export_names_the_chosen_file(qtbot, ctx, answers, capsys, monkeypatch,
                                                   tmp_path):
    import desktop.printing.meetings.minutes_docx as docx
    from desktop.ui.meetings import meeting_print

    monkeypatch.setattr(meeting_print.service, "minutes_document", lambda db, mid: None)
    monkeypatch.setattr(docx, "write_minutes_docx", _raise(OSError(errno.ENOSPC, "full")))
    target = tmp_path / "bien-ban.docx"
    task = meeting_print.export_minutes_docx(ctx, None, 1, target)
    text = _wait_error(qtbot, task, answers, capsys)
    assert str(target) in text and "ổ đĩa đã đầy" in text


def test_rating_list_print_on_a_full_disk(qtbot, ctx, answers, capsys, monkeypatch):
    import desktop.printing.reviews.rating_list as rating_list
    from desktop.ui.reviews.review_print import print_rating_list

    monkeypatch.setattr(rating_list, "print_rating_list", _raise(FULL))
    text = _wait_error(qtbot, print_rating_list(ctx, None, 2025), answers, capsys)
    assert "xep-loai-2025.pdf" in text and "ổ đĩa đã đầy" in text


@pytest.mark.parametrize(
    "fault", [PermissionError(errno.EACCES, "Permission denied"), OSError(errno.ENOSPC, "full")]
)
def test_saving_the_rating_list_pdf_names_the_chosen_file(qtbot, ctx, answers, capsys,
                                                           monkeypatch, tmp_path, fault):
    pdf = tmp_path / "xep-loai-2025.pdf"
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(pdf))
    page.drawString(100, 700, "Danh sach")
    page.save()
    dialog = PdfPreviewDialog(pdf, "Danh sách đề nghị xếp loại năm 2025")
    qtbot.addWidget(dialog)
    target = tmp_path / "luu" / "xep-loai.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(files, "save_file", lambda *args: target)
    monkeypatch.setattr(shutil, "copyfile", _raise(fault))
    assert dialog.save_copy() is None
    kind, text = answers.shown[-1]
    assert kind == "error" and str(target) in text and "Không làm được việc với tệp" in text
    assert list(target.parent.iterdir()) == []  # no temporary left beside it
    assert "Traceback" not in capsys.readouterr().err
    dialog.reject()  # closes the PDF document


def test_messages_give_no_traceback_for_a_file_fault():
    from desktop.ui.messages import user_message

    text, details = user_message(OSError(errno.EROFS, "Read-only file system", "E:/ds.xlsx"))
    assert "E:/ds.xlsx" in text and "chỉ cho đọc" in text
    assert "Traceback" not in details


def test_both_faces_use_the_same_words():
    from desktop.cli.common import os_error_message
    from desktop.storage.atomic import os_error_text

    exc = OSError(errno.ENOSPC, "No space left on device", "F:/ds.pdf")
    assert os_error_message(exc) == "Lỗi: " + os_error_text(exc)
