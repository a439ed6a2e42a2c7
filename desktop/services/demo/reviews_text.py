"""What the sample cell's members write in the review season (nội dung cam kết, kiểm điểm mẫu).

Short, plain sentences of the kind a hamlet cell's members write by hand: commitments by
section, progress reported at meetings, the self-review's sections, the cell's discussion
and its own collective report. Invented for the fictional "Chi bộ Ấp Tân Phú"; no sentence
names a year, so any demo year reads right. ``demo_reviews`` turns it into records.
"""

from __future__ import annotations

# What kind of work a member does, read from the occupation typed in the registry.
KINDS = (
    ("Cán bộ ấp", "leader"),
    ("Giáo viên", "teacher"),
    ("Công an", "police"),
    ("Y sĩ", "health"),
    ("Hưu trí", "retired"),
    ("Nông dân", "farmer"),
    ("Buôn bán", "trader"),
    ("Công nhân", "worker"),
)
DEFAULT_KIND = "staff"

TU_TUONG = (
    "Tuyệt đối trung thành với Đảng; thường xuyên đọc báo, nghe đài để nắm chủ trương của "
    "Đảng, chính sách, pháp luật của Nhà nước",
    "Học tập đầy đủ các nghị quyết, chuyên đề chi bộ tổ chức; không chia sẻ thông tin xấu, "
    "độc trên mạng xã hội",
    "Kiên định lập trường; góp ý, đấu tranh với những quan điểm sai trái khi gặp trong khu dân cư",
)
DAO_DUC = (
    "Sống giản dị, gương mẫu; giữ gìn gia đình văn hóa, không để người thân vi phạm pháp luật",
    "Đoàn kết, giúp đỡ bà con lối xóm; không tham gia cờ bạc, rượu chè",
    "Thực hành tiết kiệm; tổ chức việc cưới, việc tang trong gia đình gọn nhẹ, văn minh",
)
KY_LUAT = (
    "Dự sinh hoạt chi bộ đầy đủ, đúng giờ; vắng phải báo cáo lý do với chi ủy",
    "Đóng đảng phí đầy đủ, đúng kỳ; chấp hành sự phân công của chi bộ",
    "Giữ liên hệ thường xuyên với chi ủy; báo cáo kịp thời khi đi vắng dài ngày",
)
NHIEM_VU = {
    "leader": "Lãnh đạo ấp hoàn thành các chỉ tiêu nghị quyết của chi bộ; giải quyết kịp "
    "thời kiến nghị của bà con, không để khiếu nại vượt cấp",
    "teacher": "Giảng dạy đạt chất lượng; lớp chủ nhiệm không có học sinh bỏ học",
    "police": "Nắm chắc tình hình an ninh trật tự trên địa bàn; cùng tổ tự quản hòa giải "
    "dứt điểm các vụ mâu thuẫn",
    "health": "Làm tốt tiêm chủng mở rộng; khám, tư vấn sức khỏe cho người cao tuổi trong ấp",
    "retired": "Tham gia sinh hoạt Hội Người cao tuổi, Hội Cựu chiến binh; góp ý xây dựng "
    "chi bộ, ấp",
    "farmer": "Áp dụng sản xuất lúa giảm giống, giảm phân thuốc trên ruộng của gia đình; "
    "hướng dẫn 3 hộ trong tổ cùng làm",
    "trader": "Kinh doanh đúng pháp luật, nộp thuế đầy đủ; không bán hàng giả, hàng kém chất lượng",
    "worker": "Hoàn thành định mức công việc; chấp hành nội quy nơi làm việc",
    "staff": "Hoàn thành tốt công việc chuyên môn được giao; tham gia đầy đủ các đợt ra quân "
    "của xã",
}

# Items that follow the year's study topic, each with what was reported at two meetings and
# what the member wrote when assessing it at year end.
TOPIC_ITEMS = (
    (
        "Vận động 5 hộ hiến đất, góp ngày công làm đường bê tông dọc kênh",
        ("Đã vận động được 3 hộ hiến đất, tổng cộng 120 m².", "Đủ 5 hộ; đoạn đường đã đổ bê tông."),
        "Vận động được 6 hộ, vượt 1 hộ so với cam kết.",
    ),
    (
        "Trồng và chăm sóc 30 cây xanh trên bờ kênh trước nhà; không xả rác xuống kênh",
        ("Đã trồng 20 cây; 2 cây chết đã trồng lại.", "Đủ 30 cây, đang chăm sóc mùa khô."),
        "Trồng 35 cây, cây phát triển tốt.",
    ),
    (
        "Tham gia tổ tự quản giữ bờ sông xanh, sạch, đẹp; báo ngay cho ấp khi thấy sạt lở",
        ("Dự 4 buổi ra quân dọn bờ sông; báo 1 điểm sạt lở.", "Điểm sạt lở đã được kè tạm."),
        "Tham gia đủ các buổi ra quân.",
    ),
    (
        "Giúp 1 hộ nghèo trong tổ vay vốn nuôi bò, vươn lên thoát nghèo",
        ("Đã hướng dẫn hộ làm hồ sơ vay vốn.", "Hộ đã nhận vốn, mua được 1 con bò giống."),
        "Hộ đã có thu nhập ổn định.",
    ),
    (
        "Phân loại rác tại nguồn; vận động 10 hộ trong tổ cùng làm",
        ("Đã có 6 hộ phân loại rác.", "Đủ 10 hộ; tổ không còn đốt rác bừa bãi."),
        "Có 12 hộ cùng thực hiện.",
    ),
    (
        "Góp 5 ngày công và tiền làm cầu bê tông qua rạch cho tổ",
        ("Đã góp 3 ngày công.", "Cầu đã làm xong, đưa vào sử dụng."),
        "Góp 6 ngày công.",
    ),
)
ITEM_DONE_NOTE = "Thực hiện đủ như cam kết."

EVALUATION_COMMENTS = {
    "tot": "Thực hiện đầy đủ các nội dung đã cam kết, có nội dung vượt mức.",
    "dat": "Thực hiện đủ các nội dung đã cam kết.",
}
ABSENT_COMMENT = "Còn vắng sinh hoạt chi bộ không có lý do."

UU_DIEM = {
    "leader": "Chấp hành tốt chủ trương của Đảng, pháp luật của Nhà nước; gương mẫu, đoàn "
    "kết. Cùng chi ủy lãnh đạo ấp hoàn thành các chỉ tiêu chính; đường bê tông dọc kênh "
    "xong trước kế hoạch.",
    "teacher": "Chấp hành tốt chủ trương, pháp luật; tận tụy với học sinh. Lớp chủ nhiệm đạt "
    "danh hiệu lớp tiên tiến; tham gia đầy đủ sinh hoạt chi bộ.",
    "police": "Giữ vững lập trường, có tinh thần trách nhiệm; nắm chắc địa bàn, phối hợp hòa "
    "giải thành nhiều vụ mâu thuẫn trong ấp.",
    "health": "Tận tình với người bệnh; làm tốt tiêm chủng mở rộng và khám sức khỏe người "
    "cao tuổi của ấp.",
    "retired": "Tuy tuổi cao vẫn tham gia sinh hoạt chi bộ đều đặn; nhiệt tình góp ý xây dựng "
    "chi bộ, vận động con cháu chấp hành tốt pháp luật.",
    "farmer": "Chấp hành tốt chủ trương, pháp luật; sản xuất giỏi, tích cực góp ngày công làm "
    "đường giao thông nông thôn.",
    "trader": "Kinh doanh đúng pháp luật, nộp thuế đầy đủ; ủng hộ các cuộc vận động của ấp.",
    "worker": "Chấp hành tốt nội quy nơi làm việc; giữ liên hệ với chi bộ, báo cáo đều đặn.",
    "staff": "Chấp hành tốt chủ trương, pháp luật; hoàn thành công việc chuyên môn; tham gia "
    "đầy đủ sinh hoạt chi bộ.",
}
HAN_CHE = (
    "Có lúc còn ngại va chạm, chưa mạnh dạn góp ý trong sinh hoạt chi bộ.",
    "Việc tự học nghị quyết còn hạn chế; nguyên nhân chủ quan là chưa sắp xếp thời gian hợp lý.",
    "Tham gia tuyên truyền, vận động bà con chưa thường xuyên.",
    "Có tháng vắng sinh hoạt chi bộ vì việc gia đình (có báo cáo lý do).",
)
KHAC_PHUC = (
    "Hạn chế năm trước về việc ít phát biểu trong sinh hoạt chi bộ đã có chuyển biến.",
    "Đã khắc phục việc đóng đảng phí chậm; năm nay đóng đúng kỳ.",
    "Kỳ kiểm điểm trước không có hạn chế được chỉ ra.",
)
PHUONG_HUONG = (
    "Tiếp tục học tập và làm theo Bác; mạnh dạn góp ý, phê bình trong sinh hoạt chi bộ.",
    "Sắp xếp thời gian tự học; dự sinh hoạt chi bộ đầy đủ, đúng giờ.",
    "Tích cực tuyên truyền, vận động bà con thực hiện các phong trào của ấp.",
)
LANH_DAO = (
    "Chi bộ, ấp hoàn thành 9/10 chỉ tiêu nghị quyết; an ninh trật tự ổn định; không có "
    "khiếu nại vượt cấp. Còn chậm trong vận động kè bờ sông đoạn tổ 4."
)
ABSENTEE_HAN_CHE = "Vắng sinh hoạt chi bộ một số tháng không báo cáo lý do vì đi làm thuê xa."

DISCUSSION = {
    "HTXSNV": "Chi bộ thống nhất: đồng chí gương mẫu, có nhiều đóng góp cho phong trào của ấp.",
    "HTTNV": (
        "Thống nhất với bản tự kiểm điểm; không có ý kiến khác.",
        "Đồng chí hoàn thành tốt nhiệm vụ; cần mạnh dạn phát biểu hơn trong sinh hoạt chi bộ.",
        "Các đồng chí dự họp ghi nhận sự cố gắng của đồng chí trong năm.",
    ),
    "HTNV": "Đồng chí còn vắng sinh hoạt, tham gia phong trào chưa đều; chi bộ đề nghị xếp "
    "loại hoàn thành nhiệm vụ.",
}
DISCUSSION["KHTNV"] = (
    "Đồng chí bị kỷ luật trong năm; chi bộ đề nghị xếp loại không hoàn thành nhiệm vụ theo quy "
    "định."
)
ILL_DISCUSSION = (
    "Đồng chí tuổi cao, ốm nhiều trong năm; chi bộ động viên đồng chí giữ gìn sức khỏe."
)

COLLECTIVE = {
    "ket_qua": "Chi bộ lãnh đạo ấp hoàn thành 9/10 chỉ tiêu nghị quyết năm; duy trì sinh hoạt "
    "thường kỳ hằng tháng và chuyên đề hằng quý; đảng viên đều viết bản cam kết làm theo "
    "chuyên đề; làm xong đường bê tông dọc kênh.",
    "han_che": "Chất lượng sinh hoạt chuyên đề có lúc chưa sâu; còn đảng viên vắng sinh hoạt "
    "không có lý do.",
    "khac_phuc": "Đã khắc phục tình trạng sinh hoạt chi bộ không đủ thời gian; nội dung sinh "
    "hoạt gắn với công việc của ấp.",
    "phuong_huong": "Nâng cao chất lượng sinh hoạt chi bộ; theo dõi, giúp đỡ đảng viên vắng "
    "sinh hoạt; tiếp tục giữ gìn bờ kênh xanh, sạch, đẹp.",
}
COLLECTIVE_DRAFT = {
    "ket_qua": "Chi bộ lãnh đạo ấp cơ bản hoàn thành các chỉ tiêu nghị quyết; duy trì sinh hoạt "
    "thường kỳ hằng tháng. (Bản nháp, chi ủy đang bổ sung số liệu.)",
    "han_che": "Còn quý chưa tổ chức sinh hoạt chuyên đề; một đảng viên vắng sinh hoạt không "
    "có lý do.",
}


def kind_of(occupation: str) -> str:
    for word, kind in KINDS:
        if word in (occupation or ""):
            return kind
    return DEFAULT_KIND
