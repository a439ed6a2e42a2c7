"""The names other modules import from desktop.text."""

import ast
from pathlib import Path

import desktop.text

PACKAGE_DIR = Path(desktop.text.__file__).parent


def test_public_api_is_re_exported():
    expected = {
        "nfc", "clean_spaces", "clean", "fold", "matches", "word_sort_key",
        "name_sort_key", "split_name", "detect_legacy", "tcvn3_to_unicode",
        "vni_to_unicode", "to_unicode", "proper_case_name", "PartialDate", "long_date",
        "place_date_line", "short_date", "parse_date", "format_number", "format_percent",
        "digits_only", "normalize_card_number", "normalize_citizen_id",
    }  # fmt: skip
    assert expected <= set(desktop.text.__all__)
    for name in desktop.text.__all__:
        assert getattr(desktop.text, name) is not None


def test_package_never_imports_qt():
    for path in PACKAGE_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            assert not any(m.startswith(("PySide", "PyQt")) for m in modules), path


def test_every_module_says_what_it_is_for():
    for path in PACKAGE_DIR.glob("*.py"):
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path
