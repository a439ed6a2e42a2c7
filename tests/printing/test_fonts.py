"""Choosing the typeface of printed documents: Times New Roman, else the bundled stand-in."""

from __future__ import annotations

import shutil

import pytest
from reportlab.lib.fonts import tt2ps

from desktop.paths import resource
from desktop.printing import fonts

BUNDLED = [resource("fonts", name) for name in fonts._BUNDLED_FILES]


@pytest.fixture
def fresh_registry(monkeypatch):
    """Forget earlier choices so that each test decides again."""
    monkeypatch.setattr(fonts, "_registered", {})
    monkeypatch.delenv(fonts.BUNDLED_FONT_ENV, raising=False)


def test_bundled_font_and_its_licence_ship_with_the_app():
    assert all(path.is_file() for path in BUNDLED)
    licence = resource("fonts", "LICENSE-LiberationSerif.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence


def test_registering_twice_gives_the_same_family(fresh_registry):
    assert fonts.register_fonts(bundled=True) == fonts.register_fonts(bundled=True)


def test_times_new_roman_is_preferred_when_the_system_has_it(fresh_registry, monkeypatch):
    monkeypatch.setattr(fonts, "system_times_files", lambda: BUNDLED)

    family = fonts.register_fonts()

    assert family == fonts.SYSTEM_FAMILY
    assert tt2ps(family, 1, 0) == "TimesNewRoman-Bold"
    assert tt2ps(family, 0, 1) == "TimesNewRoman-Italic"
    assert tt2ps(family, 1, 1) == "TimesNewRoman-BoldItalic"


def test_bundled_font_is_used_when_times_is_missing(fresh_registry, monkeypatch):
    monkeypatch.setattr(fonts, "system_times_files", lambda: None)

    family = fonts.register_fonts()

    assert family == fonts.BUNDLED_FAMILY
    assert tt2ps(family, 1, 1) == "LiberationSerif-BoldItalic"


def test_environment_variable_forces_the_bundled_font(fresh_registry, monkeypatch):
    monkeypatch.setattr(fonts, "system_times_files", lambda: BUNDLED)
    monkeypatch.setenv(fonts.BUNDLED_FONT_ENV, "1")

    assert fonts.register_fonts() == fonts.BUNDLED_FAMILY


def test_windows_fonts_folder_is_searched_for_times(monkeypatch, tmp_path):
    folder = tmp_path / "Fonts"
    folder.mkdir()
    names = ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"]
    for source, name in zip(BUNDLED, names, strict=True):
        shutil.copy(source, folder / name)
    monkeypatch.setenv("WINDIR", str(tmp_path))

    assert fonts.system_times_files() == [folder / name for name in names]


def test_times_is_not_used_when_one_face_is_missing(monkeypatch, tmp_path):
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(BUNDLED[0], folder / "times.ttf")
    monkeypatch.setenv("WINDIR", str(tmp_path))

    found = fonts.system_times_files()

    assert found is None or folder not in [path.parent for path in found]
