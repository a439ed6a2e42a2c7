"""Consolidation at the đảng ủy: packages from several cells, verified, counted, checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.exchange.errors import PackageRejected
from desktop.exchange.write import write_package
from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.exchange.consolidation import (
    NewerPackageStored,
    ReplaceNeeded,
    consolidation,
    import_package,
    received_packages,
    set_expected_cells,
)
from desktop.services.members.registry import MemberData, create_member
from desktop.services.exchange.rating_file import (
    PayloadError,
    decode_payload,
    encode_payload,
    ratings_payload,
)
from desktop.services.reviews.ratings import ProposalData, record_proposal
from desktop.services.cell.workspace import Workspace
from desktop.text import PartialDate

YEAR = 2026
TODAY = date(2026, 12, 10)


def make_cell(folder: Path, name: str, levels: list[str], first_card: int = 1) -> Workspace:
    ws = Workspace(folder, lock=False)
    save_cell(ws.db, CellInfo(name, "Đảng bộ xã Vị Thủy", "Vị Thủy", "2025–2030"))
    for index, level in enumerate(levels):
        member_id = create_member(
            ws.db,
            MemberData(
                full_name=f"Nguyễn Văn {chr(65 + index)}",
                birth_date=PartialDate(1980 + index),
                card_number=f"0920{first_card + index:08d}",
                admitted_on=date(2010, 5, 19),
                official_on=date(2011, 5, 19),
            ),
            today=TODAY,
        )
        record_proposal(ws.db, member_id, YEAR, ProposalData(level, 9, 10), today=TODAY)
    return ws


def package_of(ws: Workspace, target: Path, name: str) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    payload = ratings_payload(ws.db, YEAR, today=TODAY)
    files = {f"xep-loai-{YEAR}.json": encode_payload(payload)}
    meta = {"cell_name": payload["cell"]["name"], "year": YEAR}
    return write_package(target, name, files, kind="ratings", meta=meta, replace=True).path


@pytest.fixture
def superior(tmp_path):
    ws = Workspace(tmp_path / "superior", lock=False)
    save_cell(ws.db, CellInfo("Đảng ủy xã Vị Thủy", "Đảng bộ tỉnh Cần Thơ", "Vị Thủy", ""))
    yield ws
    ws.close()


def test_two_cells_consolidate_with_counts_per_cell_and_quota_over_the_whole(tmp_path, superior):
    cell_a = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTXSNV", "HTTNV", "HTTNV", "HTTNV"])
    cell_b = make_cell(tmp_path / "b", "Ấp Thạnh Lợi", ["HTXSNV", "HTTNV", "HTNV"], 100)
    stick = tmp_path / "stick"
    import_package(superior.db, package_of(cell_a, stick, "A"))
    import_package(superior.db, package_of(cell_b, stick, "B"))
    set_expected_cells(superior.db, ["Ấp Tân Phú", "Ấp Thạnh Lợi", "Ấp Long Bình"])

    result = consolidation(superior.db, YEAR)

    assert [c.cell_name for c in result.cells] == ["Ấp Tân Phú", "Ấp Thạnh Lợi"]
    assert result.cells[0].counts["HTTNV"] == 3
    assert result.totals == {"HTXSNV": 2, "HTTNV": 4, "HTNV": 1, "KHTNV": 0}
    # 2 xuất sắc against 4 tốt: 4 × 20% = 0,8 → 0 allowed, over the whole organisation.
    assert result.quota.exceeded and "4 × 20% = 0,8" in result.quota.explanation
    assert result.missing == ("Ấp Long Bình",)
    assert result.duplicates == ()
    assert len(result.members) == 7


def test_a_member_reported_by_two_cells_is_flagged(tmp_path, superior):
    cell_a = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV", "HTTNV"])
    cell_b = make_cell(tmp_path / "b", "Ấp Thạnh Lợi", ["HTTNV"], first_card=2)
    stick = tmp_path / "stick"
    import_package(superior.db, package_of(cell_a, stick, "A"))
    import_package(superior.db, package_of(cell_b, stick, "B"))

    duplicates = consolidation(superior.db, YEAR).duplicates

    assert len(duplicates) == 1
    assert duplicates[0].key == "Số thẻ 092000000002"
    assert set(duplicates[0].cells) == {"Ấp Tân Phú", "Ấp Thạnh Lợi"}


def test_a_package_with_one_byte_changed_is_refused_and_nothing_is_stored(tmp_path, superior):
    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"])
    package = package_of(cell, tmp_path / "stick", "A")
    data_file = package / f"xep-loai-{YEAR}.json"
    raw = bytearray(data_file.read_bytes())
    raw[raw.index(b"HTTNV")] = ord("X")
    data_file.write_bytes(bytes(raw))

    with pytest.raises(PackageRejected) as caught:
        import_package(superior.db, package)

    assert f"xep-loai-{YEAR}.json" in str(caught.value)
    assert received_packages(superior.db) == []


def test_a_partial_package_folder_is_refused(tmp_path, superior):
    partial = tmp_path / "stick" / ".A.dang-ghi-1234"
    partial.mkdir(parents=True)
    (partial / f"xep-loai-{YEAR}.json").write_text("{}")

    with pytest.raises(PackageRejected):
        import_package(superior.db, partial)


def test_reimporting_a_newer_package_replaces_the_older_only_after_confirmation(
    tmp_path, superior
):
    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV", "HTTNV"])
    first = package_of(cell, tmp_path / "stick1", "A")
    import_package(superior.db, first)
    member_id = 1
    record_proposal(cell.db, member_id, YEAR, ProposalData("HTXSNV", 10, 10), today=TODAY)
    second = package_of(cell, tmp_path / "stick2", "A")

    with pytest.raises(ReplaceNeeded):
        import_package(superior.db, second)
    assert consolidation(superior.db, YEAR).totals["HTXSNV"] == 0

    outcome = import_package(superior.db, second, replace=True)

    assert outcome.replaced
    assert consolidation(superior.db, YEAR).totals["HTXSNV"] == 1
    assert len(received_packages(superior.db, YEAR)) == 1
    with pytest.raises(NewerPackageStored):
        import_package(superior.db, second, replace=True)


def test_round_trip_keeps_every_number(tmp_path):
    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTXSNV", "HTTNV", "HTNV", "KHTNV"])
    payload = ratings_payload(cell.db, YEAR, today=TODAY)

    again = decode_payload(encode_payload(payload))

    assert again.payload == payload
    assert again.cell_name == "Ấp Tân Phú" and again.year == YEAR
    assert payload["summary"]["proposed"] == {"HTXSNV": 1, "HTTNV": 1, "HTNV": 1, "KHTNV": 1}
    assert [m["votes_for"] for m in payload["members"]] == [9, 9, 9, 9]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not json", "JSON"),
        (b'{"format": "other"}', "không phải"),
        (b'{"format": "sochibo-ratings", "format_version": 9}', "mới hơn"),
        (
            b'{"format": "sochibo-ratings", "format_version": 1, "cell": {"uid": "x", '
            b'"name": "A"}, "year": 2026, "members": [{"full_name": " "}]}',
            "thiếu họ tên",
        ),
    ],
)
def test_a_broken_rating_file_is_refused_with_a_reason(data, words):
    with pytest.raises(PayloadError) as caught:
        decode_payload(data)
    assert words in str(caught.value)
