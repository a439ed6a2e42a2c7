"""Command-line commands for what leaves the PC: ratings to the superior, consolidation.

sochibo export ratings --year YYYY --to DIR [--password-file FILE]
sochibo import ratings PACKAGE... [--replace] [--password-file FILE] [--accept-new-key]
sochibo print consolidated --year YYYY -o FILE.pdf|FILE.xlsx
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli.common import EXIT_FAILED, EXIT_OK, open_workspace, require_suffix


def add_commands(sub, printing_sub, parser_class) -> None:
    export = sub.add_parser(
        "export", help="xuất kết quả xếp loại ra USB hoặc thư mục (đã kiểm tra)"
    )
    export_sub = export.add_subparsers(
        dest="what", metavar="VIỆC", required=True, parser_class=parser_class
    )
    ratings = export_sub.add_parser("ratings", help="gói kết quả xếp loại gửi cấp trên")
    ratings.add_argument("--year", type=int, required=True, metavar="YYYY")
    ratings.add_argument("--to", type=Path, required=True, metavar="THƯ_MỤC")
    ratings.add_argument(
        "--password-file", type=Path, metavar="TỆP", help="đặt mật khẩu cho gói (dòng đầu của tệp)"
    )
    ratings.add_argument("--replace", action="store_true", help="thay gói cùng tên đã có ở nơi ghi")
    ratings.add_argument("--with-dues", action="store_true", help="kèm tóm tắt đảng phí của năm")

    imp = sub.add_parser("import", help="nhập gói kết quả xếp loại của các chi bộ (đảng ủy cơ sở)")
    imp_sub = imp.add_subparsers(
        dest="what", metavar="VIỆC", required=True, parser_class=parser_class
    )
    packages = imp_sub.add_parser("ratings", help="nhập một hoặc nhiều gói xếp loại")
    packages.add_argument("packages", type=Path, nargs="+", metavar="GÓI")
    packages.add_argument(
        "--replace", action="store_true", help="gói mới hơn của cùng chi bộ thay gói đã nhập"
    )
    packages.add_argument("--password-file", type=Path, metavar="TỆP")
    packages.add_argument(
        "--accept-new-key",
        action="store_true",
        help="xác nhận chi bộ đã đổi khóa ký gói (chỉ dùng sau khi gọi điện đối chiếu mã khóa)",
    )

    consolidated = printing_sub.add_parser(
        "consolidated", help="bảng tổng hợp xếp loại của đảng ủy (.pdf hoặc .xlsx theo đuôi tệp)"
    )
    consolidated.add_argument("--year", type=int, required=True, metavar="YYYY")
    consolidated.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP")


def read_password(path: Path | None) -> str | None:
    if path is None:
        return None
    from desktop.errors import DomainError

    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise DomainError(f"Không đọc được tệp mật khẩu {path} ({exc.strerror or exc}).") from None
    password = lines[0].strip() if lines else ""
    if not password:
        raise DomainError(f"Tệp mật khẩu {path} trống.")
    return password


def export_command(args, workspace) -> int:
    from desktop.packaging.ratings import export_ratings

    result = export_ratings(
        workspace.db,
        args.year,
        args.to,
        password=read_password(args.password_file),
        replace=args.replace,
        include_dues=args.with_dues,
    )
    print(f"Đã ghi và kiểm tra lại gói kết quả xếp loại năm {args.year}: {result.path}")
    print(f"Mã kiểm tra (SHA-256 của manifest.json): {result.sha256}")
    if result.encrypted:
        print("Gói được bảo vệ bằng mật khẩu.")
    if result.gaps:
        print(f"Gói gửi kèm danh sách còn thiếu (con-thieu-{args.year}.txt):")
        for line in result.gaps:
            print(f"  - {line}")
    print("Có thể rút USB an toàn.")
    return EXIT_OK


def import_command(args, workspace) -> int:
    from desktop.services.exchange.consolidation import consolidation, import_package
    from desktop.errors import DomainError

    password = read_password(args.password_file)
    failed = 0
    years = set()
    for package in args.packages:
        try:
            outcome = import_package(
                workspace.db,
                package,
                password=password,
                replace=args.replace,
                accept_new_key=args.accept_new_key,
            )
        except DomainError as exc:
            failed += 1
            hint = {
                "ReplaceNeeded": " Thêm --replace để thay gói đã nhập.",
                "KeyChangeNeeded": " Sau khi đã đối chiếu, thêm --accept-new-key để nhập.",
            }.get(type(exc).__name__, "")
            print(f"Không nhập {package}: {exc}{hint}", file=sys.stderr)
            continue
        years.add(outcome.year)
        verb = "Đã thay" if outcome.replaced else "Đã nhập"
        print(
            f"{verb} gói của chi bộ {outcome.cell_name} năm {outcome.year} "
            f"({outcome.members} đảng viên)."
        )
        for note in outcome.notes:
            print(f"  Ghi chú: {note}")
    for year in sorted(years):
        data = consolidation(workspace.db, year)
        print(
            f"Năm {year}: {len(data.cells)} chi bộ đã nộp, {data.on_roll} đảng viên; "
            f"tỷ lệ xuất sắc: {data.quota.explanation}."
        )
        if data.missing:
            print(f"  Chưa nộp: {', '.join(data.missing)}.")
        for duplicate in data.duplicates:
            print(
                f"  Lưu ý: {duplicate.full_name} ({duplicate.key}) có trong "
                f"{', '.join(duplicate.cells)}."
            )
    return EXIT_FAILED if failed else EXIT_OK


def print_consolidated_command(args, db) -> str:
    if args.output.suffix.lower() == ".xlsx":
        from desktop.printing.exchange.consolidated_xlsx import write_consolidated_xlsx

        write_consolidated_xlsx(db, args.year, args.output)
    else:
        from desktop.printing.exchange.consolidated import print_consolidated

        print_consolidated(db, args.year, args.output)
    return f"Đã in bảng tổng hợp xếp loại năm {args.year} ra {args.output}."


def export_packages(args, data_dir: Path) -> int:
    with open_workspace(data_dir) as ws:
        return export_command(args, ws)


def import_packages(args, data_dir: Path) -> int:
    with open_workspace(data_dir) as ws:
        return import_command(args, ws)


def print_consolidated_paper(args, db) -> str:
    require_suffix(args.output, (".pdf", ".xlsx"))
    return print_consolidated_command(args, db)
