"""Fixtures for the GUI tests: a Vietnamese-configured app, a context over a fresh data
folder, members made through the services, and message boxes that answer themselves."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member
from desktop.text.dates import PartialDate

TODAY = date(2026, 3, 5)


@dataclass
class Answers:
    """What the patched message boxes were asked, and what ``ask`` answers next."""

    questions: list[str] = field(default_factory=list)
    shown: list[tuple[str, str]] = field(default_factory=list)
    reply: bool = True
    # What messages.ask_save answers ("save", "discard", "cancel"); empty: follow ``reply``
    # (True: close without saving, False: go back).
    save_choice: str = ""

    def texts(self) -> str:
        return "\n".join(self.questions + [text for _kind, text in self.shown])


@pytest.fixture(autouse=True)
def answers(monkeypatch) -> Answers:
    """No test may block on a modal message box: record them instead."""
    from desktop.ui import messages

    recorded = Answers()

    def ask(parent, title, text, yes_text, no_text, *, danger=False):
        recorded.questions.append(text)
        return recorded.reply

    def shower(kind: str):
        def show(parent, title, text, details=""):
            recorded.shown.append((kind, text))

        return show

    def ask_save(parent, text):
        recorded.questions.append(text)
        if recorded.save_choice:
            return recorded.save_choice
        return messages.DISCARD if recorded.reply else messages.CANCEL

    monkeypatch.setattr(messages, "ask", ask)
    monkeypatch.setattr(messages, "ask_save", ask_save)
    monkeypatch.setattr(messages, "info", shower("info"))
    monkeypatch.setattr(messages, "warn", shower("warn"))
    monkeypatch.setattr(messages, "error", shower("error"))
    return recorded


@pytest.fixture
def app(qapp):
    from desktop.ui.style import configure_application

    configure_application(qapp)
    # The app collects cyclic garbage on the GUI thread only (desktop.ui.compat); do it
    # between tests too, so no test inherits another one's closed windows.
    gc.collect()
    return qapp


@pytest.fixture(autouse=True, scope="session")
def _restore_automatic_garbage_collection():
    yield
    from desktop.ui import compat

    if compat._collector is not None:
        compat._collector.stop()


@pytest.fixture
def ctx(app, workspace):
    from desktop.ui.context import UiContext

    context = UiContext(workspace, today=TODAY)
    yield context
    context.undo_stack.clear()
    # Background jobs (reminders) must not outlive the data folder of the test.
    QThreadPool.globalInstance().waitForDone(10_000)


def member(
    db,
    full_name: str,
    *,
    gender: str = "nam",
    birth: PartialDate | None = None,
    admitted: date | None = date(2000, 5, 19),
    official: date | None = date(2001, 5, 19),
    card: str | None = None,
    phone: str = "",
) -> int:
    data = MemberData(
        full_name=full_name,
        gender=gender,
        birth_date=birth or PartialDate(1970, 1, 1),
        admitted_on=admitted,
        official_on=official,
        card_number=card,
        phone=phone,
    )
    return create_member(db, data, TODAY)


def event(db, member_id: int, kind: str, on: date, **extra) -> int:
    return add_event(db, member_id, EventData(kind=kind, happened_on=on, **extra), TODAY)


@pytest.fixture
def roster(ctx) -> dict[str, int]:
    """Five members, one of them exempted, one transferred away."""
    db = ctx.db
    ids = {
        "an": member(db, "Nguyễn Văn An", card="012345678901", phone="0912345678"),
        "binh": member(db, "Nguyễn Văn Bình", birth=PartialDate(1955)),
        "dung": member(db, "Đặng Thị Dung", gender="nu"),
        "hoa": member(db, "Trần Thị Hoa", gender="nu"),
        "khoa": member(db, "Lê Đăng Khoa"),
    }
    event(db, ids["hoa"], "mien_sinh_hoat", date(2025, 1, 10))
    event(db, ids["khoa"], "chuyen_di", date(2025, 6, 1), detail="Chi bộ Ấp Mỹ Phước")
    return ids


def _type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, as Unikey delivers it: one key event per character.

    (QTest.keyClicks asserts on characters outside ASCII such as "ễ".)
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _on_modal(cls: type[QWidget], action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the next modal ``cls`` once its exec() loop is running."""

    def poll(tries: int = 200) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, cls):
            action(widget)
        elif tries:
            QTimer.singleShot(10, lambda: poll(tries - 1))

    QTimer.singleShot(0, poll)


# Helpers handed out as fixtures, so that no test imports this conftest as a module.


@pytest.fixture
def type_text():
    return _type_text


@pytest.fixture
def on_modal():
    return _on_modal


@pytest.fixture
def make_member():
    return member


@pytest.fixture
def add_member_event():
    return event


@pytest.fixture(autouse=True)
def _window_places(tmp_path, monkeypatch):
    """Window sizes and places are kept in a settings file of the test, not the user's."""
    from PySide6.QtCore import QSettings

    from desktop.ui import screen_fit

    path = str(tmp_path / "window-places.ini")
    monkeypatch.setattr(screen_fit, "settings", lambda: QSettings(path, QSettings.Format.IniFormat))
