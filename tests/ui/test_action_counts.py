"""The secretary's three tasks, counted the way a user acts (issue 10): every mouse click,
key press and answered question counts.

Targets: attendance for 25 members ≤ 30, ratings to a stick ≤ 6, agenda ≤ 5.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.ui.exporting.drive_picker import Volume
from desktop.ui.main_window import NAV_EXPORT, MainWindow
from desktop.ui.meetings import meeting_dialog
from tests.ui.conftest import TODAY


class Actions:
    """Counts what the user does; each method is one action."""

    def __init__(self, qtbot, answers) -> None:
        self.qtbot, self.answers, self.count = qtbot, answers, 0

    def click(self, widget) -> None:
        assert widget.isVisible() and widget.isEnabled(), widget
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count += 1

    def click_nav(self, window, row: int) -> None:
        rect = window.nav.visualItemRect(window.nav.item(row))
        self.qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.count += 1

    def click_cell(self, table, index) -> None:
        rect = table.visualRect(index)
        self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.count += 1

    def key(self, widget, key) -> None:
        QTest.keyClick(widget, key)
        self.count += 1

    def answered(self) -> int:
        """The questions and messages the user had to answer (one click each)."""
        return len(self.answers.questions) + len(self.answers.shown)


@pytest.fixture
def window(qtbot, ctx, monkeypatch):
    from desktop.services.demo.builder import load_demo

    load_demo(ctx.db, TODAY)
    monkeypatch.setattr(meeting_dialog, "ask_save", lambda parent: meeting_dialog.DISCARD)
    main = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(main)
    main.show()
    return main


def test_attendance_of_the_25_members_takes_at_most_30_actions(qtbot, window, answers):
    act = Actions(qtbot, answers)
    home = window.home_page
    act.click(home.open_button)  # the month's planned meeting, from the home page
    meeting_id = home.summary.next_meeting.meeting_id
    dialog = window.meetings_page.open_windows[meeting_id]
    tab_bar = dialog.tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(1).center())
    act.count += 1
    attendance = dialog.attendance
    dialog.activateWindow()  # the window just opened has the keyboard, as on a desktop
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    assert len(attendance.model.rows) >= 20
    act.click(attendance.all_present_button)
    # Two members away without a reason: click the row, press 3. (Typing a reason after
    # 2 is tested in test_meetings_dialog; here its commit by Enter was not reproduced
    # offscreen, so this script does not count it.)
    for row in (0, 3):
        act.click_cell(attendance.table, attendance.model.index(row, 1))
        act.key(attendance.table, Qt.Key.Key_3)
        assert attendance.model.rows[row].presence == "vang_khong_ly_do"
    act.click(dialog.save_button)
    assert not dialog.dirty
    total = act.count + act.answered()
    print(f"\nĐiểm danh {len(attendance.model.rows)} đảng viên: {total} thao tác")
    assert total <= 30


def test_ratings_to_the_stick_take_at_most_6_actions(qtbot, window, answers, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    act = Actions(qtbot, answers)
    act.click(window.home_page.export_button)
    assert window.nav.currentRow() == NAV_EXPORT
    page = window.export_page
    page.volume_source = lambda: [Volume(stick, "KINGSTON", 3 * 1024**3)]
    act.click(page.ratings_button)
    dialog = page.dialog
    act.click(dialog.start_button)  # the gaps question is answered "Vẫn gửi" (counted below)
    qtbot.waitUntil(lambda: not dialog.running and dialog.result is not None, timeout=30_000)
    assert any(Path(stick).iterdir())
    total = act.count + act.answered()
    print(f"\nGửi kết quả xếp loại ra USB: {total} thao tác")
    assert total <= 6


def test_agenda_count_as_it_stands(qtbot, ctx, roster, answers, monkeypatch):
    """Plan the month and print its agenda from the home page, as the app is today.

    The preview's "In…" and the system print dialog's OK are two more actions, added
    to the count without being driven (the system dialog cannot run offscreen)."""
    from desktop.ui.meetings import meeting_print

    monkeypatch.setattr(meeting_dialog, "ask_save", lambda parent: meeting_dialog.DISCARD)
    previews = []
    monkeypatch.setattr(meeting_print, "_preview", lambda *args: previews.append(args[1]))
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    act = Actions(qtbot, answers)
    act.click(window.home_page.plan_button)
    plan = window.meetings_page.plan_dialog
    act.click(plan.save_button)
    qtbot.waitUntil(lambda: window.meetings_page.plan_dialog is None, timeout=5000)
    # The meetings page is shown with the planned month selected: "Mở buổi sinh hoạt".
    act.click(window.meetings_page.open_button)
    dialog = next(iter(window.meetings_page.open_windows.values()))
    act.click(dialog.agenda_print_button)
    assert previews == ["Chương trình sinh hoạt"]
    total = act.count + act.answered() + 2  # "In…" in the preview, OK in the print dialog
    print(f"\nChương trình sinh hoạt, từ lập kế hoạch đến in: {total} thao tác")
    assert total == 6  # above the target of 5: the plan dialog's own print comes next
