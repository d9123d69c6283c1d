"""Web app benchmarks: map page and GeoJSON export at 1k/10k/100k synthetic incidents, browser time to
markers, API requests per second on loopback. Writes docs/BENCHMARKS-web.md.

Run: .venv/bin/python benchmarks/bench_web.py [--sizes 1000 10000 100000] [--no-browser]
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]                      # the project's packages first (tests/ has folders named like them)
sys.path.append(str(ROOT / "tests"))         # the synthetic incident factory shared with the tests

from liveweb import CHROME_ARGS as ARGS, CHROMIUM  # noqa: E402  (Debian's Chromium as the browser tests launch it)
from web_factory import synthetic  # noqa: E402

from webmap import create_app  # noqa: E402


def serve(app):
    """The app under waitress (else werkzeug) on 127.0.0.1, in a daemon thread; returns (port, stop)."""
    try:
        from waitress.server import create_server
        srv = create_server(app, host="127.0.0.1", port=0, threads=4)
        threading.Thread(target=srv.run, daemon=True).start()
        return srv.effective_port, srv.close
    except ImportError:
        from werkzeug.serving import make_server
        srv = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        return srv.server_port, srv.shutdown


def timed_get(port: int, path: str) -> tuple[float, int, int]:
    """(seconds, status, body bytes) of one GET."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    t0 = time.perf_counter()
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed, resp.status, len(body)


def browser_time(port: int) -> tuple[float, float] | None:
    """Seconds from navigation to the first marker or cluster drawn (headless Chromium): the first visit
    in a fresh browser (cold: renderer start, nothing cached) and a reload (warm: assets revalidated)."""
    if not os.path.exists(CHROMIUM):
        return None
    from playwright.sync_api import sync_playwright
    out = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = b.new_page(viewport={"width": 1280, "height": 860})
        for _ in range(2):
            t0 = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/", timeout=300_000, wait_until="commit")
            page.wait_for_selector(".wm-marker, .wm-cluster", timeout=300_000)
            out.append(time.perf_counter() - t0)
        b.close()
    return out[0], out[1]


def load_loop(port: int, paths: list[str], requests: int = 600, workers: int = 4) -> float:
    """Requests per second of a bounded keep-alive GET loop (``requests`` in all, over ``workers`` threads)."""
    per = requests // workers
    errors: list[int] = []

    def work(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for i in range(per):
            conn.request("GET", paths[(offset + i) % len(paths)])
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                errors.append(r.status)
        conn.close()

    threads = [threading.Thread(target=work, args=(n * 7,)) for n in range(workers)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    assert not errors, errors[:5]
    return per * workers / elapsed


def bench(n: int, browser: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"INSTANCE_PATH": tmp, "SECRET_KEY": "bench"})
        logging_off(app)
        art, incs = synthetic(n)
        t0 = time.perf_counter()
        app.extensions["webmap"].store.add(art, incs)
        store_s = time.perf_counter() - t0
        port, stop = serve(app)
        try:
            timed_get(port, "/api/incidents/syn-0")                  # warm-up
            page_s, st1, page_b = timed_get(port, "/")
            geo_s, st2, geo_b = timed_get(port, "/api/incidents.geojson")
            csv_s, st3, csv_b = timed_get(port, "/api/incidents.csv")
            assert (st1, st2, st3) == (200, 200, 200)
            shown = browser_time(port) if browser else None
            rps = load_loop(port, [f"/api/incidents/syn-{i}" for i in range(0, n, max(1, n // 50))]) if n <= 10_000 else None
        finally:
            stop()
    return {"n": n, "store_s": store_s, "page_s": page_s, "page_mb": page_b / 1e6, "geojson_s": geo_s,
            "geojson_mb": geo_b / 1e6, "csv_s": csv_s, "browser_s": shown, "rps": rps}


def logging_off(app) -> None:
    import logging
    logging.getLogger("waitress").setLevel(logging.ERROR)


def write_report(rows: list[dict], out: Path) -> None:
    def f(v, fmt="{:.2f}"):
        return "–" if v is None else fmt.format(v)

    def bt(v):
        return "–" if v is None else f"{v[0]:.2f} / {v[1]:.2f}"
    cpu = platform.processor() or platform.machine()
    lines = [
        "# Web app benchmarks", "",
        f"Machine: {platform.node()} · {cpu} · {os.cpu_count()} CPUs · Python {platform.python_version()} · "
        f"{platform.system()} {platform.release()}. Date: {dt.datetime.now().isoformat(timespec='minutes')}.", "",
        "Synthetic incidents (all categories, 60 days, precision 1–3, no area polygons) in one SQLite store; "
        "served by waitress on 127.0.0.1; one request each, cold page (no cache). `browser` is the time from "
        "navigation until the first marker or cluster is drawn in headless Chromium (Debian's, via Playwright). "
        "`API req/s` is a bounded keep-alive loop of 600 `GET /api/incidents/<id>` over 4 threads.", "",
        "Reproduce: `.venv/bin/python benchmarks/bench_web.py`.", "",
        "| incidents | store s | map page s | map page MB | browser → markers cold / warm s | GeoJSON export s "
        "| GeoJSON MB | CSV s | API req/s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['n']:,} | {f(r['store_s'])} | {f(r['page_s'])} | {f(r['page_mb'])} | {bt(r['browser_s'])} "
                     f"| {f(r['geojson_s'])} | {f(r['geojson_mb'])} | {f(r['csv_s'])} | {f(r['rps'], '{:.0f}')} |")
    by_n = {r["n"]: r for r in rows}
    lines += ["", "Goals (issue 5): 10k incidents interactive in under 2 s; 100k exported in under 2 s."]
    if 10_000 in by_n and by_n[10_000]["browser_s"] is not None:
        r = by_n[10_000]
        cold, warm = r["browser_s"]
        lines.append(f"- 10k: page served in {r['page_s']:.2f} s; markers drawn {cold:.2f} s after the first navigation "
                     f"of a fresh browser, {warm:.2f} s on a reload ({'met' if warm < 2 else 'NOT met'} for a running "
                     f"browser; {'met' if cold < 2 else 'not met'} from a cold browser start).")
    if 100_000 in by_n:
        r = by_n[100_000]
        lines.append(f"- 100k: GeoJSON export in {r['geojson_s']:.2f} s ({'met' if r['geojson_s'] < 2 else 'NOT met'}).")
    old = out.read_text(encoding="utf-8") if out.is_file() else ""
    keep = ""                                  # the map-volume section written by bench_map.py
    if "<!-- map-volume:begin -->" in old and "<!-- map-volume:end -->" in old:
        keep = "\n" + old[old.index("<!-- map-volume:begin -->"):old.index("<!-- map-volume:end -->")] + \
            "<!-- map-volume:end -->\n"
    if KEEP_MARK in old:                       # sections written by hand (issue 10's figures) are kept
        keep += "\n" + old.split(KEEP_MARK, 1)[1].join([KEEP_MARK, ""])
    out.write_text("\n".join(lines) + "\n" + keep, encoding="utf-8")


KEEP_MARK = "<!-- sections below are kept by bench_web.py -->"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "docs" / "BENCHMARKS-web.md"))
    ns = ap.parse_args()
    rows = []
    for n in ns.sizes:
        r = bench(n, not ns.no_browser)
        print(json.dumps(r), flush=True)
        rows.append(r)
    write_report(rows, Path(ns.out))
    print(f"written {ns.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
