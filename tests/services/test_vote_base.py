"""The vote base of a cell (số đảng viên chính thức để tính biểu quyết), at its edges."""

from __future__ import annotations

import json

from desktop.rules.meeting_rules import default_path, meeting_rules, read_meeting_rules
from desktop.services.meetings.common import Presence
from desktop.services.meetings.roster import AttendanceRow
from desktop.services.meetings.vote_base import meeting_vote_base, roll_vote_base
from desktop.services.members.status import MemberStatus


def row(i, presence, status=MemberStatus.OFFICIAL, official=True) -> AttendanceRow:
    return AttendanceRow(
        member_id=i,
        full_name=f"Đảng viên {i:02d}",
        status=status.value,
        status_label=status.label,
        is_official=official,
        presence=presence,
        reason="",
    )


def twenty_official_twelve_present(absence=Presence.UNEXCUSED) -> list[AttendanceRow]:
    return [row(i, Presence.PRESENT if i <= 12 else absence) for i in range(1, 21)]


def test_20_official_12_present_7_for_does_not_pass():
    # The app used to count the 12 present: 7 > 6 passed. The rule counts the 20.
    rules = meeting_rules()
    base = meeting_vote_base(twenty_official_twelve_present(), rules)
    assert (base.official, base.base) == (20, 20)
    text = base.shortfall(7, rules.resolution)
    assert text == (
        "tán thành 7, cần quá nửa số đảng viên chính thức của chi bộ: 20 đảng viên chính "
        "thức của chi bộ → ít nhất 11 phiếu."
    )


def test_10_for_of_20_fails_and_11_passes():
    rules = meeting_rules()
    base = meeting_vote_base(twenty_official_twelve_present(), rules)
    assert base.shortfall(10, rules.resolution) is not None
    assert base.shortfall(11, rules.resolution) is None


def test_excused_absences_are_left_out_of_the_base_by_name():
    rules = meeting_rules()
    base = meeting_vote_base(twenty_official_twelve_present(Presence.EXCUSED), rules)
    assert base.base == 12
    assert base.shortfall(7, rules.resolution) is None
    assert "trừ 8 (Đảng viên 13 – vắng mặt có lý do;" in base.arithmetic()


def test_probationary_and_attached_members_are_not_in_the_base():
    rules = meeting_rules()
    rows = [
        row(1, Presence.PRESENT),
        row(2, Presence.PRESENT),
        row(3, Presence.PRESENT, MemberStatus.PROBATIONARY, official=False),
        row(4, Presence.PRESENT, MemberStatus.TEMPORARY_HERE),
        row(5, Presence.AWAY, MemberStatus.TEMPORARY_AWAY),
        row(6, Presence.EXEMPTED, MemberStatus.EXEMPTED),
    ]
    base = meeting_vote_base(rows, rules)
    assert (base.official, base.base) == (4, 2)
    assert [e.reason for e in base.exclusions] == [
        "sinh hoạt tạm thời ở đảng bộ khác",
        "miễn công tác và sinh hoạt đảng, không có mặt",
    ]


def test_an_exempted_member_who_comes_and_votes_is_counted():
    base = meeting_vote_base([row(1, Presence.PRESENT, MemberStatus.EXEMPTED)], meeting_rules())
    assert base.base == 1


def test_the_exclusions_are_data(tmp_path):
    data = json.loads(default_path().read_text(encoding="utf-8"))
    data["rules"]["vote_base"]["exclusions"] = ["temporary_away"]
    path = tmp_path / "meetings.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rules = read_meeting_rules(path)
    base = meeting_vote_base(twenty_official_twelve_present(Presence.EXCUSED), rules)
    assert base.base == 20


def test_two_thirds_of_the_base_for_official_recognition():
    rules = meeting_rules()
    base = roll_vote_base(
        {f"Đảng viên {i}": (MemberStatus.OFFICIAL, True) for i in range(1, 21)}
        | {"Người đi": (MemberStatus.TEMPORARY_AWAY, True)},
        rules,
    )
    assert base.base == 20 and rules.recognition.needed(20) == 14
    assert base.shortfall(13, rules.recognition) is not None
    assert base.shortfall(14, rules.recognition) is None
    assert rules.recognition.text == "ít nhất hai phần ba"


def test_a_suspended_member_is_left_out():
    rules = meeting_rules()
    base = meeting_vote_base(twenty_official_twelve_present(), rules, suspended={20})
    assert base.base == 19
    assert "Đảng viên 20 – bị đình chỉ sinh hoạt đảng" in base.arithmetic()
