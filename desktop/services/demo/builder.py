"""The sample cell (chi bộ mẫu): a fictional hamlet cell to try the app and to screenshot.

"Chi bộ Ấp Tân Phú" of "Đảng bộ xã Long Thạnh" and its 25 members are invented; any
likeness to real people is accidental. Every date is counted back from ``today`` so that
the reminders (probation ending, party-age badges) stay meaningful in any year, and
nothing is random, so tests and screenshots are stable.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from desktop.models import Cell, EventKind, Gender, Member, MemberEvent, PartyPost, ReviewGroup
from desktop.services.cell.numbering import TERM_STARTS_KEY
from desktop.services.cell.settings import write_setting
from desktop.services.demo.dues import load_demo_dues
from desktop.services.demo.identity import CELL_NAME, PLACE_NAME, SUPERIOR_NAME, TERM
from desktop.services.demo.meetings import SharedSession, demo_congress, load_demo_meetings
from desktop.services.demo.reviews import load_demo_reviews
from desktop.errors import DomainError
from desktop.services.members.events import BADGE_YEARS
from desktop.storage.database import Database
from desktop.text.dates import PartialDate


COMMUNE = "xã Long Thạnh, thành phố Cần Thơ"
COMMUNE_PARTY = "Ban Thường vụ Đảng ủy xã Long Thạnh"
CELL_ISSUER = "Chi bộ Ấp Tân Phú"
BADGE_ISSUER = "Ban Thường vụ Thành ủy Cần Thơ"
# Huy hiệu Đảng are handed over on these anniversaries (3/2, 19/5, 2/9, 7/11).
BADGE_DAYS = ((2, 3), (5, 19), (9, 2), (11, 7))

NOT_EMPTY = "Dữ liệu đã có đảng viên; chỉ nạp chi bộ mẫu vào thư mục dữ liệu trống."
CELL_ALREADY_SET = "Dữ liệu đã có thông tin chi bộ; chỉ nạp chi bộ mẫu vào thư mục dữ liệu trống."

MALE, FEMALE = Gender.MALE.value, Gender.FEMALE.value


def load_demo(db: Database, today: date | None = None, members: int | None = None) -> None:
    """Fill an empty data folder with the sample cell, its year of meetings and its review
    season, in one transaction: if anything fails, nothing is written.

    ``members`` (at least the sample's own 25) makes a cell of that size: the sample's
    people and their stories, plus synthetic members (``demo.synthetic``) who attend the
    meetings and go through the review season like everyone else."""
    today = today or date.today()
    people = _demo_members(today)
    if members is not None and members < len(people):
        raise DomainError(f"Chi bộ mẫu có ít nhất {len(people)} đảng viên (đang đặt: {members}).")
    with db.session() as session:
        if session.scalar(select(func.count(Member.id))):
            raise DomainError(NOT_EMPTY)
        cell = session.scalar(select(Cell).limit(1))
        if cell is not None and cell.name.strip():
            raise DomainError(CELL_ALREADY_SET)
        if cell is None:
            cell = Cell()
            session.add(cell)
        cell.name, cell.superior_name = CELL_NAME, SUPERIOR_NAME
        cell.place_name, cell.term = PLACE_NAME, TERM
        write_setting(session, TERM_STARTS_KEY, demo_congress(today).isoformat())
        session.add_all(people)
        session.flush()
        if members is not None and members > len(people):
            from desktop.services.demo.synthetic import add_synthetic_members  # imports us

            names = frozenset(person.full_name for person in people)
            add_synthetic_members(session, members - len(people), today=today, avoid_names=names)
        load_demo_meetings(SharedSession(session), today)
        load_demo_reviews(SharedSession(session), today)
        load_demo_dues(SharedSession(session), today)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/2 in a year that has none
        return day.replace(year=day.year + years, day=28)


def badge_ceremony(anniversary: date) -> date:
    """The first badge-awarding day on or after the anniversary."""
    for month, day in BADGE_DAYS:
        candidate = date(anniversary.year, month, day)
        if candidate >= anniversary:
            return candidate
    return date(anniversary.year + 1, *BADGE_DAYS[0])


def _event(kind: EventKind, on: date, **columns) -> MemberEvent:
    return MemberEvent(kind=kind.value, happened_on=on, **columns)


def _career(
    admitted_on: date,
    today: date,
    *,
    official: bool = True,
    badges_up_to: int = 0,
    number: str = "",
    issuer: str = "",
) -> list[MemberEvent]:
    """Kết nạp, công nhận chính thức a year later, and the badges already received."""
    events = [_event(EventKind.ADMITTED, admitted_on, decision_number=number, issuer=issuer)]
    if official:
        events.append(_event(EventKind.OFFICIAL, add_years(admitted_on, 1) + timedelta(days=12)))
    for years in BADGE_YEARS:
        ceremony = badge_ceremony(add_years(admitted_on, years))
        if years <= badges_up_to and ceremony <= today:
            events.append(
                _event(
                    EventKind.BADGE,
                    ceremony,
                    badge_years=years,
                    issuer=BADGE_ISSUER,
                    detail=f"Huy hiệu {years} năm tuổi Đảng",
                )
            )
    return events


def _citizen_id(gender: str, birth_year: int, serial: int, province: str = "092") -> str:
    """Số CCCD: province of birth, century-and-gender digit, year of birth, serial."""
    century_digit = (birth_year // 100 - 19) * 2 + (1 if gender == FEMALE else 0)
    return f"{province}{century_digit}{birth_year % 100:02d}{serial:06d}"


def _member(
    full_name: str,
    gender: str,
    birth: PartialDate,
    card_number: str,
    events: list[MemberEvent],
    *,
    serial: int,
    province: str = "092",
    hamlet_group: int = 1,
    **fields,
) -> Member:
    defaults = {
        "hometown": COMMUNE,
        "residence": f"Tổ {hamlet_group}, ấp Tân Phú, {COMMUNE}",
        "review_group": ReviewGroup.C.value,
        "education": "12/12",
    }
    return Member(
        full_name=full_name,
        gender=gender,
        birth_date=birth,
        card_number=card_number,
        citizen_id=_citizen_id(gender, birth.year, serial, province),
        events=events,
        **{**defaults, **fields},
    )


def _demo_members(today: date) -> list[Member]:
    """The 25 members of the sample cell with their histories, relative to ``today``."""
    y = today.year

    def on(years_back: int, month: int, day: int) -> date:
        return date(y - years_back, month, day)

    def born(years_back: int, month: int | None = None, day: int | None = None) -> PartialDate:
        return PartialDate(y - years_back, month, day)

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    # A hand-laid table of people: one call per member, kept out of the formatter's way.
    # fmt: off
    members = [
        # Bí thư; 30 năm tuổi Đảng this year.
        _member(
            "Nguyễn Văn Thắng", MALE, born(58, 3, 15), "092004513027",
            _career(on(30, 8, 26), today, number="312-QĐ/HU") + [
                _event(EventKind.AWARD, on(1, 1, 20), detail="Giấy khen",
                       issuer="Ban Chấp hành Đảng bộ xã Long Thạnh",
                       note="Đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền"),
            ],
            serial=104512, hamlet_group=2, party_post=PartyPost.SECRETARY.value,
            other_posts="Trưởng ấp Tân Phú", occupation="Cán bộ ấp",
            review_group=ReviewGroup.A.value, political_theory="Trung cấp",
            phone="0939412587",
        ),
        _member(
            "Trần Thị Hồng Nhung", FEMALE, born(47, 8, 20), "092007821346",
            _career(on(21, 5, 12), today, number="87-QĐ/HU") + [
                _event(EventKind.AWARD, on(2, 1, 15), detail="Giấy khen",
                       issuer="Ban Chấp hành Đảng bộ xã Long Thạnh",
                       note="Đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu"),
            ],
            serial=208813, party_post=PartyPost.DEPUTY.value, occupation="Giáo viên",
            profession="Cử nhân Sư phạm Tiểu học", workplace="Trường Tiểu học Long Thạnh",
            review_group=ReviewGroup.B.value, political_theory="Trung cấp",
            phone="0918330214",
        ),
        _member(
            "Lê Minh Tuấn", MALE, born(41, 1, 9), "092011047758",
            _career(on(15, 2, 3), today, number="154-QĐ/HU"),
            serial=301947, hamlet_group=3, party_post=PartyPost.COMMITTEE.value,
            occupation="Công an xã", workplace="Công an xã Long Thạnh",
            profession="Trung cấp Công an nhân dân", review_group=ReviewGroup.B.value,
            political_theory="Trung cấp", phone="0987115402",
        ),
        # Tuổi cao, miễn công tác và sinh hoạt đảng.
        _member(
            "Huỳnh Văn Bảy", MALE, born(84), "000196402318",
            _career(on(62, 9, 2), today, badges_up_to=60) + [
                _event(EventKind.EXEMPTED, on(2, 1, 10), decision_number="05-NQ/CB",
                       issuer=CELL_ISSUER,
                       note="Tuổi cao, sức khỏe yếu; chi bộ ra nghị quyết miễn công tác "
                            "và sinh hoạt đảng"),
            ],
            serial=5127, hamlet_group=1, occupation="Hưu trí", education="7/10",
            political_theory="Sơ cấp", other_posts="Cựu chiến binh",
        ),
        # 40 năm tuổi Đảng this year.
        _member(
            "Phạm Thị Lan", FEMALE, born(63, 6, 1), "000384110675",
            _career(on(40, 9, 2), today, badges_up_to=30),
            serial=11254, province="034", hamlet_group=2, hometown="xã Kiến Xương, tỉnh Hưng Yên",
            occupation="Hưu trí", other_posts="Nguyên giáo viên", education="10/10",
            profession="Trung cấp Sư phạm", political_theory="Sơ cấp", phone="0292388145",
        ),
        # 50 năm tuổi Đảng this year.
        _member(
            "Võ Văn Hai", MALE, born(78), "000251306142",
            _career(on(50, 5, 19), today, badges_up_to=45),
            serial=7315, hamlet_group=4, religion="Cao Đài", occupation="Hưu trí",
            education="10/10", political_theory="Sơ cấp",
        ),
        # 55 năm tuổi Đảng this year.
        _member(
            "Đỗ Đức Toàn", MALE, born(80), "000120958433",
            _career(on(55, 2, 3), today, badges_up_to=50),
            serial=2089, province="036", hamlet_group=3, other_name="Đỗ Văn Toàn",
            hometown="xã Hải Hậu, tỉnh Ninh Bình", occupation="Hưu trí",
            other_posts="Cựu chiến binh", education="7/10", political_theory="Trung cấp",
            phone="0292377612",
        ),
        _member(
            "Thạch Sô Phal", MALE, born(52, 4, 14), "092003269981",
            _career(on(24, 11, 7), today, number="201-QĐ/HU"),
            serial=450318, hamlet_group=5, ethnicity="Khmer", religion="Phật giáo",
            occupation="Nông dân", other_posts="Chi hội trưởng Chi hội Nông dân ấp",
            education="9/12", political_theory="Sơ cấp", phone="0945206318",
        ),
        _member(
            "Sơn Thị Sà Phanh", FEMALE, born(44, 12, 3), "092014502267",
            _career(on(12, 3, 8), today, number="66-QĐ/HU"),
            serial=512764, hamlet_group=5, ethnicity="Khmer", religion="Phật giáo",
            occupation="Buôn bán", other_posts="Chi hội trưởng Chi hội Phụ nữ ấp",
            education="9/12", political_theory="Sơ cấp", phone="0962840517",
        ),
        _member(
            "Quách Mỹ Linh", FEMALE, born(50, 7, 22), "092008830419",
            _career(on(18, 7, 1), today, number="140-QĐ/HU"),
            serial=390221, hamlet_group=1, ethnicity="Hoa", religion="Phật giáo",
            occupation="Buôn bán", other_posts="Tổ trưởng tổ tự quản", phone="0903517729",
        ),
        # Dự bị, kết nạp about five months ago.
        _member(
            "Trương Chí Cường", MALE, born(29, 10, 5), "092025001183",
            _career(ago(152), today, official=False, number="48-QĐ/ĐU", issuer=COMMUNE_PARTY),
            serial=804411, hamlet_group=1, ethnicity="Hoa", occupation="Buôn bán",
            profession="Cao đẳng Kế toán", phone="0976223048",
        ),
        _member(
            "Bùi Văn Toại", MALE, born(60, 10, 10), "000915027746",
            _career(on(28, 6, 10), today, number="98-QĐ/HU"),
            serial=236095, hamlet_group=4, religion="Công giáo", occupation="Nông dân",
            education="9/12", political_theory="Sơ cấp", phone="0919604482",
        ),
        _member(
            "Đặng Thị Mỹ Hạnh", FEMALE, born(38, 2, 27), "092016338520",
            _career(on(10, 9, 2), today, number="233-QĐ/HU"),
            serial=671903, hamlet_group=2, religion="Phật giáo",
            occupation="Cán bộ Hội Liên hiệp Phụ nữ xã",
            workplace="Hội Liên hiệp Phụ nữ xã Long Thạnh", profession="Cử nhân Luật",
            review_group=ReviewGroup.B.value, political_theory="Trung cấp", phone="0939087215",
        ),
        # Badge 30 received; Hòa Hảo.
        _member(
            "Dương Văn Út", MALE, born(66, 5, 5), "000562194038",
            _career(on(35, 3, 26), today, badges_up_to=30),
            serial=172840, hamlet_group=5, religion="Phật giáo Hòa Hảo", occupation="Nông dân",
            education="7/12", political_theory="Sơ cấp",
        ),
        # Dự bị, kết nạp about eleven months ago: time to consider official recognition.
        _member(
            "Nguyễn Thị Thu Trang", FEMALE, born(27, 4, 2), "092024117650",
            _career(ago(335), today, official=False, number="31-QĐ/ĐU", issuer=COMMUNE_PARTY),
            serial=905127, hamlet_group=3, occupation="Giáo viên",
            profession="Cao đẳng Sư phạm Mầm non", workplace="Trường Mầm non Long Thạnh",
            review_group=ReviewGroup.B.value, phone="0868412396",
        ),
        # Giới thiệu sinh hoạt tạm thời đi: working in Thành phố Hồ Chí Minh for a while.
        _member(
            "Lê Văn Phúc", MALE, born(33, 11, 18), "092019640234",
            _career(on(8, 3, 26), today, number="45-QĐ/HU") + [
                _event(EventKind.TRANSFER_OUT, ago(120), temporary=True,
                       until=today + timedelta(days=240), decision_number="12-GGT/ĐU",
                       issuer=COMMUNE_PARTY,
                       detail="Chi bộ Công ty TNHH Giày da Phú An, Thành phố Hồ Chí Minh",
                       note="Đi làm việc theo hợp đồng có thời hạn"),
            ],
            serial=733016, hamlet_group=4, occupation="Công nhân", phone="0971538640",
        ),
        # Đi làm ăn xa: a flag, still on the roll here.
        _member(
            "Võ Thị Ngọc Hân", FEMALE, born(30, 9, 9), "092020975512",
            _career(on(6, 9, 2), today, number="190-QĐ/HU"),
            serial=840552, hamlet_group=4, occupation="Công nhân",
            workplace="Khu công nghiệp ở Thành phố Hồ Chí Minh", works_far_away=True,
            note="Về sinh hoạt khi nghỉ phép; báo cáo chi bộ qua điện thoại hằng tháng",
            phone="0357290184",
        ),
        # Sinh hoạt tạm thời here, from a company cell in Nghệ An.
        _member(
            "Hồ Quang Vinh", MALE, born(36, 12, 24), "040013582209",
            _career(on(11, 5, 19), today) + [
                _event(EventKind.TRANSFER_IN, ago(200), temporary=True,
                       until=today + timedelta(days=165), decision_number="27-GGT/ĐU",
                       detail="Chi bộ Công ty Cổ phần Xây dựng Sông Lam, tỉnh Nghệ An",
                       note="Thi công cầu Long Thạnh"),
            ],
            serial=618240, province="040", hamlet_group=2, hometown="xã Diễn Châu, tỉnh Nghệ An",
            residence=f"Nhà trọ tổ 2, ấp Tân Phú, {COMMUNE}", occupation="Kỹ sư xây dựng",
            profession="Kỹ sư Xây dựng cầu đường",
            workplace="Công ty Cổ phần Xây dựng Sông Lam", phone="0912604773",
        ),
        # Chuyển sinh hoạt đảng chính thức đi last year.
        _member(
            "Ngô Thanh Sơn", MALE, born(42, 6, 30), "092010224871",
            _career(on(14, 1, 6), today, number="12-QĐ/HU") + [
                _event(EventKind.TRANSFER_OUT, on(1, 9, 12), decision_number="41-GGT/ĐU",
                       issuer=COMMUNE_PARTY,
                       detail="Chi bộ Khu vực 3, Đảng bộ phường An Hòa, thành phố Cần Thơ",
                       note="Chuyển nơi cư trú"),
            ],
            serial=259377, hamlet_group=3, occupation="Buôn bán", phone="0934871226",
        ),
        # Từ trần last year.
        _member(
            "Đinh Văn Lộc", MALE, born(86), "000078512093",
            _career(on(60, 7, 27), today, badges_up_to=55) + [
                _event(EventKind.DECEASED, on(1, 3, 8), note="Từ trần do bệnh tuổi già"),
            ],
            serial=3361, hamlet_group=1, occupation="Hưu trí", education="4/10",
            other_posts="Cựu chiến binh",
        ),
        _member(
            "Vũ Thị Thu Hà", FEMALE, born(45, 10, 14), "036012706184",
            _career(on(16, 10, 10), today, number="118-QĐ/HU"),
            serial=120468, province="036", hamlet_group=2, hometown="xã Nghĩa Hưng, tỉnh Ninh Bình",
            occupation="Y sĩ", workplace="Trạm Y tế xã Long Thạnh", profession="Y sĩ đa khoa",
            review_group=ReviewGroup.B.value, political_theory="Sơ cấp", phone="0988140627",
        ),
        _member(
            "Lương Thị Kim Yến", FEMALE, born(56, 1, 28), "000447093365",
            _career(on(26, 12, 22), today, number="276-QĐ/HU"),
            serial=95513, hamlet_group=5, occupation="Nông dân", education="9/12",
            phone="0915733901",
        ),
        # Khiển trách a few years ago.
        _member(
            "Mai Văn Tài", MALE, born(49, 8, 8), "092006714452",
            _career(on(19, 4, 30), today, number="77-QĐ/HU") + [
                _event(EventKind.DISCIPLINE, on(3, 6, 20), detail="Khiển trách",
                       decision_number="02-QĐ/CB", issuer=CELL_ISSUER,
                       note="Nhiều lần vắng sinh hoạt chi bộ, không báo cáo lý do"),
            ],
            serial=366170, hamlet_group=4, occupation="Nông dân (nuôi trồng thủy sản)",
            education="9/12", phone="0949357108",
        ),
        # Badges 30 and 40 already received.
        _member(
            "Châu Văn Nghĩa", MALE, born(70, 2, 2), "000296637014",
            _career(on(43, 7, 27), today, badges_up_to=40) + [
                _event(EventKind.AWARD, on(4, 7, 27), detail="Giấy khen",
                       issuer="Hội Cựu chiến binh xã Long Thạnh",
                       note="Có thành tích xuất sắc trong phong trào Cựu chiến binh gương mẫu"),
            ],
            serial=60734, hamlet_group=3, occupation="Hưu trí",
            other_posts="Chi hội trưởng Chi hội Cựu chiến binh ấp", education="10/10",
            political_theory="Sơ cấp", phone="0292376508",
        ),
        _member(
            "Đoàn Minh Khôi", MALE, born(31, 3, 17), "092021339046",
            _career(on(6, 3, 26), today, number="52-QĐ/HU"),
            serial=711829, hamlet_group=1, occupation="Nông dân (trồng cây ăn trái)",
            other_posts="Bí thư Chi đoàn ấp", profession="Trung cấp Nông nghiệp",
            phone="0385126947",
        ),
    ]
    # fmt: on
    return members
