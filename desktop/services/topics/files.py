"""Topic files (tệp chuyên đề, JSON): the shipped catalogue and next year's topic.

The schema is documented in ``resources/topics/README.md``. Every problem is reported
in Vietnamese with the file's name and the field, so a secretary (or whoever typed the
file at the superior committee) can fix it without reading code.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from desktop.paths import resource
from desktop.errors import FieldError, ValidationError
from desktop.services.topics.data import (
    TopicData,
    TopicDocumentInfo,
    TopicInfo,
    TopicSectionInfo,
    normalize_topic,
    validate_topic,
)
from desktop.storage.atomic import atomic_write_bytes
from desktop.text import parse_date

SCHEMA_VERSION = 1

_TOP_KEYS = {
    "schema",
    "seed_key",
    "level",
    "title",
    "short_title",
    "issuer",
    "start_year",
    "start_month",
    "end_year",
    "carried_into_year",
    "study_deadline",
    "documents",
    "sections",
    "sections_source",
    "source",
    "note",
}
_REQUIRED_KEYS = ("level", "title", "start_year")
_DOCUMENT_KEYS = {"number", "issuer", "date", "title"}
_SECTION_KEYS = {"title", "summary"}


class TopicFileError(ValidationError):
    """A topic file that cannot be used; ``str(exc)`` lists every problem found."""


def catalogue_dir() -> Path:
    return resource("topics")


def catalogue_files(directory: Path | None = None) -> list[Path]:
    """The catalogue's topic files, in name order."""
    folder = Path(directory) if directory is not None else catalogue_dir()
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def load_topic_file(path: Path) -> TopicData:
    """Read and check one topic file; raises TopicFileError naming the file and field."""
    path = Path(path)
    reader = _Reader(path.name)
    try:
        # utf-8-sig: Notepad on Windows may start the file with a byte-order mark.
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise reader.fatal("", f"không mở được tệp ({exc.strerror or exc}).") from exc
    except UnicodeDecodeError as exc:
        raise reader.fatal("", "tệp không phải văn bản UTF-8.") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise reader.fatal(
            "", f"không đúng định dạng JSON ở dòng {exc.lineno}, cột {exc.colno}."
        ) from exc
    data = reader.topic(raw)
    if reader.errors:
        raise TopicFileError(reader.errors)
    data = normalize_topic(data)
    errors = [
        FieldError(e.field, f"Tệp “{path.name}”, trường “{e.field}”: {e.message}")
        for e in validate_topic(data)
    ]
    if errors:
        raise TopicFileError(errors)
    return data


def topic_to_dict(topic: TopicInfo | TopicData) -> dict:
    """The JSON form of a topic, for sharing it with other cells (no seed key)."""
    return {
        "schema": SCHEMA_VERSION,
        "level": str(topic.level),
        "title": topic.title,
        "short_title": topic.short_title,
        "issuer": topic.issuer,
        "start_year": topic.start_year,
        "start_month": topic.start_month,
        "end_year": topic.end_year,
        "carried_into_year": topic.carried_into_year,
        "study_deadline": topic.study_deadline.isoformat() if topic.study_deadline else None,
        "documents": [
            {
                "number": d.number,
                "issuer": d.issuer,
                "date": d.issued_on.isoformat() if d.issued_on else None,
                "title": d.title,
            }
            for d in topic.documents or ()
        ],
        "sections": [{"title": s.title, "summary": s.summary} for s in topic.sections or ()],
        "note": topic.note,
    }


def write_topic_file(topic: TopicInfo | TopicData, path: Path) -> None:
    """Write a topic file atomically, readable by people (indented, Vietnamese as is)."""
    text = json.dumps(topic_to_dict(topic), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(Path(path), text.encode("utf-8"))


class _Reader:
    """Turns the parsed JSON into TopicData, collecting every problem on the way."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.errors: list[FieldError] = []

    def error(self, field: str, message: str) -> None:
        where = f"Tệp “{self.file_name}”"
        if field:
            where += f", trường “{field}”"
        self.errors.append(FieldError(field, f"{where}: {message}"))

    def fatal(self, field: str, message: str) -> TopicFileError:
        self.error(field, message)
        return TopicFileError(self.errors)

    def topic(self, raw: object) -> TopicData:
        if not isinstance(raw, dict):
            raise self.fatal("", "nội dung phải là một đối tượng JSON { … }.")
        self.unknown_keys(raw, _TOP_KEYS, "")
        schema = raw.get("schema", SCHEMA_VERSION)
        if schema != SCHEMA_VERSION:
            self.error("schema", f"phiên bản {schema!r} chưa được hỗ trợ (chỉ đọc bản 1).")
        for key in _REQUIRED_KEYS:
            if raw.get(key) in (None, ""):
                self.error(key, "bắt buộc phải có.")
        start_year = self.integer(raw, "start_year")
        note_parts = [self.text(raw, "note")]
        if source := self.text(raw, "source"):
            note_parts.append(f"Nguồn: {source}")
        if sections_source := self.text(raw, "sections_source"):
            note_parts.append(f"Các mục nội dung: {sections_source}")
        return TopicData(
            title=self.text(raw, "title"),
            level=self.text(raw, "level"),
            short_title=self.text(raw, "short_title"),
            issuer=self.text(raw, "issuer"),
            start_year=start_year,
            start_month=self.integer(raw, "start_month", 1),
            end_year=self.integer(raw, "end_year", start_year),
            carried_into_year=self.integer(raw, "carried_into_year"),
            study_deadline=self.date(raw, "study_deadline"),
            note="\n".join(p for p in note_parts if p),
            documents=[self.document(i, d) for i, d in enumerate(self.items(raw, "documents"))],
            sections=[self.section(i, s) for i, s in enumerate(self.items(raw, "sections"))],
            seed_key=self.text(raw, "seed_key") or None,
        )

    def document(self, i: int, raw: object) -> TopicDocumentInfo:
        where = f"documents[{i}]"
        if not isinstance(raw, dict):
            self.error(where, 'mỗi văn bản phải là một đối tượng { "number": …, … }.')
            return TopicDocumentInfo(number="?")
        self.unknown_keys(raw, _DOCUMENT_KEYS, where + ".")
        return TopicDocumentInfo(
            number=self.text(raw, "number", where + "."),
            issuer=self.text(raw, "issuer", where + "."),
            issued_on=self.date(raw, "date", where + "."),
            title=self.text(raw, "title", where + "."),
        )

    def section(self, i: int, raw: object) -> TopicSectionInfo:
        where = f"sections[{i}]"
        if isinstance(raw, str):
            return TopicSectionInfo(title=raw, position=i + 1)
        if not isinstance(raw, dict):
            self.error(where, 'mỗi mục nội dung phải là một chuỗi hoặc { "title": … }.')
            return TopicSectionInfo(title="?", position=i + 1)
        self.unknown_keys(raw, _SECTION_KEYS, where + ".")
        return TopicSectionInfo(
            title=self.text(raw, "title", where + "."),
            summary=self.text(raw, "summary", where + "."),
            position=i + 1,
        )

    def items(self, raw: dict, key: str) -> list:
        value = raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(key, "phải là một danh sách [ … ].")
            return []
        return value

    def unknown_keys(self, raw: dict, known: set[str], prefix: str) -> None:
        for key in raw:
            if key in known:
                continue
            guess = difflib.get_close_matches(str(key), sorted(known), n=1)
            hint = f" Có phải là “{guess[0]}”?" if guess else ""
            self.error(f"{prefix}{key}", f"trường này không có trong mẫu tệp chuyên đề.{hint}")

    def text(self, raw: dict, key: str, prefix: str = "") -> str:
        value = raw.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.error(prefix + key, "phải là chữ (đặt trong dấu ngoặc kép).")
            return ""
        return value

    def integer(self, raw: dict, key: str, default: int | None = None) -> int | None:
        value = raw.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, str) and value.strip().isdigit():
                return int(value.strip())
            self.error(key, f"phải là một số nguyên, không phải {json.dumps(value)}.")
            return default
        return value

    def date(self, raw: dict, key: str, prefix: str = ""):
        value = raw.get(key)
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            self.error(prefix + key, 'ngày phải viết dạng "2024-03-27" hoặc "27/3/2024".')
            return None
        try:
            parsed = parse_date(value)
        except ValueError as exc:
            self.error(prefix + key, str(exc))
            return None
        if parsed is None or parsed.day is None or parsed.month is None:
            self.error(prefix + key, 'cần đủ ngày, tháng và năm (ví dụ "27/3/2024").')
            return None
        return parsed.to_date()
