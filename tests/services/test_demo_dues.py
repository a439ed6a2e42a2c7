"""The demo cell's year of dues: the real mix, two late payers, one member three months behind."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.demo.builder import load_demo
from desktop.services.demo.dues import BEHIND, LATE, PREPAYS, STUDENT, behind_months
from desktop.services.demo.meetings import demo_months
from desktop.services.dues.actions import last_action
from desktop.services.dues.arrears import arrears, dues_reminders
from desktop.services.dues.collect import corrections
from desktop.services.dues.ledger import month_sheet, paid_by_member_month
from desktop.services.dues.remittance import remittance_summary

TODAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.services.cell.workspace import Workspace

    with Workspace(tmp_path_factory.mktemp("demo"), lock=False) as ws:
        load_demo(ws.db, TODAY)
        yield ws.db


def test_demo_mixes_pensions_farmers_salaries_and_a_student(demo):
    sheet = month_sheet(demo, (2026, 11))
    classes = {line.due.class_code for line in sheet.lines if line.due.owes}
    assert {"pension", "no_income", "salary", "student"} <= classes
    student = next(x for x in sheet.lines if x.due.full_name == STUDENT)
    assert student.due.amount == 5_000
    assert sheet.pack.id == "qd-01-2026" and month_sheet(demo, (2026, 1)).pack.id == "qd-342-2010"
    assert all(not line.due.problem for line in sheet.lines)


def test_demo_has_one_member_flagged_and_two_late_payers(demo):
    found = {a.full_name: a for a in arrears(demo, 2026, TODAY)}
    assert found[BEHIND].flagged and len(found[BEHIND].unpaid) == 3
    assert [r.full_name for r in dues_reminders(demo, TODAY)] == [BEHIND]
    assert behind_months(demo_months(TODAY)) == [(2026, 9), (2026, 10), (2026, 11)]
    with demo.session() as session:
        paid = paid_by_member_month(session, (2025, 12), (2026, 11))
    sheet = month_sheet(demo, (2026, 3))
    ids = {line.due.full_name: line.due.member_id for line in sheet.lines}
    for name, _lag in LATE:
        late = [key for key, p in paid.items() if key[0] == ids[name]
                and (p.paid_on.year, p.paid_on.month) > key[1]]
        assert late, name
    prepaid = [key for key, p in paid.items() if key[0] == ids[PREPAYS]
               and (p.paid_on.year, p.paid_on.month) < key[1]]
    assert prepaid


def test_demo_months_are_closed_corrected_and_remitted(demo):
    assert month_sheet(demo, (2026, 10)).closed and not month_sheet(demo, (2026, 11)).closed
    assert any(c.reason == "Ghi sai số biên lai" for c in corrections(demo))
    summary = remittance_summary(demo, (2026, 7), (2026, 9))
    assert summary.recorded_on == date(2026, 9, 30) and summary.remitted > 0
    assert last_action(demo) == ""  # the demo itself cannot be undone
