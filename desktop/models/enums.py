"""Closed vocabularies of the member registry, stored as short stable codes.

The codes are what the database keeps; the Vietnamese labels are what users see.
"""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    """Giới tính."""

    MALE = "nam"
    FEMALE = "nu"

    @property
    def label(self) -> str:
        return {"nam": "Nam", "nu": "Nữ"}[self.value]


class ReviewGroup(StrEnum):
    """Nhóm kiểm điểm: which self-review form applies, named after the forms of
    HD 43-HD/BTCTW (31/10/2025) §2.1b: 2A leaders, 2B others in the political system, 2C
    members outside it. Older years map each group to their own form (rule packs)."""

    A = "2A"  # giữ chức vụ lãnh đạo, quản lý
    B = "2B"  # trong hệ thống chính trị, không giữ chức vụ lãnh đạo, quản lý
    C = "2C"  # không làm việc trong hệ thống chính trị

    @property
    def label(self) -> str:
        return {
            "2A": "2A – giữ chức vụ lãnh đạo, quản lý",
            "2B": "2B – trong hệ thống chính trị",
            "2C": "2C – ngoài hệ thống chính trị",
        }[self.value]


class PartyPost(StrEnum):
    """Chức vụ Đảng trong chi bộ."""

    NONE = ""
    SECRETARY = "bi_thu"
    DEPUTY = "pho_bi_thu"
    COMMITTEE = "chi_uy_vien"

    @property
    def label(self) -> str:
        return {
            "": "",
            "bi_thu": "Bí thư",
            "pho_bi_thu": "Phó Bí thư",
            "chi_uy_vien": "Chi ủy viên",
        }[self.value]


class EventKind(StrEnum):
    """Sự kiện trong quá trình sinh hoạt đảng of a member; the status is derived from these."""

    ADMITTED = "ket_nap"
    OFFICIAL = "chinh_thuc"
    TRANSFER_IN = "chuyen_den"
    TRANSFER_OUT = "chuyen_di"
    RETURNED = "tro_ve"
    EXEMPTED = "mien_sinh_hoat"
    EXEMPTION_ENDED = "het_mien"
    DISCIPLINE = "ky_luat"
    AWARD = "khen_thuong"
    BADGE = "huy_hieu"
    DECEASED = "tu_tran"
    REMOVED = "xoa_ten"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS = {
    EventKind.ADMITTED: "Kết nạp",
    EventKind.OFFICIAL: "Công nhận đảng viên chính thức",
    EventKind.TRANSFER_IN: "Chuyển sinh hoạt đến",
    EventKind.TRANSFER_OUT: "Chuyển sinh hoạt đi",
    EventKind.RETURNED: "Trở về sinh hoạt tại chi bộ",
    EventKind.EXEMPTED: "Miễn công tác và sinh hoạt đảng",
    EventKind.EXEMPTION_ENDED: "Thôi miễn công tác và sinh hoạt đảng",
    EventKind.DISCIPLINE: "Kỷ luật",
    EventKind.AWARD: "Khen thưởng",
    EventKind.BADGE: "Huy hiệu Đảng",
    EventKind.DECEASED: "Từ trần",
    EventKind.REMOVED: "Xóa tên",
}

DISCIPLINE_FORMS = ("Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ")
