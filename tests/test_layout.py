"""The package layout keeps its promises: the pipeline is Flask-free and imports run one way."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    """Absolute module names imported by one file (relative imports resolved)."""
    pkg = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.add(mod)
            found.update(f"{mod}.{a.name}" for a in node.names)
    return found


def test_incidents_pipeline_imports_no_flask_in_a_fresh_process():
    code = "import sys, webmap.incidents.pipeline, webmap.incidents.loaders, webmap.incidents.geojson; print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'folium', 'werkzeug')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_imports_run_webmap_to_incidents_to_gazetteer_only():
    for path in (ROOT / "webmap" / "incidents").glob("*.py"):
        bad = {m for m in _imports(path) if m.startswith("webmap") and not m.startswith("webmap.incidents")}
        bad |= {m for m in _imports(path) if m.split(".")[0] in ("flask", "folium", "branca", "werkzeug")}
        assert not bad, f"{path.name} imports {sorted(bad)}"
    for path in (ROOT / "gazetteer").rglob("*.py"):
        bad = {m for m in _imports(path) if m.split(".")[0] in ("webmap", "flask", "folium")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
