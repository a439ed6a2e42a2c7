"""Leaving the sample cell: every sample row deleted in one transaction, a real cell never."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from desktop.errors import DomainError
from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.demo.builder import load_demo
from desktop.services.demo.clearing import clear_sample_data
from desktop.services.demo.marker import is_sample_data

TODAY = date(2026, 3, 5)


def rows_left(workspace) -> dict[str, int]:
    con = sqlite3.connect(workspace.database_path)
    try:
        names = [n for (n,) in con.execute("select name from sqlite_master where type='table'")]
        counts = {n: con.execute(f'select count(*) from "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()
    return {n: c for n, c in counts.items() if c and n != "alembic_version"}


def test_every_sample_row_goes_and_the_folder_is_as_new(workspace):
    load_demo(workspace.db, TODAY)
    assert rows_left(workspace)
    assert clear_sample_data(workspace.db) > 25
    assert rows_left(workspace) == {}
    assert workspace.is_empty() and not is_sample_data(workspace.db)


def test_a_real_cell_is_never_cleared(workspace):
    save_cell(workspace.db, CellInfo("Ấp Tân Hòa", "Đảng bộ xã Long Thạnh", "Long Thạnh", "2025–2030"))
    with pytest.raises(DomainError):
        clear_sample_data(workspace.db)
    assert rows_left(workspace)


def test_a_failure_half_way_leaves_the_sample_whole(workspace, monkeypatch):
    from desktop.models.base import Base

    load_demo(workspace.db, TODAY)
    before = rows_left(workspace)
    tables = list(Base.metadata.sorted_tables)

    class Broken:
        """Deletes a few tables, then fails, as a full disk would."""

        def __reversed__(self):
            yield from reversed(tables[-3:])
            raise OSError("đĩa đầy")

    monkeypatch.setattr(type(Base.metadata), "sorted_tables", property(lambda _self: Broken()))
    with pytest.raises(OSError):
        clear_sample_data(workspace.db)
    monkeypatch.undo()
    assert rows_left(workspace) == before
