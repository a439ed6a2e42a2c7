"""Exporting the roster to .xlsx / .csv, and importing the export back unchanged."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from desktop.services.members import exporting as roster_export
from desktop.errors import DomainError
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member, get_member, list_members
from desktop.services.members.import_columns import COLUMNS
from desktop.services.members.exporting import export_members
from desktop.services.members.importing import apply_import, plan_import
from desktop.services.cell.workspace import Workspace
from desktop.text import PartialDate

FULL = MemberData(
    full_name="Nguyễn Thị Lành",
    other_name="Út Lành",
    gender="nu",
    birth_date=PartialDate(1962, 3, 5),
    ethnicity="Khmer",
    religion="Phật giáo",
    hometown="Ấp Mỹ Hưng, xã Phước Long, tỉnh Cần Thơ",
    residence="Khu vực 3, phường Vị Tân",
    citizen_id="093162001234",
    card_number="012345678901",
    education="12/12",
    profession="Cử nhân Luật",
    political_theory="Trung cấp",
    occupation="Hưu trí",
    party_post="pho_bi_thu",
    other_posts="Chi hội trưởng Phụ nữ; Tổ trưởng tổ dân phố",
    workplace="Trường Tiểu học Vị Tân",
    review_group="2B",
    phone="0912345678",
    note="=Chuyển đến từ Hậu Giang, 2019",
    works_far_away=True,
    admitted_on=date(1985, 5, 19),
    official_on=date(1986, 5, 19),
)
OLD = MemberData(
    full_name="Võ Văn Tư",
    birth_date=PartialDate(1948),
    ethnicity="",
    religion="Không",
    card_number="000123456789",
    admitted_on=date(1968, 2, 3),
)
PROBATIONARY = MemberData(
    full_name="Đặng Minh Anh",
    birth_date=PartialDate(2001, 11),
    party_post="chi_uy_vien",
    review_group="2A",
    admitted_on=date(2025, 9, 2),
)


def members_of(db):
    """Everything a member's form shows, plus the kinds and dates of their events."""
    result = {}
    for row in list_members(db):
        detail = get_member(db, row.id)
        events = [(e.kind.value, e.happened_on) for e in detail.events]
        result[row.full_name] = (detail.data, events)
    return result


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_reimports_to_identical_members(db, tmp_path, suffix):
    for data in (FULL, OLD, PROBATIONARY):
        create_member(db, data)
    path = tmp_path / f"danh sach{suffix}"
    assert export_members(db, path) == 3
    with Workspace(tmp_path / "moi", lock=False) as fresh:
        report = apply_import(fresh.db, plan_import(fresh.db, path))
        assert (report.imported, report.rejected) == (3, 0)
        assert members_of(fresh.db) == members_of(db)
    assert members_of(db)["Nguyễn Thị Lành"][0] == FULL


def test_exported_file_imports_into_the_same_data_as_duplicates(db, tmp_path):
    create_member(db, FULL)
    path = tmp_path / "ds.xlsx"
    export_members(db, path)
    plan = plan_import(db, path)
    assert (plan.new_count, plan.duplicate_count) == (0, 1)


def test_csv_export_opens_with_bom_and_the_importers_headers(db, tmp_path):
    create_member(db, OLD)
    path = tmp_path / "ds.csv"
    export_members(db, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, line = raw.decode("utf-8-sig").splitlines()[:2]
    assert header.split(",") == ["STT"] + [spec.header for spec in COLUMNS] + ["Trạng thái"]
    # Year-only birth date, leading zeros, dd/mm/yyyy dates.
    assert line.startswith("1,Võ Văn Tư,,Nam,1948,,Không,")
    assert ",000123456789,03/02/1968," in line


def test_xlsx_export_keeps_ids_as_text_with_a_bold_frozen_header(db, tmp_path):
    create_member(db, FULL)
    path = tmp_path / "ds.xlsx"
    export_members(db, path)
    sheet = openpyxl.load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    assert headers == ["STT"] + [spec.header for spec in COLUMNS] + ["Trạng thái"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    card = sheet.cell(row=2, column=headers.index("Số thẻ đảng viên") + 1)
    assert (card.value, card.data_type, card.number_format) == ("012345678901", "s", "@")
    note = sheet.cell(row=2, column=headers.index("Ghi chú") + 1)
    assert (note.value, note.data_type) == ("=Chuyển đến từ Hậu Giang, 2019", "s")
    assert sheet.column_dimensions["B"].width >= len("Nguyễn Thị Lành")


def test_members_who_left_can_be_left_out_of_the_export(db, tmp_path):
    create_member(db, FULL)
    gone = create_member(db, OLD)
    add_event(db, gone, EventData(kind="chuyen_di", happened_on=date(2024, 6, 1)))
    assert export_members(db, tmp_path / "all.csv") == 2
    assert export_members(db, tmp_path / "on-roll.csv", include_off_roll=False) == 1
    assert "Võ Văn Tư" not in (tmp_path / "on-roll.csv").read_text("utf-8-sig")


def test_export_to_other_file_types_is_refused(db, tmp_path):
    with pytest.raises(DomainError, match="chỉ xuất ra tệp .xlsx"):
        export_members(db, tmp_path / "ds.pdf")


def test_failed_export_leaves_the_previous_file_whole(db, tmp_path, monkeypatch):
    create_member(db, FULL)
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"previous export")

    def broken(target, *rest):
        target.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(roster_export, "_write_xlsx", broken)
    with pytest.raises(DomainError, match="Không ghi được tệp ds.xlsx"):
        export_members(db, path)
    assert path.read_bytes() == b"previous export"
    # No temporary file is left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "ds.xlsx"]


def test_status_and_its_date_survive_export_and_import(db, tmp_path):
    from desktop.models import EventKind

    gone = create_member(db, OLD)
    add_event(db, gone, EventData(kind="tu_tran", happened_on=date(2024, 3, 5)))
    exempt = create_member(db, PROBATIONARY)
    add_event(db, exempt, EventData(kind="mien_sinh_hoat", happened_on=date(2025, 1, 2)))
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"ds{suffix}"
        export_members(db, path)
        with Workspace(tmp_path / f"moi{suffix}", lock=False) as fresh:
            apply_import(fresh.db, plan_import(fresh.db, path))
            events = {name: kinds for name, (_data, kinds) in members_of(fresh.db).items()}
        assert (EventKind.DECEASED.value, date(2024, 3, 5)) in events["Võ Văn Tư"]
        assert (EventKind.EXEMPTED.value, date(2025, 1, 2)) in events["Đặng Minh Anh"]


def test_a_central_roster_with_status_and_without_gender(db, tmp_path):
    """The shape of the lists the central database hands to cells (issue 11, 7b)."""
    from desktop.services.members.status import derive_status

    path = tmp_path / "ds.csv"
    path.write_text(
        "Họ và tên,Số thẻ,CCCD,Ngày sinh,Ngày kết nạp,Chi bộ đang SH,Chi bộ nơi cư trú,Trạng thái\n"
        "Trần Thị Mai,012345678901,,01/01/1950,03/02/1975,Ấp 1,Ấp 1,Đã từ trần\n"
        "Đỗ Thị Hoa,012345678902,,01/01/1960,03/02/1985,Ấp 1,Ấp 1,Miễn sinh hoạt\n"
        "Lê Văn Ba,012345678903,,01/01/1970,03/02/1995,Ấp 1,Ấp 1,Đang sinh hoạt\n",
        encoding="utf-8",
    )
    plan = plan_import(db, path)
    assert not any("Trạng thái" in w and "không được nhập" in w for w in plan.warnings)
    report = apply_import(db, plan)
    assert report.imported == 3
    people = {row.full_name: get_member(db, row.id) for row in list_members(db)}
    today = date.today()
    assert derive_status(people["Trần Thị Mai"].events, today).status.value == "tu_tran"
    assert derive_status(people["Đỗ Thị Hoa"].events, today).status.value == "mien"
    note = next(e.note for e in people["Trần Thị Mai"].events if e.kind.value == "tu_tran")
    assert "theo danh sách nhập ngày" in note
    assert {p.data.gender for p in people.values()} == {""}  # unknown, not guessed
    assert any("có lẽ là Nữ" in line for line in report.lines)
