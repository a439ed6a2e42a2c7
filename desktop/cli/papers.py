"""``sochibo print …``: every paper of the cell, as PDF (or .docx/.xlsx where offered)."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import (
    EXIT_OK,
    check_review_year,
    open_workspace,
    parse_day,
    require_suffix,
)


def print_command(args, data_dir: Path) -> int:
    printers = {
        "dues": _print_dues,
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
    with open_workspace(data_dir) as ws:
        message = printers[args.document](args, ws.db)
    print(message)
    return EXIT_OK


def _print_dues(args, db) -> str:
    from desktop.cli.dues import print_dues

    return print_dues(args, db)


def _print_consolidated(args, db) -> str:
    from desktop.cli.exchange import print_consolidated_paper

    return print_consolidated_paper(args, db)


def _print_roster(args, db) -> str:
    from desktop.printing.members.roster import write_roster_pdf

    on = parse_day(args.date) if args.date else None
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

    require_suffix(args.output, (".pdf",))
    path = write_agenda_pdf(agenda_document(db, _find_meeting(args, db)), args.output)
    return f"Đã in chương trình sinh hoạt ra {path}."


def _print_minutes(args, db) -> str:
    from desktop.services.meetings.plan import minutes_document

    suffix = require_suffix(args.output, (".pdf", ".docx"))
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

    require_suffix(args.output, (".pdf",))
    book = minutes_book(db, args.year)
    path = write_minutes_book_pdf(book, args.output)
    return f"Đã in sổ biên bản năm {args.year} ({len(book.minutes)} biên bản) ra {path}."


def _print_commitment(args, db) -> str:
    from desktop.printing.reviews.commitment import print_commitment
    from desktop.services.reviews.print_data import find_member

    check_review_year(args.year)
    require_suffix(args.output, (".pdf",))
    path = print_commitment(db, find_member(db, args.member), args.year, args.output)
    return f"Đã in bản cam kết năm {args.year} ra {path}."


def _print_review(args, db) -> str:
    from desktop.printing.reviews.self_review import print_self_review
    from desktop.services.reviews.print_data import find_member

    check_review_year(args.year)
    require_suffix(args.output, (".pdf",))
    path = print_self_review(db, find_member(db, args.member), args.year, args.output)
    return f"Đã in bản kiểm điểm năm {args.year} ra {path}."


def _print_ratings(args, db) -> str:
    check_review_year(args.year)
    suffix = require_suffix(args.output, (".pdf", ".xlsx"))
    if suffix == ".xlsx":
        from desktop.printing.reviews.rating_xlsx import write_rating_xlsx

        path = write_rating_xlsx(db, args.year, args.output)
    else:
        from desktop.printing.reviews.rating_list import print_rating_list

        path = print_rating_list(db, args.year, args.output)
    return f"Đã in danh sách đề nghị xếp loại đảng viên năm {args.year} ra {path}."


def _print_commitments(args, db) -> str:
    from desktop.printing.reviews.commitment import print_commitment_summary

    check_review_year(args.year)
    require_suffix(args.output, (".pdf",))
    path = print_commitment_summary(db, args.year, args.output)
    return f"Đã in bảng tổng hợp cam kết năm {args.year} ra {path}."


def _print_collective(args, db) -> str:
    from desktop.printing.reviews.collective import print_collective_review

    check_review_year(args.year)
    require_suffix(args.output, (".pdf",))
    path = print_collective_review(db, args.year, args.output)
    return f"Đã in báo cáo kiểm điểm tập thể năm {args.year} ra {path}."
