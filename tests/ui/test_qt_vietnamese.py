"""Qt's own words (buttons, text-box menus, file dialog) appear in Vietnamese."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)


def button_texts(buttons) -> list[str]:
    return [b.text().replace("&", "") for b in buttons]


def test_message_box_standard_buttons_are_vietnamese(qtbot, app):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Hỏi",
        "Có lưu không?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    texts = set(button_texts(box.buttons()))
    assert texts == {"Có", "Không", "Đồng ý", "Hủy"}


def test_dialog_button_box_standard_buttons_are_vietnamese(qtbot, app):
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Open
    )
    qtbot.addWidget(box)
    assert set(button_texts(box.buttons())) == {"Đồng ý", "Hủy", "Lưu", "Đóng", "Mở"}


def test_right_click_menu_of_text_boxes_is_vietnamese(qtbot, app):
    for editor in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(editor)
        menu = editor.createStandardContextMenu()
        texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
        assert texts[:6] == ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa"]
        assert "Chọn tất cả" in texts
        assert not {"Undo", "Redo", "Copy", "Paste", "Delete", "Select All"} & set(texts)


def test_qt_file_dialog_shows_no_english_words(qtbot, app):
    dialog = QFileDialog(None, "Chọn tệp", "", "Bảng tính Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    texts |= {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Mở", "Hủy"} <= texts
    english = {"Look in:", "File name:", "Files of type:", "Open", "Cancel", "Save"}
    assert not english & texts


def test_unknown_strings_fall_back_to_the_original(app):
    assert QCoreApplication.translate("QFileDialog", "no such string") == "no such string"


def test_default_locale_is_vietnamese(app):
    assert QLocale().language() == QLocale.Language.Vietnamese
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"


def test_thousands_of_qt_lookups_do_not_wear_out_the_interpreter(app):
    # A Python QTranslator.translate override lost a reference to None on every call
    # (PySide6 6.12) and crashed the app after a few thousand lookups.
    import sys

    before = sys.getrefcount(None)
    for _ in range(20_000):
        QCoreApplication.translate("QFileDialog", "not a Qt string")
        QCoreApplication.translate("QPlatformTheme", "OK")
    assert sys.getrefcount(None) >= before - 100


def test_cyclic_garbage_is_collected_on_the_gui_thread_only(app):
    import gc
    import weakref

    from desktop.ui import compat

    collector = compat._collector
    assert collector is not None and collector.timer.isActive()
    assert not gc.isenabled()  # a worker thread can never trigger a collection

    class Node:
        pass

    node = Node()
    node.self = node  # a cycle only the collector can free
    alive = weakref.ref(node)
    del node
    keep = [Node() for _ in range(collector.thresholds[0] + 10)]  # past the threshold
    collector.collect()
    del keep
    assert alive() is None
