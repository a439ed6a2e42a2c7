"""The first start (lần đầu sử dụng): try the sample cell, or begin with an empty one.

The sample cell is fictional and says so; it lets the secretary see every screen filled
before typing anything real.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.cell.workspace import Workspace
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui import messages
from desktop.ui.cell_form import CellInfoDialog
from desktop.ui.style import heading
from desktop.ui.widgets import ChoiceButton

DEMO, EMPTY = "demo", "empty"


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle("Chào mừng đến với Sổ Chi bộ")
        intro = QLabel(
            "Đây là lần đầu Sổ Chi bộ được mở trên máy này. Mời đồng chí chọn cách bắt đầu:"
        )
        intro.setWordWrap(True)
        self.demo_button = ChoiceButton(
            "Dùng thử với chi bộ mẫu (dữ liệu giả định)",
            "Nạp một chi bộ mẫu với 25 đảng viên giả định để xem thử mọi phần của phần mềm. "
            "Khi dùng thật, hãy dùng một thư mục dữ liệu khác hoặc xóa dữ liệu mẫu.",
        )
        self.empty_button = ChoiceButton(
            "Bắt đầu với chi bộ trống",
            "Nhập thông tin chi bộ, rồi thêm đảng viên hoặc nhập danh sách từ tệp Excel.",
        )
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Chào mừng đồng chí đến với Sổ Chi bộ"))
        layout.addWidget(intro)
        layout.addWidget(self.empty_button)
        layout.addWidget(self.demo_button)
        fit_to_screen(self, QSize(640, 0))
        self.empty_button.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def needs_first_start(workspace: Workspace) -> bool:
    return not workspace.settings.first_start_done and workspace.is_empty()


def run_first_start(workspace: Workspace, parent: QWidget | None = None) -> str | None:
    """Ask how to begin and do it; returns the choice, or None if the window was closed."""
    dialog = FirstStartDialog(parent)
    if not dialog.exec() or dialog.choice is None:
        return None
    if dialog.choice == DEMO:
        from desktop.services.demo.builder import load_demo

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            load_demo(workspace.db)
        except Exception as exc:  # noqa: BLE001 - told to the user, app still opens
            QApplication.restoreOverrideCursor()
            messages.show_exception(parent, exc, "Chưa nạp được chi bộ mẫu")
            return None
        QApplication.restoreOverrideCursor()
    else:
        CellInfoDialog(workspace.db, parent).exec()
    workspace.settings.first_start_done = True
    workspace.save_settings()
    return dialog.choice


def begin_real_cell(workspace: Workspace, parent: QWidget | None = None) -> bool:
    """"Bắt đầu với chi bộ thật": ask, back the sample up, clear it, then the first-start
    steps of an empty cell (its details). True when the sample was cleared."""
    from desktop.services.demo.clearing import clear_sample_data

    if not messages.ask(
        parent,
        "Bắt đầu với chi bộ thật",
        "Toàn bộ dữ liệu mẫu (chi bộ mẫu, đảng viên, buổi sinh hoạt, kiểm điểm, đảng phí) "
        "sẽ bị xóa để đồng chí nhập chi bộ thật. Trước khi xóa, phần mềm sao lưu dữ liệu mẫu; "
        "bản sao lưu khôi phục được trong Cài đặt.",
        "Sao lưu rồi xóa dữ liệu mẫu",
        "Không xóa",
        danger=True,
    ):
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        workspace.backup("truoc-xoa-du-lieu-mau")
    except Exception as exc:  # noqa: BLE001 - told to the user; nothing is deleted
        QApplication.restoreOverrideCursor()
        messages.show_exception(parent, exc, "Chưa sao lưu được nên chưa xóa dữ liệu mẫu")
        return False
    try:
        clear_sample_data(workspace.db)
    except Exception as exc:  # noqa: BLE001 - one transaction: the sample is still whole
        QApplication.restoreOverrideCursor()
        messages.show_exception(parent, exc, "Chưa xóa được dữ liệu mẫu")
        return False
    QApplication.restoreOverrideCursor()
    CellInfoDialog(workspace.db, parent).exec()
    workspace.settings.first_start_done = True
    workspace.save_settings()
    return True
