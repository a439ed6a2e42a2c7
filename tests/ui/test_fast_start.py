"""Fast start (issue 15): pages built when first shown, the start-up backup after the first paint."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.main_window import NAV_HOME, NAV_MEETINGS, NAV_MEMBERS, NAV_REVIEWS, NAV_TOPICS, LazyPages, MainWindow


def test_only_the_first_page_is_built_at_start_and_each_other_one_on_its_first_visit(qtbot, ctx):
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    built = [row for row in range(window.pages.count()) if window.pages.is_built(row)]
    assert built == [NAV_HOME, NAV_MEMBERS]  # the home page and the members page its menus use

    window.nav.setCurrentRow(NAV_REVIEWS)

    page = window.pages.currentWidget()
    assert type(page).__name__ == "ReviewsPage"
    assert window.pages.is_built(NAV_REVIEWS) and not window.pages.is_built(NAV_TOPICS)
    window.nav.setCurrentRow(0)
    window.nav.setCurrentRow(NAV_REVIEWS)
    assert window.pages.currentWidget() is page  # built once


def test_meetings_changed_reaches_the_topics_page_only_once_it_exists(qtbot, ctx):
    window = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(NAV_MEETINGS)
    window.meetings_page.meetings_changed.emit()  # topics page not built: nothing to tell
    assert not window.pages.is_built(NAV_TOPICS)
    calls = []
    window.topics_page.show_round = lambda: calls.append(True)
    window.meetings_page.meetings_changed.emit()
    assert calls == [True]


def test_lazy_pages_build_once_put_the_page_in_place_and_retry_after_a_failure(qtbot):
    stack = LazyPages()
    qtbot.addWidget(stack)
    stack.addWidget(QLabel("first"))
    attempts = []

    def build() -> QWidget:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("not yet")
        return QLabel("second")

    index = stack.add_lazy(build)
    seen = []
    stack.page_built.connect(lambda i, page: seen.append((i, page.text())))
    try:
        stack.show_page(index)
    except RuntimeError:
        pass
    assert not stack.is_built(index)

    page = stack.show_page(index)

    assert stack.count() == 2 and stack.widget(index) is page and stack.currentWidget() is page
    assert seen == [(1, "second")] and stack.page(index) is page and len(attempts) == 2


def test_the_start_up_backup_is_made_after_the_first_paint(qtbot, tmp_path):
    from desktop.app import open_main_window
    from desktop.services.cell.details import CellInfo, save_cell
    from desktop.services.cell.workspace import Workspace
    from desktop.storage.backup import list_backups

    folder = tmp_path / "data"
    with Workspace(folder, lock=False) as ws:
        save_cell(ws.db, CellInfo("Ấp Tân Phú", "Đảng bộ xã Long Thạnh", "Long Thạnh", ""))
        ws.settings.first_start_done = True
        ws.save_settings()

    def made() -> list:
        return [b for b in list_backups(folder / "backups") if b.reason == "khoi-dong"]

    _app, window = open_main_window(folder)
    try:
        assert made() == []  # not on the way to the first paint
        qtbot.waitUntil(lambda: window.first_paint_done and len(made()) == 1, timeout=10_000)
    finally:
        window.close()
