"""The optional dues summary in the ratings package: written when asked, checked on reading."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.exchange.read import read_package
from desktop.packaging.ratings import export_ratings
from desktop.services.demo.builder import load_demo
from desktop.services.exchange.dues_file import (
    DuesPayloadError,
    decode_payload,
    dues_payload,
    encode_payload,
)

TODAY = date(2026, 12, 10)


@pytest.fixture
def demo(workspace):
    load_demo(workspace.db, today=TODAY)
    return workspace.db


def test_the_summary_travels_only_when_ticked_and_reads_back(demo, tmp_path):
    (tmp_path / "a").mkdir()
    plain = export_ratings(demo, 2026, tmp_path / "a", today=TODAY)
    assert "dang-phi-2026.json" not in read_package(plain.path).files
    (tmp_path / "b").mkdir()
    with_dues = export_ratings(demo, 2026, tmp_path / "b", today=TODAY, include_dues=True)
    summary = decode_payload(read_package(with_dues.path).files["dang-phi-2026.json"])
    assert summary.year == 2026 and len(summary.months) == 12
    assert summary.totals["remitted"] + summary.totals["kept"] == summary.totals["collected"] > 0
    flagged = [b["full_name"] for b in summary.behind if b["flagged"]]
    assert flagged == ["Mai Văn Tài"]


def test_a_summary_that_does_not_add_up_or_is_newer_is_refused(demo):
    payload = dues_payload(demo, 2026, TODAY)
    decode_payload(encode_payload(payload))
    wrong = json.loads(encode_payload(payload))
    wrong["totals"]["paid"] += 1
    with pytest.raises(DuesPayloadError, match="không khớp"):
        decode_payload(json.dumps(wrong).encode())
    wrong = json.loads(encode_payload(payload))
    wrong["months"][0]["kept"] += 1
    with pytest.raises(DuesPayloadError, match="tháng 01"):
        decode_payload(json.dumps(wrong).encode())
    wrong = json.loads(encode_payload(payload))
    wrong["months"][2]["due"] = 1.5
    with pytest.raises(DuesPayloadError, match="số nguyên"):
        decode_payload(json.dumps(wrong).encode())
    wrong = dict(payload, format_version=2)
    with pytest.raises(DuesPayloadError, match="mới hơn"):
        decode_payload(json.dumps(wrong).encode())
