"""What the sample cell's meetings say (nội dung sinh hoạt chi bộ mẫu), month by month.

Invented but plausible for a rural hamlet of Cần Thơ (former Hậu Giang): the year's work
runs through it (a concrete road along the canal, river-bank erosion in the rainy season,
vaccination, security, the rice harvests, Khmer festivals, Tết, the year-end review).
Content is keyed by calendar month so that each month reads right whatever the demo year
is; no sentence names a year. ``demo_meetings`` turns it into meetings.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models import EventKind, MemberEvent
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

T = DemoTask
MONTHS: dict[int, MonthPlan] = {
    1: MonthPlan(
        news="Thông tin tình hình kinh tế – xã hội năm qua của thành phố và của xã; văn bản "
        "của Đảng ủy xã về tổ chức Tết Nguyên đán vui tươi, lành mạnh, an toàn, tiết kiệm.",
        last_month="Chi bộ hoàn thành kiểm điểm, đánh giá, xếp loại chất lượng đảng viên cuối "
        "năm; Chi đoàn ra quân tổng vệ sinh đường làng. Ban nhân dân ấp bắt đầu vận động nhân "
        "dân đóng góp kinh phí, ngày công làm đường giao thông nông thôn tuyến bờ kênh Tân Phú "
        "(đoạn tổ 3 – tổ 4). An ninh trật tự ổn định.",
        next_month="Chuẩn bị đón Tết Nguyên đán, thăm, tặng quà gia đình chính sách, hộ nghèo, "
        "hộ cận nghèo; giữ gìn an ninh trật tự, phòng chống cháy nổ dịp Tết; tiếp tục vận động "
        "đóng góp làm đường; đảng viên hoàn thành bản cam kết tu dưỡng, rèn luyện năm mới.",
        lien_he="đảng viên gương mẫu đón Tết tiết kiệm, không uống rượu bia khi tham gia giao "
        "thông, vận động gia đình và bà con lối xóm cùng thực hiện.",
        remarks=(
            (
                "Châu Văn Nghĩa",
                "Hội Cựu chiến binh ấp phối hợp tổ tự quản tuần tra ban đêm "
                "từ 23 tháng Chạp đến mùng 6 Tết.",
            ),
            (
                "Sơn Thị Sà Phanh",
                "Chi hội Phụ nữ đã lập danh sách 12 hộ khó khăn để vận động "
                "quà Tết; đề nghị ưu tiên các hộ đồng bào Khmer neo đơn ở tổ 5.",
            ),
            (
                "Thạch Sô Phal",
                "Một số hộ tổ 5 mất mùa, chưa đóng góp làm đường được; đề nghị "
                "cho giãn đến sau thu hoạch lúa Đông Xuân.",
            ),
        ),
        resolution="Chi bộ thống nhất: thăm, tặng quà 100% gia đình chính sách, hộ nghèo "
        "trước Tết; bảo đảm an ninh trật tự, không để xảy ra cháy nổ; đảng viên gương mẫu "
        "thực hiện nếp sống văn minh; cho các hộ khó khăn giãn thời gian đóng góp làm đường.",
        tasks=(
            T(
                "Sơn Thị Sà Phanh",
                "Lập danh sách, phối hợp trao quà Tết cho hộ nghèo, hộ cận "
                "nghèo, gia đình chính sách",
                20,
                "Đã trao 38 phần quà đúng đối tượng.",
            ),
            T(
                "Châu Văn Nghĩa",
                "Phân công tổ tuần tra Cựu chiến binh giữ gìn an ninh trật tự dịp Tết",
                25,
                "Đã tuần tra đủ các đêm, không xảy ra vụ việc.",
            ),
        ),
        absent=(("Võ Văn Hai", "ốm"), ("Đoàn Minh Khôi", "đi công tác")),
    ),
    2: MonthPlan(
        news="Thông tin kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam (3/2); tình hình đón Tết "
        "trên địa bàn xã; kế hoạch giao nhận quân của xã.",
        last_month="Chi bộ phối hợp trao 38 phần quà Tết cho gia đình chính sách, hộ nghèo, hộ "
        "cận nghèo; tổ tuần tra duy trì tuần tra ban đêm, dịp Tết không xảy ra cháy nổ, trộm "
        "cắp. Đa số đảng viên đã nộp bản cam kết tu dưỡng, rèn luyện năm mới.",
        next_month="Tổ chức tiễn thanh niên lên đường nhập ngũ; thu hoạch lúa Đông Xuân, chủ "
        "động phòng chống hạn mặn, trữ nước ngọt; tiếp tục vận động đóng góp làm đường; phối "
        "hợp Trạm Y tế xã tiêm vắc xin sởi cho trẻ em.",
        lien_he="đảng viên đi đầu dùng giống lúa chịu mặn, tiết kiệm nước ngọt, giúp nhau lúc "
        "thu hoạch.",
        remarks=(
            (
                "Đoàn Minh Khôi",
                "Ấp có 3 thanh niên lên đường nhập ngũ; đề nghị chi bộ cùng gia "
                "đình tổ chức tiễn các bạn chu đáo.",
            ),
            (
                "Bùi Văn Toại",
                "Nước mặn vào kênh nội đồng sớm hơn mọi năm; đề nghị đóng cống "
                "đầu kênh và thông báo lịch lấy nước cho bà con.",
            ),
            (
                "Vũ Thị Thu Hà",
                "Trạm Y tế xã tiêm vắc xin sởi cho trẻ từ 1 đến 5 tuổi; đề nghị "
                "các tổ nhắc phụ huynh đưa trẻ đi tiêm đúng lịch.",
            ),
        ),
        resolution="Chi bộ thống nhất: tiễn thanh niên lên đường nhập ngũ chu đáo; lãnh đạo "
        "thu hoạch lúa Đông Xuân, chủ động ứng phó hạn mặn; đôn đốc hoàn thành đóng góp làm "
        "đường trước khi khởi công; vận động tiêm chủng đầy đủ cho trẻ em.",
        tasks=(
            T(
                "Bùi Văn Toại",
                "Phối hợp Ban nhân dân ấp đóng cống đầu kênh, thông báo lịch lấy "
                "nước ngọt cho các hộ tổ 4",
                10,
                "Cống đã đóng kịp thời, nước mặn không vào ruộng.",
            ),
            T(
                "Vũ Thị Thu Hà",
                "Lập danh sách trẻ chưa tiêm vắc xin sởi, cùng các tổ nhắc phụ "
                "huynh đưa trẻ đi tiêm",
                20,
                "Đã tiêm đủ cho trẻ trong danh sách.",
                late_note="Còn 4 trẻ chưa tiêm do cha mẹ đi làm xa; tiếp tục vận động.",
            ),
        ),
        absent=(("Lương Thị Kim Yến", "con cưới"),),
    ),
    3: MonthPlan(
        news="Thông tin kỷ niệm Ngày Quốc tế Phụ nữ (8/3) và Ngày thành lập Đoàn Thanh niên "
        "Cộng sản Hồ Chí Minh (26/3); tình hình hạn mặn trên địa bàn thành phố; kế hoạch của Ủy "
        "ban nhân dân xã khởi công các công trình giao thông nông thôn trong năm.",
        last_month="Chi bộ cùng gia đình tiễn 3 thanh niên lên đường nhập ngũ; nông dân thu "
        "hoạch 85% diện tích lúa Đông Xuân, năng suất khá; nước mặn không vào ruộng. Vận động "
        "đóng góp làm đường đạt khoảng 90% kế hoạch.",
        next_month="Khởi công tuyến đường bờ kênh Tân Phú; vận động các hộ ven tuyến di dời "
        "hàng rào, cây trồng trong phạm vi làm đường; hưởng ứng Tháng Thanh niên; phòng chống "
        "sốt xuất huyết.",
        lien_he="đảng viên có nhà ven tuyến gương mẫu hiến đất, tự tháo dỡ hàng rào để làm "
        "đường, vận động bà con lối xóm cùng làm.",
        remarks=(
            (
                "Dương Văn Út",
                "Gia đình tôi hiến 120 m² đất làm đường và tự di dời hàng rào "
                "trước ngày khởi công.",
            ),
            (
                "Quách Mỹ Linh",
                "Đề nghị làm thêm cống thoát nước ngang đường ở đầu tổ 1 để khỏi ngập mùa mưa.",
            ),
            (
                "Lê Minh Tuấn",
                "Công an xã sẽ hướng dẫn phân luồng, bảo đảm an toàn giao thông "
                "trong thời gian thi công.",
            ),
        ),
        resolution="Chi bộ thống nhất khởi công tuyến đường bờ kênh Tân Phú trong tháng; đảng "
        "viên có nhà ven tuyến gương mẫu hiến đất, di dời vật kiến trúc; công khai danh sách "
        "đóng góp tại Nhà văn hóa ấp.",
        tasks=(
            T(
                "Nguyễn Văn Thắng",
                "Công khai danh sách đóng góp làm đường tại Nhà văn hóa ấp",
                7,
                "Đã niêm yết danh sách, không có ý kiến thắc mắc.",
            ),
            T(
                "Quách Mỹ Linh",
                "Khảo sát, đề xuất vị trí cống thoát nước ngang đường đầu tổ 1",
                20,
                "Đã đề xuất; đơn vị thi công bổ sung 1 cống.",
            ),
        ),
        absent=(("Đặng Thị Mỹ Hạnh", "đi công tác"), ("Võ Văn Hai", "đi khám bệnh")),
        other_vote=True,
    ),
    4: MonthPlan(
        news="Thông tin kỷ niệm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4) và Ngày "
        "Quốc tế Lao động (1/5); văn bản của Đảng ủy xã về phòng chống thiên tai mùa mưa bão.",
        last_month="Tuyến đường bờ kênh Tân Phú đã khởi công; 7 hộ hiến đất, các hộ ven tuyến "
        "tự di dời hàng rào, cây trồng; danh sách đóng góp được công khai. Đoàn viên ra quân "
        "Tháng Thanh niên, phát quang 2 km đường làng.",
        next_month="Giám sát thi công đường, bảo đảm chất lượng và an toàn giao thông; tổ chức "
        "kỷ niệm 30/4, 1/5 và Ngày sinh Chủ tịch Hồ Chí Minh (19/5); chúc tết đồng bào Khmer "
        "dịp Chôl Chnăm Thmây; chuẩn bị phương án phòng chống sạt lở mùa mưa.",
        lien_he="đảng viên tham gia Ban giám sát đầu tư của cộng đồng, theo dõi chất lượng "
        "công trình đường, kịp thời phản ánh sai sót.",
        remarks=(
            (
                "Sơn Thị Sà Phanh",
                "Đề nghị chi bộ cùng Ban nhân dân ấp chúc tết các gia đình "
                "Khmer tổ 5 và nhà chùa dịp Chôl Chnăm Thmây.",
            ),
            (
                "Bùi Văn Toại",
                "Đơn vị thi công để vật liệu lấn lòng đường, ban đêm không có đèn "
                "cảnh báo; đề nghị nhắc nhở.",
            ),
            (
                "Lương Thị Kim Yến",
                "Đề nghị kiểm tra độ dày lớp bê tông đoạn trước nhà tôi, nhiều chỗ mỏng.",
            ),
        ),
        resolution="Chi bộ thống nhất: tổ chức chu đáo các ngày lễ 30/4, 1/5, 19/5; chúc tết "
        "đồng bào Khmer; phân công đảng viên tham gia giám sát thi công, kiến nghị đơn vị thi "
        "công bảo đảm an toàn và chất lượng.",
        tasks=(
            T(
                "Bùi Văn Toại",
                "Cùng Ban giám sát cộng đồng kiểm tra độ dày bê tông và đèn cảnh "
                "báo trên tuyến đường",
                15,
                "Đoạn bê tông mỏng đã được làm lại; đã có đèn cảnh báo.",
            ),
            T(
                "Sơn Thị Sà Phanh",
                "Chuẩn bị quà, cùng Ban nhân dân ấp chúc tết đồng bào Khmer",
                10,
                "Đã thăm, chúc tết 26 hộ và nhà chùa.",
            ),
        ),
        absent=(("Thạch Sô Phal", "đi khám bệnh"), ("Quách Mỹ Linh", "đi công tác")),
    ),
    5: MonthPlan(
        news="Thông tin kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh (19/5); dự báo mùa mưa, triều "
        "cường, nguy cơ sạt lở bờ sông, kênh rạch; văn bản của Đảng ủy xã về phòng chống dịch "
        "bệnh mùa mưa.",
        last_month="Các ngày lễ 30/4, 1/5 được tổ chức trang trọng; chi bộ chúc tết 26 hộ "
        "đồng bào Khmer và nhà chùa. Ban giám sát cộng đồng phát hiện một đoạn bê tông mỏng, "
        "đơn vị thi công đã làm lại. Tuyến đường hoàn thành khoảng 60% khối lượng.",
        next_month="Rà soát các hộ ven sông có nguy cơ sạt lở, cắm biển cảnh báo; sinh hoạt kỷ "
        "niệm 19/5 gắn với học tập và làm theo Bác; ra quân diệt lăng quăng phòng sốt xuất "
        "huyết; đẩy nhanh tiến độ làm đường.",
        lien_he="đảng viên tham gia tổ xung kích phòng chống thiên tai, giúp các hộ ven sông "
        "gia cố nhà cửa, di dời tài sản khi có cảnh báo sạt lở.",
        remarks=(
            (
                "Vũ Thị Thu Hà",
                "Đầu mùa mưa đã có 2 ca sốt xuất huyết ở tổ 2; đề nghị các đoàn "
                "thể ra quân diệt lăng quăng mỗi tuần.",
            ),
            (
                "Châu Văn Nghĩa",
                "Tổ xung kích Cựu chiến binh sẵn sàng giúp các hộ ven sông di dời khi có sạt lở.",
            ),
            ("Đoàn Minh Khôi", "Chi đoàn nhận trồng cây xanh dọc bờ kênh khi làm xong đường."),
        ),
        resolution="Chi bộ thống nhất: lập danh sách hộ ven sông có nguy cơ sạt lở, cắm biển "
        "cảnh báo trong tháng; mỗi tuần ra quân diệt lăng quăng một lần; đảng viên gương mẫu "
        "giữ vệ sinh môi trường, không xả rác xuống sông.",
        tasks=(
            T(
                "Lê Minh Tuấn",
                "Cùng Ban nhân dân ấp rà soát hộ ven sông có nguy cơ sạt lở, cắm biển cảnh báo",
                20,
                "Đã cắm 4 biển cảnh báo tại các điểm nguy hiểm.",
                late_note="Đã lập danh sách 9 hộ; còn thiếu biển cảnh báo, chờ xã cấp.",
            ),
            T(
                "Vũ Thị Thu Hà",
                "Hướng dẫn các tổ ra quân diệt lăng quăng hằng tuần",
                25,
                "Các tổ ra quân đều; không phát sinh thêm ca bệnh.",
            ),
        ),
        absent=(("Phạm Thị Lan", "đi khám bệnh"),),
    ),
    6: MonthPlan(
        news="Thông tin tình hình kinh tế – xã hội 6 tháng đầu năm của thành phố và của xã; "
        "hướng dẫn phòng chống đuối nước cho trẻ em trong dịp hè.",
        last_month="Chi bộ sinh hoạt kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh; đã lập danh sách "
        "9 hộ ven sông có nguy cơ sạt lở; các tổ ra quân diệt lăng quăng hằng tuần. Tuyến "
        "đường hoàn thành khoảng 85% khối lượng.",
        next_month="Sơ kết 6 tháng thực hiện nghị quyết chi bộ; thu hoạch lúa Hè Thu, xuống "
        "giống vụ Thu Đông đúng lịch thời vụ; phòng chống đuối nước cho trẻ em; chuẩn bị các "
        "hoạt động đền ơn đáp nghĩa ngày 27/7.",
        lien_he="đảng viên nhắc con cháu không tắm sông, kênh rạch; cho con học bơi trong hè.",
        remarks=(
            (
                "Phạm Thị Lan",
                "Đề nghị phối hợp Trường Tiểu học mở lớp dạy bơi miễn phí cho học sinh trong hè.",
            ),
            (
                "Thạch Sô Phal",
                "Giá lúa Hè Thu thấp, thương lái ép giá; đề nghị Chi hội Nông dân "
                "liên kết với hợp tác xã để bán lúa.",
            ),
            ("Quách Mỹ Linh", "Tổ tự quản số 1 đã vận động 100% hộ đăng ký gia đình văn hóa."),
        ),
        resolution="Chi bộ thống nhất: sơ kết 6 tháng; lãnh đạo thu hoạch lúa Hè Thu, xuống "
        "giống Thu Đông đúng lịch; mở lớp dạy bơi cho trẻ em; chuẩn bị thăm, tặng quà gia đình "
        "thương binh, liệt sĩ nhân ngày 27/7.",
        tasks=(
            T(
                "Phạm Thị Lan",
                "Liên hệ Trường Tiểu học Long Thạnh mở lớp dạy bơi miễn phí cho trẻ em trong ấp",
                20,
                "Lớp dạy bơi đã mở cho 35 em.",
            ),
            T(
                "Thạch Sô Phal",
                "Giới thiệu nông dân ký hợp đồng bán lúa Hè Thu với hợp tác xã",
                20,
                "12 hộ đã ký hợp đồng bán lúa với hợp tác xã.",
                late_note="Hợp tác xã chỉ mua lúa chất lượng cao; đang vận động thêm hộ tham gia.",
            ),
        ),
        absent=(("Bùi Văn Toại", "con cưới"), ("Vũ Thị Thu Hà", "trực Trạm Y tế xã")),
        other_vote=True,
    ),
    7: MonthPlan(
        news="Thông tin kỷ niệm Ngày Thương binh – Liệt sĩ (27/7); kết quả sơ kết 6 tháng của "
        "Đảng bộ xã; văn bản của Đảng ủy xã về phát triển đảng viên ở khu dân cư.",
        last_month="Chi bộ sơ kết 6 tháng, các chỉ tiêu cơ bản đạt; lớp dạy bơi mở cho 35 em; "
        "nông dân thu hoạch xong lúa Hè Thu. Tuyến đường bờ kênh Tân Phú hoàn thành, đưa vào "
        "sử dụng.",
        next_month="Thăm, tặng quà gia đình thương binh, liệt sĩ, người có công; thắp nến tri "
        "ân tại nhà bia ghi danh liệt sĩ xã; bồi dưỡng quần chúng ưu tú để giới thiệu kết nạp "
        "Đảng; tiếp tục phòng chống sạt lở, sốt xuất huyết.",
        lien_he="đảng viên chăm lo, giúp đỡ gia đình chính sách; đảng viên cựu chiến binh kể "
        "chuyện truyền thống cho thanh niên.",
        remarks=(
            (
                "Châu Văn Nghĩa",
                "Hội Cựu chiến binh đề nghị tổ chức buổi kể chuyện truyền thống "
                "cho đoàn viên thanh niên nhân ngày 27/7.",
            ),
            (
                "Đoàn Minh Khôi",
                "Chi đoàn giới thiệu 2 đoàn viên ưu tú để chi bộ bồi dưỡng, tạo "
                "nguồn phát triển đảng viên.",
            ),
            (
                "Trần Thị Hồng Nhung",
                "Đề nghị phân công đảng viên giúp đỡ, theo dõi từng quần chúng ưu tú.",
            ),
        ),
        resolution="Chi bộ thống nhất: thăm, tặng quà 100% gia đình chính sách nhân ngày 27/7; "
        "tổ chức kể chuyện truyền thống cho thanh niên; phân công đảng viên giúp đỡ 2 quần "
        "chúng ưu tú do Chi đoàn giới thiệu.",
        tasks=(
            T(
                "Châu Văn Nghĩa",
                "Tổ chức buổi kể chuyện truyền thống cho đoàn viên thanh niên nhân ngày 27/7",
                20,
                "Đã tổ chức cho 40 đoàn viên thanh niên.",
            ),
            T(
                "Trần Thị Hồng Nhung",
                "Lập hồ sơ theo dõi, phân công đảng viên giúp đỡ 2 quần chúng ưu tú",
                25,
                "Đã phân công đảng viên giúp đỡ từng quần chúng.",
            ),
        ),
        absent=(("Dương Văn Út", "ốm"),),
    ),
    8: MonthPlan(
        news="Thông tin kỷ niệm Cách mạng Tháng Tám và Quốc khánh (2/9); tình hình mưa lớn, "
        "triều cường gây sạt lở ở một số xã của thành phố; văn bản của Đảng ủy xã về phòng "
        "chống tội phạm ma túy.",
        last_month="Chi bộ trao 21 phần quà cho gia đình chính sách; Hội Cựu chiến binh kể "
        "chuyện truyền thống cho 40 đoàn viên thanh niên; đã phân công đảng viên giúp đỡ 2 quần "
        "chúng ưu tú. Trên địa bàn xảy ra 1 vụ trộm gà, đã được Công an xã làm rõ.",
        next_month="Tổ chức các hoạt động mừng Quốc khánh 2/9; vận động học sinh đến trường năm "
        "học mới, hỗ trợ học sinh nghèo; theo dõi sạt lở bờ sông; tuyên truyền phòng chống ma "
        "túy trong thanh thiếu niên.",
        lien_he="đảng viên quan tâm việc học của con cháu, cùng các đoàn thể vận động không để "
        "trẻ em bỏ học.",
        remarks=(
            (
                "Lê Minh Tuấn",
                "Có thanh niên tụ tập sử dụng chất kích thích ở khu vực bến đò cũ; "
                "đề nghị tổ tự quản báo tin kịp thời.",
            ),
            (
                "Đặng Thị Mỹ Hạnh",
                "Hội Phụ nữ xã có 30 suất học bổng cho học sinh nghèo; đề nghị ấp lập danh sách.",
            ),
            ("Lương Thị Kim Yến", "Bờ sông đoạn tổ 5 xuất hiện vết nứt mới, đề nghị kiểm tra."),
        ),
        resolution="Chi bộ thống nhất: treo cờ, tổ chức các hoạt động mừng Quốc khánh 2/9; lập "
        "danh sách học sinh nghèo đề nghị hỗ trợ; tăng cường tuần tra khu vực bến đò cũ; kiểm "
        "tra, cảnh báo điểm sạt lở mới ở tổ 5.",
        tasks=(
            T(
                "Đặng Thị Mỹ Hạnh",
                "Lập danh sách học sinh nghèo đề nghị Hội Phụ nữ xã trao học bổng",
                15,
                "12 học sinh của ấp đã nhận học bổng.",
            ),
            T(
                "Lê Minh Tuấn",
                "Kiểm tra vết nứt bờ sông đoạn tổ 5, báo cáo Ủy ban nhân dân xã",
                5,
                "Đã cắm biển cảnh báo, 2 hộ được hỗ trợ di dời.",
            ),
        ),
        absent=(("Châu Văn Nghĩa", "đi khám bệnh"), ("Sơn Thị Sà Phanh", "có việc gia đình")),
    ),
    9: MonthPlan(
        news="Thông tin lễ kỷ niệm Quốc khánh 2/9; tình hình khai giảng năm học mới; dự báo "
        "đỉnh triều cường các tháng cuối năm; văn bản của Đảng ủy xã về chuẩn bị kiểm điểm, "
        "đánh giá, xếp loại chất lượng cuối năm.",
        last_month="Các hoạt động mừng Quốc khánh được tổ chức trang trọng; 12 học sinh nghèo "
        "nhận học bổng; đoạn bờ sông tổ 5 đã cắm biển cảnh báo, 2 hộ được hỗ trợ di dời. Khu "
        "vực bến đò cũ được tăng cường tuần tra.",
        next_month="Phòng chống triều cường, sạt lở, gia cố đê bao, bờ bao; thăm hỏi đồng bào "
        "Khmer dịp lễ Sene Dolta; vận động tham gia bảo hiểm y tế hộ gia đình; đảng viên tự "
        "kiểm tra việc thực hiện bản cam kết.",
        lien_he="đảng viên góp công gia cố đê bao, giúp hộ neo đơn chằng chống nhà cửa mùa "
        "triều cường.",
        remarks=(
            ("Bùi Văn Toại", "Đê bao tổ 4 có 3 đoạn thấp, cần đắp thêm trước đỉnh triều."),
            (
                "Sơn Thị Sà Phanh",
                "Đề nghị thăm hỏi các gia đình Khmer dịp lễ Sene Dolta như mọi năm.",
            ),
            (
                "Dương Văn Út",
                "Tỷ lệ tham gia bảo hiểm y tế ở tổ 5 còn thấp, đề nghị Chi hội "
                "Nông dân vận động thêm.",
            ),
        ),
        resolution="Chi bộ thống nhất: huy động nhân lực gia cố các đoạn đê bao thấp trước "
        "đỉnh triều cường; thăm hỏi đồng bào Khmer dịp lễ Sene Dolta; vận động tham gia bảo "
        "hiểm y tế; đảng viên tự kiểm tra việc thực hiện bản cam kết.",
        tasks=(
            T(
                "Bùi Văn Toại",
                "Vận động các hộ tổ 4 góp công đắp 3 đoạn đê bao thấp",
                15,
                "Đã đắp xong 3 đoạn đê bao.",
                late_note="Đã đắp 2 đoạn; đoạn còn lại chờ nước rút.",
            ),
            T(
                "Dương Văn Út",
                "Vận động các hộ tổ 5 tham gia bảo hiểm y tế hộ gia đình",
                25,
                "Thêm 15 hộ tham gia bảo hiểm y tế.",
            ),
        ),
        absent=(("Đặng Thị Mỹ Hạnh", "đi công tác"), ("Hồ Quang Vinh", "đi công tác")),
        other_vote=True,
    ),
    10: MonthPlan(
        news="Thông tin kỷ niệm Ngày Phụ nữ Việt Nam (20/10); tình hình triều cường, sạt lở "
        "trên địa bàn thành phố; văn bản của Đảng ủy xã về tổ chức Ngày hội Đại đoàn kết toàn "
        "dân tộc ở khu dân cư.",
        last_month="Đê bao tổ 4 được gia cố; chi bộ thăm hỏi đồng bào Khmer dịp lễ Sene Dolta; "
        "thêm 15 hộ tham gia bảo hiểm y tế. Đa số đảng viên thực hiện tốt bản cam kết; còn đồng "
        "chí chưa tham gia đầy đủ sinh hoạt chi bộ.",
        next_month="Chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư; thu hoạch lúa "
        "Thu Đông; theo dõi triều cường, sạt lở; chi ủy chuẩn bị hướng dẫn kiểm điểm cuối năm.",
        lien_he="đảng viên gương mẫu đoàn kết, hòa thuận trong gia đình và lối xóm, góp phần "
        "xây dựng khu dân cư văn hóa.",
        remarks=(
            (
                "Quách Mỹ Linh",
                "Đề nghị mỗi tổ tự quản đăng ký một tiết mục văn nghệ cho Ngày hội Đại đoàn kết.",
            ),
            (
                "Sơn Thị Sà Phanh",
                "Chi hội Phụ nữ sẽ gặp mặt nhân ngày 20/10, tuyên dương 5 gia đình hạnh phúc.",
            ),
            (
                "Phạm Thị Lan",
                "Đề nghị chi ủy gặp gỡ, nhắc nhở đồng chí vắng sinh hoạt nhiều lần không có lý do.",
            ),
        ),
        resolution="Chi bộ thống nhất: tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở ấp vui "
        "tươi, tiết kiệm; lãnh đạo thu hoạch lúa Thu Đông; giao chi ủy gặp gỡ, nhắc nhở đảng "
        "viên vắng sinh hoạt không lý do.",
        tasks=(
            T(
                "Quách Mỹ Linh",
                "Tập hợp tiết mục văn nghệ của các tổ tự quản cho Ngày hội Đại đoàn kết",
                25,
                "Đã có 6 tiết mục đăng ký.",
            ),
            T(
                "Nguyễn Văn Thắng",
                "Gặp gỡ, nhắc nhở đảng viên vắng sinh hoạt không lý do",
                15,
                "Đã gặp gỡ; đồng chí hứa khắc phục.",
            ),
        ),
        absent=(("Võ Văn Hai", "ốm"), ("Trần Thị Hồng Nhung", "đi tập huấn")),
    ),
    11: MonthPlan(
        news="Thông tin kỷ niệm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11) và Ngày Nhà "
        "giáo Việt Nam (20/11); văn bản của Đảng ủy xã hướng dẫn kiểm điểm, đánh giá, xếp loại "
        "chất lượng tổ chức đảng và đảng viên cuối năm.",
        last_month="Chi hội Phụ nữ gặp mặt nhân ngày 20/10, tuyên dương 5 gia đình hạnh phúc; "
        "nông dân bắt đầu thu hoạch lúa Thu Đông. Chi ủy đã gặp gỡ, nhắc nhở đảng viên vắng "
        "sinh hoạt không lý do.",
        next_month="Tổ chức Ngày hội Đại đoàn kết toàn dân tộc; đảng viên viết bản tự kiểm điểm "
        "cuối năm; vận động đóng góp Quỹ “Vì người nghèo”; thăm hỏi đồng bào Khmer dịp lễ Ok Om "
        "Bok.",
        lien_he="mỗi đảng viên tự soi, tự sửa, chuẩn bị bản tự kiểm điểm trung thực, nêu rõ "
        "kết quả thực hiện bản cam kết.",
        remarks=(
            (
                "Trần Thị Hồng Nhung",
                "Đề nghị phát mẫu bản tự kiểm điểm sớm để đảng viên lớn "
                "tuổi có thời gian chuẩn bị.",
            ),
            (
                "Châu Văn Nghĩa",
                "Hội Cựu chiến binh ấp đăng ký đóng góp Quỹ “Vì người nghèo” 2 triệu đồng.",
            ),
            ("Thạch Sô Phal", "Đề nghị chi bộ thăm nhà chùa và đồng bào Khmer dịp lễ Ok Om Bok."),
        ),
        resolution="Chi bộ thống nhất: tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở ấp; đảng "
        "viên hoàn thành bản tự kiểm điểm trước buổi sinh hoạt tháng 12; vận động đóng góp Quỹ "
        "“Vì người nghèo”; thăm hỏi đồng bào Khmer dịp lễ Ok Om Bok.",
        tasks=(
            T(
                "Trần Thị Hồng Nhung",
                "Phát mẫu bản tự kiểm điểm, hướng dẫn đảng viên lớn tuổi viết bản kiểm điểm",
                10,
                "Tất cả đảng viên đã nhận mẫu và được hướng dẫn.",
            ),
        ),
        absent=(("Lương Thị Kim Yến", "đi khám bệnh"), ("Đoàn Minh Khôi", "đi công tác")),
    ),
    12: MonthPlan(
        news="Thông tin kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam (22/12); tình hình "
        "kinh tế – xã hội cả năm của thành phố và của xã; văn bản của Đảng ủy xã về kiểm điểm, "
        "xếp loại cuối năm.",
        last_month="Ngày hội Đại đoàn kết toàn dân tộc ở ấp được tổ chức vui tươi, tiết kiệm; "
        "ấp đóng góp Quỹ “Vì người nghèo” được 9,5 triệu đồng; nông dân thu hoạch xong lúa Thu "
        "Đông.",
        next_month="Hoàn thành kiểm điểm, đánh giá, xếp loại chất lượng đảng viên; xây dựng "
        "nghị quyết lãnh đạo năm tới; tổng vệ sinh đường làng; chuẩn bị chăm lo Tết cho gia "
        "đình chính sách, hộ nghèo.",
        lien_he="đảng viên tự đánh giá kết quả thực hiện bản cam kết, đăng ký việc làm theo "
        "Bác cụ thể cho năm tới.",
        remarks=(
            (
                "Đặng Thị Mỹ Hạnh",
                "Đề nghị đánh giá đảng viên gắn với kết quả thực hiện bản cam "
                "kết và việc tham gia sinh hoạt chi bộ.",
            ),
            ("Đoàn Minh Khôi", "Chi đoàn ra quân tổng vệ sinh đường làng vào chủ nhật cuối tháng."),
            (
                "Vũ Thị Thu Hà",
                "Trạm Y tế xã khám sức khỏe định kỳ cho người cao tuổi; đề nghị "
                "ấp thông báo rộng rãi.",
            ),
        ),
        resolution="Chi bộ thống nhất: hoàn thành kiểm điểm, đánh giá, xếp loại chất lượng "
        "đảng viên theo hướng dẫn của Đảng ủy xã; tổng vệ sinh đường làng; lập danh sách chăm "
        "lo Tết.",
        tasks=(
            T(
                "Đoàn Minh Khôi",
                "Tổ chức Chi đoàn ra quân tổng vệ sinh đường làng",
                25,
                "Đã ra quân, thu gom rác dọc 3 km đường làng.",
            ),
            T(
                "Nguyễn Văn Thắng",
                "Tổng hợp kết quả tự đánh giá của đảng viên, chuẩn bị họp xét xếp loại",
                20,
                "Đã tổng hợp, chi bộ họp xét xếp loại đúng hạn.",
            ),
        ),
        absent=(("Phạm Thị Lan", "ốm"), ("Thạch Sô Phal", "con cưới")),
    ),
}

# By quarter of the calendar year (0 = quý I).
THEMES = (
    Theme(
        title="Phát huy vai trò nêu gương của đảng viên trong xây dựng nông thôn mới kiểu mẫu",
        presenter="Trần Thị Hồng Nhung",
        content="Giới thiệu các tiêu chí ấp nông thôn mới kiểu mẫu; trách nhiệm nêu gương của "
        "đảng viên: gương mẫu hiến đất, đóng góp làm đường, chỉnh trang nhà cửa, hàng rào, giữ "
        "gìn cảnh quan, vận động gia đình và bà con cùng thực hiện.\nLiên hệ ấp Tân Phú: tuyến "
        "bờ kênh chưa được bê tông hóa, một số hộ chưa có nhà vệ sinh hợp vệ sinh.",
        remarks=(
            ("Dương Văn Út", "Đảng viên nói trước, làm trước thì bà con mới tin và làm theo."),
            (
                "Quách Mỹ Linh",
                "Đề nghị mỗi đảng viên nhận vận động 3 hộ liền kề chỉnh trang hàng rào, trồng hoa.",
            ),
            ("Châu Văn Nghĩa", "Hội Cựu chiến binh nhận làm điểm đoạn đường hoa tổ 3."),
        ),
        resolution="Chi bộ thống nhất: mỗi đảng viên đăng ký ít nhất một việc làm cụ thể góp "
        "phần xây dựng ấp nông thôn mới kiểu mẫu và nhận vận động 3 hộ liền kề.",
    ),
    Theme(
        title="Đảng viên tham gia giữ gìn an ninh trật tự, xây dựng tổ tự quản an toàn",
        presenter="Lê Minh Tuấn",
        content="Tình hình an ninh trật tự ở nông thôn: trộm cắp vặt, ma túy, cờ bạc, lừa đảo "
        "qua mạng; các mô hình tổ tự quản, camera an ninh; trách nhiệm của đảng viên phát hiện, "
        "báo tin, vận động con em tránh xa tệ nạn.",
        remarks=(
            ("Châu Văn Nghĩa", "Đề nghị lắp thêm camera an ninh ở ngã ba bến đò cũ."),
            (
                "Sơn Thị Sà Phanh",
                "Nhiều chị em bị gọi điện lừa nhận quà; đề nghị Công an xã "
                "hướng dẫn cách nhận biết.",
            ),
            ("Đoàn Minh Khôi", "Chi đoàn thành lập đội thanh niên xung kích tuần tra tối thứ Bảy."),
        ),
        resolution="Chi bộ thống nhất: đảng viên nòng cốt trong tổ tự quản; vận động lắp camera "
        "an ninh tại các điểm phức tạp; tuyên truyền phòng chống lừa đảo qua mạng đến từng hộ.",
    ),
    Theme(
        title="Đảng viên với công tác bảo vệ môi trường, phòng chống sạt lở bờ sông",
        presenter="Đoàn Minh Khôi",
        content="Thực trạng sạt lở bờ sông, kênh rạch ở đồng bằng sông Cửu Long và trên địa "
        "bàn xã; nguyên nhân: khai thác cát, xây dựng lấn sông, triều cường. Việc đảng viên cần "
        "làm: không xây dựng lấn chiếm bờ sông, trồng cây chắn sóng, không xả rác xuống sông, "
        "vận động các hộ trong vùng nguy cơ di dời.",
        remarks=(
            ("Bùi Văn Toại", "Đề nghị trồng tre, bần dọc bờ kênh đoạn tổ 4 để giữ đất."),
            (
                "Lương Thị Kim Yến",
                "Còn hộ xả rác xuống sông; đề nghị đặt thêm thùng rác ở bến nước.",
            ),
            ("Vũ Thị Thu Hà", "Rác thải ứ đọng sau mưa làm tăng nguy cơ sốt xuất huyết."),
        ),
        resolution="Chi bộ thống nhất: mỗi đảng viên trồng ít nhất 5 cây xanh ven kênh; không "
        "xả rác xuống sông; vận động các hộ trong vùng nguy cơ sạt lở di dời đến nơi an toàn.",
    ),
    Theme(
        title="Nâng cao chất lượng sinh hoạt chi bộ, thực hiện nghiêm bản cam kết tu dưỡng, "
        "rèn luyện của đảng viên",
        presenter="Đặng Thị Mỹ Hạnh",
        content="Yêu cầu về nội dung, thời gian, tính lãnh đạo và tính chiến đấu của sinh hoạt "
        "chi bộ; trách nhiệm đảng viên dự sinh hoạt đầy đủ, phát biểu xây dựng; đối chiếu kết "
        "quả thực hiện bản cam kết với việc làm cụ thể ở khu dân cư.",
        remarks=(
            ("Quách Mỹ Linh", "Nên gửi tài liệu sinh hoạt trước cho đảng viên để chuẩn bị ý kiến."),
            (
                "Bùi Văn Toại",
                "Đề nghị đánh giá việc thực hiện cam kết bằng việc làm cụ thể, không chung chung.",
            ),
            ("Châu Văn Nghĩa", "Đảng viên vắng sinh hoạt không lý do cần được chi bộ kiểm điểm."),
        ),
        resolution="Chi bộ thống nhất: gửi tài liệu trước buổi sinh hoạt ít nhất một ngày; "
        "đảng viên dự sinh hoạt đầy đủ; đánh giá việc thực hiện bản cam kết bằng việc làm cụ "
        "thể khi kiểm điểm cuối năm.",
    ),
)
