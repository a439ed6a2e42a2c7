"""Commands on the member registry: ``demo``, ``members import`` and ``members export``."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import EXIT_FAILED, EXIT_OK, open_workspace


def demo_command(args, data_dir: Path) -> int:
    from desktop.services.demo.builder import load_demo
    from desktop.services.members.registry import list_members

    with open_workspace(data_dir) as ws:
        load_demo(ws.db, members=args.members)
        ws.settings.first_start_done = True
        ws.save_settings()
        count = len(list_members(ws.db))
    print(
        f"Đã nạp chi bộ mẫu ({count} đảng viên, một năm sinh hoạt, cam kết và kiểm điểm, "
        f"xếp loại; dữ liệu giả định) vào {data_dir}."
    )
    return EXIT_OK


def members_command(args, data_dir: Path) -> int:
    if args.action == "import":
        return import_roster(args.file, data_dir, args.also_similar_names)
    from desktop.services.members.exporting import export_members, export_note

    with open_workspace(data_dir) as ws:
        count = export_members(ws.db, args.file)
    print(f"Đã xuất {count} đảng viên ra {args.file}. {export_note(args.file)}")
    return EXIT_OK


def import_roster(file: Path, data_dir: Path, similar: bool = False) -> int:
    from desktop.services.members.importing import apply_import, format_report, plan_import

    with open_workspace(data_dir) as ws:
        plan = plan_import(ws.db, file)
        plan.import_possible_duplicates(similar)
        report = apply_import(ws.db, plan)
        if report.imported:
            ws.backup("sau-nhap")
    print(format_report(report))
    if plan.question_count and not similar:
        print(
            f"{plan.question_count} dòng có tên chỉ khác dấu với người đã có chưa được nhập. "
            "Nếu đó là những người khác, chạy lại với --also-similar-names."
        )
    return EXIT_OK if report.imported or report.duplicates else EXIT_FAILED
