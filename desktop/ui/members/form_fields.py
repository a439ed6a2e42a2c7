"""The fields of the member form (phiếu đảng viên): which box, which tab, how it reads.

Each field knows how to show a ``MemberData`` value and how to read it back; a value
that cannot be read (a date typed wrongly) becomes a ``FieldError`` for that field, the
same kind of error the service's rules produce, so the dialog shows both alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from desktop.models import Gender, PartyPost, ReviewGroup
from desktop.errors import FieldError
from desktop.text.dates import PartialDate, parse_date, short_date
from desktop.ui.widgets import (
    choice_combo,
    combo_value,
    date_edit,
    digits_edit,
    editable_combo,
    set_combo_value,
)

ETHNICITIES = [
    "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "H'Mông", "Dao", "Gia Rai",
    "Ê Đê", "Ba Na", "Chăm", "Sán Dìu", "Xơ Đăng", "Cơ Ho", "Sán Chay", "Thổ", "Khơ Mú",
]  # fmt: skip
RELIGIONS = [
    "Không", "Phật giáo", "Công giáo", "Tin Lành", "Cao Đài", "Hòa Hảo", "Hồi giáo",
    "Tứ Ân Hiếu Nghĩa", "Bửu Sơn Kỳ Hương",
]  # fmt: skip
POLITICAL_THEORY = ["", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"]

TAB_PERSONAL, TAB_PARTY, TAB_WORK = 0, 1, 2
TAB_TITLES = ("Thông tin cá nhân", "Đảng", "Trình độ – công tác")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    tab: int
    kind: str  # text, multiline, gender, post, group, ethnicity, religion, theory,
    #            partial_date, full_date, digits, check
    placeholder: str = ""


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("full_name", "&Họ và tên (*)", TAB_PERSONAL, "text", "Ví dụ: Nguyễn Văn An"),
    FieldSpec("other_name", "Tên gọi &khác", TAB_PERSONAL, "text"),
    FieldSpec("gender", "&Giới tính", TAB_PERSONAL, "gender"),
    FieldSpec("birth_date", "Ngày &sinh", TAB_PERSONAL, "partial_date",
              "dd/mm/yyyy (chỉ biết năm thì ghi năm)"),
    FieldSpec("ethnicity", "&Dân tộc", TAB_PERSONAL, "ethnicity"),
    FieldSpec("religion", "&Tôn giáo", TAB_PERSONAL, "religion"),
    FieldSpec("hometown", "&Quê quán", TAB_PERSONAL, "text"),
    FieldSpec("residence", "Nơi &cư trú", TAB_PERSONAL, "text"),
    FieldSpec("citizen_id", "Số CCCD (că&n cước)", TAB_PERSONAL, "digits"),
    FieldSpec("phone", "Điện th&oại", TAB_PERSONAL, "text"),
    FieldSpec("admitted_on", "Ngày &vào Đảng", TAB_PARTY, "full_date"),
    FieldSpec("official_on", "Ngày chính thứ&c", TAB_PARTY, "full_date",
              "dd/mm/yyyy (để trống nếu còn dự bị)"),
    FieldSpec("card_number", "Số &thẻ đảng viên", TAB_PARTY, "digits"),
    FieldSpec("party_post", "Chức vụ Đả&ng", TAB_PARTY, "post"),
    FieldSpec("other_posts", "Chức vụ &khác", TAB_PARTY, "text",
              "Ví dụ: Trưởng ấp, Chi hội trưởng Hội Nông dân"),
    FieldSpec("review_group", "Nhóm kiểm đ&iểm", TAB_PARTY, "group"),
    FieldSpec("works_far_away", "Đi làm ăn &xa", TAB_PARTY, "check"),
    FieldSpec("education", "Học &vấn", TAB_WORK, "text", "Ví dụ: 12/12"),
    FieldSpec("profession", "Chuyên &môn", TAB_WORK, "text", "Ví dụ: Kỹ sư nông nghiệp"),
    FieldSpec("political_theory", "Lý luận chính &trị", TAB_WORK, "theory"),
    FieldSpec("occupation", "&Nghề nghiệp", TAB_WORK, "text"),
    FieldSpec("workplace", "Nơi làm v&iệc", TAB_WORK, "text"),
    FieldSpec("note", "&Ghi chú", TAB_WORK, "multiline"),
)  # fmt: skip

FIELD_BY_NAME = {spec.name: spec for spec in FIELDS}


def make_editor(spec: FieldSpec) -> QWidget:
    kind = spec.kind
    if kind == "gender":
        return choice_combo([(g.label, g.value) for g in Gender])
    if kind == "post":
        return choice_combo([(p.label or "(không có)", p.value) for p in PartyPost])
    if kind == "group":
        return choice_combo([(g.label, g.value) for g in ReviewGroup])
    if kind == "ethnicity":
        return editable_combo(ETHNICITIES)
    if kind == "religion":
        return editable_combo(RELIGIONS)
    if kind == "theory":
        return editable_combo(POLITICAL_THEORY)
    if kind in ("partial_date", "full_date"):
        return date_edit(spec.placeholder or "dd/mm/yyyy")
    if kind == "digits":
        return digits_edit(12)
    if kind == "check":
        return QCheckBox("Có (đang đi làm ăn xa, vẫn thuộc chi bộ)")
    if kind == "multiline":
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        # Fixed height: a growing box would float in the middle of the spare space.
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        edit.setMaximumHeight(120)
        return edit
    edit = QLineEdit()
    edit.setPlaceholderText(spec.placeholder)
    return edit


def show_value(spec: FieldSpec, editor: QWidget, value: object) -> None:
    if isinstance(editor, QComboBox):
        set_combo_value(editor, str(value or ""))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText(str(value or ""))
    elif spec.kind == "partial_date":
        editor.setText(value.display() if isinstance(value, PartialDate) else "")
    elif spec.kind == "full_date":
        editor.setText(short_date(value) if isinstance(value, date) else "")
    else:
        editor.setText(str(value or ""))


def read_value(spec: FieldSpec, editor: QWidget) -> tuple[object, FieldError | None]:
    """The value for ``MemberData`` and, when it cannot be read, the error to show."""
    if isinstance(editor, QComboBox):
        return combo_value(editor), None
    if isinstance(editor, QCheckBox):
        return editor.isChecked(), None
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText(), None
    text = editor.text().strip()
    if spec.kind == "digits":
        return (text or None), None
    if spec.kind in ("partial_date", "full_date"):
        return _read_date(spec, text)
    return text, None


def _read_date(spec: FieldSpec, text: str) -> tuple[object, FieldError | None]:
    label = plain_label(spec)
    try:
        value = parse_date(text)
    except ValueError as exc:
        return None, FieldError(spec.name, str(exc))
    if value is None:
        return None, None
    if spec.kind == "partial_date":
        return value, None
    full = value.to_date()
    if full is None:
        return None, FieldError(
            spec.name, f"{label} phải ghi đủ ngày, tháng, năm (ví dụ 05/3/2020)."
        )
    return full, None


def plain_label(spec: FieldSpec) -> str:
    """The label without its mnemonic and hints: "Ngày vào Đảng"."""
    return spec.label.replace("&", "").replace(" (*)", "").split(" (")[0]


def changed_signal(editor: QWidget):
    """The signal an editor sends whenever what it shows changes."""
    if isinstance(editor, QComboBox):
        return editor.currentTextChanged
    if isinstance(editor, QCheckBox):
        return editor.toggled
    return editor.textChanged


def snapshot(editors: dict[str, QWidget]) -> dict[str, object]:
    """What the form shows right now, to tell whether the user changed anything."""
    values: dict[str, object] = {}
    for name, editor in editors.items():
        if isinstance(editor, QComboBox):
            values[name] = editor.currentText()
        elif isinstance(editor, QCheckBox):
            values[name] = editor.isChecked()
        elif isinstance(editor, QPlainTextEdit):
            values[name] = editor.toPlainText()
        else:
            values[name] = editor.text()
    return values
