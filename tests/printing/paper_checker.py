"""The printing rules as data: what a đảng ủy checks on every paper it receives.

``check_pdf`` reads a rendered PDF back (pypdf, with each text run's font and size) and
returns every breach it finds as a Vietnamese-free, readable line; an empty list is a pass.
Rules (Hướng dẫn 36-HD/VPTW, 2018, and the date style of the Party's papers):
- every date "ngày 05 tháng 3 năm 2026" / "05/3/2026": day two digits, month two digits
  only for 01 and 02;
- an outgoing paper has "Nơi nhận:" whose last line is the archive copy ("- Lưu chi bộ.");
- an issued paper has "Số NN-<loại>/<cơ quan>"; a draft "Dự thảo" and a blank number;
- font sizes per element: party name 15 bold, superior and issuing body 14, number 14,
  place-and-date 14 italic, document type 15–16 bold, body 14–15 on text papers;
- every text run inside the margins (left 30–35, right 15–20, top/bottom 20–25 mm);
- one pair of brackets at a time (no "(… (…))");
- no maintainers' research notes ("issue 12", "nguồn thứ cấp", "chưa tìm thấy"): a paper
  cites the text, the rule packs keep how it was read (``source_note``);
- no text run overlapping the next on its line (a cell's text running into the next cell).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.printing.fonts import font_name, register_fonts

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
LONG_DATE = re.compile(r"ngày\s+(\d+|…+)\s+tháng\s+(\d+|…+)\s+năm\s+(\d{4}|…+)")
SHORT_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
NUMBER = re.compile(r"Số\s+(\d{2,})-([A-Za-zĐđ]+)/(CB|ĐU)\b")
BLANK_NUMBER = re.compile(r"Số\s+-([A-Za-zĐđ]+)/(CB|ĐU)\b")
ARCHIVES = ("- Lưu chi bộ.", "- Lưu Văn phòng Đảng ủy.")
# Margins allowed (HD 36) in points; a run may sit a hair outside from rounding.
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
SLACK = 1.0


@dataclass(frozen=True)
class Span:
    page: int
    text: str
    font: str
    size: float
    x: float
    y: float

    @property
    def bold(self) -> bool:
        return "Bold" in self.font

    @property
    def italic(self) -> bool:
        return "Italic" in self.font


@dataclass(frozen=True)
class Expect:
    """What kind of paper it is: going out (Nơi nhận), numbered, mostly body text."""

    outgoing: bool = False
    numbered: bool = False
    text_paper: bool = True  # body 14–15 (not a table paper such as the rating list)
    header: bool = True


def spans(path: Path) -> tuple[list[Span], list[tuple[float, float]]]:
    reader = PdfReader(str(path))
    found: list[Span] = []
    sizes = []
    for number, page in enumerate(reader.pages, start=1):
        sizes.append((float(page.mediabox.width), float(page.mediabox.height)))

        def visit(text, cm, tm, font, size, number=number):
            if not text.strip():
                return
            base = str(font.get("/BaseFont", "")) if font else ""
            scale = tm[0] * cm[0] or 1
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            for line in unicodedata.normalize("NFC", text).split("\n"):
                if line.strip():
                    found.append(Span(number, line.strip(), base, round(size * scale, 1), x, y))

        page.extract_text(visitor_text=visit)
    return found, sizes


def full_text(path: Path) -> str:
    pages = PdfReader(str(path)).pages
    return "\n".join(unicodedata.normalize("NFC", p.extract_text()) for p in pages)


def _month(month: int) -> str:
    """How a month prints: "01", "02", then "3" … "12"."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_problems(text: str) -> list[str]:
    problems = []
    for day, month, year in LONG_DATE.findall(text):
        if "…" in day + month + year:
            continue  # a blank date left for handwriting
        if not (day.isdigit() and len(day) == 2):
            problems.append(f"day not two digits: ngày {day} tháng {month} năm {year}")
        if month.isdigit() and month != _month(int(month)):
            problems.append(f"month style: ngày {day} tháng {month} năm {year}")
    for day, month, year in SHORT_DATE.findall(text):
        if len(day) != 2 or month != _month(int(month)):
            problems.append(f"date style: {day}/{month}/{year}")
    return problems


def recipients_problems(text: str) -> list[str]:
    if "Nơi nhận:" not in text:
        return ["no 'Nơi nhận:'"]
    after = text.split("Nơi nhận:", 1)[1]
    lines = [line.strip() for line in after.split("\n") if line.strip().startswith("- ")]
    if not any(archive in text for archive in ARCHIVES):
        return ["'Nơi nhận' does not end with the archive copy (- Lưu chi bộ.)"]
    if not lines:
        return ["'Nơi nhận' lists nobody"]
    return []


def number_problems(text: str) -> list[str]:
    head = text[:600]
    if "Dự thảo" in head:
        return [] if BLANK_NUMBER.search(head) else ["draft without a blank number"]
    return [] if NUMBER.search(head) else ["issued paper without 'Số NN-<loại>/<cơ quan>'"]


def font_problems(found: list[Span], expect: Expect) -> list[str]:
    first = [s for s in found if s.page == 1]
    problems = []
    if expect.header:
        party = [s for s in first if s.text == PARTY]
        if not party or any(s.size != 15 or not s.bold for s in party):
            problems.append(f"party name not 15 bold: {[(s.size, s.font) for s in party]}")
        dates = [s for s in first if ", ngày" in s.text][:1]
        if not dates or dates[0].size != 14 or not dates[0].italic:
            problems.append(f"place-and-date not 14 italic: {dates}")
        for s in first:
            if NUMBER.search(s.text) or BLANK_NUMBER.search(s.text):
                if s.size != 14:
                    problems.append(f"number not 14: {s}")
        top = max(s.y for s in first)
        bodies = [s for s in first if s.y > top - 40 and s.text.isupper() and s.text != PARTY]
        if any(s.size != 14 for s in bodies):
            problems.append(f"superior/issuing body not 14: {bodies}")
        titles = [s for s in first if s.bold and s.size >= 15 and s.text != PARTY]
        if not titles or any(not 15 <= s.size <= 16 for s in titles):
            problems.append(f"document type not 15–16 bold: {titles}")
    if expect.text_paper:
        chars = Counter()
        for s in found:
            chars[s.size] += len(s.text)
        body = sum(n for size, n in chars.items() if 14 <= size <= 15)
        if body < 0.6 * sum(chars.values()):
            problems.append(f"body not 14–15 pt: {dict(chars)}")
    return problems


def _width(span: Span) -> float:
    family = register_fonts()
    name = font_name(family, bold=span.bold, italic=span.italic)
    return stringWidth(span.text, name, span.size)


def margin_problems(found: list[Span], sizes: list[tuple[float, float]]) -> list[str]:
    problems = []
    for s in found:
        width, height = sizes[s.page - 1]
        if s.text.isdigit() and s.y > height - TOP:
            continue  # the page number, top centre, in the top margin by design
        if s.x < LEFT - SLACK:
            problems.append(f"p{s.page} left margin {s.x / mm:.1f} mm: {s.text[:30]}")
        if s.x + _width(s) > width - RIGHT + SLACK:
            right = (width - s.x - _width(s)) / mm
            problems.append(f"p{s.page} right margin {right:.1f} mm: {s.text[:30]}")
        if s.y < BOTTOM - SLACK:
            problems.append(f"p{s.page} bottom margin {s.y / mm:.1f} mm: {s.text[:30]}")
        if s.y + s.size > height - TOP + SLACK:
            problems.append(f"p{s.page} top margin: {s.text[:30]}")
    return problems


def check_pdf(path: Path, expect: Expect) -> list[str]:
    """Every breach of the printing rules on the paper at ``path``."""
    found, sizes = spans(path)
    text = full_text(path)
    problems = date_problems(text) + punctuation_problems(text) + bracket_problems(text)
    problems += research_note_problems(text)
    if expect.outgoing:
        problems += recipients_problems(text)
    if expect.numbered:
        problems += number_problems(text)
    problems += vote_problems(text)
    problems += font_problems(found, expect)
    problems += margin_problems(found, sizes)
    problems += overlap_problems(found)
    return [f"{Path(path).name}: {p}" for p in problems]


def shares_add_up(shares: list[str]) -> bool:
    """Shares printed as "10,53%" add to exactly 100% (largest-remainder rounding)."""
    values = [float(s.rstrip("%").replace(".", "").replace(",", ".")) for s in shares if s]
    return round(sum(values), 6) == 100.0


NESTED_BRACKETS = re.compile(r"\([^()]*\([^()]*\)[^()]*\)")


def bracket_problems(text: str) -> list[str]:
    """Brackets inside brackets ("(Quy định … (như …))"): one pair is how a paper cites."""
    flat = " ".join(text.split())
    return [f"brackets inside brackets: {m.group(0)[:70]}" for m in NESTED_BRACKETS.finditer(flat)]


RESEARCH_NOTE = re.compile(r"\bissue\s*\d+|nguồn thứ cấp|chưa tìm thấy|chưa đối chiếu", re.I)


def research_note_problems(text: str) -> list[str]:
    """How a rule was researched is for the maintainers (the packs' ``source_note``), not
    for the đảng ủy reading the paper."""
    flat = " ".join(text.split())
    return [f"research note on the paper: …{flat[max(0, m.start() - 40):m.end() + 10]}"
            for m in RESEARCH_NOTE.finditer(flat)]  # fmt: skip


DOUBLED_STOP = re.compile(r"(?<![.…])\.\.(?![.…])")


def punctuation_problems(text: str) -> list[str]:
    """A doubled full stop ("..") where one was meant; dotted lines and "…" are fine."""
    return [f"doubled full stop: …{text[max(0, m.start() - 30):m.end()]}"
            for m in DOUBLED_STOP.finditer(text)]  # fmt: skip


PRESENT_OFFICIAL = re.compile(r"Trong số có mặt:\s*chính thức\s+(\d+)")
VOTES = re.compile(r"tán thành\s+(\d+)/(\d+)")


def vote_problems(text: str) -> list[str]:
    """Minutes: no vote counts more voters than official members present."""
    flat = " ".join(text.split())
    present = PRESENT_OFFICIAL.search(flat)
    if present is None:
        return []
    bound = int(present.group(1))
    return [
        f"vote {a}/{b} over {bound} official members present"
        for a, b in VOTES.findall(flat)
        if int(b) > bound or int(a) > int(b)
    ]


MINUTES_NUMBER = re.compile(r"Số\s+(\d{2,})-BB/CB")


def numbering_problems(numbers_in_date_order: list[int]) -> list[str]:
    """Minutes of one term numbered 01, 02, … without a gap or a restart in January."""
    return [
        f"minutes number {b:02d} follows {a:02d}"
        for a, b in zip(numbers_in_date_order, numbers_in_date_order[1:], strict=False)
        if b != a + 1
    ]


def overlap_problems(found: list[Span]) -> list[str]:
    """Two text runs on one line that overlap: a cell's text ran into the next cell."""
    problems = []
    lines: dict[tuple[int, float], list[Span]] = {}
    for s in found:
        lines.setdefault((s.page, round(s.y)), []).append(s)
    for (page, _), runs in lines.items():
        runs.sort(key=lambda s: s.x)
        for left, right in zip(runs, runs[1:], strict=False):
            if left.x + _width(left) > right.x + SLACK and right.x > left.x + SLACK:
                problems.append(f"p{page} '{left.text[:25]}' runs into '{right.text[:25]}'")
    return problems


PLACE_DATE = re.compile(r"[^\W\d][^,:\-]*, ngày (\d|…)")  # "Tân An, ngày 05 tháng …"


def docx_problems(path: Path) -> list[str]:
    """The same element sizes and margins on a .docx paper (python-docx reads it back)."""
    from docx import Document

    document = Document(str(path))
    runs = [(p.text, r) for p in document.paragraphs for r in p.runs]
    runs += [(p.text, r) for t in document.tables for row in t.rows for c in row.cells
             for p in c.paragraphs for r in p.runs]  # fmt: skip
    problems = []

    def size(run) -> float | None:
        return run.font.size.pt if run.font.size else None

    for text, run in runs:
        words = run.text.strip()
        if words == PARTY and (size(run) != 15 or not run.bold):
            problems.append(f"party name not 15 bold: {size(run)}")
        elif PLACE_DATE.match(words) and (size(run) != 14 or not run.italic):
            problems.append(f"place-and-date not 14 italic: {size(run)}")
        elif NUMBER.search(words) and size(run) != 14:
            problems.append(f"number not 14: {size(run)}")
        elif words in ("BIÊN BẢN", "BÁO CÁO") and not (15 <= (size(run) or 0) <= 16 and run.bold):
            problems.append(f"document type not 15–16 bold: {size(run)}")
    chars = Counter()
    for _, run in runs:
        chars[size(run)] += len(run.text)
    if sum(n for s, n in chars.items() if s and 14 <= s <= 15) < 0.6 * sum(chars.values()):
        problems.append(f"body not 14–15 pt: {dict(chars)}")
    for section in document.sections:
        margins = {
            "left": (section.left_margin.mm, 30, 35),
            "right": (section.right_margin.mm, 15, 20),
            "top": (section.top_margin.mm, 20, 25),
            "bottom": (section.bottom_margin.mm, 20, 25),
        }
        for name, (value, low, high) in margins.items():
            if not low <= value <= high:
                problems.append(f"{name} margin {value:.1f} mm outside {low}–{high}")
    return [f"{Path(path).name}: {p}" for p in problems]
