"""A review season of "Chi bộ Ấp Thạnh Lợi" made through the services (not the demo).

2025 (Quy định 366, scored): 9 members on the roll at 31/12/2025 — one exempted and one
admitted in September (both not rated), the secretary and her deputy proposed "xuất sắc"
and five proposed "tốt", so 2 xuất sắc against 5 × 20% = 1 exceeds the quota; one
commitment written, assessed and evaluated; the rating votes recorded at the December
meeting. 2024 (Quy định 124, not scored): An's review on Mẫu 02A and a decided list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.reviews.collective import CollectiveReviewData, save_collective_review
from desktop.services.reviews.commitments import (
    CommitmentData,
    CommitmentItemData,
    evaluate_commitment,
    save_commitment,
)
from desktop.services.members.events import EventData, add_event
from desktop.services.meetings.plan import attendance_sheet, plan_meeting, set_attendance
from desktop.services.members.registry import MemberData, create_member
from desktop.services.reviews.ratings import ProposalData, record_decision, record_proposal
from desktop.services.reviews.self_reviews import SelfReviewData, save_self_review
from desktop.text import PartialDate

TODAY = date(2026, 1, 10)
CELL = CellInfo("Ấp Thạnh Lợi", "Đảng bộ xã Vị Thủy", "Vị Thủy", "2025–2030")
SECRETARY = "Đặng Thị Bắc"
DEPUTY = "Lữ Văn Ổn"
GOOD = ("Phạm Văn An", "Lê Thị Dung", "Nguyễn Văn Đức", "Nguyễn Thị Mỹ", "Võ Thị Hằng")
EXEMPTED = "Trần Văn Ắt"
NEWCOMER = "Đỗ Văn Được"
CARD = "012345678901"  # Phạm Văn An's party card


@dataclass
class ReviewCell:
    db: object
    ids: dict[str, int]
    meeting_id: int


def _member(db, name: str, admitted: date, **fields) -> int:
    fields.setdefault("birth_date", PartialDate(1960, 4, 12))
    official = date(admitted.year + 1, admitted.month, admitted.day)
    data = MemberData(
        full_name=name,
        admitted_on=admitted,
        official_on=official if official < TODAY else None,
        **fields,
    )
    return create_member(db, data, today=TODAY)


def build_review_cell(db) -> ReviewCell:
    save_cell(db, CELL)
    ids = {
        SECRETARY: _member(
            db, SECRETARY, date(1995, 6, 1), gender="nu", party_post="bi_thu", review_group="2A",
            other_posts="Trưởng ấp",
        ),
        DEPUTY: _member(db, DEPUTY, date(1999, 12, 22), party_post="pho_bi_thu"),
        EXEMPTED: _member(db, EXEMPTED, date(1985, 3, 3)),
        NEWCOMER: _member(db, NEWCOMER, date(2025, 9, 1), birth_date=PartialDate(1998)),
    }  # fmt: skip
    ids[GOOD[0]] = _member(db, GOOD[0], date(1990, 5, 2), card_number=CARD)
    for name in GOOD[1:]:
        ids[name] = _member(db, name, date(2005, 8, 19), gender="nu" if "Thị" in name else "nam")
    add_event(
        db, ids[EXEMPTED], EventData(kind="mien_sinh_hoat", happened_on=date(2024, 1, 10)),
        today=TODAY,
    )  # fmt: skip
    meeting_id = plan_meeting(db, "thuong_ky", 2025, 12, planned_on=date(2025, 12, 15))
    # The rating meeting's roll: the votes recorded there are bounded by who was present.
    roll = [(r.member_id, "co_mat", "") for r in attendance_sheet(db, meeting_id) if r.expected]
    set_attendance(db, meeting_id, roll)
    _season_2025(db, ids, meeting_id)
    _season_2024(db, ids)
    return ReviewCell(db, ids, meeting_id)


def _season_2025(db, ids: dict[str, int], meeting_id: int) -> None:
    secretary = ids[SECRETARY]
    save_commitment(
        db,
        secretary,
        2025,
        CommitmentData(
            written_on=date(2025, 3, 10),
            acknowledged_on=date(2025, 3, 20),
            items=[
                CommitmentItemData("tu_tuong", "Kiên định lập trường", False, "dat"),
                CommitmentItemData("nhiem_vu", "Vận động 100% hộ đóng góp làm đường", False, "vuot",
                                   "Đường ấp hoàn thành tháng 9"),
                CommitmentItemData("lam_theo", "Mỗi tháng thăm một hộ nghèo của ấp", True, "dat"),
            ],
        ),
    )  # fmt: skip
    evaluate_commitment(db, secretary, 2025, "tot", "Gương mẫu, đi đầu", date(2025, 12, 10))
    save_self_review(
        db,
        secretary,
        2025,
        SelfReviewData(
            written_on=date(2025, 12, 5),
            answers={
                "uu_diem": "Lãnh đạo chi bộ hoàn thành các chỉ tiêu năm.\nGiữ mối đoàn kết.",
                "han_che": "Còn chậm cập nhật sổ sách.",
            },
            scores={"chung": Decimal("28"), "nhiem_vu": Decimal("64")},
            self_level="HTXSNV",
        ),
    )
    save_self_review(
        db, ids[DEPUTY], 2025,
        SelfReviewData(date(2025, 12, 5), {"uu_diem": "Hoàn thành nhiệm vụ."},
                       {"chung": Decimal("27.5"), "nhiem_vu": Decimal("62")}, "HTXSNV"),
    )  # fmt: skip
    on = date(2025, 12, 15)
    for name in (SECRETARY, DEPUTY):
        record_proposal(
            db, ids[name], 2025, ProposalData("HTXSNV", 7, 7, "Chi bộ thống nhất.", on, meeting_id),
            today=TODAY,
        )  # fmt: skip
    for name in GOOD:
        record_proposal(
            db, ids[name], 2025, ProposalData("HTTNV", 6, 7, "", on, meeting_id), today=TODAY
        )
    save_collective_review(
        db,
        2025,
        CollectiveReviewData(
            written_on=date(2025, 12, 12),
            answers={"ket_qua": "Chi bộ lãnh đạo hoàn thành 10/10 chỉ tiêu nghị quyết."},
            scores={"chung": Decimal("27"), "nhiem_vu": Decimal("60")},
            self_level="HTTNV",
            votes_for=7,
            votes_total=7,
        ),
    )


def _season_2024(db, ids: dict[str, int]) -> None:
    an = ids[GOOD[0]]
    save_self_review(
        db, an, 2024,
        SelfReviewData(date(2024, 12, 2), {"uu_diem": "Tham gia đầy đủ sinh hoạt chi bộ."},
                       {}, "HTTNV"),
    )  # fmt: skip
    for name in (SECRETARY, DEPUTY, *GOOD):
        level = "HTXSNV" if name == SECRETARY else "HTTNV"
        record_proposal(
            db, ids[name], 2024, ProposalData(level, 7, 7, "", date(2024, 12, 16)), today=TODAY
        )
        record_decision(db, ids[name], 2024, level, "125-QĐ/ĐU", date(2025, 1, 20))
