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
    assert {"DATABASE", "DB_POOL", "TILES_URL", "INLINE_POPUPS_MAX", "INSTANCE_PATH", "EXTRACTOR",
            "CSRF_DISABLED"} <= set(read)
    missing = {k: sorted(v) for k, v in read.items() if k not in config.DEFAULTS}
    assert missing == {}


def env_reads() -> set[tuple[str, str]]:
    """(variable, file) of every WEBMAP_* environment variable read directly (os.environ[...], .get, os.getenv)."""
    out = set()
    for path in [*(ROOT / "webmap").rglob("*.py"), *(ROOT / "gazetteer").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            arg = None
            if isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("environ"):
                arg = node.slice
            elif isinstance(node, ast.Call) and node.args and (
                    ast.unparse(node.func).endswith(("environ.get", "getenv", "environ.setdefault", "environ.pop"))):
                arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.startswith("WEBMAP_"):
                out.add((arg.value, str(path.relative_to(ROOT))))
    return out


def test_settings_come_from_the_app_config_not_the_environment() -> None:
    """WEBMAP_* variables reach the app through create_app (Flask's prefixed env, into DEFAULTS' keys); the only
    direct read is the static folder, which Flask needs before the config exists (its key is in DEFAULTS too)."""
    reads = env_reads()
    assert reads == {("WEBMAP_STATIC_FOLDER", "webmap/__init__.py")}
    assert {name.removeprefix("WEBMAP_") for name, _ in reads} <= set(config.DEFAULTS)


def test_an_environment_variable_sets_its_config_key(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("WEBMAP_DB_POOL", "3")
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k"})
    assert app.config["DB_POOL"] == 3


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
