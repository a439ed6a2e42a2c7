"""The đảng ủy's consolidated rating list (tổng hợp kết quả xếp loại chất lượng đảng viên).

Counts per cell and in total from the cells' proposals, the quota checked over the whole
organisation with its arithmetic, the cells that have not reported, members reported by two
cells, then every member by cell. Landscape A4 so the level columns fit side by side.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Paragraph, Spacer

from desktop.printing.page import (
    DocumentHeader,
    Signature,
    body_width,
    build_pdf,
    data_table,
    esc,
    header_flowables,
    recipients_block,
    signature_block,
    styles,
    title_flowables,
)
from desktop.services.cell.numbering import LIST, paper_number
from desktop.services.exchange.consolidation import Consolidation, consolidation, unit_header
from desktop.storage.database import Database
from desktop.services.reviews.print_data.common import clean_reason, one_bracket, shares
from desktop.text import format_number


def title_for(year: int) -> str:
    return f"Tổng hợp kết quả đánh giá, xếp loại chất lượng đảng viên năm {year}"


UNIT_CODE = "ĐU"  # đảng ủy, after "/" in the number (Hướng dẫn 36-HD/VPTW)
RECIPIENTS = ("Ban Tổ chức cấp ủy cấp trên (để báo cáo);", "Các chi bộ trực thuộc;")


def print_consolidated(db: Database, year: int, path: Path, today: date | None = None) -> Path:
    data = consolidation(db, year)
    unit = unit_header(db)
    header = consolidated_header(db, year, today)
    story = [*header_flowables(header, landscape=True), *title_flowables(title_for(year))]
    story += _summary(data)
    story += _members(data)
    signer = Signature(["T/M ĐẢNG ỦY", unit.signer_title or "Bí thư"], unit.signer_name, note="")
    recipients = recipients_block(RECIPIENTS, archive="Lưu Văn phòng Đảng ủy.")
    story += signature_block(recipients, signer, landscape=True)
    return build_pdf(Path(path), story, title=title_for(year), landscape=True)


def consolidated_header(db: Database, year: int, today: date | None = None) -> DocumentHeader:
    """The đảng ủy's own header, numbered DS/ĐU on first issue and reprinted as issued."""
    unit = unit_header(db)
    with db.session() as session:
        number = paper_number(
            session, "consolidated", str(year), LIST, today, final=True, today=today,
            body_code=UNIT_CODE,
        )  # fmt: skip
    return DocumentHeader(
        superior_name=unit.above,
        cell_name="",
        place_name=unit.place,
        issued_on=number.issued_on,
        unit_name=unit.name or "Đảng ủy cơ sở",
        number=number.number,
        doc_type_code=number.type_code,
        body_code=number.body_code,
    )


def awaiting(cell) -> int:
    """Rated members with no proposal yet: without them a row would not add up."""
    return cell.rated - sum(cell.counts.values())


def member_note(member: dict) -> str:
    """The note column: why a member is not rated (one pair of brackets), "no proposal yet"
    for a member to be rated without one, or the warnings spelled out."""
    if member.get("not_rated_reason"):
        return clean_reason(member["not_rated_reason"])
    if member.get("rated") and not member.get("proposed_level"):
        return "Chưa có đề xuất của chi bộ."
    if member.get("warnings"):
        # Spelled out: a count alone ("1 cảnh báo") tells the đảng ủy nothing.
        warnings = "; ".join(str(w).rstrip(".") for w in member["warnings"])
        return clean_reason(f"Cảnh báo: {warnings}")
    return ""


def share_line(data: Consolidation) -> str:
    """Each level's count and share of the members to be rated, with those not yet proposed
    when there are any, rounded by the largest-remainder rule so that they add to 100%."""
    parts = [(short, data.totals.get(code, 0)) for code, _, short in data.level_codes]
    waiting = sum(awaiting(cell) for cell in data.cells)
    if waiting:
        parts.append(("Chưa đề xuất", waiting))
    percents = shares([count for _, count in parts], data.rated)
    return "; ".join(
        f"{name}: {format_number(count)} ({share})"
        for (name, count), share in zip(parts, percents, strict=True)
    )


def _summary(data: Consolidation) -> list:
    st = styles()
    width = body_width(True)
    levels = data.level_codes
    heads = ["TT", "Chi bộ", "Số đảng viên", "Không xếp loại", *(s for _, _, s in levels),
             "Chưa đề xuất"]  # fmt: skip
    name_width = width * 0.30
    rest = (width - 12 * 2.8 - name_width) / (len(heads) - 2)
    widths = [12 * 2.8, name_width, *([rest] * (len(heads) - 2))]
    rows = []
    for index, cell in enumerate(data.cells, start=1):
        rows.append(
            [
                str(index),
                Paragraph(esc(cell.cell_name), st.table_cell),
                format_number(cell.on_roll),
                format_number(cell.not_rated),
                *(format_number(cell.counts.get(code, 0)) for code, _, _ in levels),
                format_number(awaiting(cell)),
            ]
        )
    rows.append(
        [
            "",
            Paragraph("<b>Tổng cộng</b>", st.table_cell),
            format_number(data.on_roll),
            format_number(data.on_roll - data.rated),
            *(format_number(data.totals.get(code, 0)) for code, _, _ in levels),
            format_number(sum(awaiting(cell) for cell in data.cells)),
        ]
    )
    items: list = [
        Paragraph(
            esc(
                f"Số chi bộ đã nộp kết quả: {len(data.cells)}"
                + (f"; chưa nộp: {len(data.missing)}." if data.missing else ".")
            ),
            st.body,
        ),  # fmt: skip
        Spacer(1, 6),
        data_table([heads], rows, widths, extra_style=[("ALIGN", (2, 1), (-1, -1), "CENTER")]),
        Spacer(1, 6),
    ]
    if data.rated:
        items.append(
            Paragraph(
                esc(f"Tỷ lệ trên {format_number(data.rated)} đảng viên được xếp loại: "
                    f"{share_line(data)}."),
                st.body,
            )
        )
    quota = data.quota
    text = f"Tỷ lệ xuất sắc trong toàn đảng bộ: {quota.explanation}"
    if quota.source:
        text += f" ({quota.source})"
    items.append(Paragraph(esc(one_bracket(text + ".")), st.body))
    if data.missing:
        items.append(
            Paragraph(esc("Chi bộ chưa nộp kết quả: " + ", ".join(data.missing) + "."), st.body)
        )
    for duplicate in data.duplicates:
        items.append(
            Paragraph(
                esc(
                    f"Lưu ý: đảng viên {duplicate.full_name} ({duplicate.key}) có trong danh "
                    f"sách của {len(duplicate.cells)} chi bộ: {', '.join(duplicate.cells)}."
                ),
                st.body,
            )
        )
    return items


def _members(data: Consolidation) -> list:
    st = styles()
    if not data.members:
        return []
    width = body_width(True)
    names = {code: short for code, _, short in data.level_codes}
    heads = ["TT", "Họ và tên", "Năm sinh", "Chi bộ", "Tự xếp loại", "Chi bộ đề xuất", "Phiếu",
             "Ghi chú"]  # fmt: skip
    fixed = [10 * 2.8, 16 * 2.8, 25 * 2.8, 25 * 2.8, 16 * 2.8]
    flexible = width - sum(fixed)
    widths = [fixed[0], flexible * 0.34, fixed[1], flexible * 0.30, fixed[2], fixed[3], fixed[4],
              flexible * 0.36]  # fmt: skip
    rows = []
    for index, entry in enumerate(data.members, start=1):
        member = entry.member
        votes = ""
        if member.get("votes_for") is not None and member.get("votes_total"):
            votes = f"{member['votes_for']}/{member['votes_total']}"
        note = member_note(member)
        proposed = names.get(member.get("proposed_level") or "", "")
        proposed = proposed if member.get("rated") else "Không xếp loại"
        rows.append(
            [
                str(index),
                Paragraph(esc(member.get("full_name", "")), st.table_cell),
                str(member.get("birth_year") or ""),
                Paragraph(esc(entry.cell_name), st.table_cell),
                # Wrapped: "Không hoàn thành" is wider than its column and ran into the next.
                Paragraph(esc(names.get(member.get("self_level") or "", "")), st.table_cell),
                Paragraph(esc(proposed), st.table_cell),
                votes,
                Paragraph(esc(note), st.table_cell),
            ]
        )
    return [
        Spacer(1, 10),
        Paragraph("<b>Danh sách đảng viên theo chi bộ</b>", st.body),
        Spacer(1, 4),
        data_table([heads], rows, widths),
    ]
