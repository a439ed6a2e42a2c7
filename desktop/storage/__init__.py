"""Storage: the SQLite file, its sessions, migrations, backups and the single-instance lock."""
