"""Vietnamese for Qt's own words (nút Đồng ý / Hủy, hộp chọn tệp, menu chuột phải).

Qt ships no Vietnamese translation (there is no ``qtbase_vi.qm``), so without this the
user would meet "OK", "Cancel", "&Yes", "Look in:" and "Select All" in every dialog.
The tables (``qt_vi_texts``, Qt's own source strings) are compiled into a Qt translation
catalogue at start-up and loaded into a QTranslator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.ui.qt_vi_texts import TABLES


def qt_text(context: str, source: str) -> str | None:
    """The Vietnamese for one of Qt's strings, or None when we have none."""
    table = TABLES.get(context)
    if table is None:
        return None
    return table.get(source)


# --- a .qm file built in memory ----------------------------------------------------------
#
# A Python subclass of QTranslator would be simpler, but PySide6 (6.12) passes Qt's null
# "disambiguation" to the override as None without taking a reference, so every call
# wears None's reference count down until the interpreter aborts ("none_dealloc"). A
# compiled catalogue loaded into a plain QTranslator has no Python in the lookup at all.
# Layout as read by qtranslator.cpp: magic, then tagged blocks; the Hashes block lists
# (elfHash(source + comment), offset) sorted by hash, pointing into the Messages block.

_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_BLOCK_HASHES, _BLOCK_MESSAGES = 0x42, 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT = 1, 3, 6, 7


def _elf_hash(data: bytes) -> int:
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _field(tag: int, data: bytes) -> bytes:
    return bytes([tag]) + len(data).to_bytes(4, "big") + data


def build_qm(tables: dict[str, dict[str, str]] | None = None) -> bytes:
    """A Qt translation catalogue (.qm) of ``tables``: context -> source -> translation."""
    messages = bytearray()
    hashes: list[tuple[int, int]] = []
    for context, table in (tables or TABLES).items():
        for source, translation in table.items():
            source_bytes = source.encode("utf-8")
            hashes.append((_elf_hash(source_bytes), len(messages)))
            messages += _field(_TAG_TRANSLATION, translation.encode("utf-16-be"))
            messages += _field(_TAG_SOURCE, source_bytes)
            messages += _field(_TAG_CONTEXT, context.encode("utf-8"))
            messages.append(_TAG_END)
    hash_block = b"".join(h.to_bytes(4, "big") + o.to_bytes(4, "big") for h, o in sorted(hashes))
    return _QM_MAGIC + _field(_BLOCK_HASHES, hash_block) + _field(_BLOCK_MESSAGES, bytes(messages))


_installed: QTranslator | None = None
_catalogue: bytes = b""  # QTranslator reads the catalogue in place: keep it alive


def install_vietnamese(app: QCoreApplication) -> QTranslator:
    """Make Qt speak Vietnamese (idempotent): the translator and the default locale."""
    global _installed, _catalogue
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    if _installed is None:
        _catalogue = build_qm()
        translator = QTranslator(app)
        if not translator.load(_catalogue):
            raise RuntimeError("Qt did not accept the Vietnamese catalogue")
        QCoreApplication.installTranslator(translator)
        _installed = translator
    return _installed
