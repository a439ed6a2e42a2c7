"""The agenda template (chương trình sinh hoạt mẫu): the order of business of docs/domain.md §3.

The bundled default lives in ``resources/templates/agenda.json``; a cell may edit it, and
its version is kept as JSON in the cell setting ``agenda_template.<kind>`` so that it
travels with the cell's data and backups.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.models import AgendaItem
from desktop.paths import resource
from desktop.rules import RuleFileError, read_rule_file
from desktop.services.cell.settings import (
    CAMPAIGN_NAME_KEY,
    DEFAULT_CAMPAIGN_NAME,
    delete_setting,
    read_setting,
    write_setting,
)
from desktop.errors import DomainError
from desktop.services.meetings.common import MeetingKind, parse_kind
from desktop.storage.database import Database
from desktop.text import clean_spaces

STUDY = "study"
THEME = "theme"
SETTING_PREFIX = "agenda_template."


@dataclass(frozen=True)
class AgendaTemplateItem:
    """One line of the order of business; ``required`` lines cannot be removed."""

    code: str
    title: str
    optional: bool = False
    required: bool = False


def default_template_path() -> Path:
    return resource("templates", "agenda.json")


@cache
def default_templates() -> dict[str, tuple[AgendaTemplateItem, ...]]:
    return read_templates(default_template_path())


def read_templates(path: Path) -> dict[str, tuple[AgendaTemplateItem, ...]]:
    """Read and check the template file; every fault names the file and the key."""
    kinds = read_rule_file(path).get("kinds")
    if not isinstance(kinds, dict):
        raise RuleFileError(f'Tệp mẫu chương trình {path}: thiếu mục "kinds".')
    templates = {}
    for kind in MeetingKind:
        entries = kinds.get(kind.value)
        if not isinstance(entries, list) or not entries:
            raise RuleFileError(f'Tệp mẫu chương trình {path}: thiếu mẫu "{kind.value}".')
        items = []
        for index, entry in enumerate(entries, start=1):
            where = f'Tệp mẫu chương trình {path}, mẫu "{kind.value}", mục {index}'
            if not isinstance(entry, dict):
                raise RuleFileError(f"{where}: phải là một đối tượng.")
            code, title = entry.get("code"), entry.get("title")
            if not isinstance(code, str) or not code.strip():
                raise RuleFileError(f'{where}: thiếu mã ("code").')
            if not isinstance(title, str) or not title.strip():
                raise RuleFileError(f'{where}: thiếu tên mục ("title").')
            items.append(
                AgendaTemplateItem(
                    code.strip(),
                    clean_spaces(title),
                    bool(entry.get("optional", False)),
                    bool(entry.get("required", False)),
                )
            )
        if len({i.code for i in items}) != len(items):
            raise RuleFileError(f'Tệp mẫu chương trình {path}, mẫu "{kind.value}": trùng mã.')
        templates[kind.value] = tuple(items)
    return templates


def agenda_template(db: Database, kind: str) -> list[AgendaTemplateItem]:
    """The cell's order of business for a kind of meeting (its own version, else the default)."""
    with db.session() as session:
        return template_items(session, kind)


def set_agenda_template(db: Database, kind: str, items: list[AgendaTemplateItem]) -> None:
    """Save the cell's own order of business; required lines (the study item) must stay."""
    kind = parse_kind(kind).value
    cleaned = _clean_items(kind, items)
    payload = json.dumps(
        [
            {"code": i.code, "title": i.title, "optional": i.optional, "required": i.required}
            for i in cleaned
        ],
        ensure_ascii=False,
    )
    with db.session() as session:
        write_setting(session, SETTING_PREFIX + kind, payload)


def reset_agenda_template(db: Database, kind: str) -> None:
    """Go back to the bundled order of business."""
    delete_setting(db, SETTING_PREFIX + parse_kind(kind).value)


def template_items(session: Session, kind: str) -> list[AgendaTemplateItem]:
    kind = parse_kind(kind).value
    stored_text = read_setting(session, SETTING_PREFIX + kind)
    if stored_text:
        try:
            stored = json.loads(stored_text)
            return [
                AgendaTemplateItem(
                    e["code"], e["title"], bool(e.get("optional")), bool(e.get("required"))
                )
                for e in stored
            ]
        except (ValueError, KeyError, TypeError):
            pass  # a damaged setting falls back to the bundled template
    campaign = read_setting(session, CAMPAIGN_NAME_KEY)
    return [
        # The campaign's name is cell data (it may become "thực hành …"); follow it.
        AgendaTemplateItem(i.code, campaign, i.optional, i.required)
        if campaign and i.code == STUDY and i.title == DEFAULT_CAMPAIGN_NAME
        else i
        for i in default_templates()[kind]
    ]


def build_agenda(
    items: list[AgendaTemplateItem],
    *,
    section_title: str = "",
    theme: str = "",
    theme_presenter_id: int | None = None,
    with_theme: bool = False,
    theme_title: str = "Trình bày chuyên đề",
) -> list[AgendaItem]:
    """Agenda rows for a new meeting; a combined meeting gets the theme after the study item."""
    rows = []
    for item in items:
        rows.append(AgendaItem(code=item.code, title=item.title))
        if item.code == STUDY and with_theme:
            rows.append(AgendaItem(code=THEME, title=theme_title))
    if with_theme and not any(r.code == THEME for r in rows):
        rows.insert(_theme_position(rows), AgendaItem(code=THEME, title=theme_title))
    for position, row in enumerate(rows, start=1):
        row.position = position
    retitle(rows, section_title, theme, theme_presenter_id)
    return rows


def retitle(
    rows: list[AgendaItem], section_title: str, theme: str, theme_presenter_id: int | None
) -> None:
    """Keep the study and theme lines naming the chosen section and theme."""
    for row in rows:
        if row.code == STUDY:
            row.title = _with_detail(row.title, section_title)
        elif row.code == THEME:
            row.title = _with_detail(row.title, theme)
            row.presenter_id = theme_presenter_id


def base_title(title: str) -> str:
    """The template part of "Học tập …: <section>" (template titles carry no ": ")."""
    return title.split(": ", 1)[0]


def _with_detail(title: str, detail: str) -> str:
    base = base_title(title)
    return f"{base}: {detail}" if detail else base


def _theme_position(rows: list[AgendaItem]) -> int:
    for index, row in enumerate(rows):
        if row.code in ("discussion", "resolution", "read_minutes", "closing"):
            return index
    return len(rows)


def _clean_items(kind: str, items: list[AgendaTemplateItem]) -> list[AgendaTemplateItem]:
    defaults = {i.code: i for i in default_templates()[kind]}
    cleaned: list[AgendaTemplateItem] = []
    used: set[str] = set()
    # New lines get fresh codes that no line of the list already carries.
    reserved = {clean_spaces(i.code) for i in items if clean_spaces(i.code)}
    for item in items:
        title = clean_spaces(item.title)
        if not title:
            raise DomainError("Mỗi mục của chương trình phải có tên.")
        code = clean_spaces(item.code) or _new_code(used | reserved)
        if code in used:
            raise DomainError(f'Mục "{title}" trùng mã với một mục khác.')
        used.add(code)
        required = item.required or (code in defaults and defaults[code].required)
        cleaned.append(AgendaTemplateItem(code, title, item.optional and not required, required))
    for code, default in defaults.items():
        if default.required and code not in used:
            raise DomainError(
                f'Mục "{default.title}" là bắt buộc trong sinh hoạt '
                f"{MeetingKind(kind).words}, không bỏ được."
            )
    return cleaned


def _new_code(used: set[str]) -> str:
    numbers = [int(m.group(1)) for c in used if (m := re.fullmatch(r"custom_(\d+)", c))]
    return f"custom_{max(numbers, default=0) + 1}"
