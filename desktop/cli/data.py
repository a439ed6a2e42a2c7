"""Commands on the data folder itself: ``backup``, ``restore`` and ``check``."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import EXIT_OK, open_workspace


def backup_command(args, data_dir: Path) -> int:
    from desktop.cli.exchange import read_password
    from desktop.packaging.handover import backup_to

    password = read_password(args.password_file)
    with open_workspace(data_dir) as ws:
        result = backup_to(ws.db, ws.database_path, Path(args.to), password=password)
    print(f"Đã sao lưu và kiểm tra: {result.path}")
    return EXIT_OK


def restore_command(args, data_dir: Path) -> int:
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
    with open_workspace(data_dir):
        pass  # migrates an older backup to the current schema right away
    return EXIT_OK


def check_command(args, data_dir: Path) -> int:
    from desktop.services.members.registry import list_members
    from desktop.storage.revision import stored_revision_of  # no Alembic for a read

    with open_workspace(data_dir) as ws:
        ws.full_check()  # integrity_check and every text; damage raises the incident
        revision = stored_revision_of(ws.database_path)
        members = len(list_members(ws.db))
    print(f"Thư mục dữ liệu: {data_dir}")
    print(f"Phiên bản lược đồ: {revision}; số đảng viên: {members}")
    print("Kiểm tra toàn vẹn (đầy đủ, mọi dòng chữ): tốt. Đã lưu một bản sao lưu đã kiểm tra.")
    return EXIT_OK
