"""The bbox query, SQLite against PostGIS, at 100k and 1M synthetic incidents. Prints a Markdown table (for
docs/BENCHMARKS-scale.md) and one JSON line per measurement.

Each store is filled through its own ``add_many`` (articles of 20,000 incidents spread over Ukraine and
western Russia); then ``count`` and ``feature_rows`` (the GeoJSON export's query) run with a city-sized
box (0.5 deg) and a region-sized box (3 deg), median of 5 runs after one warm-up. PostGIS runs on a
throwaway cluster started like the tests' (tests/pgcluster.py) on 127.0.0.1.

Run: .venv/bin/python benchmarks/bench_store_bbox.py [--sizes 100000 1000000]
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]        # the project first: tests/webmap is no package

import pgcluster  # noqa: E402
from web_factory import article  # noqa: E402

from webmap.filters import parse_filters  # noqa: E402
from webmap.incidents.categories import CATEGORIES  # noqa: E402
from webmap.incidents.models import Incident, SourceSpan  # noqa: E402
from webmap.incidents.sentences import split_sentences  # noqa: E402
from webmap.store import open_store  # noqa: E402

BOXES = {"city 0.5°": "36.0,49.75,36.5,50.25", "region 3°": "34.0,48.5,37.0,51.5"}
CHUNK = 20_000


def chunks(n: int, seed: int = 7):
    rnd = random.Random(seed)
    for c in range(0, n, CHUNK):
        art = article(text=f"Synthetic archive chunk {c} of {n}. Russian missiles struck Kharkiv on Monday.")
        s = split_sentences(art)[0]
        incs = []
        for i in range(c, min(n, c + CHUNK)):
            cat = CATEGORIES[i % len(CATEGORIES)]
            incs.append(Incident(
                incident_id=f"syn-{i}", category=cat.key, event_type=cat.event_type,
                sub_event_type=cat.sub_event_type, date=f"2024-{7 + (i % 60) // 30:02d}-{1 + (i % 30):02d}",
                date_precision="day", location_name=f"Place {i % 5000}", place_id=None, country_code="UA",
                admin1="Somewhere", lat=round(rnd.uniform(44.5, 52.5), 5), lon=round(rnd.uniform(23.0, 40.0), 5),
                geo_precision=1 + i % 3, score=0.5, sources=(SourceSpan(art.article_id, 0, s.text, s.start, s.end),)))
        yield art, incs


def measure(store, n: int, backend: str) -> list[dict]:
    t0 = time.perf_counter()
    for art, incs in chunks(n):
        store.add_many([(art, incs)])
    load = time.perf_counter() - t0
    out = []
    for label, box in BOXES.items():
        f = parse_filters({"bbox": box})
        for name, fn in (("count", lambda f=f: store.count(f)), ("feature_rows", lambda f=f: len(store.feature_rows(f)))):
            found = fn()                                   # warm-up
            times = []
            for _ in range(5):
                t = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t)
            out.append({"backend": backend, "incidents": n, "box": label, "query": name, "found": found,
                        "median_ms": round(statistics.median(times) * 1000, 1), "load_s": round(load, 1)})
            print(json.dumps(out[-1]), flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--backends", nargs="+", default=["SQLite", "PostGIS"])
    args = ap.parse_args()
    rows = []
    with pgcluster.Cluster({"shared_buffers": "256MB"}) as cluster:
        for n in args.sizes:
            if "SQLite" in args.backends:
                with tempfile.TemporaryDirectory() as d:
                    rows += measure(open_store(str(Path(d) / "bench.sqlite")), n, "SQLite")
            if "PostGIS" not in args.backends:
                continue
            name = f"bench_{n}"
            store = open_store(cluster.create_database(name))
            try:
                rows += measure(store, n, "PostGIS")
            finally:
                store.close()
                cluster.drop_database(name)
    print(f"\nMachine: {platform.machine()} · {platform.python_version()} · "
          f"{time.strftime('%Y-%m-%dT%H:%M', time.gmtime())} UTC\n")
    print("| incidents | box | found | SQLite count ms | PostGIS count ms | SQLite feature_rows ms | "
          "PostGIS feature_rows ms | load s SQLite / PostGIS |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    for n in args.sizes:
        for label in BOXES:
            get = {(r["backend"], r["query"]): r for r in rows if r["incidents"] == n and r["box"] == label}
            if len(get) < 4:
                continue
            print(f"| {n:,} | {label} | {get['SQLite', 'count']['found']:,} | {get['SQLite', 'count']['median_ms']} "
                  f"| {get['PostGIS', 'count']['median_ms']} | {get['SQLite', 'feature_rows']['median_ms']} "
                  f"| {get['PostGIS', 'feature_rows']['median_ms']} | {get['SQLite', 'count']['load_s']} / "
                  f"{get['PostGIS', 'count']['load_s']} |")


if __name__ == "__main__":
    main()
