"""Document numbers run per type within the cấp ủy's term, across January."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.errors import ValidationError
from desktop.services.cell.numbering import (
    count_window,
    paper_number,
    set_term_starts,
    term_starts,
)
from desktop.services.cell.workspace import Workspace


@pytest.fixture()
def db(tmp_path):
    with Workspace(tmp_path, lock=False) as ws:
        yield ws.db


def test_a_term_counts_across_the_new_year(db):
    set_term_starts(db, [date(2025, 4, 15)])
    with db.session() as s:
        december = paper_number(s, "rating_list", "2025", "DS", date(2025, 12, 20), final=True)
        january = paper_number(s, "notice", "m1", "DS", date(2026, 1, 3), final=True)
    assert (december.number, january.number) == ("01", "02")


def test_each_type_has_its_own_counter_and_a_new_term_restarts_it(db):
    set_term_starts(db, [date(2020, 5, 1), date(2025, 4, 15)])
    with db.session() as s:
        a = paper_number(s, "a", "1", "DS", date(2025, 3, 1), final=True)
        b = paper_number(s, "b", "1", "TB", date(2025, 3, 2), final=True)
        c = paper_number(s, "c", "1", "DS", date(2025, 3, 3), final=True)
        d = paper_number(s, "d", "1", "DS", date(2025, 5, 1), final=True)
    assert [p.number for p in (a, b, c, d)] == ["01", "01", "02", "01"]


def test_an_issued_paper_keeps_its_number_and_date(db):
    with db.session() as s:
        first = paper_number(
            s, "rating_list", "2024", "DS", date(2024, 12, 10), final=True, today=date(2025, 1, 5)
        )
    with db.session() as s:
        again = paper_number(
            s, "rating_list", "2024", "DS", date(2024, 12, 30), final=True, today=date(2026, 12, 1)
        )
    assert again == first and first.issued_on == date(2024, 12, 10)


def test_a_draft_has_no_number_and_is_not_stored(db):
    with db.session() as s:
        draft = paper_number(s, "rating_list", "2026", "DS", date(2026, 11, 20), final=False)
        later = paper_number(s, "rating_list", "2026", "DS", date(2026, 11, 20), final=True)
    assert draft.draft and draft.number == "" and draft.issued_on is None
    assert later.number == "01" and not later.draft


def test_without_a_term_the_year_counts_and_a_congress_cuts_it(db):
    with db.session() as s:
        assert count_window(s, date(2024, 6, 1)) == (date(2024, 1, 1), date(2025, 1, 1))
    set_term_starts(db, [date(2025, 4, 15)])
    with db.session() as s:
        assert term_starts(s) == [date(2025, 4, 15)]
        assert count_window(s, date(2025, 2, 1)) == (date(2025, 1, 1), date(2025, 4, 15))
        assert count_window(s, date(2026, 2, 1)) == (date(2025, 4, 15), None)


def test_no_term_start_is_refused_in_vietnamese(db):
    with pytest.raises(ValidationError, match="đại hội chi bộ"):
        set_term_starts(db, [])
