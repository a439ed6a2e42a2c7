"""A realistic residential cell for the meeting tests (no tests here: shared builders).

At the March 2026 meeting (05/3/2026) the cell has, on its roll: five official members
who attend, one probationary member, one member exempted since January and one official
member attending another cell for a while; one member from elsewhere is temporarily
attached here; one member is admitted only on 20/3/2026, after that meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from desktop.models import EventKind, Topic, TopicSection
from desktop.services.meetings import plan as mt
from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.members.events import EventData, add_event
from desktop.services.members.registry import MemberData, create_member

MARCH_DAY = date(2026, 3, 5)


@dataclass
class Cell:
    db: object
    ids: dict[str, int]
    sections: list[int]  # the provincial 2026 topic's sections, in order
    national_sections: list[int]

    def __getitem__(self, key: str) -> int:
        return self.ids[key]


def _member(db, name, admitted, official=None, post="", card=None) -> int:
    return create_member(
        db,
        MemberData(
            full_name=name,
            admitted_on=admitted,
            official_on=official,
            party_post=post,
            card_number=card,
        ),
    )


def build_cell(db) -> Cell:
    save_cell(db, CellInfo("Ấp Thạnh Lợi", "Đảng bộ xã Vị Thủy", "Vị Thủy", "2025–2030"))
    ids = {
        "thang": _member(db, "Nguyễn Văn Thắng", date(1990, 5, 19), date(1991, 5, 19), "bi_thu"),
        "lan": _member(db, "Trần Thị Lan", date(2001, 2, 3), date(2002, 2, 3), "pho_bi_thu"),
        "hung": _member(db, "Lê Văn Hùng", date(2005, 9, 2), date(2006, 9, 2), "chi_uy_vien"),
        "binh": _member(db, "Phạm Văn Bình", date(1998, 1, 5), date(1999, 1, 5)),
        "hoa": _member(db, "Võ Thị Hoa", date(2012, 7, 1), date(2013, 7, 1)),
        "tam": _member(db, "Huỳnh Văn Tâm", date(2025, 12, 10)),
        "sau": _member(db, "Đặng Văn Sáu", date(1975, 4, 30), date(1976, 4, 30)),
        "mai": _member(db, "Bùi Thị Mai", date(2010, 3, 8), date(2011, 3, 8)),
        "tu": _member(db, "Ngô Văn Tư", date(2026, 3, 20)),
        "nam": _member(db, "Đỗ Văn Năm", date(2000, 6, 1), date(2001, 6, 1)),
    }
    add_event(db, ids["sau"], EventData(EventKind.EXEMPTED.value, date(2026, 1, 15)))
    add_event(
        db,
        ids["mai"],
        EventData(EventKind.TRANSFER_IN.value, date(2026, 2, 1), temporary=True),
    )
    add_event(
        db,
        ids["nam"],
        EventData(EventKind.TRANSFER_OUT.value, date(2026, 2, 15), temporary=True),
    )
    with db.session() as session:
        national = Topic(
            level="toan_khoa",
            title="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự "
            "lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc",
            start_year=2021,
            end_year=2026,
        )
        national.sections = [
            TopicSection(position=1, title="Ý chí tự lực, tự cường"),
            TopicSection(position=2, title="Khát vọng phát triển đất nước"),
        ]
        provincial = Topic(
            level="tinh",
            title="Chuyên đề năm 2026: Nêu gương, đoàn kết, phát triển quê hương",
            start_year=2026,
            end_year=2026,
        )
        provincial.sections = [
            TopicSection(position=1, title="Phần I: Tư tưởng Hồ Chí Minh về nêu gương"),
            TopicSection(position=2, title="Phần II: Đoàn kết trong Đảng"),
            TopicSection(position=3, title="Phần III: Phát triển quê hương"),
        ]
        session.add_all([national, provincial])
        session.flush()
        sections = [s.id for s in provincial.sections]
        national_sections = [s.id for s in national.sections]
    return Cell(db, ids, sections, national_sections)


def hold(
    cell: Cell,
    meeting_id: int,
    day: date,
    *,
    start: time = time(8, 0),
    end: time = time(10, 0),
    absent_excused: dict[str, str] | None = None,
    absent_unexcused: tuple[str, ...] = (),
    votes: tuple[int, int, int] | None = None,
    study: str = "Đồng chí Bí thư quán triệt nội dung chuyên đề.",
) -> None:
    """Take the roll and write complete minutes for a meeting of the test cell."""
    db = cell.db
    absent_excused = absent_excused or {}
    rows = mt.attendance_sheet(db, meeting_id)
    entries = []
    for row in rows:
        if not row.expected:
            continue
        key = next(k for k, v in cell.ids.items() if v == row.member_id)
        if key in absent_excused:
            entries.append((row.member_id, "vang_co_ly_do", absent_excused[key]))
        elif key in absent_unexcused:
            entries.append((row.member_id, "vang_khong_ly_do", ""))
        else:
            entries.append((row.member_id, "co_mat", ""))
    detail = mt.get_meeting(db, meeting_id)
    study_item = next((i for i in detail.agenda if i.code == "study"), None)
    items = [mt.ItemMinutes(study_item.id, cell["thang"], content=study)] if study_item else []
    votes = votes or (None, None, None)
    mt.save_minutes(
        db,
        meeting_id,
        mt.MinutesData(
            chair_id=cell["thang"],
            secretary_id=cell["lan"],
            held_on=day,
            start_time=start,
            end_time=end,
            place="Nhà văn hóa ấp Thạnh Lợi",
            items=items,
            resolution="Chi bộ thống nhất thực hiện các nhiệm vụ tháng tới.",
            votes_for=votes[0],
            votes_against=votes[1],
            votes_other=votes[2],
            attendance=entries,
        ),
    )
