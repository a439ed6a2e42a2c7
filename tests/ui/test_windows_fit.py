"""Every page and every dialog fits the office screen at every text size (issue 10).

The sample cell is opened, the usable screen area is made 1366×728 (a 1366×768 screen
less a 40 px taskbar) or 1280×680, and each window is opened at each offered text size.
A window fails when it, or the least it can shrink to, is larger than the usable area,
or when one of its buttons lies outside it.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, QThreadPool
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget
from sqlalchemy import select

from desktop.ui import screen_fit
from desktop.ui.style import DEFAULT_FONT_SIZE, FONT_SIZES, apply_font_size

TODAY = date(2026, 3, 5)
SCREENS = (QSize(1366, 728), QSize(1280, 680))


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    from desktop.services.cell.workspace import Workspace
    from desktop.services.demo.builder import load_demo

    folder = tmp_path_factory.mktemp("demo") / "data"
    workspace = Workspace(folder, lock=False)
    load_demo(workspace.db, TODAY)
    workspace.settings.first_start_done = True
    workspace.save_settings()
    workspace.close()
    return folder


@pytest.fixture
def demo_ctx(app, demo_template, tmp_path):
    from PySide6.QtCore import QThreadPool

    from desktop.services.cell.workspace import Workspace
    from desktop.ui.context import UiContext

    folder = tmp_path / "demo-data"
    shutil.copytree(demo_template, folder)
    workspace = Workspace(folder, lock=False)
    context = UiContext(workspace, today=TODAY)
    yield context
    context.undo_stack.clear()
    QThreadPool.globalInstance().waitForDone(10_000)
    workspace.close()
    apply_font_size(DEFAULT_FONT_SIZE)


def use_screen(monkeypatch, size: QSize) -> QRect:
    area = QRect(QPoint(0, 0), size)
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(area))
    monkeypatch.setattr(screen_fit, "available_geometries", lambda: [QRect(area)])
    return area


def _ids(ctx):
    from desktop.models.meeting import Meeting
    from desktop.models.member import Member
    from desktop.models.review import Commitment, CommitmentItem
    from desktop.models.topic import Topic

    with ctx.db.session() as session:
        member = session.scalars(select(Member.id).order_by(Member.id)).first()
        meeting = session.scalars(select(Meeting.id).order_by(Meeting.id.desc())).first()
        topic = session.scalars(select(Topic.id).order_by(Topic.id)).first()
        commitment = session.scalars(select(Commitment).order_by(Commitment.id)).first()
        item = session.scalars(select(CommitmentItem).order_by(CommitmentItem.id)).first()
        return {
            "member": member,
            "meeting": meeting,
            "topic": topic,
            "commitment": (commitment.member_id, commitment.year),
            "item": (item.id, item.text),
        }


def every_dialog(ctx) -> list[tuple[str, QWidget]]:
    """One of each dialog of the app, filled from the sample cell."""
    from desktop.services.reviews import ratings
    from desktop.services.topics.catalogue import list_topics
    from desktop.ui.cell_form import CellInfoDialog
    from desktop.ui.commitments.commitment_dialog import CommitmentDialog
    from desktop.ui.commitments.evaluation_dialog import EvaluationDialog
    from desktop.ui.commitments.progress_dialog import ProgressDialog
    from desktop.ui.exporting import jobs
    from desktop.ui.exporting.export_dialog import ExportDialog
    from desktop.ui.first_start import FirstStartDialog
    from desktop.ui.importing.dialog import ImportDialog
    from desktop.ui.meetings.agenda_template_dialog import AgendaTemplateDialog
    from desktop.ui.meetings.meeting_dialog import MeetingDialog
    from desktop.ui.meetings.plan_dialog import PlanDialog
    from desktop.ui.members.event_dialog import EventDialog
    from desktop.ui.members.form import MemberDialog
    from desktop.ui.reviews.collective_dialog import CollectiveDialog
    from desktop.ui.reviews.decision_dialog import AcceptProposalsDialog, DecisionDialog
    from desktop.ui.reviews.history_dialog import HistoryDialog
    from desktop.ui.reviews.proposal_dialog import ProposalDialog
    from desktop.ui.reviews.self_review_dialog import SelfReviewDialog
    from desktop.ui.topics.dialogs import CampaignNameDialog, CatalogueDialog, MeetingPickDialog
    from desktop.ui.topics.topic_dialog import TopicDialog

    ids = _ids(ctx)
    year = TODAY.year - 1
    sheet = ratings.rating_sheet(ctx.db, year, TODAY)
    row = sheet.rows[0]
    member_id, commitment_year = ids["commitment"]
    item_id, item_text = ids["item"]
    topic = list_topics(ctx.db)[0]
    return [
        ("MemberDialog (new)", MemberDialog(ctx, None)),
        ("MemberDialog", MemberDialog(ctx, ids["member"])),
        ("EventDialog", EventDialog(lambda data: None, None, TODAY)),
        ("ImportDialog", ImportDialog(ctx)),
        ("CellInfoDialog", CellInfoDialog(ctx.db)),
        ("FirstStartDialog", FirstStartDialog()),
        ("PlanDialog", PlanDialog(ctx, None, None)),
        ("PlanDialog (existing)", PlanDialog(ctx, ids["meeting"], None)),
        ("MeetingDialog", MeetingDialog(ctx, ids["meeting"])),
        ("AgendaTemplateDialog", AgendaTemplateDialog(ctx)),
        ("TopicDialog", TopicDialog(ctx, ids["topic"])),
        ("CampaignNameDialog", CampaignNameDialog(ctx)),
        ("CatalogueDialog", CatalogueDialog(ctx)),
        ("MeetingPickDialog", MeetingPickDialog(ctx, topic)),
        ("CommitmentDialog", CommitmentDialog(ctx, member_id, commitment_year)),
        ("EvaluationDialog", EvaluationDialog(ctx, member_id, commitment_year)),
        ("ProgressDialog", ProgressDialog(ctx, item_id, item_text, commitment_year)),
        ("SelfReviewDialog", SelfReviewDialog(ctx, year, row)),
        ("ProposalDialog", ProposalDialog(ctx, sheet, row)),
        ("DecisionDialog", DecisionDialog(ctx, sheet, row)),
        ("AcceptProposalsDialog", AcceptProposalsDialog(year, 5)),
        ("HistoryDialog", HistoryDialog(ctx, row.member_id, row.member.full_name, year)),
        ("CollectiveDialog", CollectiveDialog(ctx, year)),
        ("ExportDialog (ratings)", ExportDialog(ctx, jobs.RATINGS, volumes=lambda: [])),
        ("ExportDialog (backup)", ExportDialog(ctx, jobs.BACKUP, volumes=lambda: [])),
        *_deleted_dialogs(ctx),
    ]


def _deleted_dialogs(ctx) -> list[tuple[str, QWidget]]:
    """The "… đã xóa" dialogs, each listing one item deleted from the sample cell (the
    last commitment; the others empty), built after every other dialog read its data."""
    from desktop.models.review import Commitment
    from desktop.services.reviews.commitments import delete_commitment
    from desktop.ui.commitments.deleted_dialog import deleted_commitments_dialog
    from desktop.ui.meetings.deleted_dialog import deleted_meetings_dialog
    from desktop.ui.members.deleted_dialog import DeletedMembersDialog
    from desktop.ui.topics.deleted_dialog import deleted_topics_dialog

    with ctx.db.session() as session:
        last = session.scalars(select(Commitment).order_by(Commitment.id.desc())).first()
        member_id, year = last.member_id, last.year
    delete_commitment(ctx.db, member_id, year)
    return [
        ("DeletedMembersDialog", DeletedMembersDialog(ctx)),
        ("DeletedMeetingsDialog", deleted_meetings_dialog(ctx)),
        ("DeletedTopicsDialog", deleted_topics_dialog(ctx)),
        ("DeletedCommitmentsDialog", deleted_commitments_dialog(ctx)),
    ]


def outside(window: QWidget, area: QRect) -> list[str]:
    """What of ``window`` does not fit in ``area``: the window, its minimum, its buttons."""
    problems = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    limit = area.size() - screen_fit.FRAME_ALLOWANCE
    if minimum.width() > limit.width() or minimum.height() > limit.height():
        problems.append(f"least size {minimum.width()}×{minimum.height()}")
    if window.width() > limit.width() or window.height() > limit.height():
        problems.append(f"size {window.width()}×{window.height()}")
    frame = QRect(window.pos(), window.size())
    if not area.contains(frame):
        problems.append(f"placed at {frame.x()},{frame.y()} {frame.width()}×{frame.height()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        top_left = button.mapTo(window, QPoint(0, 0))
        if not QRect(QPoint(0, 0), window.size()).contains(QRect(top_left, button.size())):
            if _scrolled_inside(button, window):
                continue
            problems.append(f"button «{button.text() or button.toolTip()}» outside")
    return problems


def _scrolled_inside(button: QWidget, window: QWidget) -> bool:
    """A button inside a scroll area is reachable by scrolling, not lost."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = button.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def sideways(window: QWidget) -> list[str]:
    """The scroll areas that keep a window on the screen may scroll down, never sideways:
    a page read by scrolling left and right is lost to the secretary."""
    problems = []
    for scroll in window.findChildren(QScrollArea, screen_fit.FIT_SCROLL_NAME):
        inner = scroll.widget()
        if scroll.isVisibleTo(window) and inner.minimumSizeHint().width() > scroll.viewport().width():
            problems.append(f"scrolls sideways ({inner.minimumSizeHint().width()} px wide)")
    return problems


def _check(window: QWidget, area: QRect, opened: QSize | None = None) -> list[str]:
    if opened is not None:
        window.resize(opened)
    window.show()
    # Pages fill their tables in the background: check them filled.
    QThreadPool.globalInstance().waitForDone(10_000)
    for _ in range(3):
        QApplication.processEvents()
    problems = sideways(window)
    # What the secretary can do at worst: shrink the window to its least size.
    window.resize(window.minimumSizeHint().expandedTo(window.minimumSize()))
    QApplication.processEvents()
    problems += outside(window, area)
    window.hide()
    return problems


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_page_fits_the_screen_at_every_text_size(qtbot, demo_ctx, monkeypatch, screen):
    from desktop.ui.main_window import MainWindow

    area = use_screen(monkeypatch, screen)
    failures = []
    for size in FONT_SIZES:
        apply_font_size(size)
        window = MainWindow(demo_ctx, owns_workspace=False)
        qtbot.addWidget(window)
        opened = window.size()
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            failures += [
                f"cỡ {size}, {window.nav.item(row).text()}: {p}"
                for p in _check(window, area, opened)
            ]
        window.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_dialog_fits_the_screen_at_every_text_size(qtbot, demo_ctx, monkeypatch, screen):
    area = use_screen(monkeypatch, screen)
    failures = []
    for size in (FONT_SIZES[0], DEFAULT_FONT_SIZE, 14, 16, FONT_SIZES[-1]):
        apply_font_size(size)
        for name, dialog in every_dialog(demo_ctx):
            qtbot.addWidget(dialog)
            failures += [f"cỡ {size}, {name}: {p}" for p in _check(dialog, area)]
            if hasattr(dialog, "discard"):
                dialog.discard()
            dialog.deleteLater()
        QApplication.processEvents()
    assert not failures, "\n".join(failures)


def test_a_window_comes_back_where_it_was_left_while_that_place_is_on_a_screen(
    qtbot, monkeypatch
):
    area = use_screen(monkeypatch, QSize(1366, 728))
    first = QWidget()
    qtbot.addWidget(first)
    screen_fit.fit_to_screen(first, QSize(1280, 800), "probe")
    assert first.height() <= area.height() - screen_fit.FRAME_ALLOWANCE.height()
    first.show()
    first.setGeometry(100, 120, 700, 500)
    first.hide()
    again = QWidget()
    qtbot.addWidget(again)
    screen_fit.fit_to_screen(again, QSize(1280, 800), "probe")
    assert (again.x(), again.y(), again.width(), again.height()) == (100, 120, 700, 500)

    # The second monitor it was on is gone: the preferred size, on the screen there is.
    use_screen(monkeypatch, QSize(1366, 728))
    monkeypatch.setattr(screen_fit, "available_geometries", lambda: [QRect(2000, 0, 800, 600)])
    moved = QWidget()
    qtbot.addWidget(moved)
    screen_fit.fit_to_screen(moved, QSize(1280, 800), "probe")
    assert moved.size() == QSize(1280, 688)


def test_the_sample_cell_is_marked_in_the_window_title(qtbot, demo_ctx, ctx):
    from desktop.ui.main_window import MainWindow

    sample = MainWindow(demo_ctx, owns_workspace=False)
    qtbot.addWidget(sample)
    assert sample.windowTitle().endswith("— DỮ LIỆU MẪU")
    assert "DỮ LIỆU MẪU" in sample.cell_label.text()
    real = MainWindow(ctx, owns_workspace=False)
    qtbot.addWidget(real)
    assert "MẪU" not in real.windowTitle()


def mnemonics(window: QWidget, page: QWidget | None = None) -> dict[str, list[str]]:
    """Alt+letter → the labels that carry it, among what is shown in ``window`` (the menu
    bar's titles, buttons, labels with a buddy, tab titles; in the main window only the
    page shown)."""
    from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        at = text.replace("&&", "").find("&")
        if at >= 0 and at + 1 < len(text.replace("&&", "")):
            letter = text.replace("&&", "")[at + 1].lower()
            found.setdefault(fold_letter(letter), []).append(text)

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text())
    root = page or window
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget.tabText(index))
    if page is not None:
        from PySide6.QtWidgets import QToolBar

        for bar in page.findChildren(QToolBar):
            for action in bar.actions():
                if action.isVisible():
                    add(action.text())
    return {k: v for k, v in found.items() if len(v) > 1}


def fold_letter(letter: str) -> str:
    from desktop.text import fold

    return fold(letter)


def test_no_two_mnemonics_in_a_window_share_a_letter(qtbot, demo_ctx):
    from desktop.ui.main_window import MainWindow

    clashes = []
    window = MainWindow(demo_ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        for letter, texts in mnemonics(window, window.pages.currentWidget()).items():
            clashes.append(f"{window.nav.item(row).text()}: Alt+{letter.upper()} {texts}")
    for name, dialog in every_dialog(demo_ctx):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        for letter, texts in mnemonics(dialog).items():
            clashes.append(f"{name}: Alt+{letter.upper()} {texts}")
        if hasattr(dialog, "discard"):
            dialog.discard()
        dialog.hide()
    assert not clashes, "\n".join(clashes)


def invisible_focus_stops(window: QWidget) -> list[str]:
    """Widgets Tab stops on that show nothing to act on: a scroll area around a form, a
    bare container. The secretary presses Tab and sees the focus vanish."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget

    stops = []
    widget = window.nextInFocusChain()
    seen = set()
    while widget is not None and widget is not window and id(widget) not in seen:
        seen.add(id(widget))
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and widget.isVisibleTo(window) and widget.isEnabled():
            if widget.focusProxy() is None and (
                isinstance(widget, (QScrollArea, QStackedWidget))
                or type(widget) in (QWidget, QFrame)
            ):
                stops.append(f"{type(widget).__name__} {widget.objectName()}".strip())
        widget = widget.nextInFocusChain()
    return stops


def test_tab_never_stops_on_an_invisible_widget(qtbot, demo_ctx):
    from desktop.ui.main_window import MainWindow

    problems = []
    window = MainWindow(demo_ctx, owns_workspace=False)
    qtbot.addWidget(window)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        problems += [f"{window.nav.item(row).text()}: {s}" for s in invisible_focus_stops(window)]
    for name, dialog in every_dialog(demo_ctx):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        problems += [f"{name}: {s}" for s in invisible_focus_stops(dialog)]
        if hasattr(dialog, "discard"):
            dialog.discard()
        dialog.hide()
    assert not problems, "\n".join(sorted(set(problems)))


# --- Cut-off text (issue 10 point 12) ---------------------------------------------------


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _wrapped_height(view, text: str, width: int) -> int:
    """The height ``text`` takes wrapped in a cell ``width`` wide (less its margins)."""
    from PySide6.QtCore import QRect, Qt

    flags = int(Qt.TextFlag.TextWordWrap)
    room = QRect(0, 0, max(width - 8, 1), 100_000)
    return view.fontMetrics().boundingRect(room, flags, text).height()


def cut_texts(window: QWidget, rows: int = 40) -> list[str]:
    """The texts of ``window`` the secretary cannot read whole: a label without word wrap
    or a button narrower than its text, an item view's cell narrower than what it holds
    (Qt elides it with "…"). A tooltip does not count: it is not read."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QStyle,
        QStyleOptionComboBox,
        QStyleOptionViewItem,
    )

    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if widget.width() <= 1 or widget.height() <= 1:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.wordWrap() or widget.pixmap() is not None:
                continue
            if Qt.mightBeRichText(text) or widget.textFormat() == Qt.TextFormat.RichText:
                continue
            room = widget.contentsRect().width() - 2 * max(widget.margin(), 0)
            for line in _plain(text).split("\n"):
                if widget.fontMetrics().horizontalAdvance(line) > room:
                    found.append(f"label «{line}» {room} px wide")
        elif isinstance(widget, QAbstractSpinBox) and widget.text():
            edit = widget.findChild(QLineEdit)
            wide = widget.fontMetrics().horizontalAdvance(widget.text())
            if edit is not None and wide > edit.width():
                found.append(f"number «{widget.text()}» {edit.width()} px wide")
        elif isinstance(widget, QComboBox) and widget.currentText():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                widget,
            )
            if widget.fontMetrics().horizontalAdvance(widget.currentText()) > field.width() + 1:
                found.append(f"list «{widget.currentText()}» {field.width()} px wide")
        elif isinstance(widget, QAbstractButton):
            if widget.text() and widget.sizeHint().width() > widget.width() + 1:
                found.append(f"button «{_plain(widget.text())}» {widget.width()} px wide")
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            delegate = widget.itemDelegate()
            root = widget.rootIndex()
            wrap = getattr(widget, "wordWrap", lambda: False)()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model hides it: one column
                columns = 1
            for row in range(min(model.rowCount(root), rows)):
                for column in range(columns):
                    if hasattr(widget, "isColumnHidden") and widget.isColumnHidden(column):
                        continue
                    index = model.index(row, column, root)
                    text = index.data()
                    if not isinstance(text, str) or not text:
                        continue
                    rect = widget.visualRect(index)
                    if rect.isEmpty():
                        continue
                    option = QStyleOptionViewItem()
                    option.initFrom(widget)
                    option.font = widget.font()
                    option.rect = rect
                    need = delegate.sizeHint(option, index)
                    if need.width() > rect.width() + 1 and not (
                        wrap and _wrapped_height(widget, text, rect.width()) <= rect.height()
                    ):
                        found.append(
                            f"{type(widget).__name__} cell «{text[:40]}» "
                            f"{rect.width()} px of {need.width()}"
                        )
    return found
