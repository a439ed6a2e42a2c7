"""The command line (``sochibo``): the same services as the GUI, printing Vietnamese reports.

Heavy modules (Qt, ReportLab, openpyxl) are imported inside the command that needs
them, so ``sochibo check`` starts fast and the GUI does not pay for printing up front.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from desktop import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class VietnameseArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False  # argparse's own help text is English
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này")

    def format_usage(self) -> str:
        return _vietnamese_headings(super().format_usage())

    def format_help(self) -> str:
        return _vietnamese_headings(super().format_help())

    def error(self, message: str) -> None:  # argparse's own messages are English
        self.print_usage(sys.stderr)
        message = _vietnamese_headings(message)
        self.exit(
            EXIT_USAGE, f"Lỗi cú pháp lệnh: {message}\nGõ 'sochibo --help' để xem hướng dẫn.\n"
        )


_HEADINGS = (
    ("usage:", "Cách dùng:"),
    ("positional arguments:", "Tham số:"),
    ("options:", "Tùy chọn:"),
    ("the following arguments are required:", "thiếu tham số bắt buộc:"),
    ("invalid choice:", "lựa chọn không hợp lệ:"),
    ("(choose from", "(chọn một trong"),
    ("unrecognized arguments:", "không hiểu các tham số:"),
    ("expected one argument", "cần một giá trị"),
    ("invalid int value:", "không phải số nguyên:"),
    ("argument ", "tham số "),
)


def _vietnamese_headings(text: str) -> str:
    for english, vietnamese in _HEADINGS:
        text = text.replace(english, vietnamese)
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseArgumentParser(
        prog="sochibo",
        description="Sổ Chi bộ — sổ tay điện tử của bí thư chi bộ. Không có lệnh con: mở ứng dụng.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Sổ Chi bộ {__version__}",
        help="hiện số phiên bản",
    )
    parser.add_argument(
        "--data",
        metavar="THƯ_MỤC",
        type=Path,
        help="thư mục dữ liệu (mặc định: thư mục của người dùng)",
    )
    parser.add_argument(
        "--new-database",
        action="store_true",
        help="tạo dữ liệu mới khi tệp dữ liệu của thư mục đã mất hoặc trống "
        "(tệp trống được giữ lại bên cạnh)",
    )
    sub = parser.add_subparsers(
        dest="command", metavar="LỆNH", parser_class=VietnameseArgumentParser
    )

    demo = sub.add_parser("demo", help="nạp chi bộ mẫu (dữ liệu giả định) vào thư mục dữ liệu trống")
    demo.add_argument(
        "--members",
        type=int,
        metavar="N",
        help="chi bộ mẫu cỡ lớn: N đảng viên (25 người của chi bộ mẫu và N−25 người giả lập), "
        "để thử ứng dụng với nhiều dữ liệu",
    )

    members = sub.add_parser("members", help="nhập / xuất danh sách đảng viên")
    members_sub = members.add_subparsers(
        dest="action", metavar="VIỆC", required=True, parser_class=VietnameseArgumentParser
    )
    imp = members_sub.add_parser("import", help="nhập danh sách từ tệp .xlsx hoặc .csv")
    imp.add_argument("file", type=Path, metavar="TỆP")
    exp = members_sub.add_parser("export", help="xuất danh sách ra tệp .xlsx hoặc .csv")
    exp.add_argument("file", type=Path, metavar="TỆP")

    printing = sub.add_parser("print", help="in tài liệu ra tệp PDF")
    printing_sub = printing.add_subparsers(
        dest="document", metavar="TÀI_LIỆU", required=True, parser_class=VietnameseArgumentParser
    )
    roster = printing_sub.add_parser("roster", help="danh sách đảng viên")
    roster.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf")
    roster.add_argument("--date", metavar="dd/mm/yyyy", help="tính đến ngày (mặc định: hôm nay)")

    agenda = printing_sub.add_parser("agenda", help="chương trình sinh hoạt chi bộ")
    minutes = printing_sub.add_parser(
        "minutes", help="biên bản sinh hoạt chi bộ (.pdf hoặc .docx theo đuôi tệp)"
    )
    for meeting_parser in (agenda, minutes):
        meeting_parser.add_argument("--month", required=True, metavar="YYYY-MM")
        meeting_parser.add_argument(
            "--kind", choices=("thuong-ky", "chuyen-de", "bat-thuong"), default="thuong-ky"
        )
        meeting_parser.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP")
    book = printing_sub.add_parser("minutes-book", help="sổ biên bản sinh hoạt chi bộ của một năm")
    book.add_argument("--year", type=int, required=True, metavar="YYYY")
    book.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf")

    _review_parsers(printing_sub)

    from desktop.cli import exchange as cli_exchange
    cli_exchange.add_commands(sub, printing_sub, VietnameseArgumentParser)
    from desktop.cli import dues as cli_dues

    cli_dues.add_commands(printing_sub)

    backup = sub.add_parser("backup", help="sao lưu dữ liệu ra một tệp (đã kiểm tra)")
    backup.add_argument("--to", type=Path, required=True, metavar="THƯ_MỤC")
    backup.add_argument(
        "--password-file", type=Path, metavar="TỆP", help="đặt mật khẩu (dòng đầu của tệp)"
    )
    restore = sub.add_parser("restore", help="khôi phục dữ liệu từ một tệp sao lưu")
    restore.add_argument("file", type=Path, metavar="TỆP")
    restore.add_argument(
        "--password-file", type=Path, metavar="TỆP", help="mật khẩu của gói (dòng đầu của tệp)"
    )
    sub.add_parser("check", help="kiểm tra tính toàn vẹn của dữ liệu")
    return parser


def _review_parsers(printing_sub) -> None:
    """The review-season papers: cam kết, bản kiểm điểm, danh sách xếp loại, tập thể."""
    for name, help_text in (
        ("commitment", "bản cam kết tu dưỡng, rèn luyện, phấn đấu của một đảng viên"),
        ("review", "bản kiểm điểm cá nhân của một đảng viên"),
    ):
        paper = printing_sub.add_parser(name, help=help_text)
        paper.add_argument(
            "--member", required=True, metavar="SỐ_THẺ_HOẶC_MÃ", help="số thẻ đảng viên hoặc mã số"
        )
        paper.add_argument("--year", type=int, required=True, metavar="YYYY")
        paper.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf")
    for name, help_text, output in (
        ("ratings", "danh sách đề nghị xếp loại đảng viên (.pdf hoặc .xlsx)", "TỆP"),
        ("commitments", "bảng tổng hợp cam kết của chi bộ", "TỆP.pdf"),
        ("collective", "báo cáo kiểm điểm tập thể chi bộ", "TỆP.pdf"),
    ):
        paper = printing_sub.add_parser(name, help=help_text)
        paper.add_argument("--year", type=int, required=True, metavar="YYYY")
        paper.add_argument("-o", "--output", type=Path, required=True, metavar=output)


def main(argv: list[str] | None = None) -> int:
    _utf8_console()
    args = build_parser().parse_args(argv)
    from desktop.config import default_data_dir

    data_dir: Path = args.data or default_data_dir()
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(data_dir)

    from desktop.rules import RuleFileError
    from desktop.errors import DomainError
    from desktop.storage.backup import BackupError
    from desktop.storage.lock import DataFolderInUse
    from desktop.storage.schema import NewerDatabaseError

    handlers = {
        "demo": _demo,
        "members": _members,
        "print": _print,
        "backup": _backup,
        "restore": _restore,
        "check": _check,
        "export": _export,
        "import": _import_packages,
    }
    global _ALLOW_NEW_DATABASE
    _ALLOW_NEW_DATABASE = bool(getattr(args, "new_database", False))
    try:
        return handlers[args.command](args, data_dir)
    except (DomainError, DataFolderInUse, NewerDatabaseError, BackupError, RuleFileError) as exc:
        _say_error(f"Lỗi: {exc}")
        return EXIT_FAILED
    except OSError as exc:
        _say_error(os_error_message(exc))
        return EXIT_FAILED


def os_error_message(exc: OSError) -> str:
    """A file fault in Vietnamese: which file, what happened, what to do."""
    import errno

    name = exc.filename or getattr(exc, "filename2", None) or "(không rõ tệp)"
    what = {
        errno.ENOSPC: "ổ đĩa đã đầy",
        errno.EACCES: "không có quyền ghi hoặc đọc",
        errno.EPERM: "không được phép",
        errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
        errno.EIO: "lỗi đọc/ghi của ổ đĩa",
        errno.EPIPE: "đầu ra đã bị đóng",
    }.get(exc.errno, exc.strerror or exc.__class__.__name__)
    return (
        f"Lỗi: không làm được việc với tệp {name}: {what}. Dữ liệu đã lưu không bị ảnh hưởng. "
        "Hãy kiểm tra ổ đĩa (còn chỗ trống, không bị khóa ghi, cắm chắc) rồi thử lại."
    )


def _say_error(text: str) -> None:
    try:
        print(text, file=sys.stderr)
    except OSError:
        pass  # stderr itself is gone; the exit code still says it failed


_ALLOW_NEW_DATABASE = False


def _utf8_console() -> None:
    # Windows consoles default to a legacy code page that cannot show Vietnamese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")


def _open(data_dir: Path):
    from desktop.services.cell.workspace import Workspace

    ws = Workspace(data_dir, allow_new_database=_ALLOW_NEW_DATABASE)
    for notice in ws.notices:
        _say_error(f"Chú ý: {notice}")
    return ws


def _demo(args, data_dir: Path) -> int:
    from desktop.services.demo.builder import load_demo
    from desktop.services.members.registry import list_members

    with _open(data_dir) as ws:
        load_demo(ws.db, members=args.members)
        ws.settings.first_start_done = True
        ws.save_settings()
        count = len(list_members(ws.db))
    print(
        f"Đã nạp chi bộ mẫu ({count} đảng viên, một năm sinh hoạt, cam kết và kiểm điểm, "
        f"xếp loại; dữ liệu giả định) vào {data_dir}."
    )
    return EXIT_OK


def _members(args, data_dir: Path) -> int:
    if args.action == "import":
        return _import(args.file, data_dir)
    from desktop.services.members.exporting import export_members

    with _open(data_dir) as ws:
        count = export_members(ws.db, args.file)
    print(f"Đã xuất {count} đảng viên ra {args.file}.")
    return EXIT_OK


def _import(file: Path, data_dir: Path) -> int:
    from desktop.services.members.importing import apply_import, format_report, plan_import

    with _open(data_dir) as ws:
        plan = plan_import(ws.db, file)
        report = apply_import(ws.db, plan)
        if report.imported:
            ws.backup("sau-nhap")
    print(format_report(report))
    return EXIT_OK if report.imported or report.duplicates else EXIT_FAILED


def _print(args, data_dir: Path) -> int:
    from desktop.cli.dues import print_dues

    printers = {
        "dues": print_dues,
        "roster": _print_roster,
        "agenda": _print_agenda,
        "minutes": _print_minutes,
        "minutes-book": _print_minutes_book,
        "commitment": _print_commitment,
        "review": _print_review,
        "ratings": _print_ratings,
        "commitments": _print_commitments,
        "collective": _print_collective,
        "consolidated": _print_consolidated,
    }
    with _open(data_dir) as ws:
        message = printers[args.document](args, ws.db)
    print(message)
    return EXIT_OK


def _print_roster(args, db) -> str:
    from desktop.printing.members.roster import write_roster_pdf

    on = _parse_day(args.date) if args.date else None
    return f"Đã in danh sách đảng viên ra {write_roster_pdf(db, args.output, on=on)}."


def _find_meeting(args, db) -> int:
    from desktop.errors import DomainError
    from desktop.services.meetings.plan import find_meeting

    try:
        year, month = (int(part) for part in args.month.split("-"))
        if not 1 <= month <= 12:
            raise ValueError
    except ValueError:
        message = f"Tháng phải có dạng YYYY-MM, ví dụ 2026-03 (đang có: {args.month})."
        raise DomainError(message) from None
    return find_meeting(db, year, month, kind=args.kind.replace("-", "_"))


def _print_agenda(args, db) -> str:
    from desktop.printing.meetings.agenda import write_agenda_pdf
    from desktop.services.meetings.plan import agenda_document

    _require_suffix(args.output, (".pdf",))
    path = write_agenda_pdf(agenda_document(db, _find_meeting(args, db)), args.output)
    return f"Đã in chương trình sinh hoạt ra {path}."


def _print_minutes(args, db) -> str:
    from desktop.services.meetings.plan import minutes_document

    suffix = _require_suffix(args.output, (".pdf", ".docx"))
    document = minutes_document(db, _find_meeting(args, db))
    if suffix == ".docx":
        from desktop.printing.meetings.minutes_docx import write_minutes_docx

        path = write_minutes_docx(document, args.output)
    else:
        from desktop.printing.meetings.minutes import write_minutes_pdf

        path = write_minutes_pdf(document, args.output)
    draft = " (bản dự thảo: biên bản chưa được thông qua)" if document.meta.draft else ""
    return f"Đã in biên bản ra {path}{draft}."


def _print_minutes_book(args, db) -> str:
    from desktop.printing.meetings.minutes_book import write_minutes_book_pdf
    from desktop.services.meetings.plan import minutes_book

    _require_suffix(args.output, (".pdf",))
    book = minutes_book(db, args.year)
    path = write_minutes_book_pdf(book, args.output)
    return f"Đã in sổ biên bản năm {args.year} ({len(book.minutes)} biên bản) ra {path}."


def _check_review_year(year: int) -> None:
    """A year no rule pack covers is the user's mistake, not a crash."""
    from desktop.rules import RuleFileError
    from desktop.rules.rating_rules import pack_for_year
    from desktop.errors import DomainError

    try:
        pack_for_year(year)
    except RuleFileError as exc:
        raise DomainError(str(exc)) from None


def _print_commitment(args, db) -> str:
    from desktop.printing.reviews.commitment import print_commitment
    from desktop.services.reviews.print_data import find_member

    _check_review_year(args.year)
    _require_suffix(args.output, (".pdf",))
    path = print_commitment(db, find_member(db, args.member), args.year, args.output)
    return f"Đã in bản cam kết năm {args.year} ra {path}."


def _print_review(args, db) -> str:
    from desktop.printing.reviews.self_review import print_self_review
    from desktop.services.reviews.print_data import find_member

    _check_review_year(args.year)
    _require_suffix(args.output, (".pdf",))
    path = print_self_review(db, find_member(db, args.member), args.year, args.output)
    return f"Đã in bản kiểm điểm năm {args.year} ra {path}."


def _print_ratings(args, db) -> str:
    _check_review_year(args.year)
    suffix = _require_suffix(args.output, (".pdf", ".xlsx"))
    if suffix == ".xlsx":
        from desktop.printing.reviews.rating_xlsx import write_rating_xlsx

        path = write_rating_xlsx(db, args.year, args.output)
    else:
        from desktop.printing.reviews.rating_list import print_rating_list

        path = print_rating_list(db, args.year, args.output)
    return f"Đã in danh sách đề nghị xếp loại đảng viên năm {args.year} ra {path}."


def _print_commitments(args, db) -> str:
    from desktop.printing.reviews.commitment import print_commitment_summary

    _check_review_year(args.year)
    _require_suffix(args.output, (".pdf",))
    path = print_commitment_summary(db, args.year, args.output)
    return f"Đã in bảng tổng hợp cam kết năm {args.year} ra {path}."


def _print_collective(args, db) -> str:
    from desktop.printing.reviews.collective import print_collective_review

    _check_review_year(args.year)
    _require_suffix(args.output, (".pdf",))
    path = print_collective_review(db, args.year, args.output)
    return f"Đã in báo cáo kiểm điểm tập thể năm {args.year} ra {path}."


def _require_suffix(path: Path, allowed: tuple[str, ...]) -> str:
    from desktop.errors import DomainError

    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise DomainError(f"Tệp kết quả phải có đuôi {' hoặc '.join(allowed)} (đang có: {path}).")
    return suffix


def _parse_day(text: str) -> date:
    from desktop.errors import DomainError
    from desktop.text import parse_date

    try:
        parsed = parse_date(text)
    except ValueError as exc:
        raise DomainError(str(exc)) from None
    day = parsed.to_date() if parsed else None
    if day is None:
        raise DomainError(f"Cần ngày đầy đủ dạng dd/mm/yyyy (đang có: {text}).")
    return day


def _backup(args, data_dir: Path) -> int:
    from desktop.cli.exchange import read_password
    from desktop.packaging.handover import backup_to

    password = read_password(args.password_file)
    with _open(data_dir) as ws:
        result = backup_to(ws.db, ws.database_path, Path(args.to), password=password)
    print(f"Đã sao lưu và kiểm tra: {result.path}")
    return EXIT_OK


def _export(args, data_dir: Path) -> int:
    from desktop.cli import exchange as cli_exchange
    with _open(data_dir) as ws:
        return cli_exchange.export_command(args, ws)


def _import_packages(args, data_dir: Path) -> int:
    from desktop.cli import exchange as cli_exchange
    with _open(data_dir) as ws:
        return cli_exchange.import_command(args, ws)


def _print_consolidated(args, db) -> str:
    from desktop.cli import exchange as cli_exchange
    _require_suffix(args.output, (".pdf", ".xlsx"))
    return cli_exchange.print_consolidated_command(args, db)


def _restore(args, data_dir: Path) -> int:
    import tempfile

    from desktop.cli.exchange import read_password
    from desktop.packaging.handover import packaged_database
    from desktop.services.cell.workspace import restore_backup

    source = Path(args.file)
    if source.is_dir() or source.name == "manifest.json":  # a handover or password backup
        with tempfile.TemporaryDirectory(prefix="sochibo-") as work:
            data = packaged_database(source, read_password(args.password_file), Path(work))
            safety = restore_backup(data_dir, data)
    else:
        safety = restore_backup(data_dir, source)
    if safety:
        print(f"Dữ liệu cũ đã được sao lưu vào {safety}.")
    print(f"Đã khôi phục dữ liệu từ {args.file}.")
    with _open(data_dir):
        pass  # migrates an older backup to the current schema right away
    return EXIT_OK


def _check(args, data_dir: Path) -> int:
    from desktop.services.members.registry import list_members
    from desktop.storage.schema import current_revision

    with _open(data_dir) as ws:
        ws.full_check()  # integrity_check and every text; damage raises the incident
        revision = current_revision(ws.db)
        members = len(list_members(ws.db))
    print(f"Thư mục dữ liệu: {data_dir}")
    print(f"Phiên bản lược đồ: {revision}; số đảng viên: {members}")
    print("Kiểm tra toàn vẹn (đầy đủ, mọi dòng chữ): tốt. Đã lưu một bản sao lưu đã kiểm tra.")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
