"""The layering rules of docs/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
QT_FREE = (
    "models", "services", "storage", "text", "rules", "printing", "packaging", "exchange", "errors.py"
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


# Each layer may import only its own layer and the layers below it (docs/architecture.md):
# ui/cli → packaging (what goes on a stick) → printing → services → exchange (verified
# writes) → models/storage/rules/text and the domain errors.
LAYER_RANK = {
    "models": 0, "storage": 0, "rules": 0, "text": 0, "errors": 0, "config": 0, "paths": 0,
    "exchange": 1,
    "services": 2,
    "printing": 3,
    "packaging": 4,
    "ui": 5, "cli": 5, "app": 5, "__main__": 5,
}


def _layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "desktop" or len(parts) < 2 or parts[1] == "__version__":
        return None
    return parts[1]


def _upward_imports() -> list[str]:
    arrows = []
    for path in DESKTOP.rglob("*.py"):
        rel = path.relative_to(DESKTOP).with_suffix("").parts
        if "migrations" in rel:
            continue
        own = rel[0] if len(rel) > 1 else rel[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module]
                if node.module == "desktop":
                    targets = [f"desktop.{alias.name}" for alias in node.names]
            for target in targets:
                layer = _layer_of(target)
                if layer is None or own == "__init__":
                    continue
                if LAYER_RANK[layer] > LAYER_RANK[own]:
                    arrows.append(f"{'/'.join(rel)}.py:{node.lineno} → {target}")
    return arrows


def test_every_module_belongs_to_a_known_layer():
    unknown = {
        path.relative_to(DESKTOP).parts[0].removesuffix(".py")
        for path in DESKTOP.glob("*")
        if (path.is_dir() and (path / "__init__.py").exists()) or path.suffix == ".py"
    } - set(LAYER_RANK) - {"__init__"}
    assert unknown == set()


def test_no_import_runs_back_up_the_layers():
    assert _upward_imports() == []


def test_the_layer_check_sees_an_upward_arrow(tmp_path, monkeypatch):
    # The check itself must fail on an arrow back up, or it proves nothing.
    fake = tmp_path / "desktop"
    (fake / "services").mkdir(parents=True)
    (fake / "services" / "x.py").write_text("from desktop.printing.page import A\n")
    monkeypatch.setattr(sys.modules[__name__], "DESKTOP", fake)
    assert _upward_imports() == ["services/x.py:1 → desktop.printing.page"]


def test_nothing_below_the_ui_imports_qt():
    offenders = []
    for layer in QT_FREE:
        root = DESKTOP / layer
        paths = [root] if root.is_file() else root.rglob("*.py") if root.exists() else []
        for path in paths:
            if any(name.split(".")[0] == "PySide6" for name in _imports(path)):
                offenders.append(str(path.relative_to(DESKTOP)))
    assert offenders == []


def test_command_line_starts_without_qt_printing_or_excel_libraries():
    code = (
        "import sys, desktop.cli, desktop.services.cell.workspace, desktop.services.members.registry;"
        "print(','.join(m for m in ('PySide6','reportlab','openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_main_window_opens_without_printing_excel_or_word_libraries(tmp_path):
    # Issues 2 and 15: start-up stays lean. Printing, spreadsheets, Alembic (the schema is
    # current), the other parts' pages, packaging and exchange load when first used. The
    # home page (Việc cần làm, issue 10) shows every part's state with real data, so the
    # review and dues records and their rule packs are read for the first paint.
    code = (
        "import sys, pathlib;"
        "from desktop.app import create_application, main_window_for;"
        "from desktop.services.cell.workspace import Workspace;"
        f"folder = pathlib.Path({str(tmp_path)!r});"
        "app = create_application([]);"
        "ws = Workspace(folder, lock=False);"
        "w = main_window_for(ws); w.show(); app.processEvents();"
        "heavy = [m for m in ('reportlab', 'openpyxl', 'docx', 'pypdfium2', 'alembic')"
        "         if m in sys.modules];"
        "parts = ('desktop.ui.meetings.page', 'desktop.ui.reviews.page', 'desktop.ui.topics.page',"
        "         'desktop.ui.export_page', 'desktop.ui.dues.page', 'desktop.printing.page',"
        "         'desktop.printing.fonts', 'desktop.packaging', 'desktop.exchange');"
        "print(','.join(heavy + [m for m in parts if m in sys.modules]))"
    )
    from desktop.services.cell.workspace import Workspace

    Workspace(tmp_path, lock=False).close()  # created and migrated beforehand
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1:] in ([], [""])


def test_the_lean_start_check_sees_a_heavy_import(tmp_path):
    # The check above must be able to fail: opening the reviews page pulls its module.
    code = (
        "import sys, pathlib;"
        "from desktop.app import create_application, main_window_for;"
        "from desktop.services.cell.workspace import Workspace;"
        "app = create_application([]);"
        f"ws = Workspace(pathlib.Path({str(tmp_path)!r}), lock=False);"
        "from desktop.ui.main_window import NAV_REVIEWS;"
        "w = main_window_for(ws); w.show(); app.processEvents();"
        "before = 'desktop.ui.reviews.page' in sys.modules;"
        "w.nav.setCurrentRow(NAV_REVIEWS); app.processEvents();"
        "print(before, 'desktop.ui.reviews.page' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "False True"
