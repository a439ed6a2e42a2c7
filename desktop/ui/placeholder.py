"""A plain page for a part of the app that is not built yet (phần đang xây dựng).

It says so honestly and tells what the part will do, so that the secretary sees the
whole plan of the product without meeting buttons that do nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.style import heading
from desktop.ui.widgets import notice_label

NOT_BUILT = "Phần này đang được xây dựng và sẽ có trong phiên bản sau."


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.notice = notice_label(NOT_BUILT)
        self.description = QLabel(description)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(heading(title))
        layout.addWidget(self.notice)
        layout.addWidget(self.description)
        layout.addStretch(1)


# The parts still to come, in the words the secretary uses (DOMAIN.md §3–6).
MEETINGS_TEXT = (
    "Phần «Sinh hoạt chi bộ» sẽ giúp chuẩn bị và ghi lại từng buổi sinh hoạt: lập chương "
    "trình theo trình tự thường dùng (tuyên bố lý do, điểm danh, thông tin thời sự, học tập "
    "và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, phương hướng tháng tới, thảo luận, "
    "biểu quyết nghị quyết…), điểm danh đảng viên có mặt, vắng có lý do, vắng không lý do; "
    "ghi ý kiến thảo luận và kết quả biểu quyết; nhắc khi thời gian sinh hoạt ngắn hơn quy "
    "định; rồi in biên bản đúng thể thức trên khổ A4."
)
TOPICS_TEXT = (
    "Phần «Chuyên đề và cam kết» sẽ lưu chuyên đề học tập hằng năm (tên chuyên đề do tỉnh, "
    "xã ban hành, sửa được), theo dõi đảng viên nào đã học tập, ai cần học bù ở buổi sau, "
    "lập bản cam kết tu dưỡng, rèn luyện, phấn đấu của từng đảng viên theo mẫu của năm, "
    "và cuối năm tổng hợp kết quả thực hiện để báo cáo cấp trên."
)
REVIEWS_TEXT = (
    "Phần «Kiểm điểm và xếp loại» sẽ giúp kiểm điểm, đánh giá, xếp loại chất lượng đảng viên "
    "cuối năm theo quy định của từng năm (mẫu 2A, 2B, 2C; thang 100 điểm từ năm 2025), ghi "
    "kết quả biểu quyết của chi bộ, cảnh báo các trường hợp đặc biệt (bị kỷ luật trong năm, "
    "miễn sinh hoạt, mới kết nạp) và tỷ lệ hoàn thành xuất sắc nhiệm vụ, rồi in danh sách đề "
    "nghị xếp loại gửi cấp ủy cấp trên."
)
