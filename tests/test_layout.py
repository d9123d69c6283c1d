"""The package layout keeps its promises: the pipeline is Flask-free and imports run one way."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from paths import ROOT


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside ``if TYPE_CHECKING:`` blocks (imports for annotations only)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                out.update(id(n) for n in ast.walk(child))
    return out


def _imports(path: Path, *, runtime_only: bool = False) -> set[str]:
    """Absolute module names imported by one file (relative imports resolved), at any depth
    (function-level imports count); ``runtime_only`` leaves out ``if TYPE_CHECKING:`` imports."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    pkg = ".".join(parts if parts[-1] == "__init__" else parts[:-1]).removesuffix(".__init__")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree) if runtime_only else set()
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph(*packages: str) -> dict[str, set[str]]:
    """Module -> the project modules it imports at run time (a name imported from a module counts
    as that module)."""
    files = {_module_name(p): p for pkg in packages for p in (ROOT / pkg).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for mod, path in files.items():
        deps = set()
        for name in _imports(path, runtime_only=True):
            while name and name not in files:
                name = name.rpartition(".")[0]
            if name and name != mod:
                deps.add(name)
        graph[mod] = deps
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of the graph, or None (a package importing its own modules from its
    ``__init__`` is not a cycle: Python runs the ``__init__`` first)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            if d.startswith(m + "."):            # a package's __init__ re-exporting its modules
                continue
            if state.get(d) == 1:
                return stack[stack.index(d):] + [d]
            if d not in state:
                found = visit(d)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycles_in_gazetteer_or_webmap():
    graph = _graph("gazetteer", "webmap")
    assert len(graph) > 40
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


# The query side: what opens and reads the index. The facade (gazetteer.gazetteer, which builds a
# missing index on first use), the CLI and the package roots may reach the builder; nothing else may.
ENTRY_POINTS = {"gazetteer", "gazetteer.__main__", "gazetteer.gazetteer", "gazetteer.cli"}


def test_gazetteer_query_modules_never_import_the_builder():
    query = {m: deps for m, deps in _graph("gazetteer").items()
             if not m.startswith("gazetteer.build") and m not in ENTRY_POINTS}
    assert {"gazetteer.index", "gazetteer.resolve", "gazetteer.recognize", "gazetteer.geocode"} <= set(query)
    for mod, deps in query.items():
        bad = {d for d in deps if d.startswith("gazetteer.build")}
        assert not bad, f"{mod} imports {sorted(bad)}"


def test_geoparsing_with_a_built_index_loads_no_builder_in_a_fresh_process():
    code = ("import sys; from gazetteer import Gazetteer; gz = Gazetteer.default(); "
            "ms = gz.geoparse('Shelling near Korenovo, Kursk region'); gz.geocode_resolution('Sudzha, Kursk'); "
            "assert ms and ms[0].resolution is not None; "
            "print(sorted(m for m in sys.modules if m.startswith('gazetteer.build')))")
    from gazetteer import Gazetteer

    Gazetteer.default()              # the index exists (built here if need be, in this process)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_war_zone_countries_are_stated_once():
    """No module outside gazetteer.theatre spells out a set of the war's countries."""
    import re

    pattern = re.compile(r"""[({]\s*["'](?:UA|RU|BY|MD)["']\s*,\s*["'](?:UA|RU|BY|MD)["']""")
    for pkg in ("gazetteer", "webmap"):
        for path in (ROOT / pkg).rglob("*.py"):
            if path.name == "theatre.py":
                continue
            hits = pattern.findall(path.read_text(encoding="utf-8"))
            assert not hits, f"{path.relative_to(ROOT)} spells out war-zone countries: {hits}"


def test_no_private_names_used_across_gazetteer_modules():
    """A module of the gazetteer uses only the public names of another (no ``from .x import _y``,
    no ``obj._private`` on something that is not ``self`` or ``cls``)."""
    for path in (ROOT / "gazetteer").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                bad = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                assert not bad, f"{path.relative_to(ROOT)} imports private {bad} from {node.module}"
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                owner = ast.unparse(node.value)
                assert owner in ("self", "cls", "type(self)") or owner.startswith("self."), \
                    f"{path.relative_to(ROOT)}:{node.lineno} uses {owner}.{node.attr}"
