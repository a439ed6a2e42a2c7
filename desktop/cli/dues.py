"""Command-line printing of the dues papers (đảng phí).

sochibo print dues --month YYYY-MM -o FILE.pdf|FILE.xlsx    danh sách thu, nộp tháng
sochibo print dues --year YYYY -o FILE.pdf|FILE.xlsx        sổ theo dõi cả năm
sochibo print dues --month YYYY-MM --remittance -o FILE.pdf bảng kê nộp cấp trên (tháng)
sochibo print dues --year YYYY --quarter Q --remittance -o FILE.pdf   (quý)
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import DomainError


def add_commands(printing_sub) -> None:
    dues = printing_sub.add_parser(
        "dues", help="đảng phí: danh sách tháng, sổ theo dõi năm (.pdf hoặc .xlsx), bảng kê nộp"
    )
    dues.add_argument("--month", metavar="YYYY-MM", help="danh sách thu, nộp của một tháng")
    dues.add_argument("--year", type=int, metavar="YYYY", help="sổ theo dõi của một năm")
    dues.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="quý (với --remittance)")
    dues.add_argument("--remittance", action="store_true", help="bảng kê nộp đảng phí lên cấp trên")
    dues.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP")


def print_dues(args, db) -> str:
    from desktop.services.dues.common import month_text, parse_month, quarter_months

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise DomainError(f"Tệp ra phải có đuôi .pdf hoặc .xlsx (đang có: {args.output.name}).")
    if bool(args.month) == (args.year is not None):
        raise DomainError("Chọn đúng một trong --month YYYY-MM hoặc --year YYYY.")
    if args.remittance:
        if suffix != ".pdf":
            raise DomainError("Bảng kê nộp đảng phí chỉ in ra tệp .pdf.")
        from desktop.printing.dues.remittance_note import write_remittance_pdf

        if args.month:
            first = last = parse_month(args.month)
        elif args.quarter:
            first, last = quarter_months(args.year, args.quarter)
        else:
            raise DomainError("Bảng kê nộp cấp trên cần --month, hoặc --year cùng --quarter.")
        path = write_remittance_pdf(db, first, last, args.output)
        return f"Đã in bảng kê nộp đảng phí lên cấp trên ra {path}."
    if args.quarter:
        raise DomainError("--quarter chỉ dùng cùng --remittance.")
    if args.month:
        month = parse_month(args.month)
        if suffix == ".xlsx":
            from desktop.printing.dues.xlsx import write_month_xlsx as write
        else:
            from desktop.printing.dues.month_list import write_month_pdf as write
        path = write(db, month, args.output)
        return f"Đã in danh sách thu, nộp đảng phí tháng {month_text(month)} ra {path}."
    if suffix == ".xlsx":
        from desktop.printing.dues.xlsx import write_year_xlsx as write
    else:
        from desktop.printing.dues.year_ledger import write_year_pdf as write
    path = write(db, args.year, args.output)
    return f"Đã in sổ theo dõi thu, nộp đảng phí năm {args.year} ra {path}."
