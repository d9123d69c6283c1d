"""``webmap extract``: FeatureCollection for files, JSONL batches, clear errors without tracebacks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paths import ARTICLES as DATA, ROOT


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


def test_extract_files_prints_a_feature_collection() -> None:
    p = run("extract", "seeds/kursk-2024-08-11.txt", str(DATA / "odesa-strike.html"))
    assert p.returncode == 0, p.stderr.decode()
    fc = json.loads(p.stdout)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) >= 10
    for f in fc["features"]:
        g, q = f["geometry"], f["properties"]
        assert q["category"] and q["event_type"] and q["sources"]
        if g and g["type"] == "Point":
            assert g["coordinates"] == [q["lon"], q["lat"]]
    assert any(f["geometry"] and f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in fc["features"])


def test_jsonl_batch_with_broken_line_goes_on() -> None:
    p = run("extract", "--jsonl", stdin=(DATA / "batch.jsonl").read_bytes())
    assert p.returncode == 1
    lines = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert [x["id"] for x in lines] == ["a1", "a3"]
    assert any(f["properties"]["category"] == "shelling" for f in lines[0]["incidents"])
    assert any(f["properties"]["category"] == "interception" for f in lines[1]["incidents"])
    assert b"line 2" in p.stderr and b"Traceback" not in p.stderr


def test_jsonl_from_files_and_output_file(tmp_path: Path) -> None:
    p = run("extract", "--jsonl", str(DATA / "batch.jsonl"))
    assert p.returncode == 1 and len(p.stdout.splitlines()) == 2
    out = tmp_path / "fc.json"
    p = run("extract", str(DATA / "kharkiv-odesa-2024-09-03.txt"), "-o", str(out))
    assert p.returncode == 0 and p.stdout == b"" and json.loads(out.read_text())["features"]
