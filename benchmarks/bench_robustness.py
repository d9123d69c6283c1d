"""Issue 10 figures: export memory at 100k incidents (one export, then 4 at once) and a GET's latency
while a large article is being ingested. The server runs in its own process (waitress, 8 threads) so
its memory is measured alone (VmRSS / VmHWM from /proc).

    .venv/bin/python benchmarks/bench_robustness.py [--incidents 100000] [--code DIR] [--skip-ingest]

``--code DIR`` serves another checkout of the code (e.g. an older commit, for a before/after figure).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

SERVER = """
import sys
sys.path.insert(0, sys.argv[1])
import logging
logging.disable(logging.WARNING)
from webmap import create_app
from waitress import serve
app = create_app({"DATABASE": sys.argv[2], "SECRET_KEY": "bench", "INSTANCE_PATH": sys.argv[4]})
serve(app, host="127.0.0.1", port=int(sys.argv[3]), threads=8, _quiet=True)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mem(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process, MiB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            k, v = line.split(":")
            out[k] = int(v.split()[0]) / 1024
    return out


def reset_peak(pid: int) -> None:
    """Reset VmHWM to the current RSS (Linux >= 4.0: write 5 to clear_refs)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def get(port: int, path: str, timeout: float = 600) -> tuple[float, int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    t0 = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    n = 0
    while chunk := r.read(1 << 16):
        n += len(chunk)
    conn.close()
    return time.perf_counter() - t0, r.status, n


def post(port: int, path: str, body: dict, timeout: float = 900) -> tuple[float, int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    t0 = time.perf_counter()
    conn.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return time.perf_counter() - t0, r.status, json.loads(data or b"{}")


def start_server(code: Path, db: Path, inst: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(code), str(db), str(port), str(inst)], env=env,
                            cwd=str(code))
    for _ in range(600):
        try:
            get(port, "/api/incidents?limit=1" if code == ROOT else "/api/incidents/none", timeout=5)
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def export_memory(code: Path, n: int) -> list[str]:
    from web_factory import synthetic
    from webmap.store import IncidentStore
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        art, incs = synthetic(n)
        IncidentStore(db).add(art, incs)
        proc, port = start_server(code, db, Path(tmp) / "inst")
        try:
            get(port, "/api/incidents/syn-0")
            base = mem(proc.pid)["VmRSS"]
            for path in ("/api/incidents.geojson", "/api/incidents.csv"):
                reset_peak(proc.pid)
                before = mem(proc.pid)["VmRSS"]
                s, status, size = get(port, path)
                m = mem(proc.pid)
                lines.append(f"| 1 × `{path}` | {status} | {size / 1e6:.1f} MB | {s:.1f} s | "
                             f"+{m['VmHWM'] - before:.0f} MiB | {m['VmRSS']:.0f} MiB |")
            for path in ("/api/incidents.geojson", "/api/incidents.csv"):
                reset_peak(proc.pid)
                before = mem(proc.pid)["VmRSS"]
                results: list[tuple[float, int, int]] = []
                t0 = time.perf_counter()
                threads = [threading.Thread(target=lambda p=path, out=results: out.append(get(port, p)))
                           for _ in range(4)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                wall = time.perf_counter() - t0
                m = mem(proc.pid)
                ok = sum(1 for _, st, _ in results if st == 200)
                lines.append(f"| 4 × `{path}` at once | {ok}/4 × 200 | {results[0][2] / 1e6:.1f} MB each | "
                             f"{wall:.1f} s (all) | +{m['VmHWM'] - before:.0f} MiB | {m['VmRSS']:.0f} MiB |")
            lines.append(f"(server RSS after start and one small request: {base:.0f} MiB)")
        finally:
            proc.terminate()
            proc.wait(10)
    return lines


def ingest_latency(code: Path, kib: int) -> list[str]:
    from bench_linear import build_text
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        from web_factory import synthetic
        from webmap.store import IncidentStore
        art, incs = synthetic(1000)
        IncidentStore(db).add(art, incs)
        proc, port = start_server(code, db, Path(tmp) / "inst")
        try:
            post(port, "/api/articles", {"id": "warm", "text": "Russian missiles struck Kharkiv on Monday."})
            idle = [get(port, "/api/incidents?category=shelling&limit=50")[0] for _ in range(20)]
            text = build_text(kib * 1024, one_paragraph=True)
            done = threading.Event()
            lat: list[float] = []
            statuses: list[int] = []

            def poll() -> None:
                while not done.is_set():
                    s, st, _ = get(port, "/api/incidents?category=shelling&limit=50")
                    lat.append(s)
                    statuses.append(st)
                    time.sleep(0.1)
            t = threading.Thread(target=poll)
            t0 = time.perf_counter()
            t.start()
            s, status, body = post(port, "/api/articles", {"id": "big", "text": text, "date": "2024-08-11"})
            if status == 202:
                url = body["job"]["url"]
                while True:
                    _, _, jb = (lambda r: (r[0], r[1], json.loads(r[2] or b"{}")))(_get_json(port, url))
                    if jb["job"]["status"] in ("done", "failed"):
                        break
                    time.sleep(0.25)
                status = f"202 → job {jb['job']['status']}"
            total = time.perf_counter() - t0
            done.set()
            t.join()
            lines.append(f"| {kib} KiB article, one paragraph | {status} (POST answered in {s:.2f} s) | "
                         f"{total:.1f} s | {len(lat)} | {statistics.median(idle) * 1000:.0f} ms | "
                         f"{statistics.median(lat) * 1000:.0f} ms | {max(lat) * 1000:.0f} ms | "
                         f"{sum(1 for x in statuses if x != 200)} |")
        finally:
            proc.terminate()
            proc.wait(10)
    return lines


def _get_json(port: int, path: str) -> tuple[float, int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    t0 = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return time.perf_counter() - t0, r.status, data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--code", default=str(ROOT), help="checkout whose webmap package is served")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-export", action="store_true")
    ap.add_argument("--ingest-kib", type=int, default=1024)
    args = ap.parse_args()
    code = Path(args.code).resolve()
    print(f"Machine: {platform.node()} · {platform.machine()} · {os.cpu_count()} CPUs · Python "
          f"{platform.python_version()}. Date: {datetime.now(timezone.utc).strftime('%Y-%m-%dT%H:%M')} UTC. "
          f"Code: {code}")
    if not args.skip_export:
        print(f"\n{args.incidents:,} incidents\n")
        print("| export | status | size | time | server peak memory added | server RSS after |")
        print("|---|---|---:|---:|---:|---:|")
        for line in export_memory(code, args.incidents):
            print(line, flush=True)
    if not args.skip_ingest:
        print("\n| ingest | answer | until stored | GETs during | GET median idle | GET median during | "
              "GET max during | GETs not 200 |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for line in ingest_latency(code, args.ingest_kib):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
