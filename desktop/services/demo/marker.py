"""Whether the open data is the sample cell (dữ liệu mẫu), so that screens can say so.

The sample cell is recognised by its fictional name, superior, place and term, which load_demo
writes (desktop/services/demo/builder.py); a real cell renamed to them is unlikely.
"""

from __future__ import annotations

from desktop.storage.database import Database

SAMPLE_MARK = "DỮ LIỆU MẪU"


def is_sample_data(db: Database) -> bool:
    from desktop.services.cell.details import get_cell
    from desktop.services.demo.identity import CELL_NAME, PLACE_NAME, SUPERIOR_NAME, TERM

    from sqlalchemy.exc import DatabaseError

    try:
        cell = get_cell(db)
    except DatabaseError:
        # Undecodable or damaged data is not the sample: the check that follows (or the
        # first read of the page) reports the damage itself, with the restore on offer.
        return False
    written = (cell.name, cell.superior_name, cell.place_name, cell.term)
    return tuple(v.strip() for v in written) == (CELL_NAME, SUPERIOR_NAME, PLACE_NAME, TERM)
