"""The analyst's map at volume: page weight, time to first markers, timeline step. Writes its section of
docs/BENCHMARKS-web.md (between the ``<!-- map-volume -->`` markers; bench_web.py keeps it) and prints
the rows as JSON.

Incidents come from tests/map_factory.py: real towns of the front from the bundled gazetteer, many at
the very same point, 5% known only to their oblast (drawn as areas), 3% undated, 1% without coordinates.

* cold page: bytes transferred (encoded, as on the wire) by a fresh headless Chromium loading ``/``
  until the network is idle: HTML, scripts, styles, fonts, base-map outlines and labels;
* first markers: seconds from navigation to the first marker or cluster drawn (fresh browser);
* timeline step: milliseconds of one step of the timeline (the map, areas, heat, table, URL, count
  and export links all updated), mean and worst of 20 steps of a 7-day window.

Run: .venv/bin/python benchmarks/bench_map.py [--sizes 2000 10000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]                      # the project's packages first (tests/ has folders named like them)
sys.path.append(str(ROOT / "tests"))

from bench_web import ARGS, CHROMIUM, serve  # noqa: E402  (the server and the browser of the web benchmarks)
from map_factory import volume  # noqa: E402

from webmap import create_app  # noqa: E402


def measure(port: int) -> dict:
    from playwright.sync_api import sync_playwright
    out: dict = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ctx = b.new_context(viewport={"width": 1280, "height": 860}, bypass_csp=True)
        page = ctx.new_page()
        notes: list[str] = []
        page.on("console", lambda m: notes.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: notes.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: notes.append(f"failed: {r.url} {r.failure}"))
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        sizes: dict[str, float] = {}
        urls: dict[str, str] = {}
        cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        t0 = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/", timeout=300_000, wait_until="commit")
        page.wait_for_selector(".wm-marker, .wm-cluster", timeout=300_000)
        out["first_markers_s"] = time.perf_counter() - t0
        try:
            page.wait_for_function("document.body.dataset.labelsReady === '1'", timeout=120_000)
        except Exception:
            print("labels not ready:", notes, file=sys.stderr)
            raise
        page.wait_for_load_state("networkidle", timeout=300_000)
        out["cold_mb"] = sum(sizes.values()) / 1e6
        out["requests"] = len(sizes)
        biggest = sorted(((v, urls.get(k, k)) for k, v in sizes.items()), reverse=True)[:5]
        out["largest"] = [(u.split(str(port), 1)[-1], round(v / 1e3)) for v, u in biggest]
        page.wait_for_timeout(2000)                # let the base layers finish drawing: time the steps alone
        page.evaluate("() => { webmapApp.timeline.choose(0, webmapApp.timeline.step === 7 ? 0 : 6); return 1; }")
        steps = page.evaluate("""() => { const t = []; for (let i = 0; i < 20; i++) {
            const a = performance.now(); webmapApp.timeline.stepBy(1); t.push(performance.now() - a); } return t; }""")
        out["step_ms_mean"] = sum(steps) / len(steps)
        out["step_ms_max"] = max(steps)
        ctx.close()
        # a new browser context (empty cache) on the running server: what the next analyst sees
        ctx2 = b.new_context(viewport={"width": 1280, "height": 860})
        page2 = ctx2.new_page()
        t0 = time.perf_counter()
        page2.goto(f"http://127.0.0.1:{port}/", timeout=300_000, wait_until="commit")
        page2.wait_for_selector(".wm-marker, .wm-cluster", timeout=300_000)
        out["first_markers_warm_server_s"] = time.perf_counter() - t0
        out["server_response_ms"] = page2.evaluate("Math.round(performance.getEntriesByType('navigation')[0].responseEnd)")
        out["init_ms"] = int(page2.evaluate("document.body.dataset.initMs || -1"))
        ctx2.close()
        b.close()
    return out


def bench(n: int) -> dict:
    from gazetteer import Gazetteer
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"INSTANCE_PATH": tmp, "SECRET_KEY": "bench", "SEEDS_DIR": tmp})
        import logging
        logging.getLogger("waitress").setLevel(logging.ERROR)
        gz = Gazetteer.default()
        art, incs = volume(n, gz)
        app.extensions["webmap"].store.add(art, incs)
        _ = app.extensions["webmap"].gazetteer    # loaded as a running server has it (labels, search)
        port, stop = serve(app)
        try:
            for path in ("/geo/labels.json", "/geo/admin1.geojson", "/geo/countries.geojson"):   # server caches warm
                import http.client
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
                c.request("GET", path, headers={"Accept-Encoding": "gzip"})
                c.getresponse().read()
                c.close()
            row = {"n": n, **measure(port)}
        finally:
            stop()
    return row


BEGIN, END = "<!-- map-volume:begin -->", "<!-- map-volume:end -->"


def write_report(rows: list[dict], out: Path) -> None:
    """Replace (or append) the map-volume section of ``out``."""
    lines = [
        BEGIN, "## The analyst's map at volume (bench_map.py)", "",
        f"Machine: {platform.node()} · {platform.machine()} · {os.cpu_count()} CPUs (shared with other jobs while "
        f"measured) · Python {platform.python_version()} · Debian's Chromium headless. "
        f"Date: {dt.datetime.now().isoformat(timespec='minutes')}.", "",
        "Incidents from `tests/map_factory.py` (real towns of the front, many co-located, 5% region-level, 3% undated). "
        "Cold page: bytes on the wire (encoded) for a fresh browser with the cache disabled, until the network is "
        "idle (HTML, scripts, styles, fonts, outlines, labels). First markers: navigation to the first marker or "
        "cluster, for the first page a freshly started server serves (it also fills its outline and label caches) "
        "and for a new browser (empty cache) on the running server; the server's response time and the map's "
        "own start-up (`WebMap.init`) are given for the latter. Timeline step: one step of a 7-day window (map, areas, heat map, table, URL, count and export "
        "links updated), 20 steps.", "",
        "Reproduce: `.venv/bin/python benchmarks/bench_map.py`.", "",
        "| incidents | cold page MB | requests | first markers s: server's first page / next browser | "
        "of which server response ms / map init ms | timeline step ms (mean / worst) | largest transfers (KB) |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        largest = ", ".join(f"`{u}` {kb}" for u, kb in r["largest"])
        lines.append(f"| {r['n']:,} | {r['cold_mb']:.2f} | {r['requests']} | {r['first_markers_s']:.2f} / "
                     f"{r['first_markers_warm_server_s']:.2f} | {r['server_response_ms']} / {r['init_ms']} | "
                     f"{r['step_ms_mean']:.1f} / {r['step_ms_max']:.1f} | {largest} |")
    load = os.getloadavg()
    start = ", ".join(f"{r['n']:,}: {r['load_before']}" for r in rows if "load_before" in r)
    lines += ["", f"Load average (1 / 5 / 15 min) when written: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on "
              f"{os.cpu_count()} CPUs; 1-minute load when each size started: {start}. The machine was shared with "
              "other engineers' jobs: times are upper bounds of an idle machine's.",
              "", "Goals (issue 14): cold page at 2,000 incidents ≤ 1.5 MB; first markers ≤ 2 s at 10,000; "
              "a timeline step ≤ 50 ms.", END]
    section = "\n".join(lines) + "\n"
    old = out.read_text(encoding="utf-8") if out.is_file() else ""
    if BEGIN in old and END in old:
        new = old[:old.index(BEGIN)] + section + old[old.index(END) + len(END):].lstrip("\n")
    else:
        new = old.rstrip("\n") + "\n\n" + section if old else section
    out.write_text(new, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10_000])
    ap.add_argument("--out", default=str(ROOT / "docs" / "BENCHMARKS-web.md"))
    ns = ap.parse_args()
    rows = []
    for n in ns.sizes:
        before = f"{os.getloadavg()[0]:.1f}"
        r = bench(n)
        r["load_before"] = before
        print(json.dumps(r), flush=True)
        rows.append(r)
    write_report(rows, Path(ns.out))
    print(f"written {ns.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
