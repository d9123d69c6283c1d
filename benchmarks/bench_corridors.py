#!/usr/bin/env python3
"""Corridor and evacuation reports: does the extractor find the evacuation, and an incident at every endpoint?

Runs the project's extractor in process on the self-written sets benchmarks/data/corridors_dev.json and
corridors_heldout.json (built by make_corridors.py) and prints, per set, the corridor scorer's two figures
computed as it computes them (over every item, reports of no evacuation included):
  evacuation_found     share of items with an incident whose category or sub_event_type names evacuat/displace/corridor
  endpoints_within25   share of gold endpoints with some incident placed within 25 km
and beside them the share over the reports that tell an evacuation (evacuation_recall) and the false
evacuations on the reports that tell none. Needs nothing outside the project.

usage: python benchmarks/bench_corridors.py [SET.json ...] [-v]    (-v lists the misses: look at dev only)
"""
from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webmap.incidents.geojson import to_feature  # noqa: E402
from webmap.incidents.models import Article  # noqa: E402
from webmap.incidents.pipeline import default_gazetteer, extract  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
SETS = (DATA / "corridors_dev.json", DATA / "corridors_heldout.json")
WORDS = ("evacuat", "displace", "corridor")


def km(a: float, b: float, c: float, d: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a, b, c, d))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def is_evac(props: list[dict]) -> bool:
    kinds = " ".join(f"{q.get('category', '')} {q.get('sub_event_type', '')}".lower() for q in props)
    return any(w in kinds for w in WORDS)


def score(items: list[dict], verbose: bool = False) -> dict:
    gz = default_gazetteer()
    t = time.perf_counter()
    evac = pts = hit = pos = pos_evac = neg = false_evac = routes = 0
    for i in items:
        incs = extract(Article(i["id"], i["text"], date=i["date"]), gz)
        props = [to_feature(x)["properties"] for x in incs]
        found = is_evac(props)
        evac += found
        told = i.get("evacuation", bool(i["endpoints"]))
        if told:
            pos += 1
            pos_evac += found
            routes += any(p.get("route") for p in props)
        else:
            neg += 1
            false_evac += found
        missed = []
        for e in i["endpoints"]:
            pts += 1
            ok = any(q.get("lat") is not None and km(e["lat"], e["lon"], q["lat"], q["lon"]) <= 25 for q in props)
            hit += ok
            if not ok:
                missed.append(e.get("name", f"{e['lat']},{e['lon']}"))
        if verbose and (missed or found != told):
            got = [(q.get("category"), q.get("location_name"), q.get("role") or "", q.get("status") or "")
                   for q in props]
            print(f"  {i['id']}: evac {'ok' if found == told else 'MISS' if told else 'FALSE'}; "
                  f"missed endpoints {missed}\n    {i['text']}\n    -> {got}")
    n = len(items)
    wall = time.perf_counter() - t
    return {"n": n, "endpoints": pts, "evacuation_found": round(evac / max(1, n), 4),
            "endpoints_within25": round(hit / max(1, pts), 4),
            "evacuation_recall": round(pos_evac / max(1, pos), 4), "with_route": round(routes / max(1, pos), 4),
            "false_evacuations": f"{false_evac}/{neg}", "docs_per_s": round(n / max(wall, 1e-9), 1)}


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if not a.startswith("-")] or [p for p in SETS if p.is_file()]
    if not paths:
        print("no corridor sets: run benchmarks/make_corridors.py first")
        return 1
    for p in paths:
        res = score(json.loads(p.read_text(encoding="utf-8")), verbose)
        print(json.dumps({"set": p.name, **res}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
