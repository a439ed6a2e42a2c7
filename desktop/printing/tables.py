"""Ruled tables of the Party format: lists that run over many pages, and their head.

``ruled_list`` is the one table head of every list paper (danh sách đảng viên, the dues
papers): bold centred headings repeated on each page, a note in small italics under a
heading, the body columns centred or to the right, the total rows at the foot in bold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, Table, TableStyle

from desktop.printing.fonts import font_name
from desktop.printing.styles import TABLE_SIZE, esc, styles

_PAD_X = 2
_PAD_TOP = 2
_PAD_BOTTOM = 3


def data_table(
    header_rows: Sequence[Sequence[object]],
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    extra_style: Iterable[tuple] = (),
) -> Table:
    """A ruled table whose header rows repeat on every page it runs over.

    Cells may be flowables or strings; a header string becomes a bold centred Paragraph.
    Body strings are drawn as they are (fast, never wrapped): pass a Paragraph for text
    that may need more than one line.
    """
    st = styles()
    head = [
        [Paragraph(esc(c), st.table_head) if isinstance(c, str) else c for c in row]
        for row in header_rows
    ]
    data = head + [list(row) for row in rows]
    n_head = len(head)
    extra = list(extra_style)
    heights = None
    if not any(command[0] == "SPAN" for command in extra):
        # Measured once here: ReportLab would otherwise re-measure every remaining row at
        # each page break, which makes a roster of thousands of members crawl.
        heights = [_row_height(row, col_widths, st.table_cell.leading) for row in data]
    table = LongTable(
        data, colWidths=list(col_widths), rowHeights=heights, repeatRows=n_head, hAlign="CENTER"
    )
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), font_name(st.family)),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("LEADING", (0, 0), (-1, -1), st.table_cell.leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, n_head - 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), _PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_BOTTOM),
    ]
    table.setStyle(TableStyle(commands + extra))
    return table


def fit_cell(text: str, width: float, style: ParagraphStyle | None = None) -> object:
    """A plain string when ``text`` fits the column on one line, else a wrapping Paragraph.

    Plain strings are drawn as they are, which keeps lists of thousands of rows fast; the
    column's ALIGN command places them, the Paragraph's style places the wrapped ones.
    """
    style = style or styles().table_cell
    if "\n" not in text and stringWidth(text, style.fontName, TABLE_SIZE) + 2 * _PAD_X <= width:
        return text
    return Paragraph(esc(text), style)


def _row_height(row: Sequence[object], widths: Sequence[float], leading: float) -> float:
    tallest = leading
    for cell, width in zip(row, widths, strict=True):
        if isinstance(cell, Flowable):
            cell = [cell]
        if isinstance(cell, (list, tuple)):
            height = 0.0
            for item in cell:
                height += _measure(item, width - 2 * _PAD_X)
                height += item.getSpaceBefore() + item.getSpaceAfter()
        else:
            height = leading * len(str(cell or "").split("\n"))
        tallest = max(tallest, height)
    return tallest + _PAD_TOP + _PAD_BOTTOM


def _measure(item: Flowable, width: float) -> float:
    """The height of ``item`` in a column ``width`` wide; a Paragraph keeps its lines.

    Drawing the cell wraps it again at the same width (and a repeated head row once per
    page): the Paragraph then takes back the lines broken here instead of breaking them
    anew. Its lines depend on the width only (Paragraph.wrap ignores the height).
    """
    if not isinstance(item, Paragraph):
        return item.wrap(width, 10_000)[1]
    size = Paragraph.wrap(item, width, 10_000)
    kept = (item.width, item.height, item.blPara, item._wrapWidths)

    def wrap(avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != width:
            return Paragraph.wrap(item, avail_width, avail_height)
        item.width, item.height, item.blPara, item._wrapWidths = kept
        return size

    item.wrap = wrap
    return size[1]


Columns = Iterable[int | tuple[int, int]]


def ruled_list(
    headings: Sequence[str],
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    notes: Mapping[int, str] | None = None,
    center: Columns = (),
    right: Columns = (),
    total_rows: int = 0,
    extra_style: Iterable[tuple] = (),
) -> Table:
    """A list paper's table: one head row of ``headings``, then ``rows``.

    ``notes`` puts a note in small italics under a heading ({1: "(chức vụ, ghi chú)"});
    ``center`` and ``right`` align the body cells of those columns, each an index or a
    (first, last) range; the last ``total_rows`` rows ("Cộng") print in bold.
    """
    st = styles()
    head: list[object] = list(headings)
    for index, note in (notes or {}).items():
        text = f"{esc(headings[index])}<br/><font size=10><i>{esc(note)}</i></font>"
        head[index] = Paragraph(text, st.table_head)
    style: list[tuple] = []
    for align, columns in (("CENTER", center), ("RIGHT", right)):
        for column in columns:
            first, last = column if isinstance(column, tuple) else (column, column)
            style.append(("ALIGN", (first, 1), (last, -1), align))
    if total_rows:
        n = len(rows)  # the head is row 0, so the last body row is row n
        style.append(("FONTNAME", (0, n - total_rows + 1), (-1, n), st.table_head.fontName))
    return data_table([head], rows, col_widths, extra_style=[*style, *extra_style])
