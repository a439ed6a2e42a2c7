"""Every paper of a cell built at the rules' edge values (``edge_cell``) passes the checker.

The papers are printed the way ``sochibo print …`` prints them (``desktop.cli.main`` with
``--data``), read back and checked by ``paper_checker``; then the edges themselves: minutes
numbered on through January and from 01 in the new term, the quota warning, the
out-of-band flag, the member admitted a day too late, the 0 row, shares adding to 100 %.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.printing.members.roster import write_roster_pdf
from desktop.printing.reviews.collective import print_collective_review
from desktop.printing.reviews.commitment import print_commitment, print_commitment_summary
from desktop.printing.reviews.rating_list import print_rating_list
from desktop.printing.reviews.rating_xlsx import write_rating_xlsx
from desktop.printing.reviews.self_review import print_self_review
from desktop.rules.rating_rules import pack_for_year
from desktop.services.cell.details import CellInfo, save_cell
from desktop.services.cell.workspace import Workspace
from desktop.services.reviews.print_data import rating_list_paper
from tests.printing.edge_cell import (
    FIRST,
    LONG_NAME,
    PARTIAL,
    PREPAID,
    SECOND,
    SECOND_TERM,
    TODAY,
    build_edge_cell,
)
from tests.printing.paper_checker import (
    MINUTES_NUMBER,
    Expect,
    check_pdf,
    full_text,
    date_problems,
    docx_problems,
    numbering_problems,
    punctuation_problems,
    shares_add_up,
    vote_problems,
)

MINUTES = Expect(numbered=True)
OUTGOING_TEXT = Expect(outgoing=True, numbered=True)
OUTGOING_TABLE = Expect(outgoing=True, numbered=True, text_paper=False)
TABLE = Expect(text_paper=False)
FORM = Expect()
BOOK = Expect(header=False)


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    """The edge cell and every paper of it: the meeting and dues papers through
    ``sochibo print`` (they carry the dates stored with their records), the review papers
    through the same printing functions with the day fixed (the command line prints them
    as of today, and the edge years must not move with the clock)."""
    folder = tmp_path_factory.mktemp("edge")
    data, out = folder / "data", folder / "papers"
    out.mkdir()
    papers: dict[str, tuple[Path, Expect]] = {}

    def add(path: Path, expect: Expect) -> None:
        papers[path.name] = (path, expect)

    with Workspace(data, lock=False) as ws:
        db = ws.db
        cell = build_edge_cell(db)
        add(write_roster_pdf(db, out / "roster.pdf", on=TODAY), TABLE)
        for year in (FIRST, SECOND):
            add(print_rating_list(db, year, out / f"ds-{year}.pdf", TODAY), OUTGOING_TABLE)
            add(write_rating_xlsx(db, year, out / f"ds-{year}.xlsx", TODAY), OUTGOING_TABLE)
            add(print_collective_review(db, year, out / f"tt-{year}.pdf", TODAY), OUTGOING_TEXT)
            add(print_commitment_summary(db, year, out / f"ck-{year}.pdf", TODAY), OUTGOING_TABLE)
            for key in FORMS_OF:
                member = cell.ids[key]
                path = out / f"kd-{year}-{key}.pdf"
                add(print_self_review(db, member, year, path, TODAY), FORM)
                path = out / f"cam-{year}-{key}.pdf"
                add(print_commitment(db, member, year, path, TODAY), FORM)

    def paper(name: str, expect: Expect, *args: str) -> None:
        path = out / name
        code = main(["--data", str(data), "print", *args, "-o", str(path)])
        assert code == 0, args
        add(path, expect)

    for year, month in sorted(cell.meetings):
        ym = f"{year}-{month:02d}"
        paper(f"bb-{ym}.pdf", MINUTES, "minutes", "--month", ym)
        paper(f"bb-{ym}.docx", MINUTES, "minutes", "--month", ym)
        paper(f"ct-{ym}.pdf", OUTGOING_TEXT, "agenda", "--month", ym)
    for year in (FIRST, SECOND):
        # The book opens with its cover (SỔ BIÊN BẢN …), not a paper's header.
        paper(f"sbb-{year}.pdf", BOOK, "minutes-book", "--year", str(year))
    paper("dp-thang-03.pdf", TABLE, "dues", "--month", PARTIAL)
    paper("dp-thang-04.pdf", TABLE, "dues", "--month", PREPAID[0])
    paper("dp-nam.pdf", TABLE, "dues", "--year", "2026")
    paper("dp-nam.xlsx", TABLE, "dues", "--year", "2026")
    paper("dp-quy-2.pdf", TABLE, "dues", "--year", "2026", "--quarter", "2", "--remittance")
    # The ratings package goes to the đảng ủy, who imports it and prints the consolidated list.
    stick, superior = folder / "usb", folder / "dang-uy"
    stick.mkdir()
    with Workspace(superior, lock=False) as ws:
        save_cell(ws.db, CellInfo("Đảng ủy phường Tân An", "Đảng bộ thành phố Cần Thơ",
                                  "Tân An", ""))  # fmt: skip
    for year in (FIRST, SECOND):
        args = ["--data", str(data), "export", "ratings", "--year", str(year), "--to", str(stick)]
        assert main(args) == 0
    for package in sorted(stick.iterdir()):
        assert main(["--data", str(superior), "import", "ratings", str(package)]) == 0
    for year in (FIRST, SECOND):
        path = out / f"th-{year}.pdf"
        args = ["--data", str(superior), "print", "consolidated", "--year", str(year)]
        assert main([*args, "-o", str(path)]) == 0
        add(path, OUTGOING_TABLE)
        xlsx = out / f"th-{year}.xlsx"
        assert main([*args, "-o", str(xlsx)]) == 0
        add(xlsx, OUTGOING_TABLE)
    yield cell, papers, folder, data


FORMS_OF = ("bi_thu", "pho_bi_thu", "dv6", "ten_dai", "du_nguong", "tre_mot_ngay", "mien",
            "nghi_om")  # fmt: skip


def _pdfs(papers):
    return [(path, expect) for path, expect in papers.values() if path.suffix == ".pdf"]


def test_every_paper_of_the_edge_cell_passes_the_checker(edge):
    _, papers, _, _ = edge
    problems = [p for path, expect in _pdfs(papers) for p in check_pdf(path, expect)]
    assert problems == []


def _flat(path: Path) -> str:
    return " ".join(full_text(path).split())


def _docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())


def test_minutes_run_on_through_january_and_restart_at_01_in_the_new_term(edge):
    cell, papers, _, _ = edge
    new_term = (SECOND_TERM.year, SECOND_TERM.month)
    numbers = {}
    for year, month in sorted(cell.meetings):
        name = f"bb-{year}-{month:02d}"
        number = int(MINUTES_NUMBER.search(full_text(papers[f"{name}.pdf"][0])).group(1))
        numbers[(year, month)] = number
        # The .docx of the same minutes carries the same number.
        assert f"Số {number:02d}-BB/CB" in _docx_text(papers[f"{name}.docx"][0])
    old = [n for ym, n in sorted(numbers.items()) if ym < new_term]
    new = [n for ym, n in sorted(numbers.items()) if ym >= new_term]
    assert old == [1, 2, 3]  # November, December, then January goes on
    assert new == [1, 2]  # the new term's congress restarts the count
    assert numbering_problems(old) == [] and numbering_problems(new) == []
    # The year's book prints each minutes with its number: 2026 holds 03, then 01, 02.
    book = _flat(papers[f"sbb-{SECOND}.pdf"][0])
    found = [int(n) for n in MINUTES_NUMBER.findall(book)]
    assert sorted(set(found)) == [1, 2, 3] and found.index(3) < found.index(1)


def test_the_docx_minutes_follow_the_date_and_vote_rules(edge):
    cell, papers, _, _ = edge
    for year, month in cell.meetings:
        text = _docx_text(papers[f"bb-{year}-{month:02d}.docx"][0])
        assert date_problems(text) == [] and vote_problems(text) == [], (year, month)
        assert punctuation_problems(text) == []
        assert docx_problems(papers[f"bb-{year}-{month:02d}.docx"][0]) == []


def test_a_vote_one_over_the_official_members_present_is_refused_with_the_arithmetic(edge):
    cell, _, _, _ = edge
    for year in (FIRST, SECOND):
        present = cell.present[year]
        assert f"tán thành {present} + không tán thành 1 = {present + 1}" in cell.refused[year]
        assert f"có mặt tại buổi sinh hoạt ({present})" in cell.refused[year]


def test_the_quota_is_silent_when_reached_and_warns_one_over(edge):
    cell, papers, _, _ = edge

    def quota(year):
        texts = [w for (_, y), found in cell.warnings.items() if y == year for w in found]
        return [w for w in texts if "HTXSNV" in w]

    assert quota(FIRST) == []
    assert len(quota(SECOND)) == 1 and " vượt 20% số HTTNV" in quota(SECOND)[0]
    first = _flat(papers[f"ds-{FIRST}.pdf"][0])
    second = _flat(papers[f"ds-{SECOND}.pdf"][0])
    assert "Số HTXSNV (1) không vượt 20% số HTTNV (7 × 20% = 1,4, lấy phần nguyên: 1)" in first
    assert "Số HTXSNV (2) vượt 20% số HTTNV (6 × 20% = 1,2, lấy phần nguyên: 1)" in second
    assert "Lưu ý:" in second and "Lưu ý:" not in first
    minutes = _flat(papers[f"bb-{SECOND}-12.pdf"][0])
    assert "Vượt tỷ lệ quy định: cấp" in minutes  # (a page break may follow "cấp")


def test_the_rating_meeting_minutes_print_votes_equal_to_those_present(edge):
    cell, papers, _, _ = edge
    for year in (FIRST, SECOND):
        text = _flat(papers[f"bb-{year}-12.pdf"][0])
        present = cell.present[year]
        assert f"Trong số có mặt: chính thức {present}," in text
        assert text.count(f"(tán thành {present}/{present})") == len(cell.levels[year])


def test_the_member_admitted_a_day_late_is_not_reviewed_and_the_one_on_the_day_is(edge):
    _, papers, _, _ = edge
    late = " ".join(full_text(papers[f"kd-{FIRST}-tre_mot_ngay.pdf"][0]).split())
    on_time = " ".join(full_text(papers[f"kd-{FIRST}-du_nguong.pdf"][0]).split())
    assert "không thuộc diện kiểm điểm" in late
    assert "không thuộc diện kiểm điểm" not in on_time


def test_a_self_rating_outside_its_band_is_flagged_on_the_list(edge):
    cell, papers, _, _ = edge
    score = cell.scores[f"dv6-{FIRST}"]
    text = " ".join(full_text(papers[f"ds-{FIRST}.pdf"][0]).split())
    assert f"Tự xếp loại «Tốt» nhưng điểm {score}" in text


def test_the_long_name_prints_whole(edge):
    _, papers, _, _ = edge
    assert len(LONG_NAME) >= 40
    for name in ("roster.pdf", f"ds-{FIRST}.pdf", f"kd-{FIRST}-ten_dai.pdf"):
        text = " ".join(full_text(papers[name][0]).split())
        assert LONG_NAME in text, name


def _summary(path: Path) -> dict[str, list]:
    """The "Tổng hợp" sheet's rows by their first cell's text."""
    rows = load_workbook(path)["Tổng hợp"].iter_rows(values_only=True)
    return {str(row[0]): [v for v in row[1:] if v is not None] for row in rows if row[0]}


def test_the_rating_workbook_counts_add_up_with_the_empty_row_and_shares_to_100(edge):
    cell, papers, _, _ = edge
    for year in (FIRST, SECOND):
        summary = _summary(papers[f"ds-{year}.xlsx"][0])
        levels = [lv.name for lv in pack_for_year(year).levels]
        rows = [summary[name] for name in levels]
        waiting = summary.get("Chưa đề xuất / chưa quyết định", [0, 0])
        # [short name, count, share]: numbers stay numbers.
        counts = [row[1] for row in rows] + [waiting[0]]
        shares = [row[2] for row in rows] + [waiting[1]]
        assert all(isinstance(v, int) for v in counts), counts
        assert summary[levels[-1]][1] == 0  # nobody "không hoàn thành": its row still prints
        rated = summary["Thuộc diện xếp loại (mẫu số tính tỷ lệ)"][0]
        assert sum(counts) == summary["Cộng"][0] == rated
        assert round(sum(shares), 6) == 1 == summary["Cộng"][1]
        on_roll = summary["Tổng số đảng viên"][0]
        assert on_roll == rated + summary["Không xếp loại"][0] == len(cell.ids)
        assert waiting[0] == summary["Chưa có đề xuất"][0]
        proposed = [lv for lv in cell.levels[year].values()]
        assert sum(counts[:-1]) == len(proposed)


def test_the_rating_list_pdf_shares_add_up_to_100(edge):
    _, _, _, data = edge
    for year in (FIRST, SECOND):
        with Workspace(data, lock=False) as ws:
            paper = rating_list_paper(ws.db, year, TODAY)
        shares = [t.proposed_share for t in paper.tallies] + [paper.awaiting_share]
        assert shares_add_up(shares), (year, shares)
        assert sum(t.proposed for t in paper.tallies) + len(paper.awaiting) == paper.rated
        assert [t.proposed for t in paper.tallies][-1] == 0


def test_a_month_paid_partly_and_months_paid_ahead_print_as_they_were_paid(edge):
    cell, papers, _, _ = edge
    march = _flat(papers["dp-thang-03.pdf"][0])
    assert "Lê Văn Đảng 01 Lương 8.000.000 1% 80.000 40.000 10/3/2026" in march
    assert "Số đảng viên phải nộp: 13; đã nộp đủ: 12." in march
    april = _flat(papers["dp-thang-04.pdf"][0])
    # The payment of 28/3 for April–June shows on each month it paid for.
    assert "Lê Văn Đảng 02 Lương 8.000.000 1% 80.000 80.000 28/3/2026" in april
    assert "đã nộp đủ: 13." in april


def test_the_dues_year_workbook_adds_up_by_member_and_by_month(edge):
    _, papers, _, _ = edge
    rows = list(load_workbook(papers["dp-nam.xlsx"][0]).active.iter_rows(values_only=True))
    head = next(i for i, row in enumerate(rows) if row[0] == "TT")
    members = [row for row in rows[head + 1:] if isinstance(row[0], int)]
    paid = next(row for row in rows if row[1] == "Cộng đã nộp" or row[0] == "Cộng đã nộp")

    def amount(value) -> int:
        return value if isinstance(value, int) else 0

    for row in members:
        assert sum(amount(v) for v in row[2:14]) == row[14], row
    offset = 0 if paid[0] == "Cộng đã nộp" else 1
    totals = paid[1 + offset:]
    for month in range(12):
        column = sum(amount(row[2 + month]) for row in members)
        assert column == amount(totals[month]), (month + 1, column, totals)
    assert sum(row[14] for row in members) == totals[12]
    dv1 = next(row for row in members if row[1] == "Lê Văn Đảng 01")
    assert dv1[4] == 40_000  # March, paid in part


def test_the_remittance_note_adds_up(edge):
    _, papers, _, _ = edge
    text = _flat(papers["dp-quy-2.pdf"][0])
    months = re.findall(r"(\d{2}/\d{4}) ([\d.]+) (\d+)% ([\d.]+) ([\d.]+)", text)
    assert [m[0] for m in months] == ["04/2026", "05/2026", "06/2026"]

    def money(text: str) -> int:
        return int(text.replace(".", ""))

    for _, got, share, kept, sent in months:
        assert money(kept) + money(sent) == money(got)
        assert money(kept) == money(got) * int(share) // 100
    total = re.search(r"Cộng ([\d.]+) ([\d.]+) ([\d.]+)", text).groups()
    assert [money(t) for t in total] == [sum(money(m[i]) for m in months) for i in (1, 3, 4)]


def test_the_consolidated_list_carries_the_cells_counts_and_the_quota_warning(edge):
    cell, papers, _, _ = edge
    for year in (FIRST, SECOND):
        text = _flat(papers[f"th-{year}.pdf"][0])
        row = re.search(r"1 Khu phố Biên ((?:\d+ )+)Tổng cộng", text).group(1).split()
        on_roll, not_rated, *counts, waiting = map(int, row)
        assert on_roll == len(cell.ids) == not_rated + sum(counts) + waiting, (year, row)
        proposed = cell.levels[year].values()
        assert counts == [sum(1 for v in proposed if v == lv.code)
                          for lv in pack_for_year(year).levels]  # fmt: skip
        assert counts[-1] == 0  # the empty "không hoàn thành" column still adds up
    assert "Số HTXSNV (2) vượt 20%" in _flat(papers[f"th-{SECOND}.pdf"][0])


SHARE = re.compile(r"(Xuất sắc|Tốt|Hoàn thành|Không hoàn thành|Chưa đề xuất): (\d+) \(([\d,]+%)\)")


def test_the_consolidated_shares_add_to_100_with_those_not_yet_proposed(edge):
    _, papers, _, _ = edge
    for year in (FIRST, SECOND):
        text = _flat(papers[f"th-{year}.pdf"][0])
        line = text.split("Tỷ lệ trên ", 1)[1].split("Tỷ lệ xuất sắc", 1)[0]
        found = SHARE.findall(line)
        assert shares_add_up([share for _, _, share in found]), (year, found)
        # The member to be rated with no proposal yet has his row and his share.
        waiting = [count for name, count, _ in found if name == "Chưa đề xuất"]
        assert waiting == ([] if year == FIRST else ["1"])
    second = _flat(papers[f"th-{SECOND}.pdf"][0])
    assert "Phạm Văn Trễ Khu phố Biên Chưa có đề xuất của chi bộ." in second


def test_the_consolidated_notes_carry_one_pair_of_brackets(edge):
    _, papers, _, _ = edge
    text = _flat(papers[f"th-{FIRST}.pdf"][0])
    assert "(như Quy định 124-QĐ/TW" not in text
    assert "(Quy định 366-QĐ/TW ngày 30/8/2025; như Quy định 124-QĐ/TW, Điều 5)." in text


def test_the_exempted_member_gets_a_confirmation_not_a_form(edge):
    _, papers, _, _ = edge
    for year in (FIRST, SECOND):
        text = _flat(papers[f"kd-{year}-mien.pdf"][0])
        assert f"Huỳnh Văn Miễn không thuộc diện kiểm điểm năm {year}, lý do:" in text
        assert "miễn công tác và sinh hoạt đảng" in text
        assert "BẢN KIỂM ĐIỂM" not in text


def test_the_secretarys_own_form_is_signed_for_the_cell_by_the_deputy(edge):
    _, papers, _, _ = edge
    text = _flat(papers[f"kd-{FIRST}-bi_thu.pdf"][0])
    assert text.endswith("T/M CHI BỘ PHÓ BÍ THƯ Trần Thị Hồng")


def test_sick_leave_at_the_packs_cap_is_judged_as_the_pack_says(edge):
    cell, _, _, _ = edge
    for year in (FIRST, SECOND):
        cap = next((c for c in pack_for_year(year).caps if c.code == "sick_leave"), None)
        warnings = cell.warnings[("nghi_om", year)]
        if cap is None:  # the 2025 pack no longer caps sick leave: "tốt" stands unwarned
            assert warnings == [] and cell.levels[year]["nghi_om"] != ""
        else:
            assert any("nghỉ ốm" in w for w in warnings)


def test_the_checker_reports_a_cell_text_running_into_the_next(tmp_path):
    """The overlap rule can fail: a table cell's words drawn over its neighbour's."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from desktop.printing.fonts import font_name, register_fonts

    regular = font_name(register_fonts())
    path = tmp_path / "tran.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(regular, 11)
    pdf.drawString(40 * mm, 150 * mm, "Không hoàn thành")
    pdf.drawString(60 * mm, 150 * mm, "Hoàn thành")  # the next column, 20 mm on
    pdf.drawString(40 * mm, 140 * mm, "Tốt")
    pdf.drawString(60 * mm, 140 * mm, "Tốt")
    pdf.save()
    problems = check_pdf(path, Expect(header=False, text_paper=False))
    assert problems == ["tran.pdf: p1 'Không hoàn thành' runs into 'Hoàn thành'"]


def test_the_consolidated_workbook_rows_add_up_and_spell_out_the_notes(edge):
    cell, papers, _, _ = edge
    for year in (FIRST, SECOND):
        book = load_workbook(papers[f"th-{year}.xlsx"][0])
        rows = list(book["Tổng hợp"].iter_rows(values_only=True))
        table = [r for r in rows if r[1] in ("Khu phố Biên", "Tổng cộng")]
        assert len(table) == 2, rows
        for _, _, on_roll, not_rated, *rest in table:
            assert all(isinstance(v, int) for v in (on_roll, not_rated, *rest))
            assert on_roll == not_rated + sum(rest) == len(cell.ids), (year, rest)
        notes = {r[1]: r[-1] for r in book["Danh sách"].iter_rows(values_only=True)}
        assert "(như Quy định 124-QĐ/TW" not in str(notes.get("Huỳnh Văn Miễn"))
        if year == SECOND:
            assert notes["Phạm Văn Trễ"] == "Chưa có đề xuất của chi bộ."


def test_the_docx_rule_reports_small_party_name_and_margins_on_the_bounds(tmp_path):
    from docx import Document
    from docx.shared import Mm, Pt

    from tests.printing.paper_checker import PARTY

    document = Document()
    document.sections[0].left_margin = Mm(29)
    run = document.add_paragraph().add_run(PARTY)
    run.font.size, run.bold = Pt(14), True
    date_run = document.add_paragraph().add_run("Tân An, ngày 05 tháng 01 năm 2026")
    date_run.font.size = Pt(14)  # not italic
    path = tmp_path / "sai.docx"
    document.save(str(path))
    problems = docx_problems(path)
    assert "sai.docx: party name not 15 bold: 14.0" in problems
    assert "sai.docx: place-and-date not 14 italic: 14.0" in problems
    assert any("left margin 29.0 mm outside 30–35" in p for p in problems)
