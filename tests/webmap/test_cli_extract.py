"""``webmap extract``: FeatureCollection for files, JSONL batches, clear errors without tracebacks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from click.testing import CliRunner

from paths import ARTICLES as DATA, ROOT, SEED
from webmap.cli import cli


def run(*args: str, stdin: bytes | None = None) -> SimpleNamespace:
    """``webmap ARGS`` in-process (click's CliRunner): exit status, stdout and stderr as bytes."""
    r = CliRunner().invoke(cli, list(args), input=stdin)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception                    # a traceback would be a bug: let the test show it
    return SimpleNamespace(returncode=r.exit_code, stdout=r.stdout_bytes, stderr=r.stderr_bytes)


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


def test_one_group_holds_every_command() -> None:
    p = run("--help")
    assert p.returncode == 0
    for name in ("extract", "serve", "ingest", "export", "batch"):
        assert name in p.stdout.decode()
    serve = run("serve", "--help")
    assert serve.returncode == 0 and b"--port" in serve.stdout and b"--db" in serve.stdout


def test_python_m_webmap_extract_jsonl_runs_as_the_scorers_run_it() -> None:
    line = json.dumps({"id": "k", "text": SEED.read_text(encoding="utf-8"), "date": "2024-08-11"}) + "\n"
    p = subprocess.run([sys.executable, "-m", "webmap", "extract", "--jsonl"], cwd=ROOT, input=line.encode(),
                       capture_output=True, timeout=600)
    assert p.returncode == 0, p.stderr.decode()[-800:]
    [out] = [json.loads(x) for x in p.stdout.splitlines()]
    assert out["id"] == "k" and len(out["incidents"]) >= 5


def test_extract_files_prints_a_feature_collection() -> None:
    p = run("extract", str(SEED), str(DATA / "odesa-strike.html"))
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


def test_ingest_shows_a_progress_bar_unless_quiet(tmp_path: Path) -> None:
    p = run("ingest", "--db", str(tmp_path / "a.sqlite"), str(SEED), str(DATA / "odesa-strike.html"))
    assert p.returncode == 0 and b"2 new article(s)" in p.stdout
    assert b"ingesting" in p.stderr                      # click's bar (its label alone when not on a terminal)
    q = run("ingest", "--db", str(tmp_path / "b.sqlite"), "--quiet", str(SEED), str(DATA / "odesa-strike.html"))
    assert q.returncode == 0 and b"2 new article(s)" in q.stdout and b"ingesting" not in q.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    e = run("ingest", "--db", str(tmp_path / "c.sqlite"), "-q", str(bad))
    assert e.returncode == 1 and b"not valid UTF-8" in e.stderr and b"ingesting" not in e.stderr
