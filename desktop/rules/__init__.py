"""Rule packs (quy định) kept as data in ``resources/rules/``, read and checked on load.

A rule that changes with the Party's guidance is a value in a file, never a constant in
code; a broken file stops with a Vietnamese message that names the file and the key.
"""

from __future__ import annotations

import json
from pathlib import Path


class RuleFileError(ValueError):
    """A rule file is missing, unreadable or holds a wrong value; ``str()`` is Vietnamese."""


def read_rule_file(path: Path) -> dict:
    """The JSON object stored in ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(f"Không đọc được tệp quy định {path}: {exc.strerror or exc}.") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleFileError(
            f"Tệp quy định {path} bị lỗi cú pháp ở dòng {exc.lineno}, cột {exc.colno}."
        ) from exc
    if not isinstance(data, dict):
        raise RuleFileError(f"Tệp quy định {path} phải là một đối tượng JSON.")
    return data
