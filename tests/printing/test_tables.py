"""The ruled lists of the Party format: the shared table head, measured rows, the layout."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from desktop.printing.page import build_pdf, ruled_list, styles
from desktop.printing.tables import data_table

ROOT = Path(__file__).resolve().parents[2]


def test_head_note_prints_in_small_italics_under_its_heading():
    table = ruled_list(("TT", "Họ và tên"), [["1", "Nguyễn Văn An"]], [40, 200],
                       notes={1: "(chức vụ, ghi chú)"})
    head = table._cellvalues[0]
    assert isinstance(head[0], Paragraph) and head[0].style is styles().table_head
    assert head[1].text == "Họ và tên<br/><font size=10><i>(chức vụ, ghi chú)</i></font>"


def test_alignment_and_total_rows_are_the_same_commands_the_papers_wrote_by_hand():
    rows = [["1", "An", "10"], ["2", "Bình", "20"], ["", "Cộng", "30"], ["", "Phải nộp", "40"]]
    built = ruled_list(("TT", "Họ và tên", "Số"), rows, [30, 100, 50], center=(0,),
                       right=((2, -1),), total_rows=2)
    bold = styles().table_head.fontName
    by_hand = data_table([["TT", "Họ và tên", "Số"]], rows, [30, 100, 50], extra_style=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
        ("FONTNAME", (0, 3), (-1, 4), bold),
    ])  # fmt: skip
    cells = lambda t: [[(c.alignment, c.fontname) for c in row] for row in t._cellStyles]
    assert cells(built) == cells(by_hand)
    assert cells(built)[4][1] == ("LEFT", bold) and cells(built)[2][0][0] == "CENTER"
    assert cells(built)[2][2][0] == "RIGHT" and cells(built)[2][1][1] != bold


def test_a_measured_paragraph_is_not_broken_again_at_the_same_width(monkeypatch):
    long = "Nguyễn Thị Minh Khai " * 6
    cell = Paragraph(long, styles().table_cell)
    table = data_table([["Họ và tên"]], [[cell]], [120])
    measured = table._argH[1]
    assert measured > 3 * styles().table_cell.leading  # wraps over several lines
    broken = []
    original = Paragraph.breakLines
    monkeypatch.setattr(Paragraph, "breakLines",
                        lambda self, widths: broken.append(widths) or original(self, widths))
    lines = cell.blPara.lines
    assert cell.wrap(120 - 4, 500) == (116, measured - 5)
    assert broken == [] and cell.blPara.lines is lines
    # Another width (a different column) breaks the lines anew.
    assert cell.wrap(300, 500)[1] < measured - 5
    assert broken


def test_a_list_over_many_pages_repeats_its_head_and_keeps_every_row(tmp_path):
    rows = [[str(n), Paragraph(f"Đảng viên số {n}<br/><i>Bí thư chi bộ</i>",
                               styles().table_cell)] for n in range(1, 121)]
    table = ruled_list(("TT", "Họ và tên"), rows, [40, 300], notes={1: "(ghi chú)"}, center=(0,))
    target = build_pdf(tmp_path / "list.pdf", [table], title="Danh sách")
    reader = PdfReader(str(target))
    texts = [page.extract_text() for page in reader.pages]
    assert len(texts) > 2
    assert all("Họ và tên" in text for text in texts)
    numbers = re.findall(r"Đảng viên số (\d+)", "\n".join(texts))
    assert sorted(map(int, numbers)) == list(range(1, 121))


def test_check_imports_no_printing():
    code = (
        "import sys; from desktop.cli import main;"
        "import desktop.cli.parser;"
        "from importlib import import_module; import desktop.cli as c;"
        "m, n = c._HANDLERS['check']; import_module('desktop.cli.' + m);"
        "print(sorted(k for k in sys.modules if k.startswith(('reportlab', 'desktop.printing',"
        " 'desktop.cli.papers', 'desktop.cli.exchange', 'desktop.cli.dues'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"
