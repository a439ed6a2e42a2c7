"""Deleted meetings, topics and commitments survive a restart in "Đã xóa" (issue 10, 4).

Each test deletes, closes the data folder, opens it again (a new engine on the same
SQLite file, as after restarting the app), finds the item only in "Đã xóa", restores it
and finds it back with its children.
"""

from __future__ import annotations

from datetime import date

import pytest
from test_meetings_cell import MARCH_DAY, build_cell, hold

from desktop.errors import DomainError
from desktop.services.cell.workspace import Workspace
from desktop.services.meetings import plan as mt
from desktop.services.reviews.commitment_bin import (
    list_deleted_commitments,
    purge_commitment,
    restore_deleted_commitment,
)
from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentItemData,
    add_progress,
    commitment_overview,
    delete_commitment,
    get_commitment,
    restore_commitment,
    save_commitment,
)
from desktop.services.topics import catalogue
from desktop.services.topics.data import TopicData, TopicLevel, TopicSectionInfo


def _reopen(folder, old: Workspace) -> Workspace:
    old.close()
    return Workspace(folder, lock=False)


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "data"


def test_a_deleted_meeting_is_in_da_xoa_after_a_restart_and_comes_back_whole(folder):
    ws = Workspace(folder, lock=False)
    cell = build_cell(ws.db)
    meeting_id = mt.plan_meeting(ws.db, "thuong_ky", 2026, 3, MARCH_DAY)
    hold(cell, meeting_id, MARCH_DAY, absent_unexcused=("binh",))
    before = [(r.member_id, r.presence) for r in mt.attendance_sheet(ws.db, meeting_id)]
    agenda = [i.title for i in mt.get_meeting(ws.db, meeting_id).agenda]
    assert mt.unexcused_absences(ws.db, 2026) == {cell["binh"]: 1}

    mt.delete_meeting(ws.db, meeting_id)
    ws = _reopen(folder, ws)
    db = ws.db
    try:
        (deleted,) = mt.list_deleted_meetings(db)
        assert (deleted.id, deleted.label, deleted.day) == (
            meeting_id,
            "Thường kỳ tháng 3/2026",
            MARCH_DAY,
        )
        # Nowhere else: the year, the month's status, counts, opening it.
        assert mt.list_meetings(db, 2026) == []
        march = mt.year_overview(db, 2026).months[2]
        assert march.regular is None and march.others == []
        assert mt.unexcused_absences(db, 2026) == {}
        with pytest.raises(DomainError, match="Chưa có buổi sinh hoạt thường kỳ tháng 3/2026"):
            mt.find_meeting(db, 2026, 3)
        with pytest.raises(DomainError):
            mt.get_meeting(db, meeting_id)

        # A new regular meeting in March is allowed; restoring the old one would make two.
        other = mt.plan_meeting(db, "thuong_ky", 2026, 3, date(2026, 3, 20))
        with pytest.raises(DomainError) as clash:
            mt.restore_meeting(db, meeting_id)
        assert str(clash.value).startswith(
            "Không khôi phục được buổi Thường kỳ tháng 3/2026: Đã có buổi sinh hoạt thường kỳ"
        )
        assert [m.id for m in mt.list_deleted_meetings(db)] == [meeting_id]
        mt.delete_meeting(db, other)
        mt.purge_meeting(db, other)

        mt.restore_meeting(db, meeting_id)
        assert mt.list_deleted_meetings(db) == []
        assert [m.id for m in mt.list_meetings(db, 2026)] == [meeting_id]
        after = [(r.member_id, r.presence) for r in mt.attendance_sheet(db, meeting_id)]
        assert after == before
        assert [i.title for i in mt.get_meeting(db, meeting_id).agenda] == agenda
        assert mt.unexcused_absences(db, 2026) == {cell["binh"]: 1}
        with pytest.raises(DomainError, match="Đã xóa"):
            mt.restore_meeting(db, meeting_id)  # already back
    finally:
        ws.close()


def _topic(title: str = "Chuyên đề thử") -> TopicData:
    return TopicData(
        level=TopicLevel.LOCAL.value,
        title=title,
        start_year=2026,
        end_year=2026,
        sections=[TopicSectionInfo("Phần một"), TopicSectionInfo("Phần hai")],
    )


def test_a_deleted_topic_is_in_da_xoa_after_a_restart_and_comes_back_with_its_sections(
    folder,
):
    ws = Workspace(folder, lock=False)
    topic_id = catalogue.create_topic(ws.db, _topic())
    catalogue.delete_topic(ws.db, topic_id)
    ws = _reopen(folder, ws)
    db = ws.db
    try:
        (deleted,) = catalogue.list_deleted_topics(db)
        assert (deleted.id, deleted.title, deleted.period) == (topic_id, "Chuyên đề thử", "năm 2026")
        assert topic_id not in {t.id for t in catalogue.list_topics(db)}
        assert topic_id not in {t.id for t in catalogue.current_topics(db, date(2026, 6, 1))}
        with pytest.raises(DomainError, match="đang ở mục Đã xóa"):
            catalogue.create_topic(db, _topic())

        catalogue.restore_topic(db, topic_id)
        assert catalogue.list_deleted_topics(db) == []
        restored = catalogue.get_topic(db, topic_id)
        assert [s.title for s in restored.sections] == ["Phần một", "Phần hai"]
        assert topic_id in {t.id for t in catalogue.list_topics(db)}
    finally:
        ws.close()


def test_a_deleted_commitment_is_in_da_xoa_after_a_restart_and_comes_back_with_progress(
    folder,
):
    ws = Workspace(folder, lock=False)
    cell = build_cell(ws.db)
    member = cell["binh"]
    save_commitment(
        ws.db,
        member,
        2026,
        CommitmentData(
            date(2026, 3, 1),
            None,
            [CommitmentItemData("lam_theo", "Làm đường bê tông", True, "vuot")],
        ),
    )
    item = get_commitment(ws.db, member, 2026).items[0]
    add_progress(ws.db, item.id, date(2026, 6, 1), "Đã góp 5 ngày công")
    delete_commitment(ws.db, member, 2026)
    ws = _reopen(folder, ws)
    db = ws.db
    try:
        (deleted,) = list_deleted_commitments(db)
        assert (deleted.member_name, deleted.year, deleted.items) == ("Phạm Văn Bình", 2026, 1)
        assert get_commitment(db, member, 2026) is None
        row = next(r for r in commitment_overview(db, 2026).rows if r.member_id == member)
        assert not row.written
        with pytest.raises(DomainError, match="đang ở mục Đã xóa"):
            save_commitment(db, member, 2026, CommitmentData(items=[]))

        restore_deleted_commitment(db, deleted.id)
        back = get_commitment(db, member, 2026)
        assert back.id == deleted.id
        assert [n.text for n in back.items[0].progress] == ["Đã góp 5 ngày công"]
        assert next(r for r in commitment_overview(db, 2026).rows if r.member_id == member).written

        # Undo in the session brings back the same row, not a copy.
        detail = get_commitment(db, member, 2026)
        delete_commitment(db, member, 2026)
        assert restore_commitment(db, detail) == detail.id
        assert list_deleted_commitments(db) == []

        delete_commitment(db, member, 2026)
        purge_commitment(db, deleted.id)
        assert list_deleted_commitments(db) == []
        save_commitment(db, member, 2026, CommitmentData(items=[]))  # a fresh one now
    finally:
        ws.close()
