"""Synthetic cells for benchmarks: the requested size, valid data, the same cell each time."""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date

import pytest

from desktop.errors import DomainError
from desktop.services.members.events import validate_event
from desktop.services.members.registry import list_members, validate
from desktop.services.members.status import MemberStatus
from desktop.services.demo.synthetic import fill_synthetic_cell, synthetic_members
from desktop.text import fold, proper_case_name

TODAY = date(2026, 11, 23)


def test_fill_inserts_exactly_the_requested_number_of_members(db):
    fill_synthetic_cell(db, 300, today=TODAY)

    assert len(list_members(db, on=TODAY)) == 300


def test_synthetic_card_numbers_are_twelve_digits_and_unique(db):
    fill_synthetic_cell(db, 2000, seed=3, today=TODAY)

    cards = [row.card_number for row in list_members(db, on=TODAY)]
    assert all(len(c) == 12 and c.isdigit() for c in cards)
    assert len(set(cards)) == 2000


def test_synthetic_names_are_nfc_proper_case_and_use_every_tone():
    names = [data.full_name for data, _ in synthetic_members(1000, today=TODAY)]

    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert all(proper_case_name(n) == n and len(n.split()) >= 3 for n in names)
    marks = {
        unicodedata.name(c)
        for n in names
        for c in unicodedata.normalize("NFD", n)
        if unicodedata.combining(c)
    }
    tones = {
        "COMBINING GRAVE ACCENT",
        "COMBINING ACUTE ACCENT",
        "COMBINING HOOK ABOVE",
        "COMBINING TILDE",
        "COMBINING DOT BELOW",
    }
    assert tones <= marks
    assert Counter(n.split()[0] for n in names).most_common(1)[0][0] == "Nguyễn"


def test_same_seed_gives_the_same_cell_and_another_seed_a_different_one():
    first = list(synthetic_members(200, seed=7, today=TODAY))
    again = list(synthetic_members(200, seed=7, today=TODAY))
    other = list(synthetic_members(200, seed=8, today=TODAY))

    assert first == again
    assert [d.full_name for d, _ in first] != [d.full_name for d, _ in other]


def test_synthetic_members_pass_the_member_form_checks():
    for data, events in synthetic_members(1000, seed=5, today=TODAY):
        assert validate(data, TODAY) == [], data
        assert [e.kind for e in events][:1] == ["ket_nap"]
        assert data.admitted_on == events[0].happened_on
        for event in events:
            assert validate_event(event, TODAY) == [], (data.full_name, event)


def test_large_synthetic_cell_has_the_statuses_of_a_real_one(db):
    fill_synthetic_cell(db, 3000, seed=1, today=TODAY)

    counts = Counter(row.status for row in list_members(db, on=TODAY))

    absent = {MemberStatus.REMOVED, MemberStatus.UNKNOWN, MemberStatus.NOT_YET}
    assert set(counts) == set(MemberStatus) - absent
    assert counts[MemberStatus.OFFICIAL] > 0.8 * 3000


def test_synthetic_rows_are_searchable_without_accents(db):
    fill_synthetic_cell(db, 500, seed=2, today=TODAY)
    rows = list_members(db, on=TODAY)

    target = rows[123]
    folded = fold(target.full_name)
    assert folded.isascii()
    assert target in [r for r in rows if folded in r.search_key]


def test_synthetic_cell_refuses_a_folder_with_members(db):
    fill_synthetic_cell(db, 10, today=TODAY)

    with pytest.raises(DomainError, match="dữ liệu trống"):
        fill_synthetic_cell(db, 10, today=TODAY)
    assert len(list_members(db, on=TODAY)) == 10
