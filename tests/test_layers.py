"""The layering rules of ARCHITECTURE.md, checked on the source itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
QT_FREE = ("models", "services", "storage", "text", "rules", "printing")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_nothing_below_the_ui_imports_qt():
    offenders = []
    for layer in QT_FREE:
        for path in (DESKTOP / layer).rglob("*.py") if (DESKTOP / layer).exists() else []:
            if any(name.split(".")[0] == "PySide6" for name in _imports(path)):
                offenders.append(str(path.relative_to(DESKTOP)))
    assert offenders == []


def test_command_line_starts_without_qt_printing_or_excel_libraries():
    code = (
        "import sys, desktop.cli, desktop.services.workspace, desktop.services.members;"
        "print(','.join(m for m in ('PySide6','reportlab','openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_main_window_opens_without_printing_excel_or_word_libraries(tmp_path):
    # Issue 2: start-up stays lean; these load when the user first prints or imports.
    code = (
        "import sys, pathlib;"
        "from desktop.app import create_application, main_window_for;"
        "from desktop.services.workspace import Workspace;"
        "app = create_application([]);"
        f"ws = Workspace(pathlib.Path({str(tmp_path)!r}), lock=False);"
        "w = main_window_for(ws); w.show(); app.processEvents();"
        "heavy = ('reportlab', 'openpyxl', 'docx', 'pypdfium2');"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1:] in ([], [""])
