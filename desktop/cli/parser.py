"""The argument parser of ``sochibo``, with argparse's own words in Vietnamese."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import __version__
from desktop.cli.common import EXIT_USAGE


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
    imp.add_argument(
        "--also-similar-names",
        action="store_true",
        help="nhập cả những dòng có tên chỉ khác dấu với người đã có (đã xác nhận là người khác)",
    )
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
