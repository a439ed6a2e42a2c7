"""The columns of a member roster (danh sách đảng viên) as Excel files name them.

One table serves both directions: the exporter writes ``ColumnSpec.header`` and the
importer recognises the header or any alias, ignoring accents, case, spaces and
punctuation ("SỐ THẺ ĐV", "Số thẻ đv." and "so the dv" are the same column).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from desktop.text import fold


@dataclass(frozen=True)
class ColumnSpec:
    field: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


# Every MemberData field, in the order the exporter writes them.
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec(
        "full_name",
        "Họ và tên",
        ("Họ tên", "Họ và tên đảng viên", "Họ tên đảng viên", "Họ và tên khai sinh"),
        required=True,
    ),
    ColumnSpec("other_name", "Tên gọi khác", ("Tên khác", "Bí danh")),
    ColumnSpec("gender", "Giới tính", ("Nam/Nữ", "Nam, nữ", "Phái")),
    ColumnSpec(
        "birth_date",
        "Ngày sinh",
        (
            "Ngày, tháng, năm sinh",
            "Ngày tháng năm sinh",
            "Năm sinh",
            "Sinh ngày",
            "Ngày/tháng/năm sinh",
        ),
    ),
    ColumnSpec("ethnicity", "Dân tộc"),
    ColumnSpec("religion", "Tôn giáo"),
    ColumnSpec("hometown", "Quê quán", ("Nguyên quán",)),
    ColumnSpec(
        "residence",
        "Nơi cư trú",
        (
            "Chỗ ở hiện nay",
            "Địa chỉ",
            "Nơi ở hiện nay",
            "Nơi ở",
            "Chỗ ở",
            "Nơi thường trú",
            "Địa chỉ thường trú",
            "Địa chỉ cư trú",
        ),
    ),
    ColumnSpec(
        "citizen_id",
        "Số CCCD",
        (
            "CCCD",
            "Số căn cước",
            "Căn cước công dân",
            "Số căn cước công dân",
            "CMND/CCCD",
            "Số CMND/CCCD",
            "CMND",
            "Số CMND",
            "Số định danh",
            "Số định danh cá nhân",
        ),
    ),
    ColumnSpec(
        "card_number",
        "Số thẻ đảng viên",
        ("Số thẻ ĐV", "Số thẻ Đảng", "Số thẻ", "Thẻ đảng viên", "Số thẻ đảng viên (12 số)"),
    ),
    ColumnSpec(
        "admitted_on",
        "Ngày vào Đảng",
        (
            "Ngày kết nạp",
            "Ngày vào Đảng (kết nạp)",
            "Ngày kết nạp Đảng",
            "Ngày kết nạp vào Đảng",
            "Ngày vào Đảng dự bị",
        ),
    ),
    ColumnSpec(
        "official_on",
        "Ngày chính thức",
        (
            "Ngày công nhận chính thức",
            "Ngày chuyển chính thức",
            "Ngày vào Đảng chính thức",
            "Ngày công nhận đảng viên chính thức",
        ),
    ),
    ColumnSpec(
        "education",
        "Học vấn",
        ("Trình độ văn hóa", "Giáo dục phổ thông", "Trình độ học vấn", "Văn hóa", "GDPT"),
    ),
    ColumnSpec(
        "profession",
        "Chuyên môn",
        ("Trình độ chuyên môn", "Chuyên môn nghiệp vụ", "Chuyên môn, nghiệp vụ", "CMNV"),
    ),
    ColumnSpec(
        "political_theory",
        "Lý luận chính trị",
        ("LLCT", "Trình độ lý luận chính trị", "Trình độ LLCT", "Lý luận"),
    ),
    ColumnSpec("occupation", "Nghề nghiệp", ("Nghề nghiệp hiện nay", "Nghề")),
    ColumnSpec(
        "party_post",
        "Chức vụ Đảng",
        ("Chức vụ trong chi bộ", "Chức vụ đảng", "Chức vụ trong Đảng"),
    ),
    ColumnSpec(
        "other_posts",
        "Chức vụ khác",
        (
            "Chức vụ chính quyền, đoàn thể",
            "Chức vụ chính quyền",
            "Chức vụ đoàn thể",
            "Chức vụ kiêm nhiệm",
            "Chức vụ",
        ),
    ),
    ColumnSpec(
        "workplace",
        "Nơi làm việc",
        ("Đơn vị công tác", "Cơ quan công tác", "Nơi công tác", "Cơ quan, đơn vị", "Đơn vị"),
    ),
    ColumnSpec("review_group", "Nhóm kiểm điểm", ("Mẫu kiểm điểm", "Mẫu bản kiểm điểm")),
    ColumnSpec(
        "phone",
        "Điện thoại",
        ("Số điện thoại", "SĐT", "ĐT", "Điện thoại liên hệ", "Di động", "ĐTDĐ"),
    ),
    ColumnSpec("note", "Ghi chú"),
    ColumnSpec("works_far_away", "Đi làm ăn xa", ("Làm ăn xa",)),
)

# Columns that only the importer knows: rosters split "Giới tính" (or "Năm sinh") into a
# "Nam" and a "Nữ" column, and "Họ và tên" into "Họ đệm" and "Tên".
EXTRA_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("male_mark", "Nam", ("Giới tính nam", "Năm sinh nam")),
    ColumnSpec("female_mark", "Nữ", ("Giới tính nữ", "Năm sinh nữ")),
    ColumnSpec(
        "family_name",
        "Họ đệm",
        ("Họ và đệm", "Họ và tên đệm", "Họ, tên đệm", "Họ và chữ đệm", "Họ"),
    ),
    ColumnSpec("given_name", "Tên"),
    # Read into the member's history by import_status (not a MemberData field).
    ColumnSpec(
        "status", "Trạng thái", ("Tình trạng", "Trạng thái đảng viên", "Tình trạng sinh hoạt")
    ),
)

# Everything the mapping dialog may offer.
ALL_COLUMNS: tuple[ColumnSpec, ...] = COLUMNS + EXTRA_COLUMNS

# The row-number column: recognised as part of a header, never imported.
ROW_NUMBER_HEADERS: tuple[str, ...] = ("STT", "TT", "Số TT", "Số thứ tự")

_SPECS = {spec.field: spec for spec in ALL_COLUMNS}


def header_key(text: object) -> str:
    """The comparison key of a header: folded, with spaces and punctuation removed."""
    if text is None:
        return ""
    return re.sub(r"[^0-9a-z]+", "", fold(str(text)))


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for spec in ALL_COLUMNS:
        for name in (spec.header, *spec.aliases):
            index.setdefault(header_key(name), spec.field)
    return index


@cache
def _row_number_keys() -> frozenset[str]:
    return frozenset(header_key(h) for h in ROW_NUMBER_HEADERS)


def match_header(text: object) -> str | None:
    """The field a header cell names, or None ("STT" is recognised but maps to no field)."""
    key = header_key(text)
    if not key:
        return None
    found = _index().get(key)
    if found == "male_mark" and "ă" in unicodedata.normalize("NFC", str(text)).lower():
        # Folding makes "Năm" (year) look like "Nam" (male).
        return None
    if found is None and isinstance(text, str) and "(" in text:
        # "Ngày sinh (ngày/tháng/năm)", "Điện thoại (nếu có)": the remark is not the name.
        found = _index().get(header_key(re.sub(r"\(.*?\)", " ", text)))
    return found


def is_row_number_header(text: object) -> bool:
    return header_key(text) in _row_number_keys()


def spec_for(field: str) -> ColumnSpec:
    """The column of ``field`` (KeyError for an unknown field)."""
    return _SPECS[field]


def label_for(field: str) -> str:
    """The Vietnamese header of ``field``, as the mapping dialog shows it."""
    return _SPECS[field].header
