"""The year's rating table (bảng kiểm điểm, xếp loại) over cached ``RatingRow`` records.

The score column exists only when the year's rules score (from 2025). Members who are
not rated are greyed, with the reason in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from desktop.services.reviews.commitments import CommitmentResult
from desktop.services.reviews.ratings import RatingRow, RatingSheet
from desktop.services.reviews.self_rating import self_rating_mismatch
from desktop.services.reviews.self_reviews import score_text
from desktop.text import fold, matches
from desktop.ui.reviews.common import short_level, votes_text
from desktop.ui.table_model_base import RecordTableModel

# (key, two-line header)
ALL_COLUMNS = (
    ("number", "TT"),
    ("name", "Họ và tên"),
    ("review", "Bản\nkiểm điểm"),
    ("score", "Điểm\ntự chấm"),
    ("self", "Tự\nxếp loại"),
    ("commitment", "Cam kết"),
    ("absent", "Vắng\nkhông lý do"),
    ("proposed", "Chi bộ\nđề xuất"),
    ("decided", "Cấp trên\nquyết định"),
    ("warnings", "Cảnh báo"),
)
_CENTERED = {"number", "review", "score", "absent", "warnings"}
_NOT_RATED_COLOUR = QColor("#6b6b6b")
_MISMATCH_COLOUR = QColor("#9a3412")
NOT_RATED = "Không xếp loại"
# Beside a self-rating outside the band of its score; the tooltip says which band.
OUT_OF_BAND = "ngoài khung điểm"


def commitment_text(row: RatingRow) -> str:
    facts = row.facts
    if facts.exempted_from_commitment:
        return "Được miễn"
    if facts.commitment_evaluation:
        # "Tốt", "Đạt", "Chưa đạt": the column is narrow, the tooltip has the full label.
        label = CommitmentResult(facts.commitment_evaluation).label
        return label.removeprefix("Thực hiện ").capitalize()
    return "Chờ chi ủy" if facts.commitment_written else "Chưa có"


class RatingTableModel(RecordTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sheet: RatingSheet | None = None
        self.columns: tuple[tuple[str, str], ...] = ALL_COLUMNS
        self._keys: list[str] = []
        self._visible: list[int] = []
        self._query = ""
        self.warning_icon = QIcon()

    # --- data in -------------------------------------------------------------------

    def set_sheet(self, sheet: RatingSheet) -> None:
        self.beginResetModel()
        self.sheet = sheet
        scored = sheet.pack.score_scale is not None
        # Under a scored pack the score column also says "Chưa viết": one column, not two.
        hidden = "review" if scored else "score"
        self.columns = tuple(c for c in ALL_COLUMNS if c[0] != hidden)
        self.rows = list(sheet.rows)
        self._keys = [fold(f"{r.member.full_name} {r.member.card_number}") for r in self.rows]
        self._apply_query()
        self.endResetModel()

    def set_query(self, query: str) -> None:
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._apply_query()
        self.endResetModel()

    def _apply_query(self) -> None:
        if not self._query.strip():
            self._visible = list(range(len(self.rows)))
        else:
            self._visible = [i for i, key in enumerate(self._keys) if matches(self._query, key)]

    # --- data out ------------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        return tuple(header for _key, header in self.columns)

    def column_of(self, key: str) -> int:
        return next((i for i, (k, _h) in enumerate(self.columns) if k == key), -1)

    def record_count(self) -> int:
        return len(self._visible)

    def record(self, position: int) -> RatingRow:
        return self.rows[self._visible[position]]

    def visible_count(self) -> int:
        return len(self._visible)

    def cell(self, row: RatingRow, position: int, column: int, role: int):
        key = self.columns[column][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, position, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.rated:
            return QBrush(_NOT_RATED_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and key == "self" and self.mismatch(row):
            return QBrush(_MISMATCH_COLOUR)
        if role == Qt.ItemDataRole.DecorationRole and key == "warnings" and row.warnings:
            return self.warning_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, position, key) or None
        if role == Qt.ItemDataRole.UserRole:
            return row.member_id
        return None

    def display(self, row: RatingRow, position: int, key: str) -> str:
        pack = self.sheet.pack
        if key == "number":
            return str(position + 1)
        if key == "name":
            return row.member.full_name
        if key == "review":
            if not row.writes_review:
                return "Không viết"
            return "Đã viết" if row.facts.self_review_written else "Chưa viết"
        if key == "score":
            if not row.facts.self_review_written:
                return self.display(row, position, "review")
            return score_text(row.facts.self_score)
        if key == "self":
            text = short_level(pack, row.self_level)
            return f"{text} ⚠ {OUT_OF_BAND}" if text and self.mismatch(row) else text
        if key == "commitment":
            return commitment_text(row)
        if key == "absent":
            months = row.facts.unexcused_months
            return f"{months} tháng" if months else ""
        if key == "proposed":
            if not row.rated:
                return NOT_RATED
            text = short_level(pack, row.proposed_level)
            votes = votes_text(row.votes_for, row.votes_total)
            # "(18/18 phiếu)": votes for the proposal out of the members who voted.
            return f"{text} ({votes} phiếu)" if text and votes else text
        if key == "decided":
            return short_level(pack, row.decided_level)
        if key == "warnings":
            return str(len(row.warnings)) if row.warnings else ""
        return ""

    def mismatch(self, row: RatingRow) -> str:
        """The self-rating against the band of the member's score, in words ("" if it fits)."""
        return self_rating_mismatch(self.sheet.pack, row.self_level, row.facts.self_score)

    def tooltip(self, row: RatingRow, position: int, key: str) -> str:
        if not row.rated and key in ("name", "proposed"):
            return f"Không xếp loại: {row.facts.not_rated_reason}"
        if key == "warnings" and row.warnings:
            return "\n".join(f"• {w.text}" for w in row.warnings)
        if key == "decided" and row.decided_level:
            level = self.sheet.pack.level(row.decided_level)
            parts = [f"{level.name} ({level.code})"]
            if row.decision_number:
                parts.append(f"Quyết định số {row.decision_number}")
            return "; ".join(parts)
        if key in ("review", "score"):
            return f"Mẫu {row.form_code}: {self.display(row, position, 'review').lower()}"
        if key == "commitment" and row.facts.commitment_evaluation:
            return CommitmentResult(row.facts.commitment_evaluation).label
        if key in ("self", "proposed") and (row.self_level or row.proposed_level):
            code = row.self_level if key == "self" else row.proposed_level
            level = self.sheet.pack.level(code) if code else None
            name = f"{level.name} ({level.code})" if level else ""
            if key == "self" and (mismatch := self.mismatch(row)):
                name += f"\n{mismatch}."
            if key == "proposed" and name and row.votes_total is not None:
                agreed = "?" if row.votes_for is None else row.votes_for
                name += (
                    f"\nChi bộ biểu quyết: {agreed} trong {row.votes_total} phiếu tán thành"
                )
            return name
        return self.display(row, position, key)
