"""Số tiền bằng chữ: an amount in đồng read out in Vietnamese, as receipts write it.

94190 → "Chín mươi tư nghìn một trăm chín mươi đồng"; 1005 → "Một nghìn không trăm linh
năm đồng". The usual readings: "mốt" (21), "tư" (24), "lăm" (15, 25), "linh" (105).
"""

from __future__ import annotations

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", " nghìn", " triệu")


def _three(n: int, full: bool) -> str:
    """Read 0 < n < 1000; ``full`` writes "không trăm" / "linh" inside a longer number."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words.append(f"{_DIGITS[hundreds]} trăm")
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words.append(f"{_DIGITS[tens]} mươi")
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        elif units == 4 and tens >= 2:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)


def _below_billion(n: int, full: bool) -> str:
    groups = []
    index = 0
    while n:
        n, part = divmod(n, 1000)
        groups.append((index, part, bool(n)))
        index += 1
    words = []
    for index, part, has_higher in reversed(groups):
        if part:
            words.append(_three(part, full or has_higher) + _GROUPS[index])
    return " ".join(words)


def number_in_words(n: int) -> str:
    if n < 0:
        return "âm " + number_in_words(-n)
    if n == 0:
        return "không"
    billions, rest = divmod(n, 1_000_000_000)
    words = []
    if billions:
        words.append(number_in_words(billions) + " tỷ")
    if rest:
        words.append(_below_billion(rest, bool(billions)))
    return " ".join(words)


def dong_in_words(amount: int) -> str:
    text = number_in_words(int(amount))
    return text[:1].upper() + text[1:] + " đồng"
