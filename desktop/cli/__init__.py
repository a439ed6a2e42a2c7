"""The command line (``sochibo``): the same services as the GUI, printing Vietnamese reports.

Heavy modules (Qt, ReportLab, openpyxl) are imported inside the command that needs
them, so ``sochibo check`` starts fast and the GUI does not pay for printing up front.
"""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import (
    EXIT_FAILED,
    allow_new_database,
    os_error_message,
    say_error,
    utf8_console,
)
from desktop.cli.parser import build_parser


# command → (module under desktop.cli, function)
_HANDLERS = {
    "demo": ("members", "demo_command"),
    "members": ("members", "members_command"),
    "print": ("papers", "print_command"),
    "backup": ("data", "backup_command"),
    "restore": ("data", "restore_command"),
    "check": ("data", "check_command"),
    "export": ("exchange", "export_packages"),
    "import": ("exchange", "import_packages"),
}


def main(argv: list[str] | None = None) -> int:
    utf8_console()
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

    from importlib import import_module

    # Only the command's own module is imported (``sochibo check`` needs no printing).
    module, name = _HANDLERS[args.command]
    handler = getattr(import_module(f"desktop.cli.{module}"), name)
    allow_new_database(bool(getattr(args, "new_database", False)))
    try:
        return handler(args, data_dir)
    except (DomainError, DataFolderInUse, NewerDatabaseError, BackupError, RuleFileError) as exc:
        say_error(f"Lỗi: {exc}")
        return EXIT_FAILED
    except OSError as exc:
        say_error(os_error_message(exc))
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
