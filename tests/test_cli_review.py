"""The review-season papers from the command line: cam kết, bản kiểm điểm, danh sách
xếp loại (.pdf or .xlsx), tổng hợp cam kết, kiểm điểm tập thể."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.cli import main
from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.reviews.commitments import CommitmentData, CommitmentItemData, save_commitment
from desktop.services.members.registry import MemberData, create_member
from desktop.services.reviews.ratings import ProposalData, record_proposal
from desktop.services.reviews.self_reviews import SelfReviewData, save_self_review
from desktop.services.cell.workspace import Workspace
from desktop.text import PartialDate

TODAY = date(2026, 1, 10)
CARD = "093012345678"


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out = capsys.readouterr()
    return code, out.out, out.err


def text_of(path) -> str:
    pages = PdfReader(path).pages
    text = unicodedata.normalize("NFC", " ".join(p.extract_text() for p in pages))
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def data_dir(tmp_path):
    """A cell with two members; the first wrote her 2025 commitment and self-review."""
    folder = tmp_path / "data"
    with Workspace(folder, lock=False) as ws:
        db = ws.db
        save_cell(db, CellInfo("Ấp Tân Phú", "Đảng bộ xã Phú Hữu", "Phú Hữu"))
        ids = [
            create_member(
                db,
                MemberData(
                    full_name=name,
                    birth_date=PartialDate(1970),
                    admitted_on=date(2000, 1, 1),
                    official_on=date(2001, 1, 1),
                    card_number=card,
                    party_post=post,
                ),
                today=TODAY,
            )
            for name, card, post in (
                ("Huỳnh Thị Ánh", CARD, "bi_thu"),
                ("Trương Văn Tư", None, ""),
            )
        ]
        items = [CommitmentItemData("lam_theo", "Trồng cây xanh ven đường", True, "dat")]
        save_commitment(db, ids[0], 2025, CommitmentData(date(2025, 3, 1), None, items))
        scores = {"chung": Decimal("26"), "nhiem_vu": Decimal("60")}
        save_self_review(db, ids[0], 2025, SelfReviewData(date(2025, 12, 1), {}, scores, "HTTNV"))
        for member_id in ids:
            record_proposal(db, member_id, 2025, ProposalData("HTTNV", 2, 2), today=TODAY)
    return folder


def member_id(folder, name) -> int:
    from desktop.services.members.registry import list_members

    with Workspace(folder, lock=False) as ws:
        return next(r.id for r in list_members(ws.db) if r.full_name == name)


def test_print_commitment_by_card_number_that_lost_its_leading_zero(data_dir, capsys, tmp_path):
    target = tmp_path / "cam-ket.pdf"
    code, out, _ = run(
        capsys, "--data", data_dir, "print", "commitment", "--member", CARD.lstrip("0"),
        "--year", 2025, "-o", target,
    )  # fmt: skip

    assert code == 0 and "Đã in bản cam kết năm 2025" in out
    text = text_of(target)
    assert "BẢN CAM KẾT" in text and "Huỳnh Thị Ánh" in text
    assert "Trồng cây xanh ven đường (làm theo chuyên đề)" in text


def test_print_review_by_member_id(data_dir, capsys, tmp_path):
    target = tmp_path / "kiem-diem.pdf"
    who = member_id(data_dir, "Huỳnh Thị Ánh")
    code, out, _ = run(
        capsys, "--data", data_dir, "print", "review", "--member", who, "--year", 2025,
        "-o", target,
    )  # fmt: skip

    assert code == 0 and "Đã in bản kiểm điểm năm 2025" in out
    text = text_of(target)
    assert "Mẫu 2C-HD KĐ.ĐG 2025" in text and "Huỳnh Thị Ánh" in text
    assert "Tổng cộng 100 86" in text


def test_print_ratings_as_pdf_and_as_xlsx(data_dir, capsys, tmp_path):
    pdf_target, xlsx_target = tmp_path / "ds.pdf", tmp_path / "ds.xlsx"
    for target in (pdf_target, xlsx_target):
        code, out, _ = run(
            capsys, "--data", data_dir, "print", "ratings", "--year", 2025, "-o", target
        )
        assert code == 0 and "Đã in danh sách đề nghị xếp loại đảng viên năm 2025" in out

    text = text_of(pdf_target)
    assert "DANH SÁCH ĐỀ NGHỊ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025" in text
    assert "Trương Văn Tư" in text
    sheet = load_workbook(xlsx_target)["Danh sách"]
    names = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert names == ["Huỳnh Thị Ánh", "Trương Văn Tư"]


def test_print_commitment_summary_and_collective_review(data_dir, capsys, tmp_path):
    summary, collective = tmp_path / "tong-hop.pdf", tmp_path / "tap-the.pdf"
    code, out, _ = run(
        capsys, "--data", data_dir, "print", "commitments", "--year", 2025, "-o", summary
    )
    assert code == 0 and "Chưa viết cam kết (1): Trương Văn Tư." in text_of(summary)
    code, out, _ = run(
        capsys, "--data", data_dir, "print", "collective", "--year", 2025, "-o", collective
    )
    assert code == 0 and "BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ" in text_of(collective)


@pytest.mark.parametrize("member", ["999999999999", "4242", "Nguyễn Văn A"])
def test_unknown_member_is_refused_in_vietnamese(data_dir, capsys, tmp_path, member):
    target = tmp_path / "x.pdf"
    code, _, err = run(
        capsys, "--data", data_dir, "print", "review", "--member", member, "--year", 2025,
        "-o", target,
    )  # fmt: skip

    assert code == 1
    assert "Không tìm thấy đảng viên" in err and member in err
    assert not target.exists()


def test_year_without_rules_and_wrong_file_type_are_explained(data_dir, capsys, tmp_path):
    code, _, err = run(
        capsys, "--data", data_dir, "print", "ratings", "--year", 2010, "-o", tmp_path / "a.pdf"
    )
    assert code == 1 and "Chưa có bộ quy định đánh giá, xếp loại cho năm 2010" in err
    code, _, err = run(
        capsys, "--data", data_dir, "print", "ratings", "--year", 2025, "-o", tmp_path / "a.doc"
    )
    assert code == 1 and ".pdf hoặc .xlsx" in err


def test_year_is_required(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        main(["--data", str(tmp_path), "print", "commitment", "--member", "1", "-o", "a.pdf"])
    assert stop.value.code == 2
    assert "thiếu tham số bắt buộc: --year" in capsys.readouterr().err
