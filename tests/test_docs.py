"""The README, CI and the docs agree with each other and with the code that cites them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_exactly_the_readmes_test_command():
    [command] = [line for line in _readme().splitlines() if line.endswith("-m pytest")]
    assert command.startswith("python3 -m venv .venv && ")  # works on an externally managed Python
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci


def test_the_readmes_links_lead_to_files_of_the_repository():
    links = re.findall(r"\]\(([^)#]+)\)", _readme())
    assert {"docs/architecture.md", "docs/domain.md", "LICENSE"} <= set(links)
    assert [link for link in links if not (ROOT / link).exists()] == []
    assert "shared/" not in _readme()


def test_every_cited_section_of_the_docs_exists():
    domain = (ROOT / "docs" / "domain.md").read_text(encoding="utf-8")
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^## (§\d+)", domain, flags=re.MULTILINE))
    headings = set(re.findall(r"^#+ (.+)$", architecture, flags=re.MULTILINE))
    dangling = []
    for path in [*(ROOT / "desktop").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if path.name != "test_docs.py" and ("DOMAIN.md" in text or "ARCHITECTURE.md" in text):
            dangling.append(f"{path.relative_to(ROOT)}: DOMAIN.md / ARCHITECTURE.md")
        for section in re.findall(r"docs/domain\.md (§\d+)", text):
            if section not in sections:
                dangling.append(f"{path.relative_to(ROOT)}: docs/domain.md {section}")
        for heading in re.findall(r'docs/architecture\.md, "([^"]+)"', text):
            if not any(h.startswith(heading) for h in headings):
                dangling.append(f"{path.relative_to(ROOT)}: docs/architecture.md {heading}")
    assert dangling == []
