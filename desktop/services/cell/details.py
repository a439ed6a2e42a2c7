"""The cell's own details (thông tin chi bộ) used by every printed header."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.models import Cell
from desktop.storage.database import Database
from desktop.text import clean_spaces


@dataclass
class CellInfo:
    """Chi bộ: ``name`` without the word "Chi bộ" (e.g. "Ấp Thạnh Lợi"); ``superior_name``
    in full as it should print (e.g. "Đảng bộ xã Vị Thủy"); ``place_name`` for the date line.
    """

    name: str = ""
    superior_name: str = ""
    place_name: str = ""
    term: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.name.strip())


def get_cell(db: Database) -> CellInfo:
    with db.session() as session:
        cell = session.scalar(select(Cell).limit(1))
        if cell is None:
            return CellInfo()
        return CellInfo(cell.name, cell.superior_name, cell.place_name, cell.term)


def save_cell(db: Database, info: CellInfo) -> None:
    with db.session() as session:
        cell = session.scalar(select(Cell).limit(1))
        if cell is None:
            cell = Cell()
            session.add(cell)
        cell.name = clean_spaces(info.name)
        cell.superior_name = clean_spaces(info.superior_name)
        cell.place_name = clean_spaces(info.place_name)
        cell.term = clean_spaces(info.term)
