"""What the sample cell's meetings say (nội dung sinh hoạt chi bộ mẫu), month by month.

Invented but plausible for a rural hamlet of Cần Thơ (former Hậu Giang): the year's work
runs through it (a concrete road along the canal, river-bank erosion in the rainy season,
vaccination, security, the rice harvests, Khmer festivals, Tết, the year-end review).
Content is keyed by calendar month so that each month reads right whatever the demo year
is; no sentence names a year. The months and the quarters' thematic meetings are data
(``resources/demo/meetings.json``); the fixed phrases and the wording that depends on a
member or a date stay here. ``demo.meetings`` turns it into meetings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from desktop.models import EventKind, MemberEvent
from desktop.paths import resource
from desktop.text import short_date
from desktop.text.dates import month_text


@dataclass(frozen=True)
class DemoTask:
    """A task given at the meeting; with ``late_note`` it is not done at the first review."""

    assignee: str
    description: str
    days: int  # due this many days after the meeting
    done_note: str
    late_note: str = ""


@dataclass(frozen=True)
class MonthPlan:
    news: str  # Thông tin thời sự, văn bản cấp trên
    last_month: str  # Đánh giá kết quả tháng trước
    next_month: str  # Phương hướng nhiệm vụ tháng tới; its first clause is the month's focus
    lien_he: str  # how the month's study section is tied to the hamlet's work
    remarks: tuple[tuple[str, str], ...]  # (speaker, what was said)
    resolution: str
    tasks: tuple[DemoTask, ...]
    absent: tuple[tuple[str, str], ...]  # (member, reason): vắng có lý do
    other_vote: bool = False  # one "ý kiến khác" in the vote


@dataclass(frozen=True)
class Theme:
    """A quarter's thematic meeting (sinh hoạt chuyên đề) and who prepared it."""

    title: str
    presenter: str
    content: str
    remarks: tuple[tuple[str, str], ...]
    resolution: str


TOPIC_TITLE = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự "
    "cường, phát huy sức dân xây dựng nông thôn mới kiểu mẫu, giữ gìn bờ sông, kênh rạch "
    "xanh, sạch, đẹp"
)

# One section per monthly meeting: twelve held and the one planned this month.
TOPIC_SECTIONS = (
    "Sự cần thiết học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí "
    "tự lực, tự cường trong xây dựng quê hương",
    "Tư tưởng Hồ Chí Minh về phát huy sức dân: “Dễ trăm lần không dân cũng chịu, khó vạn "
    "lần dân liệu cũng xong”",
    "Tấm gương cần, kiệm, liêm, chính, chí công vô tư của Chủ tịch Hồ Chí Minh",
    "Tư tưởng Hồ Chí Minh về đại đoàn kết: đoàn kết trong chi bộ, giữa đồng bào Kinh, "
    "Khmer, Hoa và các tôn giáo trên địa bàn ấp",
    "Bác Hồ với nông dân: phát triển kinh tế hộ, chuyển đổi cây trồng, vật nuôi",
    "Phát huy dân chủ ở cơ sở: dân biết, dân bàn, dân làm, dân kiểm tra, dân thụ hưởng "
    "trong xây dựng nông thôn mới kiểu mẫu",
    "Tư tưởng Hồ Chí Minh về bảo vệ môi trường, trồng cây; giữ gìn kênh rạch, phòng chống "
    "sạt lở bờ sông",
    "Trách nhiệm nêu gương của đảng viên ở khu dân cư: “Trên trước, dưới sau”, “Nói đi đôi "
    "với làm”",
    "Tư tưởng Hồ Chí Minh về chăm lo sức khỏe nhân dân, giữ gìn vệ sinh phòng bệnh",
    "Bác Hồ với thế hệ trẻ: chăm lo giáo dục, bồi dưỡng thế hệ cách mạng cho đời sau",
    "Tư tưởng Hồ Chí Minh về giữ gìn an ninh trật tự, xây dựng khu dân cư an toàn",
    "Đảng viên thực hiện bản cam kết tu dưỡng, rèn luyện, phấn đấu: “Tự soi, tự sửa”",
    "Sơ kết học tập và làm theo chuyên đề; nhân rộng gương người tốt, việc tốt ở ấp Tân Phú",
)

GUEST_REMARK = (
    "Ghi nhận chi bộ đã lãnh đạo thực hiện tốt nghị quyết tháng trước; đề nghị chi bộ tập "
    "trung {focus}; nâng cao chất lượng sinh hoạt, mỗi đảng viên phát huy vai trò nêu gương "
    "ở khu dân cư."
)

THEME_GUEST_REMARK = (
    "Đánh giá cao sự chuẩn bị của đồng chí {presenter}; đề nghị mỗi đảng viên cụ thể hóa nội "
    "dung chuyên đề bằng việc làm thiết thực ở khu dân cư, chi bộ đưa vào nghị quyết để kiểm "
    "tra, đôn đốc."
)

# The lines every meeting has (điều hành buổi sinh hoạt).
SECRETARY_CHOSEN = "Chi bộ thống nhất cử đồng chí {name}, Chi ủy viên, làm thư ký buổi sinh hoạt."
ROLL_CALL = "Có mặt {present}/{expected} đồng chí, đủ điều kiện tiến hành buổi sinh hoạt."
AGENDA_ADOPTED = "Chi bộ thống nhất thông qua chương trình buổi sinh hoạt."
CONCLUDED = "Đồng chí chủ trì kết luận; chi bộ biểu quyết thông qua nghị quyết."
MINUTES_READ = "Thư ký đọc lại biên bản; chi bộ thống nhất thông qua."
DUES = (
    "Thu đảng phí tháng {month}/{year} của các đồng chí có mặt; các đồng chí vắng nộp qua tổ "
    "đảng trong tháng."
)
NO_ADMISSION = "Không có."
SCORE_GOOD = "Chi bộ tự đánh giá buổi sinh hoạt đạt loại tốt: nội dung sát thực tế, nhiều ý kiến."
SCORE_THEMATIC = "Chi bộ tự đánh giá buổi sinh hoạt chuyên đề đạt yêu cầu, nội dung thiết thực."
STUDY = (
    "Truyền đạt nội dung “{section}”, nêu những việc đảng viên cần làm ở khu dân cư. Liên hệ "
    "thực tế ấp Tân Phú: {lien_he}"
)
STUDY_ROUND_OPENED = (
    "Học tập, quán triệt chuyên đề năm của Đảng ủy xã; các đồng chí vắng học bù tại buổi "
    "sinh hoạt sau."
)
STUDIED_ABOVE_NOTE = "Dự hội nghị học tập, quán triệt chuyên đề do Đảng ủy xã tổ chức"
NEWCOMER_NOTE = "Đảng viên mới kết nạp học tập bù"


def opening(kind: str, month: int, year: int, guest_name: str = "", guest_post: str = "") -> str:
    """Tuyên bố lý do, giới thiệu đại biểu."""
    text = f"Tuyên bố lý do buổi sinh hoạt chi bộ {kind} tháng {month_text(month)}/{year}"
    if guest_name:
        text += f"; giới thiệu đồng chí {guest_name}, {guest_post}, cán bộ phụ trách chi bộ, "
        text += "đến dự và chỉ đạo"
    return text + "."


def admission(event: MemberEvent, name: str, mentor: str, issuer: str) -> str:
    """Công bố quyết định kết nạp at the first meeting after it."""
    return (
        f"Công bố Quyết định số {event.decision_number} ngày {short_date(event.happened_on)} "
        f"của {event.issuer or issuer} kết nạp đồng chí {name} vào Đảng; chi bộ phân công "
        f"đồng chí {mentor} giúp đỡ đảng viên dự bị."
    )


def roster_note(event: MemberEvent, name: str) -> str:
    """A change in the roll, told under "Đánh giá kết quả tháng trước"; "" for others."""
    on = short_date(event.happened_on)
    if event.kind == EventKind.TRANSFER_IN and event.temporary:
        return f"Chi bộ tiếp nhận đồng chí {name} đến sinh hoạt đảng tạm thời ({event.detail})."
    if event.kind == EventKind.TRANSFER_OUT and event.temporary:
        return f"Chi bộ giới thiệu đồng chí {name} đi sinh hoạt đảng tạm thời tại {event.detail}."
    if event.kind == EventKind.TRANSFER_OUT:
        return f"Chi bộ đã chuyển sinh hoạt đảng chính thức cho đồng chí {name} đến {event.detail}."
    if event.kind == EventKind.DECEASED:
        return (
            f"Đồng chí {name} từ trần ngày {on}; chi bộ đã cùng gia đình tổ chức lễ tang chu đáo."
        )
    if event.kind == EventKind.BADGE:
        return f"Đồng chí {name} được trao Huy hiệu {event.badge_years} năm tuổi Đảng ngày {on}."
    return ""


def guest_remark(next_month: str) -> str:
    """What the superior's cadre says: the month's first direction is the focus."""
    focus = next_month.split(";")[0]
    return GUEST_REMARK.format(focus=focus[:1].lower() + focus[1:])


# Who helps a member newly admitted in the demo year (đảng viên giúp đỡ đảng viên dự bị).
MENTORS = {"Trương Chí Cường": "Quách Mỹ Linh", "Nguyễn Thị Thu Trang": "Trần Thị Hồng Nhung"}

@dataclass(frozen=True)
class RatingStep:
    """What the year-end review adds to a month's meeting (``rating_meeting`` in the data):
    ``before`` to the meeting that hands out the self-review forms, ``at`` to the meeting
    that hears the self-reviews and votes the proposals (docs/domain.md: self-reviews, the
    cell's meeting, its vote, the superior's decision)."""

    next_month: str
    remark: tuple[str, str]
    resolution: str
    task: DemoTask
    last_month: str = ""


def with_rating_step(plan: MonthPlan, step: RatingStep, *, at: bool) -> MonthPlan:
    """``plan`` with the year-end review's part: at the rating meeting its direction comes
    first and its conclusion is a paragraph of its own; the meeting before adds the
    self-reviews to its directions and to its resolution."""
    if at:
        return replace(
            plan,
            last_month=f"{plan.last_month} {step.last_month}".strip(),
            next_month=f"{step.next_month}; {plan.next_month[:1].lower()}{plan.next_month[1:]}",
            remarks=(step.remark, *plan.remarks),
            resolution=f"{plan.resolution}\n{step.resolution}",
            tasks=(step.task, *plan.tasks),
        )
    return replace(
        plan,
        next_month=f"{plan.next_month.rstrip('.')}; {step.next_month}.",
        remarks=(step.remark, *plan.remarks),
        resolution=f"{plan.resolution.rstrip('.')}; {step.resolution}.",
        tasks=(step.task, *plan.tasks),
    )


def _load_rating_steps(raw: dict) -> tuple[RatingStep, RatingStep]:
    def step(item: dict) -> RatingStep:
        return RatingStep(
            next_month=item["next_month"],
            remark=(item["remark"]["speaker"], item["remark"]["said"]),
            resolution=item["resolution"],
            task=DemoTask(**item["task"]),
            last_month=item.get("last_month", ""),
        )

    return step(raw["before"]), step(raw["at"])


def _load() -> tuple[dict[int, MonthPlan], tuple[Theme, ...], tuple[RatingStep, RatingStep]]:
    """The month-by-month content, kept as data in ``resources/demo/meetings.json``."""
    raw = json.loads(resource("demo", "meetings.json").read_text(encoding="utf-8"))

    def remarks(items: list[dict]) -> tuple[tuple[str, str], ...]:
        return tuple((item["speaker"], item["said"]) for item in items)

    months = {
        int(month): MonthPlan(
            news=plan["news"],
            last_month=plan["last_month"],
            next_month=plan["next_month"],
            lien_he=plan["lien_he"],
            remarks=remarks(plan["remarks"]),
            resolution=plan["resolution"],
            tasks=tuple(DemoTask(**task) for task in plan["tasks"]),
            absent=tuple((item["member"], item["reason"]) for item in plan["absent"]),
            other_vote=plan.get("other_vote", False),
        )
        for month, plan in raw["months"].items()
    }
    themes = tuple(
        Theme(
            title=theme["title"],
            presenter=theme["presenter"],
            content=theme["content"],
            remarks=remarks(theme["remarks"]),
            resolution=theme["resolution"],
        )
        for theme in raw["themes_by_quarter"]
    )
    return months, themes, _load_rating_steps(raw["rating_meeting"])


# THEMES by quarter of the calendar year (0 = quý I)
MONTHS, THEMES, (RATING_BEFORE, RATING_AT) = _load()
