"""``webmap extract``: FeatureCollection for files, JSONL batches, clear errors without tracebacks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "articles"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "webmap", *args], cwd=ROOT, input=stdin, capture_output=True,
                          timeout=600)


def test_no_files_is_a_clear_error() -> None:
    p = run("extract")
    assert p.returncode == 2 and b"give article files" in p.stderr and b"Traceback" not in p.stderr


def test_non_utf8_file_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(b"Kyiv \xff\xfe shelled")
    p = run("extract", str(f))
    assert p.returncode == 2 and b"not valid UTF-8" in p.stderr and b"Traceback" not in p.stderr
    assert p.stdout == b""


def test_missing_file_and_empty_stdin() -> None:
    p = run("extract", str(DATA / "nope.txt"))
    assert p.returncode == 2 and b"cannot read" in p.stderr and p.stdout == b""
    p = run("extract", "--jsonl", stdin=b"")
    assert p.returncode == 2 and b"no input" in p.stderr


def test_jsonl_non_utf8_stdin() -> None:
    p = run("extract", "--jsonl", stdin=b'{"id": "x", "text": "\xff"}\n')
    assert p.returncode == 2 and b"UTF-8" in p.stderr and b"Traceback" not in p.stderr


def test_other_subcommands_go_to_the_app_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from webmap import cli

    seen = []
    fake = types.ModuleType("webmap.appcli")
    fake.main = lambda argv: seen.append(argv) or 7          # protocol check of the delegation only
    monkeypatch.setitem(sys.modules, "webmap.appcli", fake)
    import webmap
    monkeypatch.setattr(webmap, "appcli", fake, raising=False)
    assert cli.main(["serve", "--port", "1"]) == 7 and seen == [["serve", "--port", "1"]]
