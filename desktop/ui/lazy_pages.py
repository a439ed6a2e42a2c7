"""Pages of a window built when first shown (trang dựng khi mở lần đầu)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyPages(QStackedWidget):
    """Pages built when first shown (trang dựng khi mở lần đầu).

    ``add_lazy(build)`` reserves a place with an empty stand-in; ``page(index)`` (and
    ``show_page``) calls ``build()`` once, puts the page where its stand-in was and emits
    ``page_built``. A part's modules are imported inside its ``build``, so the start-up
    pays only for the page the user sees first.
    """

    page_built = Signal(int, QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders: dict[int, Callable[[], QWidget]] = {}

    def add_lazy(self, build: Callable[[], QWidget]) -> int:
        index = self.addWidget(QWidget())
        self._builders[index] = build
        return index

    def is_built(self, index: int) -> bool:
        return 0 <= index < self.count() and index not in self._builders

    def page(self, index: int) -> QWidget:
        build = self._builders.pop(index, None)
        if build is None:
            return self.widget(index)
        stand_in = self.widget(index)
        try:
            page = build()
        except BaseException:
            self._builders[index] = build  # try again on the next visit
            raise
        self.insertWidget(index, page)
        self.removeWidget(stand_in)
        stand_in.deleteLater()
        self.page_built.emit(index, page)
        return page

    def show_page(self, index: int) -> QWidget:
        page = self.page(index)
        self.setCurrentIndex(index)
        return page
