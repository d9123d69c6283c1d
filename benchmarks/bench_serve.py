"""Serving a team: the app under gunicorn (1 and 4 worker processes) on a PostGIS store of 100k incidents,
loaded by Debian's ``wrk`` on 127.0.0.1 only, each run bounded in time (and so in requests). Prints one JSON
line per run and a Markdown table (for docs/BENCHMARKS-scale.md).

Requests: the map API (``/api/incidents`` with a city-sized bbox), the map page with its incident table
(``/`` with a region-sized bbox), the GeoJSON export with a bbox, and concurrent posts of new articles
(``POST /api/articles``: each runs the extraction pipeline and writes to PostGIS). PostgreSQL runs on a
throwaway cluster (tests/pgcluster.py) on 127.0.0.1.

Needs: the serve and postgis extras, Debian's postgresql-15-postgis-3 and wrk (apt-get install wrk).
Run: .venv/bin/python benchmarks/bench_serve.py [--incidents 100000] [--workers 1 4] [--seconds 10]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]        # the project first: tests/webmap is no package
sys.path.insert(0, str(ROOT / "benchmarks"))

import pgcluster  # noqa: E402
from bench_store_bbox import chunks  # noqa: E402

from webmap.store import open_store  # noqa: E402

CITY = "36.0,49.75,36.5,50.25"
REGION = "34.0,48.5,37.0,51.5"
ENDPOINTS = {
    "map API (bbox city)": f"/api/incidents?bbox={CITY}",
    "map page + table (bbox region)": f"/?bbox={REGION}",
    "GeoJSON export (bbox region)": f"/api/incidents.geojson?bbox={REGION}",
    "POST /api/articles": None,
}
POST_LUA = r"""
local n = 0
local tid = 0
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
init = function(args) tid = wrk.thread:get("tid") end
request = function()
  n = n + 1
  local body = string.format('{"id": "load-%s-%d-%d", "date": "2024-08-20", "text": "Russian drones struck an '
    .. 'energy facility in Kharkiv overnight on report %s-%d-%d, the governor said. Two people were wounded in '
    .. 'Chuhuiv."}', RUN, tid, n, RUN, tid, n)
  return wrk.format("POST", "/api/articles", {["Content-Type"] = "application/json"}, body)
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def parse_wrk(out: str) -> dict:
    def ms(v: str, unit: str) -> float:
        return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    lat = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)}
    total = re.search(r"(\d+) requests in ([\d.]+)(s|m)", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errs = re.search(r"Socket errors:.*", out)
    return {"p50_ms": round(lat.get("50", float("nan")), 1), "p99_ms": round(lat.get("99", float("nan")), 1),
            "requests": int(total.group(1)) if total else 0, "req_per_s": float(rps.group(1)) if rps else 0.0,
            "non_2xx": int(bad.group(1)) if bad else 0, "socket_errors": errs.group(0) if errs else ""}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 4])
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--only", nargs="+", help="run only the requests whose name contains one of these words")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")
    results = []
    with pgcluster.Cluster({"shared_buffers": "256MB"}) as cluster, tempfile.TemporaryDirectory() as tmp:
        url = cluster.create_database("serve")
        store = open_store(url)
        t0 = time.perf_counter()
        for art, incs in chunks(args.incidents):
            store.add_many([(art, incs)])
        print(f"store: {store.stats()} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        store.close()
        lua = Path(tmp) / "post.lua"
        for w in args.workers:
            port = free_port()
            env = {**os.environ, "WEBMAP_DATABASE": url, "WEBMAP_SECRET_KEY": "bench-secret",
                   "WEBMAP_DB_POOL": "4"}
            srv = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-w", str(w), "-b",
                                    f"127.0.0.1:{port}", "--timeout", "120", "--chdir", tmp,
                                    "webmap:create_app()"], env=env, stdout=subprocess.DEVNULL,
                                   stderr=open(Path(tmp) / f"gunicorn-{w}.log", "w"), start_new_session=True)
            try:
                base = f"http://127.0.0.1:{port}"
                wait_up(base + "/api/incidents?bbox=0,0,0.1,0.1")
                for _ in range(w * 2):          # each worker opens its pool (and, on a post, its gazetteer)
                    urllib.request.urlopen(base + ENDPOINTS["map API (bbox city)"], timeout=60).read()
                for name, path in ENDPOINTS.items():
                    if args.only and not any(w.lower() in name.lower() for w in args.only):
                        continue
                    cmd = ["wrk", "-t", "2", "-c", str(args.connections), "-d", f"{args.seconds}s", "--timeout",
                           "30s", "--latency"]
                    if path is None:
                        lua.write_text(f'RUN = "w{w}"\n' + POST_LUA)
                        cmd += ["-s", str(lua), base]
                    else:
                        cmd.append(base + path)
                    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.seconds + 120).stdout
                    r = {"workers": w, "endpoint": name, **parse_wrk(out)}
                    if path:
                        with urllib.request.urlopen(base + path, timeout=60) as resp:
                            r["response_kb"] = round(len(resp.read()) / 1024, 1)
                    print(json.dumps(r), flush=True)
                    results.append(r)
            finally:
                os.killpg(srv.pid, signal.SIGTERM)
                srv.wait(30)
        check = open_store(url)
        print(f"after the posts: {check.stats()}", file=sys.stderr)
        check.close()
    print(f"\nMachine: {platform.machine()} · {os.cpu_count()} CPUs (shared) · Python {platform.python_version()} · "
          f"{time.strftime('%Y-%m-%dT%H:%M', time.gmtime())} UTC · {args.incidents:,} incidents · wrk -t2 "
          f"-c{args.connections} -d{args.seconds}s\n")
    print("| gunicorn workers | request | p50 ms | p99 ms | req/s | requests | non-2xx | response KB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['workers']} | {r['endpoint']} | {r['p50_ms']} | {r['p99_ms']} | {r['req_per_s']:.1f} | "
              f"{r['requests']} | {r['non_2xx']} | {r.get('response_kb', '–')} |")


if __name__ == "__main__":
    main()
