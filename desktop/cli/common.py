"""What every command shares: exit codes, the workspace it opens, Vietnamese errors, argument checks."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# Set by main() from --new-database: the secretary's explicit choice to start empty in a
# folder whose database went missing (an incident otherwise).
_ALLOW_NEW_DATABASE = False


def allow_new_database(allowed: bool) -> None:
    global _ALLOW_NEW_DATABASE
    _ALLOW_NEW_DATABASE = allowed

def os_error_message(exc: OSError) -> str:
    """A file fault in Vietnamese: which file, what happened, what to do (atomic.os_error_text)."""
    from desktop.storage.atomic import os_error_text

    return "Lỗi: " + os_error_text(exc)


def say_error(text: str) -> None:
    try:
        print(text, file=sys.stderr)
    except OSError:
        pass  # stderr itself is gone; the exit code still says it failed


def utf8_console() -> None:
    # Windows consoles default to a legacy code page that cannot show Vietnamese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")


def open_workspace(data_dir: Path):
    from desktop.services.cell.workspace import Workspace

    ws = Workspace(data_dir, allow_new_database=_ALLOW_NEW_DATABASE)
    for notice in ws.notices:
        say_error(f"Chú ý: {notice}")
    from desktop.printing.paper_mark import set_paper_mark
    from desktop.services.demo.marker import SAMPLE_MARK, is_sample_data

    set_paper_mark(SAMPLE_MARK if is_sample_data(ws.db) else "")
    return ws


def require_suffix(path: Path, allowed: tuple[str, ...]) -> str:
    from desktop.errors import DomainError

    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise DomainError(f"Tệp kết quả phải có đuôi {' hoặc '.join(allowed)} (đang có: {path}).")
    return suffix


def parse_day(text: str) -> date:
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


def check_review_year(year: int) -> None:
    """A year no rule pack covers is the user's mistake, not a crash."""
    from desktop.rules import RuleFileError
    from desktop.rules.rating_rules import pack_for_year
    from desktop.errors import DomainError

    try:
        pack_for_year(year)
    except RuleFileError as exc:
        raise DomainError(str(exc)) from None
