"""Column widths of the members table: sized from samples, not by scanning every row.

"Tình trạng" and "Chức vụ" are as wide as their longest text, the name column takes
what the others leave free, and longer texts are elided with the whole text in the
tooltip.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from desktop.ui.members.table_model import COLUMNS, HEADER_LINES, MembersTableModel

# Widest usual content of each column, to size columns without scanning 10,000 rows.
# Longer texts are elided, with the whole text in the tooltip.
COLUMN_SAMPLES = (
    "999",
    "Nguyễn Thị Phương",
    "Nam",
    "00/00/0000",
    "00/00/0000",
    "Miễn sinh hoạt",
    "Chi ủy viên",
    "000000000000",
    "0000000000",
)


class ColumnFitter:
    """Sizes the columns of ``table`` (showing ``model``) for its current font."""

    def __init__(self, table: QTableView, model: MembersTableModel) -> None:
        self.table = table
        self.model = model
        self.name_min_width = 200

    def size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(int(metrics.height() * 1.8))
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(metrics.horizontalAdvance("999") + 16)
        header.setMinimumHeight(int(metrics.height() * 2.8))
        for column, sample in enumerate(COLUMN_SAMPLES):
            lines = HEADER_LINES[column].split("\n") + [sample]
            width = max(metrics.horizontalAdvance(line) for line in lines)
            header.resizeSection(column, width + 16)
        self.name_min_width = header.sectionSize(1)
        self.fit_text_columns()

    def fit_text_columns(self) -> None:
        """"Tình trạng" and "Chức vụ" as wide as their longest text ("Chính thức, đi làm
        ăn xa"), so no status is cut to "Chính thức, đ…"; the name column gets the rest."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column in (COLUMNS.index("Tình trạng"), COLUMNS.index("Chức vụ")):
            lines = HEADER_LINES[column].split("\n") + [COLUMN_SAMPLES[column]]
            width = max(metrics.horizontalAdvance(line) for line in lines)
            for row in range(self.model.rowCount()):
                text = self.model.data(self.model.index(row, column)) or ""
                width = max(width, metrics.horizontalAdvance(str(text)))
            header.resizeSection(column, width + 16)
        # Names whole too: "Nguyễn Thị Thu Trang" was cut to "Nguyễn Thị Thu Tr…".
        rows = range(self.model.rowCount())
        names = (self.model.data(self.model.index(r, 1)) or "" for r in rows)
        widest = max((metrics.horizontalAdvance(str(n)) for n in names), default=0)
        self.name_min_width = max(self.name_min_width, widest + 16)
        self.fit_name_column()

    def fit_name_column(self) -> None:
        """Give the name column whatever width the other columns leave free."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if c != 1)
        free = self.table.viewport().width() - others
        header.resizeSection(1, max(self.name_min_width, free))
