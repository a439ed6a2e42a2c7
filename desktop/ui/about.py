"""Giới thiệu and Phím tắt: version, where the data lives, the font, the keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.ui.context import UiContext
from desktop.ui.style import font_description

SHORTCUTS = (
    ("Ctrl+F", "Tìm đảng viên"),
    ("Ctrl+N", "Thêm đảng viên"),
    ("Enter hoặc F2", "Mở / sửa đảng viên đang chọn"),
    ("Delete", "Xóa đảng viên đang chọn (có hỏi lại)"),
    ("Ctrl+Z", "Hoàn tác việc vừa làm"),
    ("Ctrl+Y", "Làm lại"),
    ("Ctrl+I", "Nhập danh sách từ Excel"),
    ("Ctrl+E", "Xuất danh sách ra Excel"),
    ("Ctrl+P", "In danh sách"),
    ("Ctrl+1 … Ctrl+8", "Chuyển giữa các phần bên trái (Ctrl+1: Việc cần làm)"),
    ("Alt + chữ gạch chân", "Bấm nút hoặc chọn ô có chữ đó"),
    ("Esc", "Đóng cửa sổ đang mở"),
)


def about_text(ctx: UiContext) -> str:
    return (
        f"<h3>Sổ Chi bộ</h3>"
        f"<p>Phiên bản {__version__}</p>"
        f"<p>Sổ tay của bí thư chi bộ: danh sách đảng viên, sinh hoạt chi bộ, chuyên đề, "
        f"kiểm điểm và xếp loại. Phần mềm chạy hoàn toàn trên máy này, không cần mạng; "
        f"dữ liệu không được gửi đi đâu.</p>"
        f"<p><b>Thư mục dữ liệu:</b><br>{ctx.data_dir}</p>"
        f"<p><b>Tệp dữ liệu:</b><br>{ctx.workspace.database_path}</p>"
        f"<p><b>Phông chữ đang dùng:</b> {font_description()}</p>"
    )


def show_about(ctx: UiContext, parent: QWidget | None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("Giới thiệu Sổ Chi bộ")
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64) if parent else box.iconPixmap())
    box.setText(about_text(ctx))
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_shortcuts(parent: QWidget | None) -> None:
    rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in SHORTCUTS)
    box = QMessageBox(parent)
    box.setWindowTitle("Phím tắt")
    box.setText(f"<h3>Phím tắt</h3><table>{rows}</table>")
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
