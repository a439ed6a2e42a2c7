"""Vietnamese text handling: normalising, search keys, sorting, legacy encodings,
names, dates, numbers and identifiers.

Pure Python with no Qt and no I/O, so every part of the app (importers, services,
printing, the UI) can use it and it is tested on its own.
"""

from desktop.text.collation import name_sort_key, split_name, word_sort_key
from desktop.text.dates import (
    PartialDate,
    long_date,
    parse_date,
    place_date_line,
    short_date,
)
from desktop.text.legacy import (
    detect_legacy,
    tcvn3_to_unicode,
    to_unicode,
    vni_to_unicode,
)
from desktop.text.names import proper_case_name
from desktop.text.normalize import clean, clean_paragraphs, clean_spaces, nfc
from desktop.text.numbers import format_number, format_percent
from desktop.text.search import fold, matches
from desktop.text.validate import digits_only, normalize_card_number, normalize_citizen_id

__all__ = [
    "PartialDate",
    "clean",
    "clean_paragraphs",
    "clean_spaces",
    "detect_legacy",
    "digits_only",
    "fold",
    "format_number",
    "format_percent",
    "long_date",
    "matches",
    "name_sort_key",
    "nfc",
    "normalize_card_number",
    "normalize_citizen_id",
    "parse_date",
    "place_date_line",
    "proper_case_name",
    "short_date",
    "split_name",
    "tcvn3_to_unicode",
    "to_unicode",
    "vni_to_unicode",
    "word_sort_key",
]
