"""How the reviews page shows the year's sheet: the pack's period and legend, the
summary lines, and the table's column widths."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from desktop.services.reviews import ratings
from desktop.text import short_date
from desktop.ui.reviews.table_model import RatingTableModel

_TITLE_PREFIX = "theo "
RESIZE_PRECISION = 100  # rows measured for a column's width (a small cell: all of them)


def pack_period(pack) -> str:
    """ "Quy định 366-QĐ/TW (thang điểm 100)" out of the pack's title."""
    title = pack.title
    if _TITLE_PREFIX in title:
        title = title.split(_TITLE_PREFIX, 1)[1]
    return title


def level_legend(pack) -> str:
    """What the table's short words and the superior's codes stand for (chú giải):
    "Xuất sắc: Hoàn thành xuất sắc nhiệm vụ (HTXSNV) · …"."""
    parts = [f"{lv.short_name}: {lv.name} ({lv.code})" for lv in pack.levels]
    return "Các mức xếp loại — " + " · ".join(parts) + "."


def summary_lines(sheet: ratings.RatingSheet) -> list[str]:
    rows = sheet.rows
    writers = [r for r in rows if r.writes_review]
    written = sum(1 for r in writers if r.facts.self_review_written)
    rated = sheet.rated
    proposed = [r for r in rated if r.proposed_level]
    decided = [r for r in rated if r.decided_level]
    lines = [
        f"Đảng viên trong danh sách kiểm điểm (đến {short_date(sheet.review_on)}): "
        f"{len(rows)}; được xếp loại: {len(rated)}; không xếp loại: {len(sheet.not_rated)}.",
        f"Bản tự kiểm điểm đã viết: {written}/{len(writers)} · Chi bộ đã đề xuất: "
        f"{len(proposed)}/{len(rated)} · Cấp trên đã quyết định: {len(decided)}/{len(rated)}.",
    ]
    counts = " · ".join(f"{c.level.short_name} {c.proposed}" for c in sheet.counts)
    lines.append(f"Chi bộ đề xuất: {counts}.")
    if decided:
        counts = " · ".join(f"{c.level.short_name} {c.decided}" for c in sheet.counts)
        lines.append(f"Cấp trên quyết định: {counts}.")
    return lines


def size_columns(table: QTableView, model: RatingTableModel) -> None:
    """Every column fits its header and its widest value; the name takes what is left.

    The name never shrinks below the longest name on the sheet (up to a limit): a
    horizontal scroll bar is better than a list of "Ng…" nobody can read.
    """
    metrics = table.fontMetrics()
    table.verticalHeader().setDefaultSectionSize(int(metrics.height() * 1.8))
    header = table.horizontalHeader()
    header.setMinimumHeight(int(metrics.height() * 2.8))
    header.setMinimumSectionSize(metrics.horizontalAdvance("99") + 16)
    name_column = model.column_of("name")
    # Measured on the first rows only: every row of a 1,000-member cell, once per
    # column, was most of the page's first open (bench/bench_startup.py).
    header.setResizeContentsPrecision(RESIZE_PRECISION)
    used = 0
    for column in range(model.columnCount()):
        if column == name_column:
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(column)
        header.resizeSection(column, header.sectionSize(column) + 4)
        used += header.sectionSize(column)
    names = [r.member.full_name for r in (model.sheet.rows if model.sheet else ())]
    longest = max((metrics.horizontalAdvance(n) for n in names[:2000]), default=120)
    wanted = min(longest + 24, metrics.horizontalAdvance("M") * 22)
    room = table.viewport().width() - used
    header.setSectionResizeMode(name_column, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(name_column, max(wanted, room))
