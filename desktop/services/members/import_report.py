"""The roster import's report in Vietnamese: a summary, then every line of the file by its
Excel row number ("Dòng 12: đã nhập Nguyễn Văn An"), for the preview and after writing.
"""

from __future__ import annotations

from desktop.services.members.import_records import (
    DUPLICATE,
    NEW,
    POSSIBLE_DUPLICATE,
    ImportPlan,
    ImportReport,
    RowPlan,
)


def row_line(row: RowPlan, done: str) -> str:
    head = f"Dòng {row.row_number}: "
    if row.outcome == NEW:
        text = f"{head}{done} {row.name}"
        return text + (f" (sửa: {'; '.join(row.repairs)})" if row.repairs else "")
    if row.outcome == POSSIBLE_DUPLICATE:
        if done == "đã nhập":
            return f"{head}chưa nhập {row.name} — {row.match_reason}"
        return f"{head}cần xác nhận {row.name} — {row.match_reason}"
    if row.outcome == DUPLICATE:
        if row.matched_row is not None:
            return f"{head}bỏ qua {row.name} — {row.match_reason}"
        return f"{head}bỏ qua {row.name} — đã có ({row.match_reason})"
    who = f" {row.name}" if row.name else ""
    return f"{head}không nhập{who} — {'; '.join(row.errors)}"


def plan_lines(plan: ImportPlan) -> list[str]:
    """One Vietnamese line per line of the file, for the preview ("sẽ nhập …")."""
    lines = [(r.row_number, row_line(r, "sẽ nhập")) for r in plan.rows]
    lines.extend((n, f"Dòng {n}: bỏ qua — {why}") for n, why in plan.skipped)
    return [text for _, text in sorted(lines, key=lambda item: item[0])]


def format_report(result: ImportPlan | ImportReport) -> str:
    """The report the secretary reads: a summary, then every line of the file."""
    if isinstance(result, ImportPlan):
        sheet = (
            f"trang “{result.sheet_name}”, "
            if result.source.suffix.lower() in (".xlsx", ".xlsm")
            else ""
        )
        title = (
            f"Xem trước khi nhập tệp {result.source.name} ({sheet}dòng tiêu đề {result.header_row})"
        )
        summary = (
            f"Sẽ nhập {result.new_count} đảng viên (sửa tự động {result.repaired_count}); "
            f"bỏ qua {result.duplicate_count} người đã có; "
            f"không nhập {result.rejected_count} dòng lỗi."
        )
        if result.question_count:
            summary += (
                f" {result.question_count} dòng có tên gần giống người đã có (chỉ khác dấu) "
                "cần bí thư xác nhận là người khác."
            )
        lines, warnings = plan_lines(result), result.warnings
    else:
        name = result.source.name if result.source else "danh sách"
        title = f"Kết quả nhập tệp {name}"
        summary = (
            f"Đã nhập {result.imported} đảng viên (sửa tự động {result.repaired}); "
            f"bỏ qua {result.duplicates} người đã có; không nhập {result.rejected} dòng lỗi."
        )
        lines, warnings = result.lines, result.warnings
    parts = [title, summary, ""] + lines
    if warnings:
        parts += ["", "Lưu ý:"] + [f"- {w}" for w in warnings]
    return "\n".join(parts)
