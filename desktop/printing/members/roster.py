"""The printed roster (danh sách đảng viên) on the Party-format page.

Portrait A4 (HD 36-HD/VPTW prefers it): TT, họ và tên, ngày sinh, giới tính, dân tộc,
tôn giáo, ngày vào Đảng, ngày chính thức, số thẻ. A separate "ghi chú" column does not fit
beside them at 11 pt, so the chức vụ and the situation (miễn sinh hoạt, …) print in
italics under the name, and "Dự bị" in the empty "Ngày chính thức" cell. Then the counts
line, the members temporarily attached here, and the secretary's signature.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.printing.page import (
    TABLE_SIZE,
    DocumentHeader,
    Signature,
    body_width,
    build_pdf,
    esc,
    fit_cell,
    header_flowables,
    ruled_list,
    signature_block,
    strip_cell_word,
    styles,
    title_flowables,
)
from desktop.services.members.roster import Roster, RosterCounts, RosterEntry, build_roster
from desktop.services.members.status import MemberStatus
from desktop.storage.database import Database
from desktop.text import format_number, short_date

TITLE = "Danh sách đảng viên"
HEADINGS = (
    "TT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Dân tộc",
    "Tôn giáo",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
)
HEADING_NOTE = "(chức vụ, ghi chú)"  # in small italics under "Họ và tên"
# Left plus right cell padding, as set by page.data_table.
_PADDING = 4
# What the name cell adds about a situation other than chính thức / dự bị (whose mark is
# the "Ngày chính thức" column).
_STATUS_NOTES = {
    MemberStatus.EXEMPTED: "Miễn công tác và sinh hoạt đảng",
    MemberStatus.TEMPORARY_AWAY: "Đang sinh hoạt tạm thời nơi khác",
    MemberStatus.UNKNOWN: "Chưa có ngày vào Đảng",
}


def write_roster_pdf(db: Database, target: Path, on: date | None = None) -> Path:
    """Print the roster on ``on`` (default today) to ``target``; returns ``target``."""
    roster = build_roster(db, on)
    title = f"{TITLE} – Chi bộ {strip_cell_word(roster.cell.name)}".strip(" –")
    return build_pdf(Path(target), roster_flowables(roster), title=title)


def roster_flowables(roster: Roster, issued_on: date | None = None) -> list[Flowable]:
    """The whole roster document, for printing alone or inside another document."""
    st = styles()
    cell = roster.cell
    header = DocumentHeader(
        superior_name=cell.superior_name,
        cell_name=cell.name,
        place_name=cell.place_name,
        issued_on=issued_on or roster.on,
    )
    cell_name = strip_cell_word(cell.name) or "……"
    subtitle = f"Chi bộ {cell_name}, tính đến ngày {short_date(roster.on)}"
    items: list[Flowable] = header_flowables(header) + title_flowables(TITLE, subtitle)
    items.append(roster_table(roster.entries))
    counts = Paragraph(esc(counts_sentence(roster.counts)), st.body)
    items.append(Spacer(1, 4 * mm))
    # Whatever comes last moves to a new page with the signature, never the signature alone.
    closing: list[Flowable] = []
    if roster.temporary_entries:
        items.append(counts)
        n = format_number(len(roster.temporary_entries))
        heading = f"Đảng viên sinh hoạt tạm thời tại chi bộ (không tính vào tổng số): {n} đồng chí."
        closing.append(Paragraph(esc(heading), st.heading))
        closing.append(roster_table(roster.temporary_entries, notes=False))
    else:
        closing.append(counts)
    secretary = Signature(["T/M CHI BỘ", "BÍ THƯ"], roster.secretary_name, note="")
    items += signature_block(None, secretary, keep_with=closing)
    return items


def counts_sentence(counts: RosterCounts) -> str:
    n = format_number
    return (
        f"Tổng số: {n(counts.total)} đồng chí (chính thức {n(counts.official)}, "
        f"dự bị {n(counts.probationary)}); miễn công tác và sinh hoạt đảng: "
        f"{n(counts.exempted)}; nữ: {n(counts.female)}; dân tộc thiểu số: "
        f"{n(counts.ethnic_minority)}; có đạo: {n(counts.religious)}."
    )


def column_widths(rows: int) -> list[float]:
    """Each fixed column as wide as its longest content; the name takes the rest."""
    st = styles()

    def fits(*samples: str, font: str = st.table_cell.fontName) -> float:
        content = max(stringWidth(t, font, TABLE_SIZE) for t in samples)
        return content + _PADDING + 1

    date_width = fits("28/12/2020")
    widths = [
        max(fits(str(rows)), fits("TT", font=st.table_head.fontName)),
        0.0,
        date_width,
        max(fits("Nam"), 8.5 * mm),
        12.5 * mm,
        17.5 * mm,
        date_width,
        date_width,
        fits("0" * 12),
    ]
    widths[1] = body_width() - sum(widths)
    return widths


def roster_table(entries: list[RosterEntry], notes: bool = True) -> Flowable:
    """The ruled table; ``notes`` adds the status (dự bị, miễn sinh hoạt) to the rows."""
    widths = column_widths(len(entries))
    rows = [_row(entry, widths, notes) for entry in entries]
    return ruled_list(HEADINGS, rows, widths, notes={1: HEADING_NOTE}, center=(0, 2, 3, 6, 7, 8))


def _row(entry: RosterEntry, widths: list[float], notes: bool) -> list[object]:
    st = styles()
    note = entry.party_post_label
    if notes and entry.status not in (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY):
        note = "; ".join(filter(None, (note, _STATUS_NOTES.get(entry.status, ""))))
    if note:
        name: object = Paragraph(f"{esc(entry.full_name)}<br/><i>{esc(note)}</i>", st.table_cell)
    else:
        name = fit_cell(entry.full_name, widths[1])
    official: object = entry.official_on
    if not official and entry.status != MemberStatus.UNKNOWN:
        official = Paragraph("<i>Dự bị</i>", st.table_cell_center)
    return [
        str(entry.number),
        name,
        entry.birth,
        entry.gender_label,
        fit_cell(entry.ethnicity, widths[4]),
        fit_cell(entry.religion, widths[5]),
        entry.admitted_on,
        official,
        entry.card_number,
    ]
