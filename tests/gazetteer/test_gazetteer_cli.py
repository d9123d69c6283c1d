"""The gazetteer command line: batch formats and bad input, run in-process with click's CliRunner
(one test runs ``python -m gazetteer`` as a real process, as the scorers do)."""
from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from gazetteer.cli import cli
from paths import ROOT, SEED
MENTION_KEYS = {"start", "end", "text", "name", "lat", "lon", "country_code", "admin1", "kind", "precision",
                "score", "place_id"}


def run(*args: str, stdin: bytes | str = b"", env: dict[str, str] | None = None) -> SimpleNamespace:
    """The command run in-process: its exit status, stdout and stderr (bytes), like a finished process."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    r = CliRunner(env=env).invoke(cli, list(args), input=data)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception                    # a traceback would be a bug: let the test show it
    return SimpleNamespace(returncode=r.exit_code, stdout=r.stdout_bytes, stderr=r.stderr_bytes)


def jsonl(*objs: object) -> str:
    return "".join(json.dumps(o) + "\n" for o in objs)


def test_geoparse_jsonl_format():
    p = run("geoparse", "--jsonl", stdin=jsonl({"id": "a", "text": "Shelling hit Kharkiv and Sumy oblast."},
                                               {"id": 7, "text": "Nothing here."}))
    assert p.returncode == 0, p.stderr
    lines = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert [x["id"] for x in lines] == ["a", 7]
    ms = lines[0]["mentions"]
    assert {m["text"] for m in ms} >= {"Kharkiv", "Sumy oblast"}
    for m in ms:
        assert MENTION_KEYS <= set(m)
        assert -90 <= m["lat"] <= 90 and -180 <= m["lon"] <= 180
    assert lines[1]["mentions"] == []


def test_resolve_jsonl_keeps_span_order_and_nulls():
    text = "Zzyzxqy and Kursk."
    p = run("resolve", "--jsonl", stdin=jsonl({"id": "d", "text": text, "spans": [[12, 17], [0, 7], [90, 95]]}))
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    r = out["resolutions"]
    assert len(r) == 3
    assert r[0]["name"] == "Kursk" and abs(r[0]["lat"] - 51.73) < 0.1
    assert r[2] is None                      # a span outside the text


def test_geocode_jsonl_and_single_query():
    p = run("geocode", "--jsonl", stdin=jsonl({"id": 1, "query": "Chuhuiv, south of Kharkiv"},
                                              {"id": 2, "query": "Qwxzv Blorp"}))
    assert p.returncode == 0, p.stderr
    out = {o["id"]: o["result"] for o in map(json.loads, p.stdout.decode().splitlines())}
    assert abs(out[1]["lat"] - 49.83) < 0.2 and abs(out[1]["lon"] - 36.68) < 0.2
    assert out[2] is None
    single = run("geocode", "Rozhivka, Kyiv oblast")
    assert single.returncode == 0
    assert json.loads(single.stdout)["admin1"] == "Kyiv"
    none = run("geocode", "Qwxzv Blorp")
    assert none.returncode == 1 and json.loads(none.stdout) is None


def test_python_m_gazetteer_bare_query_is_geocode():
    p = subprocess.run([sys.executable, "-m", "gazetteer", "Kharkiv"], capture_output=True, cwd=ROOT, timeout=300)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["country_code"] == "UA"
    assert json.loads(run("Kharkiv").stdout)["country_code"] == "UA"


def test_help_lists_every_command():
    p = run("--help")
    assert p.returncode == 0
    for name in ("geoparse", "resolve", "geocode", "reverse", "build", "import", "info"):
        assert name in p.stdout.decode()


def test_bad_json_line_is_reported_with_its_number_and_the_rest_goes_on():
    good = json.dumps({"id": "ok", "text": "Odesa"})
    p = run("geoparse", "--jsonl", stdin=f"{good}\n{{not json\n{good}\n")
    assert p.returncode == 1
    assert "line 2" in p.stderr.decode()
    assert "Traceback" not in p.stderr.decode()
    assert len(p.stdout.decode().splitlines()) == 2


def test_non_utf8_and_empty_input(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Kyiv \xff\xfe shelling")
    p = run("geoparse", str(bad))
    assert p.returncode == 2
    assert "not UTF-8" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    empty = run("geoparse", "--jsonl", stdin=b"")
    assert empty.returncode == 2 and "no input" in empty.stderr.decode()
    p = run("geoparse", "--jsonl", stdin=b'{"id": 1, "text": "Kyiv \xff"}\n')
    assert p.returncode == 1 and "line 1" in p.stderr.decode()
    missing = run("geoparse", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr.decode()


def test_missing_fields_are_clear_errors():
    p = run("resolve", "--jsonl", stdin=jsonl({"id": 1, "text": "Kyiv"}))
    assert p.returncode == 1 and "spans" in p.stderr.decode()
    p = run("geoparse", "--jsonl", stdin=jsonl({"text": "Kyiv"}))
    assert p.returncode == 1 and '"id"' in p.stderr.decode()


@pytest.mark.slow
def test_ten_megabyte_text(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text((seed + "\n") * (10_000_000 // len(seed) + 1), encoding="utf-8")
    p = run("geoparse", str(big))
    assert p.returncode == 0, p.stderr[-500:]
    mentions = json.loads(p.stdout)
    assert len(mentions) > 10_000
    assert mentions[-1]["end"] <= big.stat().st_size


def test_reverse_and_info_commands():
    p = run("reverse", "50.45", "30.52")
    assert p.returncode == 0
    places = json.loads(p.stdout)
    assert [x["kind"] for x in places] == ["admin1", "country"] and places[-1]["country_code"] == "UA"
    ocean = run("reverse", "0", "-30")
    assert ocean.returncode == 1 and json.loads(ocean.stdout) == []
    info = json.loads(run("info").stdout)
    assert int(info["places"]) > 200_000 and info["index"].endswith(".sqlite")


def test_import_command_checks_the_file_and_writes_nothing_on_error(tmp_path):
    env_cache = tmp_path / "cache"
    bad = tmp_path / "places.csv"
    bad.write_text("name,lon\nX,30\n", encoding="utf-8")
    p = run("import", str(bad), env={"XDG_CACHE_HOME": str(env_cache)})
    assert p.returncode == 2 and "lat" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    assert not (env_cache / "incident-map" / "imports.jsonl").exists()
    good = tmp_path / "good.csv"
    good.write_text("name,lat,lon\nBlorpivka,49.9,36.3\n", encoding="utf-8")
    p = run("import", str(good), env={"XDG_CACHE_HOME": str(env_cache)})
    assert p.returncode == 0 and "imported 1 places" in p.stderr.decode()
    assert (env_cache / "incident-map" / "imports.jsonl").read_text(encoding="utf-8").count("Blorpivka") == 1
