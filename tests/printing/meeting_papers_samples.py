"""Meeting papers of "Chi bộ Ấp Tân Phú" built directly from the plain dataclasses.

The printing tests do not depend on the meeting services: a regular March 2026 meeting
(25 members, 20 present, 3 absent), a thematic meeting, a draft and a long meeting.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from desktop.services.cell.details import CellInfo
from desktop.services.meetings.documents import (
    AbsentEntry,
    AgendaDocument,
    AttendanceSummary,
    DocumentMeta,
    MinutesDocument,
    MinutesItem,
    NoticeDocument,
    PersonRef,
    Remark,
    TaskLine,
    Vote,
)

CELL = CellInfo("Ấp Tân Phú", "Đảng bộ xã Phú Hữu", "Phú Hữu", "2025–2030")
HELD_ON = date(2026, 3, 5)
CHAIR = "Nguyễn Văn Bình"
SECRETARY = "Trần Thị Lan"
TOPIC = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, "
    "tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc"
)
SECTION = "Phần II: Tư tưởng Hồ Chí Minh về ý chí tự lực, tự cường"
STUDY_TITLE = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
REGULAR_SUBTITLE = "sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
THEMATIC_SUBTITLE = "sinh hoạt chi bộ chuyên đề quý I năm 2026"
THEME = "Phát huy vai trò nêu gương của đảng viên trong xây dựng nông thôn mới kiểu mẫu"

ATTENDANCE = AttendanceSummary(
    total=25,
    official=23,
    probationary=2,
    exempted=2,
    temporary_here=0,
    expected=23,
    present=20,
    present_official=20,
    absent_excused=(
        AbsentEntry("Lê Văn Ắt", "ốm"),
        AbsentEntry("Phạm Thị Hồng", "công tác"),
    ),
    absent_unexcused=(AbsentEntry("Võ Văn Đức"),),
    exempted_names=("Huỳnh Văn Tư", "Đỗ Thị Năm"),
)

AGENDA_TITLES = (
    ("Tuyên bố lý do, giới thiệu đại biểu", CHAIR),
    ("Cử thư ký, điểm danh, thông qua chương trình", CHAIR),
    ("Thông tin thời sự, văn bản cấp trên", "Lê Minh Tâm"),
    ("Đánh giá kết quả thực hiện nhiệm vụ tháng 02/2026", CHAIR),
    (STUDY_TITLE, "Lê Minh Tâm"),
    ("Phương hướng nhiệm vụ tháng 4/2026", CHAIR),
)


def meta(number: str = "05", draft: bool = False) -> DocumentMeta:
    return DocumentMeta(cell=CELL, issued_on=HELD_ON, number=number, draft=draft)


def regular_items(remarks_per_item: int = 0) -> tuple[MinutesItem, ...]:
    items = []
    for number, (title, presenter) in enumerate(AGENDA_TITLES, start=1):
        items.append(MinutesItem(number=number, title=title, presenter=presenter))
    items[3] = replace(
        items[3],
        content=(
            "Trong tháng, chi bộ lãnh đạo hoàn thành thu hoạch lúa vụ Đông Xuân; "
            "vận động bà con làm mới 1.200 m đường giao thông nông thôn.\n"
            "Thu đảng phí đạt 100%."
        ),
        remarks=(
            Remark("Phạm Văn Sáu", "Đề nghị chi bộ quan tâm hơn việc vận động hộ nghèo."),
            Remark("Nguyễn Thị Mỹ", "Thống nhất với báo cáo; bổ sung kết quả công tác dân vận"),
        ),
        conclusion="Chi bộ thống nhất đánh giá hoàn thành tốt nhiệm vụ tháng 02/2026.",
    )
    if remarks_per_item:
        items = [
            replace(
                item,
                remarks=tuple(
                    Remark(
                        f"Đảng viên Số {item.number}-{k + 1}",
                        "Thống nhất với nội dung trình bày; đề nghị chi ủy tiếp tục chỉ đạo "
                        "các tổ nhân dân tự quản giữ gìn an ninh trật tự, vệ sinh môi trường "
                        f"và chăm lo gia đình chính sách (ý kiến số {k + 1}).",
                    )
                    for k in range(remarks_per_item)
                ),
            )
            for item in items
        ]
    return tuple(items)


def regular_minutes(**changes) -> MinutesDocument:
    doc = MinutesDocument(
        meta=meta(),
        subtitle=REGULAR_SUBTITLE,
        held_on=HELD_ON,
        start_time=time(8, 0),
        end_time=time(10, 0),
        place="Hội trường văn hóa Ấp Tân Phú",
        chair=PersonRef(CHAIR, "Bí thư chi bộ"),
        secretary=PersonRef(SECRETARY, "Chi ủy viên"),
        guests=(PersonRef("Lê Hoàng Nam", "Đảng ủy viên, Đảng ủy xã Phú Hữu"),),
        attendance=ATTENDANCE,
        study_topic=TOPIC,
        study_section=SECTION,
        items=regular_items(),
        resolution=(
            "Chi bộ thống nhất phương hướng nhiệm vụ tháng 4/2026: tập trung chăm sóc "
            "vườn cây ăn trái, phòng chống hạn mặn; hoàn thành làm mới 500 m đường."
        ),
        vote=Vote(in_favour=20, against=0, other=0, voters=20),
        tasks=(
            TaskLine("Lê Minh Tâm", "Vận động hộ nghèo tham gia tổ hợp tác", date(2026, 4, 30)),
            TaskLine("Phạm Văn Sáu", "Theo dõi việc làm đường giao thông", date(2026, 4, 15)),
        ),
        minutes_read_at=time(9, 50),
        approved=True,
    )
    return replace(doc, **changes)


def draft_minutes() -> MinutesDocument:
    return regular_minutes(meta=meta(number="", draft=True), approved=False, minutes_read_at=None)


def long_minutes() -> MinutesDocument:
    """Sixty remarks (ten on each of six items): runs over several pages."""
    return regular_minutes(items=regular_items(remarks_per_item=10))


def thematic_minutes(held_on: date = date(2026, 3, 20)) -> MinutesDocument:
    items = (
        MinutesItem(1, "Tuyên bố lý do, giới thiệu đại biểu", CHAIR),
        MinutesItem(
            2,
            f"Sinh hoạt chuyên đề: {THEME}",
            "Lê Minh Tâm",
            content="Đồng chí Lê Minh Tâm trình bày chuyên đề đã được chi ủy thông qua.",
            remarks=(Remark("Phạm Văn Sáu", "Cần nêu gương trong việc hiến đất làm đường."),),
        ),
        MinutesItem(3, "Thảo luận, kết luận", CHAIR),
    )
    return regular_minutes(
        meta=DocumentMeta(cell=CELL, issued_on=held_on, number="06"),
        subtitle=THEMATIC_SUBTITLE,
        held_on=held_on,
        start_time=time(14, 30),
        end_time=time(16, 45),
        items=items,
        study_topic="",
        study_section="",
        guests=(),
        tasks=(),
        minutes_read_at=time(16, 30),
    )


def agenda(**changes) -> AgendaDocument:
    doc = AgendaDocument(
        meta=meta(number=""),
        subtitle=REGULAR_SUBTITLE,
        planned_on=HELD_ON,
        start_time=time(8, 0),
        place="Hội trường văn hóa Ấp Tân Phú",
        items=tuple(
            MinutesItem(number=n, title=title, presenter=presenter)
            for n, (title, presenter) in enumerate(AGENDA_TITLES, start=1)
        ),
        study_topic=TOPIC,
        study_section=SECTION,
    )
    return replace(doc, **changes)


def thematic_agenda() -> AgendaDocument:
    return agenda(
        subtitle=THEMATIC_SUBTITLE,
        theme=THEME,
        theme_presenter="Lê Minh Tâm",
        study_topic="",
        study_section="",
        items=(
            MinutesItem(1, "Tuyên bố lý do, giới thiệu đại biểu", CHAIR),
            MinutesItem(2, "Trình bày chuyên đề", "Lê Minh Tâm"),
            MinutesItem(3, "Thảo luận, kết luận", CHAIR),
        ),
    )


def notice(**changes) -> NoticeDocument:
    doc = NoticeDocument(
        meta=meta(number="03"),
        subtitle=REGULAR_SUBTITLE,
        planned_on=HELD_ON,
        start_time=time(8, 0),
        place="Hội trường văn hóa Ấp Tân Phú",
        content_lines=(
            "Đánh giá kết quả thực hiện nhiệm vụ tháng 02/2026",
            f"{STUDY_TITLE}: {SECTION}",
            "Phương hướng nhiệm vụ tháng 4/2026",
        ),
        recipients=(
            "Đảng ủy xã Phú Hữu (để báo cáo);",
            "Đồng chí đảng ủy viên phụ trách chi bộ;",
            "Đảng viên trong chi bộ;",
        ),
        secretary_name=CHAIR,
    )
    return replace(doc, **changes)
