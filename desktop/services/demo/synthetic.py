"""Synthetic cells (chi bộ giả lập) of any size, for benchmarks of lists, search and printing.

Names are drawn from the common Vietnamese family names with realistic weights, middle
names by gender, and given names that use every tone mark, so that sorting and
accent-insensitive search are exercised. Everything comes from one seeded generator:
the same ``count``, ``seed`` and ``today`` give the same cell.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import islice
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.models import Cell, EventKind, Gender, Member, MemberEvent, ReviewGroup
from desktop.services.demo.builder import add_years, badge_ceremony
from desktop.errors import DomainError
from desktop.services.members.events import BADGE_YEARS, EventData
from desktop.services.members.registry import PLAIN_FIELDS, MemberData
from desktop.storage.database import Database
from desktop.text.dates import PartialDate

# Family names (họ) with rough shares in percent, most common first.
FAMILY_NAMES = {
    name: float(share)
    for name, share in (
        pair.split(":")
        for pair in (
            "Nguyễn:38 Trần:11 Lê:9.5 Phạm:7 Phan:4.5 Huỳnh:3 Hoàng:2.5 Vũ:2 Võ:2 Đặng:2 Bùi:2 "
            "Đỗ:1.5 Hồ:1.3 Ngô:1.3 Dương:1 Đinh:0.6 Trương:0.6 Lý:0.5 Lâm:0.5 Mai:0.5 Đoàn:0.5 "
            "Lương:0.4 Trịnh:0.4 Cao:0.3 Tạ:0.3 Châu:0.3 Tô:0.3 Hà:0.3 Thạch:0.3 Quách:0.2 "
            "Kiều:0.2 Lưu:0.2 Tăng:0.2 Sơn:0.2 Danh:0.2 Thái:0.2 Chu:0.2 Kim:0.1 La:0.1 "
            "Triệu:0.1 Mạc:0.1 Khổng:0.1 Âu:0.1 Ông:0.1 Diệp:0.1 Giang:0.1 Tiêu:0.1 Hứa:0.1 "
            "Nghiêm:0.1 Lục:0.1"
        ).split()
    )
}
# Repeats weight the commonest middle names (Văn, Thị).
MALE_MIDDLE = tuple(
    "Văn,Văn,Văn,Hữu,Đức,Minh,Thanh,Quốc,Công,Ngọc,Xuân,Hoàng,Đình,Quang,Trọng,Tấn,Chí,"
    "Thành,Phước,Hồng".split(",")
)
FEMALE_MIDDLE = tuple(
    "Thị,Thị,Thị,Thị Kim,Thị Ngọc,Thị Thu,Thị Mỹ,Thị Thanh,Thị Bích,Thị Hồng,Ngọc,Thanh,"
    "Thùy,Kim,Bích,Phương,Mỹ,Hồng".split(",")
)
# Every tone: ngang (Lan), huyền (Hà), sắc (Ánh), hỏi (Thủy), ngã (Dũng), nặng (Hạnh).
MALE_GIVEN = tuple(
    "Thắng Hùng Dũng Tuấn Hải Sơn Lộc Phúc Nghĩa Tài Bảy Út Hiếu Cường Khôi Vĩnh Trí Lực Tú "
    "Hòa Đạt Quý Hưng Việt Nam Long Kiên Tâm Thuận Phước Lợi Toàn Mạnh Khải Vũ Bình An Huy "
    "Nhân Đông Kỳ Chiến Thịnh Hậu Lãm Tấn Quảng Dương Sĩ Nghị Ẩn Mẫn Triều Lễ Ngữ Đỉnh".split()
)
FEMALE_GIVEN = tuple(
    "Lan Hồng Hương Nhung Trang Hà Yến Hạnh Linh Mai Thảo Ngân Thủy Diễm Loan Nguyệt Phượng "
    "Tuyết Xuân Cúc Huệ Nga Oanh Bích Hằng Vân Dung Quyên Ánh Ngọc Thắm Liễu Hiền Duyên Kiều "
    "Nhàn Trinh Thư Vy Lụa Đào Ý Nữ Mỹ Hảo".split()
)
COMMUNES = (
    "xã Long Thạnh, thành phố Cần Thơ",
    "phường An Bình, thành phố Cần Thơ",
    "xã Vĩnh Tường, thành phố Cần Thơ",
    "xã Mỹ Xuyên, thành phố Cần Thơ",
    "xã Tân Hòa, tỉnh Vĩnh Long",
    "xã Hải Hậu, tỉnh Ninh Bình",
    "xã Diễn Châu, tỉnh Nghệ An",
    "phường Phú Lợi, Thành phố Hồ Chí Minh",
)
# (nghề nghiệp, nhóm kiểm điểm, weight)
OCCUPATIONS = (
    ("Hưu trí", ReviewGroup.C, 30),
    ("Nông dân", ReviewGroup.C, 25),
    ("Buôn bán", ReviewGroup.C, 15),
    ("Công nhân", ReviewGroup.C, 10),
    ("Giáo viên", ReviewGroup.B, 6),
    ("Cán bộ xã", ReviewGroup.A, 5),
    ("Kinh doanh", ReviewGroup.C, 4),
    ("Công an xã", ReviewGroup.B, 3),
    ("Y sĩ", ReviewGroup.B, 2),
)
ETHNICITIES = (("Kinh", 92), ("Khmer", 5), ("Hoa", 3))
RELIGIONS = (
    ("Không", 80),
    ("Phật giáo", 12),
    ("Công giáo", 4),
    ("Cao Đài", 2),
    ("Phật giáo Hòa Hảo", 2),
)
EDUCATION = ("12/12", "12/12", "12/12", "9/12", "10/10", "7/10")
THEORY = ("", "Sơ cấp", "Sơ cấp", "Trung cấp", "Cao cấp")
AWARDS = ("Giấy khen", "Bằng khen", "Giấy khen")
ISSUER = "Đảng ủy phường An Bình"
NOT_EMPTY = "Dữ liệu đã có đảng viên; chỉ tạo chi bộ giả lập trong thư mục dữ liệu trống."


def synthetic_members(
    count: int, seed: int = 1, today: date | None = None
) -> Iterator[tuple[MemberData, list[EventData]]]:
    """``count`` members, each with its whole event history (kết nạp and chính thức included;
    ``MemberData.admitted_on`` / ``official_on`` repeat those two dates)."""
    today = today or date.today()
    rng = random.Random(seed)
    families, family_weights = zip(*FAMILY_NAMES.items(), strict=True)
    cards = rng.sample(range(10**12), count)
    for index in range(count):
        yield _one(rng, today, index, rng.choices(families, family_weights)[0], cards[index])


def _one(
    rng: random.Random, today: date, index: int, family: str, card: int
) -> tuple[MemberData, list[EventData]]:
    female = rng.random() < 0.38
    middle = rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
    given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
    age = rng.choices((rng.randint(24, 59), rng.randint(60, 92)), (60, 40))[0]
    birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
    # Elderly records often keep the year of birth only.
    if age > 75 and rng.random() < 0.4:
        birth_date = PartialDate(birth.year)
    else:
        birth_date = PartialDate.from_date(birth)
    admitted = add_years(birth, rng.randint(19, min(40, age - 1))) + timedelta(
        days=rng.randint(0, 300)
    )
    admitted = min(admitted, today - timedelta(days=rng.randint(20, 400)))
    occupation, group, _ = rng.choices(OCCUPATIONS, [o[2] for o in OCCUPATIONS])[0]
    if age >= 62:
        occupation, group = "Hưu trí", ReviewGroup.C
    events = _history(rng, today, admitted, age)
    data = MemberData(
        full_name=f"{family} {middle} {given}",
        gender=(Gender.FEMALE if female else Gender.MALE).value,
        birth_date=birth_date,
        ethnicity=_weighted(rng, ETHNICITIES),
        religion=_weighted(rng, RELIGIONS),
        hometown=rng.choice(COMMUNES),
        residence=f"Khu vực {index % 12 + 1}, {COMMUNES[1]}",
        citizen_id=_citizen_id(rng, female, birth.year),
        card_number=f"{card:012d}",
        education=rng.choice(EDUCATION),
        political_theory=rng.choice(THEORY),
        occupation=occupation,
        review_group=group.value,
        phone=f"09{rng.randrange(10**8):08d}" if rng.random() < 0.8 else "",
        works_far_away=age < 45 and rng.random() < 0.05,
        admitted_on=admitted,
        official_on=next((e.happened_on for e in events if e.kind == EventKind.OFFICIAL), None),
    )
    return data, events


def _history(rng: random.Random, today: date, admitted: date, age: int) -> list[EventData]:
    events = [EventData(EventKind.ADMITTED.value, admitted, f"{rng.randint(1, 400)}-QĐ/HU")]
    official = add_years(admitted, 1) + timedelta(days=rng.randint(3, 60))
    if official <= today:
        events.append(EventData(EventKind.OFFICIAL.value, official))
    for years in BADGE_YEARS:
        ceremony = badge_ceremony(add_years(admitted, years))
        if ceremony >= today - timedelta(days=30):
            break
        if rng.random() < 0.95:
            events.append(
                EventData(
                    EventKind.BADGE.value,
                    ceremony,
                    badge_years=years,
                    detail=f"Huy hiệu {years} năm tuổi Đảng",
                )
            )
    if rng.random() < 0.1 and official <= today - timedelta(days=400):
        events.append(
            EventData(
                EventKind.AWARD.value,
                _between(rng, official, today),
                issuer=ISSUER,
                detail=rng.choice(AWARDS),
            )
        )
    if rng.random() < 0.01 and official <= today - timedelta(days=400):
        events.append(
            EventData(
                EventKind.DISCIPLINE.value,
                _between(rng, official, today),
                issuer=ISSUER,
                detail="Khiển trách",
            )
        )
    situation = rng.random()
    start = max(admitted + timedelta(days=30), today - timedelta(days=3 * 365))
    if age >= 78 and situation < 0.3:
        events.append(
            EventData(
                EventKind.EXEMPTED.value, _between(rng, start, today), note="Tuổi cao, sức khỏe yếu"
            )
        )
    elif age >= 80 and situation < 0.35:
        events.append(EventData(EventKind.DECEASED.value, _between(rng, start, today)))
    elif situation < 0.03:
        events.append(
            EventData(
                EventKind.TRANSFER_OUT.value,
                _between(rng, start, today),
                temporary=True,
                until=today + timedelta(days=rng.randint(30, 300)),
                detail="Chi bộ Khu phố 2, Đảng bộ phường Phú Lợi",
            )
        )
    elif situation < 0.05:
        events.append(
            EventData(
                EventKind.TRANSFER_IN.value,
                _between(rng, start, today),
                temporary=True,
                until=today + timedelta(days=rng.randint(30, 300)),
                detail="Chi bộ Công ty Xây dựng Thành Công",
            )
        )
    elif situation < 0.07:
        events.append(
            EventData(
                EventKind.TRANSFER_OUT.value,
                _between(rng, start, today),
                detail="Chi bộ Ấp Tân Phú, Đảng bộ xã Long Thạnh",
            )
        )
    return events


def _between(rng: random.Random, start: date, end: date) -> date:
    if end <= start:
        return end
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _citizen_id(rng: random.Random, female: bool, birth_year: int) -> str:
    century_digit = (birth_year // 100 - 19) * 2 + int(female)
    return f"092{century_digit}{birth_year % 100:02d}{rng.randrange(10**6):06d}"


def fill_synthetic_cell(db: Database, count: int, seed: int = 1, today: date | None = None) -> None:
    """Insert ``count`` synthetic members into an empty data folder, in one transaction."""
    today = today or date.today()
    with db.session() as session:
        if session.scalar(select(func.count(Member.id))):
            raise DomainError(NOT_EMPTY)
        if session.scalar(select(Cell).limit(1)) is None:
            session.add(
                Cell(
                    name="Khu vực 5",
                    superior_name="Đảng bộ phường An Bình",
                    place_name="An Bình",
                    term="2025 – 2030",
                )
            )
        add_synthetic_members(session, count, seed=seed, today=today)


def add_synthetic_members(
    session: Session,
    count: int,
    *,
    seed: int = 1,
    today: date | None = None,
    avoid_names: frozenset[str] = frozenset(),
) -> None:
    """Add ``count`` synthetic members inside ``session`` (no commit), after any member
    already there. Names in ``avoid_names`` are skipped, so that a hand-made cell (the
    sample cell's 25, whose stories are told by name) keeps its people unique."""
    today = today or date.today()
    now = datetime.now().replace(microsecond=0)
    first_id = (session.scalar(select(func.max(Member.id))) or 0) + 1
    member_rows, event_rows = [], []
    # Ids are assigned here so that events can point at their member without a
    # round trip per row: the whole cell goes in as two executemany statements.
    people = synthetic_members(count + len(avoid_names), seed, today)
    unique = (pair for pair in people if pair[0].full_name not in avoid_names)
    for member_id, (data, events) in enumerate(islice(unique, count), first_id):
        row = {name: getattr(data, name) for name in PLAIN_FIELDS}
        row.update(id=member_id, created_at=now, updated_at=now, deleted_at=None)
        member_rows.append(row)
        event_rows.extend(dict(vars(e), member_id=member_id, created_at=now) for e in events)
    if not member_rows:
        return
    # Core inserts, not ORM bulk inserts: the ORM splits the batch wherever a row has a
    # None in another column, which made 10,000 members take thousands of statements.
    session.execute(insert(Member.__table__), member_rows)
    session.execute(insert(MemberEvent.__table__), event_rows)
