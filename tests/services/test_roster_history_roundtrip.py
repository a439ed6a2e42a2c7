"""Members export → import keeps every dated event and so every status (issue 11, point 7)."""

from __future__ import annotations

import csv
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.models import Member
from desktop.services.cell.workspace import Workspace
from desktop.services.members.events import EventData, add_event
from desktop.services.members.export_history import HISTORY_SHEET, LEFT_SECTION, history_csv_path
from desktop.services.members.exporting import export_members
from desktop.services.members.importing import apply_import, plan_import
from desktop.services.members.registry import MemberData, create_member
from desktop.services.members.reminders import reminders
from desktop.services.members.status import derive_status
from desktop.text import PartialDate

HOSTILE_NOTE = "=HYPERLINK(\"http://x\",\"bấm\")"
DATES = (
    date(1990, 1, 1),
    date(2019, 6, 1),
    date(2022, 8, 1),
    date(2023, 6, 1),
    date(2024, 12, 31),
    date(2025, 7, 1),
    date(2026, 6, 5),
    date(2026, 11, 30),
)


def _e(kind, on, **more):
    return EventData(kind=kind, happened_on=on, **more)


# name, card number (None: keyed by row), events
CELL = [
    (
        "Nguyễn Văn An",
        "011111111111",
        [
            _e("ket_nap", date(2020, 3, 1), ceremony_on=date(2020, 3, 15),
               decision_number="12-QĐ/ĐU", issuer="Đảng ủy phường Vị Tân"),
            _e("chinh_thuc", date(2021, 3, 20), decision_number="40-QĐ/ĐU",
               issuer="Đảng ủy phường Vị Tân"),
            _e("chuyen_di", date(2022, 5, 1), temporary=True, until=date(2022, 12, 1),
               detail="Chi bộ Trường Tiểu học", note="đi học tập trung"),
            _e("tro_ve", date(2022, 12, 5)),
            _e("khen_thuong", date(2023, 2, 3), detail="Giấy khen", issuer="Đảng ủy phường"),
        ],
    ),
    (
        "Trần Thị Bình",
        "022222222222",
        [
            _e("ket_nap", date(1986, 5, 10), ceremony_on=date(1986, 5, 19)),
            _e("chinh_thuc", date(1987, 5, 19)),
            _e("ky_luat", date(2023, 4, 4), detail="Khiển trách", decision_number="03-QĐ/CB"),
            _e("huy_hieu", date(2016, 9, 2), badge_years=30, decision_number="88-QĐ/TU"),
            _e("tu_tran", date(2025, 6, 1), note="mất tại nhà riêng"),
        ],
    ),
    (
        "Lê Văn Cường",
        "033333333333",
        [
            _e("ket_nap", date(2010, 1, 5)),
            _e("chinh_thuc", date(2011, 1, 5)),
            _e("chuyen_den", date(2019, 3, 3), detail="Chi bộ Khu vực 1"),
            _e("mien_sinh_hoat", date(2023, 1, 1), until=date(2026, 1, 1), note="tuổi cao"),
            _e("het_mien", date(2025, 12, 31)),
        ],
    ),
    (
        "Phạm Thị Dung",
        None,
        [
            _e("ket_nap", date(1975, 2, 3)),
            _e("chinh_thuc", date(1976, 2, 3)),
            _e("mien_sinh_hoat", date(2024, 3, 8), decision_number="05-QĐ/CB"),
        ],
    ),
    ("Hoàng Minh Em", None, [_e("ket_nap", date(2026, 6, 1), ceremony_on=date(2026, 6, 10))]),
    (
        "Võ Văn Phúc",
        "066666666666",
        [
            _e("ket_nap", date(2000, 1, 1)),
            _e("chinh_thuc", date(2001, 1, 1)),
            _e("chuyen_di", date(2024, 10, 10), detail="Chi bộ Khu vực 5, phường An Hòa"),
        ],
    ),
    (
        "Đỗ Thị Giang",
        None,
        [
            _e("ket_nap", date(2015, 7, 7)),
            _e("xoa_ten", date(2025, 2, 2), note=HOSTILE_NOTE),
        ],
    ),
    ("Bùi Văn Hải", "088888888888", []),
]


@pytest.fixture
def cell(db):
    for name, card, events in CELL:
        gender = "nu" if " Thị " in name else "nam"
        member_id = create_member(
            db, MemberData(full_name=name, gender=gender, card_number=card,
                           birth_date=PartialDate(1940, 1, 2))
        )
        for event in events:
            add_event(db, member_id, event)
    return db


def histories(db):
    """name → (every field of every event, in order; statuses at DATES)."""
    result = {}
    with db.session() as session:
        members = session.scalars(select(Member).options(selectinload(Member.events))).all()
        for m in members:
            events = sorted(
                (e.kind, e.happened_on, e.decision_number, e.issuer, e.detail, e.temporary,
                 e.badge_years, e.until, e.ceremony_on, e.note)
                for e in m.events
            )
            statuses = [derive_status(m.events, on).status for on in DATES]
            result[m.full_name] = (m.card_number, events, statuses)
    return result


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_gives_back_every_event_and_status(cell, tmp_path, suffix):
    path = tmp_path / f"danh-sach{suffix}"
    assert export_members(cell, path) == len(CELL)
    before = histories(cell)
    with Workspace(tmp_path / "moi", lock=False) as fresh:
        plan = plan_import(fresh.db, path)
        report = apply_import(fresh.db, plan)
        assert report.imported == len(CELL), report.lines
        after = histories(fresh.db)
        assert not [r for r in reminders(fresh.db) if r.full_name == "Trần Thị Bình"]
    assert after == before
    assert len({tuple(s) for _card, _events, s in before.values()}) > 4  # statuses differ


def test_people_who_left_come_after_a_labelled_line(cell, tmp_path):
    path = tmp_path / "ds.csv"
    export_members(cell, path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index("Họ và tên")
    label = next(i for i, row in enumerate(rows) if LEFT_SECTION in row)
    assert rows[label][at] == LEFT_SECTION
    in_cell = {row[at] for row in rows[1:label]}
    left = {row[at] for row in rows[label + 1:]}
    assert left == {"Trần Thị Bình", "Võ Văn Phúc", "Đỗ Thị Giang"}
    assert in_cell == {"Nguyễn Văn An", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Minh Em",
                       "Bùi Văn Hải"}
    assert history_csv_path(path).is_file()
    with open(history_csv_path(path), encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert "'" + HOSTILE_NOTE in cells and HOSTILE_NOTE not in cells


def test_xlsx_has_the_history_sheet_without_formulas(cell, tmp_path):
    path = tmp_path / "ds.xlsx"
    export_members(cell, path)
    book = openpyxl.load_workbook(path)
    sheet = book[HISTORY_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][3] == "Sự kiện"
    kinds = {row[3] for row in rows[1:]}
    assert {"Kết nạp", "Từ trần", "Huy hiệu Đảng", "Kỷ luật"} <= kinds
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert book.sheetnames[0] == "Danh sách đảng viên"


def test_a_roster_without_its_history_file_still_imports_the_status(cell, tmp_path):
    path = tmp_path / "ds.csv"
    export_members(cell, path)
    history_csv_path(path).unlink()
    with Workspace(tmp_path / "moi", lock=False) as fresh:
        apply_import(fresh.db, plan_import(fresh.db, path))
        after = histories(fresh.db)
    assert after["Trần Thị Bình"][2][-1].value == "tu_tran"


def test_the_cli_names_the_second_csv_file(cell, tmp_path, capsys):
    from types import SimpleNamespace

    from desktop.cli.members import members_command

    path = tmp_path / "ds.csv"
    args = SimpleNamespace(action="export", file=path)
    assert members_command(args, tmp_path / "data") == 0
    assert "ds-qua-trinh.csv" in capsys.readouterr().out


def test_a_hand_edited_history_event_is_checked_like_the_form(cell, tmp_path):
    path = tmp_path / "ds.csv"
    export_members(cell, path)
    other = history_csv_path(path)
    text = other.read_text(encoding="utf-8-sig").replace("Khiển trách", "Phạt tiền")
    other.write_text(text, encoding="utf-8-sig")
    with Workspace(tmp_path / "moi", lock=False) as fresh:
        plan = plan_import(fresh.db, path)
        bad = next(r for r in plan.rows if r.raw_name == "Trần Thị Bình")
        assert bad.data is None and any("Kỷ luật ngày 04/04/2023" in e for e in bad.errors)
        assert plan.new_count == len(CELL) - 1


def test_an_unknown_event_kind_in_the_history_is_refused_by_line(cell, tmp_path):
    from desktop.errors import DomainError

    path = tmp_path / "ds.csv"
    export_members(cell, path)
    other = history_csv_path(path)
    other.write_text(
        other.read_text(encoding="utf-8-sig").replace("Từ trần", "Đi xa"), encoding="utf-8-sig"
    )
    with Workspace(tmp_path / "moi", lock=False) as fresh:
        with pytest.raises(DomainError, match="ds-qua-trinh.csv, dòng .*Đi xa"):
            plan_import(fresh.db, path)
