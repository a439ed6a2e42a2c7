"""Rows that grow to show a whole commitment item (nội dung cam kết) on several lines.

QTreeView measures a row with an unbounded width, so its text never wraps however
narrow the column; this delegate measures it against the column's real width, and the
tree lays its rows out again whenever a column is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

ROW_PADDING = 8  # a little air between rows, easier to aim at and to read


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView, wrapped_column: int) -> None:
        super().__init__(view)
        self.view = view
        # Only the stretching column wraps: the others size to their contents, and a
        # column sized by a hint measured at its own width would never grow.
        self.wrapped_column = wrapped_column
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.header().sectionResized.connect(lambda *_args: view.doItemsLayout())

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.column() != self.wrapped_column:
            return super().sizeHint(option, index) + QSize(0, ROW_PADDING)
        measured = QStyleOptionViewItem(option)
        self.initStyleOption(measured, index)
        if self.view.isFirstColumnSpanned(index.row(), index.parent()):
            width = self.view.viewport().width()  # a heading row runs across every column
        else:
            width = self.view.columnWidth(index.column())
        if index.column() == 0 and index.parent().isValid():
            width -= self.view.indentation()
        # The style wraps only inside a valid rectangle: give it the column's width.
        measured.rect.setRect(0, 0, max(width, 20), 100_000)
        measured.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        size = self.view.style().sizeFromContents(
            QStyle.ContentsType.CT_ItemViewItem, measured, QSize(), self.view
        )
        return size + QSize(0, ROW_PADDING)
