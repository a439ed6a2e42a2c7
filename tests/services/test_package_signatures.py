"""Nothing forged accepted silently: packages are signed with the cell's Ed25519 key."""

from __future__ import annotations

import json
import shutil

import pytest

from desktop.exchange import PackageRejected
from desktop.exchange.signing import KEY_FILE_NAME, SIGNATURE_NAME, fingerprint
from desktop.packaging.ratings import export_ratings
from desktop.services.cell.workspace import Workspace
from desktop.services.exchange.cell_keys import KeyChangeNeeded
from desktop.services.exchange.consolidation import import_package, received_packages
from desktop.services.exchange.rating_file import encode_payload
from tests.services.test_consolidation import TODAY, YEAR, make_cell
from tests.services.test_rating_file_checks import _rewrite_with_manifest


@pytest.fixture
def superior(tmp_path):
    ws = Workspace(tmp_path / "superior", lock=False)
    yield ws
    ws.close()


def _export(cell, stick, **kw):
    stick.mkdir(parents=True, exist_ok=True)
    return export_ratings(cell.db, YEAR, stick, today=TODAY, replace=True, **kw).path


def test_first_export_makes_the_key_pair_and_signs_the_package(tmp_path, superior):
    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"])
    package = _export(cell, tmp_path / "stick")
    assert (tmp_path / "a" / KEY_FILE_NAME).is_file()
    assert (package / SIGNATURE_NAME).is_file()
    outcome = import_package(superior.db, package)
    note = " ".join(outcome.notes)
    assert "Đã ghi nhớ khóa" in note and "Hãy gọi điện" in note
    key = json.loads((package / SIGNATURE_NAME).read_text())["public_key"]
    import base64

    assert fingerprint(base64.b64decode(key)) in note
    cell.close()


def test_a_forged_but_self_consistent_package_is_refused(tmp_path, superior):
    """The attack of the issue: edit the rating file, recompute the manifest's checksums."""
    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV", "HTTNV"])
    package = _export(cell, tmp_path / "stick")
    cell.close()
    data_file = next(package.glob("xep-loai-*.json"))
    payload = json.loads(data_file.read_text(encoding="utf-8"))
    payload["members"][0]["proposed_level"] = "HTXSNV"
    _rewrite_with_manifest(package, data_file, encode_payload(payload))
    with pytest.raises(PackageRejected) as caught:
        import_package(superior.db, package)
    assert caught.value.reason == "forged" and "bị sửa" in str(caught.value)
    assert received_packages(superior.db) == []


def test_a_package_signed_by_another_key_needs_a_confirmed_key_change(tmp_path, superior):
    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"])
    import_package(superior.db, _export(cell, tmp_path / "stick1"))
    # Someone else (or a new PC without the handover) signs the same cell's package.
    (tmp_path / "a" / KEY_FILE_NAME).unlink()
    second = _export(cell, tmp_path / "stick2")
    cell.close()
    with pytest.raises(KeyChangeNeeded) as caught:
        import_package(superior.db, second, replace=True)
    assert caught.value.known_fingerprint in str(caught.value)
    assert caught.value.offered_fingerprint in str(caught.value)
    outcome = import_package(superior.db, second, replace=True, accept_new_key=True)
    assert any("Đã đổi khóa" in n for n in outcome.notes)


def test_an_unsigned_package_is_refused_once_the_cells_key_is_known(tmp_path, superior):
    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"])
    import_package(superior.db, _export(cell, tmp_path / "stick1"))
    stripped = _export(cell, tmp_path / "stick2")
    cell.close()
    (stripped / SIGNATURE_NAME).unlink()
    with pytest.raises(KeyChangeNeeded):
        import_package(superior.db, stripped, replace=True)


def test_the_handover_carries_the_key_and_the_superior_keeps_trusting(tmp_path, superior):
    from desktop.packaging.handover import export_handover, packaged_database
    from desktop.services.cell.workspace import restore_backup

    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"])
    import_package(superior.db, _export(cell, tmp_path / "stick1"))
    (tmp_path / "bg").mkdir()
    handover = export_handover(cell.db, cell.database_path, YEAR, tmp_path / "bg", today=TODAY)
    cell.close()
    work = tmp_path / "work"
    work.mkdir()
    data = packaged_database(handover.path, None, work)
    restore_backup(tmp_path / "new-pc", data)
    assert (tmp_path / "new-pc" / KEY_FILE_NAME).read_bytes() == (
        tmp_path / "a" / KEY_FILE_NAME
    ).read_bytes()
    with Workspace(tmp_path / "new-pc", lock=False) as new_pc:
        package = _export(new_pc, tmp_path / "stick2")
    shutil.rmtree(tmp_path / "stick1")
    outcome = import_package(superior.db, package, replace=True)
    assert outcome.replaced


def test_cli_names_the_flag_for_a_key_change(tmp_path, capsys):
    from desktop.cli import main

    cell = make_cell(tmp_path / "a", "Ấp Tân Phú", ["HTTNV"])
    first = _export(cell, tmp_path / "stick1")
    (tmp_path / "a" / KEY_FILE_NAME).unlink()
    second = _export(cell, tmp_path / "stick2")
    cell.close()
    sup = str(tmp_path / "sup")
    assert main(["--data", sup, "import", "ratings", str(first)]) == 0
    assert main(["--data", sup, "import", "ratings", str(second), "--replace"]) == 1
    assert "--accept-new-key" in capsys.readouterr().err
    args = ["--data", sup, "import", "ratings", str(second), "--replace", "--accept-new-key"]
    assert main(args) == 0
