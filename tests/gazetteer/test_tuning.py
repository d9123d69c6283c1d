"""The gazetteer's thresholds and weights are stated once, in gazetteer/tuning.py."""
from __future__ import annotations

import ast

from paths import ROOT

# module-level numbers that are limits or physical constants, not tuning: they stay beside their code
NOT_TUNING = {
    ("gazetteer.py", "MAX_TEXT_CHARS"), ("gazetteer.py", "BLOCK_CHARS"),        # input size, batching
    ("geometry.py", "KM_PER_DEG_LAT"), ("geometry.py", "EARTH_RADIUS_KM"),      # the Earth
    ("index.py", "NAME_CACHE_SIZE"), ("inflect.py", "MAX_COMBOS"),              # memory and work bounds
    ("recognize.py", "MAX_NGRAM"), ("translit.py", "MAX_VARIANTS"),
    ("conflict_sites.py", "CELL_DEG"),                                            # a lookup grid's cell
    ("ukrainian_forms.py", "MAX_FORMS"),                                          # forms per name in the index
}


def _number(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp):
        return _number(node.operand)
    if isinstance(node, ast.Tuple):
        return bool(node.elts) and all(_number(e) for e in node.elts)
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def module_numbers() -> set[tuple[str, str]]:
    """(file, name) of every module-level name bound to a number (or a tuple of numbers) outside tuning.py."""
    out = set()
    for path in sorted((ROOT / "gazetteer").glob("*.py")):
        if path.name == "tuning.py":
            continue
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets, value = [node.target], node.value
            else:
                continue
            if _number(value):
                out |= {(path.name, t.id) for t in targets if isinstance(t, ast.Name)}
    return out


def test_scoring_and_resolution_thresholds_live_in_tuning() -> None:
    found = module_numbers()
    assert NOT_TUNING <= found, NOT_TUNING - found            # the scan sees module-level numbers
    assert found - NOT_TUNING == set(), "move these to gazetteer/tuning.py, each with a docstring"

