"""A rating file that would poison the superior's copy is refused, naming the field."""

from __future__ import annotations

import copy
import json

import pytest

from desktop.exchange import PackageRejected
from desktop.services.exchange.consolidation import import_package
from desktop.services.exchange.rating_file import PayloadError, decode_payload, encode_payload
from desktop.services.exchange.rating_file import ratings_payload
from tests.services.test_consolidation import TODAY, YEAR, make_cell, package_of


@pytest.fixture(scope="module")
def genuine(tmp_path_factory):
    cell = make_cell(tmp_path_factory.mktemp("cell"), "Ấp Tân Phú", ["HTXSNV", "HTTNV"])
    payload = ratings_payload(cell.db, YEAR, today=TODAY)
    cell.close()
    return payload


def _member_edit(field, value):
    def edit(p):
        p["members"][0][field] = value

    return edit


POISON = [
    ("members[1].proposed_level", _member_edit("proposed_level", ["HTXSNV"])),
    ("members[1].full_name", _member_edit("full_name", {})),
    ("members[1].full_name", _member_edit("full_name", "A" * 5000)),
    ("members[1].votes_for", _member_edit("votes_for", -1)),
    ("members[1].rated", _member_edit("rated", "yes")),
    ("members[1].decision_date", _member_edit("decision_date", "9999-12-31")),
    ("members[1].self_score", _member_edit("self_score", "1e9")),
    ("members[1].warnings", _member_edit("warnings", "một chuỗi")),
    ("review_on", lambda p: p.update(review_on="0001-01-01")),
    ("cell.superior_name", lambda p: p["cell"].update(superior_name=7)),
    ("levels[0].rank", lambda p: p["levels"][0].update(rank="1")),
    ("summary.quota.exceeded", lambda p: p["summary"]["quota"].update(exceeded=None)),
]


@pytest.mark.parametrize("field,edit", POISON, ids=[f for f, _ in POISON])
def test_a_wrong_field_is_refused_naming_it(genuine, field, edit):
    payload = copy.deepcopy(genuine)
    edit(payload)
    with pytest.raises(PayloadError) as caught:
        decode_payload(encode_payload(payload))
    assert f"“{field}”" in str(caught.value)


def test_the_genuine_file_passes_and_unknown_fields_are_not_kept(genuine):
    payload = copy.deepcopy(genuine)
    payload["members"][0]["extra"] = {"deep": [1, 2]}
    payload["unknown"] = "x"
    ratings = decode_payload(encode_payload(payload))
    assert "unknown" not in ratings.payload and "extra" not in ratings.members[0]
    assert ratings.members[0]["full_name"] == genuine["members"][0]["full_name"]


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": "sochibo-ratings", "format_version": ' + b"9" * 5000 + b"}",
        b'{"format": "sochibo-ratings", "format_version": NaN}',
    ],
    ids=["nested-100000", "5000-digits", "nan"],
)
def test_hostile_json_is_a_message_not_a_crash(data):
    with pytest.raises(PayloadError):
        decode_payload(data)


@pytest.mark.parametrize(
    "created", ["9999-12-31T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]
)
def test_a_package_dated_outside_sane_bounds_is_refused(tmp_path, created):
    from desktop.exchange.manifest import Manifest

    cell = make_cell(tmp_path / "cell", "Ấp Tân Phú", ["HTTNV"])
    package = package_of(cell, tmp_path / "stick", "A")
    cell.close()
    manifest = package / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["created_at"] = created
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PackageRejected) as caught:
        Manifest.from_json(manifest.read_bytes())
    assert "thời điểm tạo gói" in str(caught.value)


def test_a_poisoned_package_stores_nothing(tmp_path, genuine):
    from desktop.services.cell.workspace import Workspace
    from desktop.services.exchange.consolidation import received_packages

    cell = make_cell(tmp_path / "cell", "Ấp Tân Phú", ["HTTNV"])
    package = package_of(cell, tmp_path / "stick", "A")
    cell.close()
    superior = Workspace(tmp_path / "superior", lock=False)
    try:
        data_file = next(package.glob("xep-loai-*.json"))
        payload = json.loads(data_file.read_text(encoding="utf-8"))
        payload["members"][0]["proposed_level"] = ["HTXSNV"]
        _rewrite_with_manifest(package, data_file, encode_payload(payload))
        with pytest.raises(PayloadError):
            import_package(superior.db, package)
        assert received_packages(superior.db) == []
    finally:
        superior.close()


def _rewrite_with_manifest(package, data_file, data: bytes) -> None:
    """What a forger does: change the file and recompute its size and SHA-256."""
    import hashlib

    data_file.write_bytes(data)
    manifest = package / "manifest.json"
    info = json.loads(manifest.read_text(encoding="utf-8"))
    for entry in info["files"]:
        if entry["name"] == data_file.name:
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    manifest.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
