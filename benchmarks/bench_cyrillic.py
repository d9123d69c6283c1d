#!/usr/bin/env python3
"""Ukrainian and Russian incidents: precision and recall of placed, typed incidents, and speed.

usage: python benchmarks/bench_cyrillic.py [benchmarks/data/cyrillic_dev.json] [--split dev|heldout] [-v]
(--split: only the items of that part of a set whose items carry a "split", e.g. cyrillic_public.json)

Each item is one short report with a gold category and a gold place (or none: a report of no incident).
An incident is right when its category is the gold one and its place is the gold place: the same place,
or within 25 km of a gold town, or inside a gold region (same admin-1 region).
- recall: gold items whose incidents include a right one;
- precision: items given an incident whose best-scored placed incident is right (reports of no incident
  given one count as wrong);
- place accuracy: the same, place only.
Speed: articles per second over every item, three passes, the gazetteer loaded.
"""
from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webmap.incidents.loaders import from_text  # noqa: E402
from webmap.incidents.pipeline import default_gazetteer, extract  # noqa: E402

DEFAULT = ROOT / "benchmarks" / "data" / "cyrillic_dev.json"


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2, dl = math.radians(a), math.radians(c), math.radians(d - b)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_ok(inc, gold: dict) -> bool:
    if inc.lat is None:
        return False
    if inc.place_id == gold["place_id"]:
        return True
    if gold["kind"] in ("admin1", "area"):
        return inc.country_code == gold["country_code"] and (inc.admin1 or "") == gold["name"]
    return km(inc.lat, inc.lon, gold["lat"], gold["lon"]) <= 25.0


def evaluate(items: list[dict], gz) -> dict:
    res = {lang: {"gold": 0, "found": 0, "given": 0, "right": 0, "place_right": 0, "neg": 0, "neg_given": 0}
           for lang in ("uk", "ru", "all")}
    misses = []
    for it in items:
        incs = [i for i in extract(from_text(it["text"], date=it["date"]), gz) if i.lat is not None]
        best = max(incs, key=lambda i: i.score) if incs else None
        for lang in (it["lang"], "all"):
            r = res[lang]
            if it["category"] is None:
                r["neg"] += 1
                r["neg_given"] += int(best is not None)
                r["given"] += int(best is not None)
                continue
            r["gold"] += 1
            r["found"] += int(any(i.category == it["category"] and place_ok(i, it["place"]) for i in incs))
            if best is not None:
                r["given"] += 1
                r["right"] += int(best.category == it["category"] and place_ok(best, it["place"]))
                r["place_right"] += int(place_ok(best, it["place"]))
        if lang == "all" and (it["category"] is None) != (best is None) or (
                best is not None and it["category"] and not (best.category == it["category"]
                                                             and place_ok(best, it["place"]))):
            misses.append((it["id"], it["category"], (it["place"] or {}).get("name"),
                           (best.category, best.location_name) if best else None, it["text"]))
    out = {}
    for lang, r in res.items():
        out[lang] = {"n": r["gold"] + r["neg"], "gold": r["gold"],
                     "recall": round(r["found"] / r["gold"], 3) if r["gold"] else None,
                     "precision": round(r["right"] / r["given"], 3) if r["given"] else None,
                     "place_accuracy": round(r["place_right"] / max(1, r["given"] - r["neg_given"]), 3),
                     "false_incidents": f"{r['neg_given']}/{r['neg']}"}
    return {"scores": out, "misses": misses}


def speed(items: list[dict], gz, passes: int = 3) -> float:
    arts = [from_text(it["text"], date=it["date"]) for it in items]
    t = time.perf_counter()
    for _ in range(passes):
        for a in arts:
            extract(a, gz)
    return passes * len(arts) / (time.perf_counter() - t)


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "-v"]
    split = None
    if "--split" in args:
        i = args.index("--split")
        split = args[i + 1]
        del args[i:i + 2]
    path = Path(args[0]) if args else DEFAULT
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    if split is not None:
        items = [it for it in items if it.get("split") == split]
    gz = default_gazetteer()
    r = evaluate(items, gz)
    for lang, s in r["scores"].items():
        print(f"{lang}: {json.dumps(s, ensure_ascii=False)}")
    print(f"speed: {speed(items, gz):.1f} articles/s (Cyrillic, {len(items)} short reports x 3)")
    if "-v" in sys.argv:
        for m in r["misses"]:
            print("MISS", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
