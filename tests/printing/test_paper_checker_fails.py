"""The paper checker can fail: a paper breaking each rule is reported, rule by rule (so the
demo passing it means something)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from desktop.printing.fonts import font_name, register_fonts
from tests.printing.paper_checker import (
    PARTY,
    Expect,
    check_pdf,
    numbering_problems,
    shares_add_up,
)


def wrong_paper(path: Path) -> Path:
    """Minutes as a careless template prints them: small party name, a bare number, a
    date in the wrong style, text in the left margin, votes over those present, "..",
    and no "Nơi nhận"."""
    family = register_fonts()
    regular, bold = font_name(family), font_name(family, bold=True)
    italic = font_name(family, italic=True)
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(bold, 14)
    pdf.drawString(110 * mm, height - 25 * mm, PARTY)
    pdf.setFont(regular, 14)
    pdf.drawString(35 * mm, height - 25 * mm, "CHI BỘ ẤP TÂN PHÚ")
    pdf.drawString(35 * mm, height - 35 * mm, "Số 5-BB/CB")
    pdf.setFont(italic, 13)
    pdf.drawString(110 * mm, height - 35 * mm, "Long Thạnh, ngày 5 tháng 03 năm 2026")
    pdf.setFont(bold, 15)
    pdf.drawString(90 * mm, height - 50 * mm, "BIÊN BẢN")
    pdf.setFont(regular, 14)
    lines = [
        "Trong số có mặt: chính thức 15, dự bị 0.",
        "Biểu quyết: tán thành 18/18 đồng chí có mặt.",
        "Họp ngày 5/3/2026, biên bản thông qua..",
        "Căn cứ Quy định 366-QĐ/TW (theo issue 12; nguồn thứ cấp).",
    ]
    for i, text in enumerate(lines):
        pdf.drawString(20 * mm, height - (70 + 10 * i) * mm, text)  # 20 mm: inside the margin
    pdf.save()
    return path


def test_a_wrong_paper_is_reported_for_each_rule_it_breaks(tmp_path):
    problems = " | ".join(
        check_pdf(wrong_paper(tmp_path / "sai.pdf"), Expect(outgoing=True, numbered=True))
    )
    for expected in (
        "party name not 15 bold",
        "place-and-date not 14 italic",
        "day not two digits",
        "month style",
        "date style: 5/3/2026",
        "no 'Nơi nhận:'",
        "issued paper without 'Số NN-<loại>/<cơ quan>'",
        "vote 18/18 over 15 official members present",
        "doubled full stop",
        "left margin 20.0 mm",
        "research note on the paper",
    ):
        assert expected in problems, expected


def test_numbering_and_shares_that_do_not_add_up_are_reported():
    assert numbering_problems([14, 15, 1]) == ["minutes number 01 follows 15"]
    assert numbering_problems([14, 15, 16]) == []
    assert not shares_add_up(["33,33%", "33,33%", "33,33%"])
    assert shares_add_up(["33,34%", "33,33%", "33,33%"])
