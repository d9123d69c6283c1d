"""config.DEFAULTS is complete and documented: every key the app reads has a default and a comment."""
from __future__ import annotations

import ast
import io
import tokenize

from paths import ROOT
from webmap import config, create_app


def _receiver_is_config(node: ast.expr) -> bool:
    text = ast.unparse(node)
    return text == "cfg" or "config" in text.split(".")[-1] or text.startswith("(config")


def keys_read() -> dict[str, set[str]]:
    """Every constant key read from (or written to) a config mapping in webmap/ and gazetteer/: key -> files."""
    out: dict[str, set[str]] = {}
    for path in [*(ROOT / "webmap").rglob("*.py"), *(ROOT / "gazetteer").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            key = None
            if isinstance(node, ast.Subscript) and _receiver_is_config(node.value) \
                    and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                key = node.slice.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("get", "setdefault", "pop") and _receiver_is_config(node.func.value) \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                key = node.args[0].value
            if key is not None and key.isupper():
                out.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    return out


def test_every_key_read_has_a_default() -> None:
    read = keys_read()
    # the scan sees the reads we know of, in all their spellings
    assert {"DATABASE", "TILES_URL", "INLINE_POPUPS_MAX", "INSTANCE_PATH", "EXTRACTOR", "CSRF_DISABLED"} <= set(read)
    missing = {k: sorted(v) for k, v in read.items() if k not in config.DEFAULTS}
    assert missing == {}


def test_every_default_is_documented() -> None:
    src = (ROOT / "webmap" / "config.py").read_text("utf-8")
    commented = {t.start[0] for t in tokenize.generate_tokens(io.StringIO(src).readline) if t.type == tokenize.COMMENT}
    lines = {}
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Dict):
            lines.update({k.value: k.lineno for k in node.keys if isinstance(k, ast.Constant)})
    assert set(config.DEFAULTS) <= set(lines)
    assert [k for k in config.DEFAULTS if lines[k] not in commented] == []


def test_app_config_holds_every_default(tmp_path) -> None:  # noqa: ANN001
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k"})
    assert set(config.DEFAULTS) <= set(app.config)
    assert app.config["STATIC_FOLDER"] is None and app.config["CSRF_DISABLED"] is False
    assert app.config["DATABASE"] == str(tmp_path / "webmap.sqlite")
