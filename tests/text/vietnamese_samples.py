"""Sample Vietnamese text shared by the text tests."""

import unicodedata

# Real prose that uses every one of the 67 lowercase non-ASCII letters (a test checks
# that it does).
PARAGRAPH = (
    "Chi bộ Đảng tổ chức kỳ họp thường lệ. Bí thư Nguyễn Văn Thắng báo cáo: năm qua "
    "chi bộ đã lãnh đạo hoàn thành tốt nhiệm vụ, mỗi đảng viên có ý thức kỷ luật, kỹ năng "
    "công tác được nâng lên. Đồng chí Đỗ Thị Thuỵ cẩn thận ghi chép, không để lẫn lộn giấy "
    "tờ; cán bộ trẻ học tập, giúp đỡ nhau, vận động bà con ẵm cháu nhỏ đi tiêm chủng, vẽ "
    "tranh cổ động, pha chè mời khách. Cũng cần thẳng thắn nói rõ, chỉ nghĩ việc chung, "
    "bằng mặt và bằng lòng; những hạn chế phải được sửa chữa, cử người phụ trách, từ nay "
    "về sau thực hiện cho kịp. Mẹ bé Hằng khoẻ, ở nhà tù mù cũng được; ông cụ già kể "
    "chuyện xưa, ai nấy ừ à hưởng ứng. Trò chơi vui, không có gì mới."
)

_TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def all_lowercase_letters() -> list[str]:
    """The 67 lowercase Vietnamese letters that are not ASCII, built from scratch."""
    letters = []
    for vowel in "aăâeêioôơuưy":
        for mark in _TONE_MARKS:
            letter = unicodedata.normalize("NFC", vowel + mark)
            if not letter.isascii():
                letters.append(letter)
    letters.append("đ")
    return letters


LOWER = all_lowercase_letters()
UPPER = [letter.upper() for letter in LOWER]
