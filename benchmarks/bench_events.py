#!/usr/bin/env python3
"""Incident extraction benchmark: event geocoding, ACLED typing, throughput.

usage: python benchmarks/bench_events.py [--out docs/BENCHMARKS-events.md] [EVAL_FILE ...]
EVAL_FILE: a CIR csv (cir_*.csv), a Bellingcat json (bellingcat_*.json) or ACLED notes (acled_*.json).
Without files it uses ../shared/eval/dev when present, and always measures throughput on the bundled seeds.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webmap.incidents.loaders import from_text, load_path  # noqa: E402
from webmap.incidents.geojson import to_feature  # noqa: E402
from webmap.incidents.pipeline import default_gazetteer, extract  # noqa: E402

CIR_GROUPS = {  # CIR event_group prefix -> map categories that agree with it
    "Bombing or Explosion": {"missile_strike", "drone_strike", "air_strike", "shelling", "military_site_strike"},
    "Civilian Infrastructure Damage": {"missile_strike", "drone_strike", "air_strike", "shelling"},
    "Civilian Casualty": {"civilian_casualties", "missile_strike", "drone_strike", "air_strike", "shelling"},
    "Ground Battle": {"ground_assault"},
    "Russian Military Losses": {"equipment_destroyed", "military_site_strike"},
    "Ukrainian Military Losses": {"equipment_destroyed", "military_site_strike"},
}


def km(a: float, b: float, c: float, d: float) -> float:
    """Great-circle distance in km between (a, b) and (c, d) given as lat, lon."""
    p1, p2, dl = math.radians(a), math.radians(c), math.radians(d - b)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _f(x: object) -> float | None:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def load_events(path: Path) -> tuple[str, list[dict]]:
    """(kind, items) with id, text, lat, lon (+ group / typed gold)."""
    name = path.name.lower()
    if name.endswith(".csv"):
        rows = [r for r in csv.DictReader(path.open(encoding="utf-8")) if _f(r.get("lat")) is not None]
        items = [{"id": r["entry"], "text": r["brief description"] or "", "lat": _f(r["lat"]), "lon": _f(r["lon"]),
                  "group": r["event_group"], "town": r["town/city"]} for r in rows]
        return "cir", [i for i in items if i["town"] and i["town"].lower() in i["text"].lower()]
    data = json.loads(path.read_text(encoding="utf-8"))
    if data and "event_type" in data[0]:
        return "acled", data
    items = [{"id": e["id"], "text": e["description"], "lat": _f(e["latitude"]), "lon": _f(e["longitude"]),
              "query": e["location"]} for e in data if e.get("location") and _f(e.get("latitude")) is not None]
    return "bellingcat", [i for i in items if i["query"].split(",")[0].strip()
                          and i["query"].split(",")[0].strip().lower() in i["text"].lower()]


def best(props: list[dict]) -> dict | None:
    return max(props, key=lambda q: q.get("score") or 0) if props else None


def run(items: list[dict], gz: object, with_date: bool = False) -> tuple[dict[str, list[dict]], float]:
    out = {}
    t = time.perf_counter()
    for i in items:
        art = from_text(i["text"], article_id=str(i["id"]), date=i.get("date") if with_date else None)
        out[str(i["id"])] = [to_feature(x)["properties"] for x in extract(art, gz)]
    return out, time.perf_counter() - t


def score_events(kind: str, items: list[dict], gz: object) -> dict:
    out, wall = run(items, gz)
    errs, agree, agree_n = [], 0, 0
    for i in items:
        q = best([p for p in out[str(i["id"])] if p.get("lat") is not None])
        errs.append(km(i["lat"], i["lon"], q["lat"], q["lon"]) if q else 20037.5)
        if kind == "cir":
            cats = next((v for k, v in CIR_GROUPS.items() if i["group"].startswith(k)), None)
            allp = out[str(i["id"])]
            if cats is not None and allp:
                agree_n += 1
                agree += best(allp)["category"] in cats
    n = max(1, len(items))
    res = {"n": len(items), "within25": round(sum(e <= 25 for e in errs) / n, 4),
           "within161": round(sum(e <= 161 for e in errs) / n, 4),
           "with_incident": round(sum(bool(out[str(i['id'])]) for i in items) / n, 4),
           "docs_per_s": round(len(items) / max(wall, 1e-9), 1)}
    if kind == "cir":
        res["category_agreement"] = round(agree / max(1, agree_n), 4)
        res["category_agreement_n"] = agree_n
    return res


def killed(q: dict) -> int | None:
    return (q.get("counts") or {}).get("killed")


def score_acled(items: list[dict], gz: object) -> dict:
    out, wall = run(items, gz, with_date=True)
    n = len(items)
    et = st = near = date = fat = fat_n = 0
    for i in items:
        q = best(out[str(i["id"])])
        fat_n += bool(i["fatalities"])
        if q is None:
            continue
        et += q["event_type"] == i["event_type"]
        st += q["sub_event_type"] == i["sub_event_type"]
        near += q.get("lat") is not None and km(i["lat"], i["lon"], q["lat"], q["lon"]) <= 25
        date += str(q.get("date") or "")[:10] == i["date"]
        fat += bool(i["fatalities"]) and killed(q) == i["fatalities"]
    return {"n": n, "event_type": round(et / n, 4), "sub_event_type": round(st / n, 4),
            "within25": round(near / n, 4), "date": round(date / n, 4), "fatalities_exact": round(fat / max(1, fat_n), 4),
            "docs_per_s": round(n / max(wall, 1e-9), 1)}


def throughput(gz: object) -> dict:
    arts = [a for p in sorted((ROOT / "seeds").glob("*.txt")) for a in load_path(p)]
    arts += load_path(ROOT / "tests" / "data" / "articles" / "kharkiv-odesa-2024-09-03.txt")
    sents = [from_text(s.strip() + ".", article_id=str(k), date="2024-08-11")
             for k, s in enumerate(" ".join(a.text for a in arts).split(". ")) if len(s) > 30]
    from webmap.incidents import triggers

    t = time.perf_counter()
    for _ in range(5):
        for a in arts:
            triggers._hits.cache_clear()          # no help from having seen the same sentences
            extract(a, gz)
    full = (time.perf_counter() - t) / 5
    t = time.perf_counter()
    for _ in range(3):
        triggers._hits.cache_clear()
        for a in sents:
            extract(a, gz)
    short = time.perf_counter() - t
    chars = sum(len(a.text) for a in arts) / max(1, len(arts))
    return {"articles": len(arts), "mean_chars": round(chars), "articles_per_s": round(len(arts) / max(full, 1e-9), 1),
            "short_texts": 3 * len(sents), "short_texts_per_s": round(3 * len(sents) / max(short, 1e-9), 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "BENCHMARKS-events.md")
    args = ap.parse_args(argv)
    files = args.files
    if not files:
        dev = ROOT.parent / "shared" / "eval" / "dev"
        files = [p for p in (dev / "cir_dev.csv", dev / "bellingcat_dev.json", dev / "acled_dev.json") if p.exists()]
    t = time.perf_counter()
    gz = default_gazetteer()
    startup = time.perf_counter() - t
    results: dict[str, dict] = {"throughput": throughput(gz)}
    for f in files:
        kind, items = load_events(f)
        results[f.name] = score_acled(items, gz) if kind == "acled" else score_events(kind, items, gz)
        print(f.name, json.dumps(results[f.name]))
    print("throughput", json.dumps(results["throughput"]))
    lines = ["# Incident extraction benchmarks", "",
             f"Date: {dt.date.today().isoformat()}. Machine: {platform.machine()} {platform.processor() or ''} "
             f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()} "
             f"{platform.release()}. One core, in process; gazetteer ready in {startup:.2f} s.", "",
             "Produced by `python benchmarks/bench_events.py [EVAL_FILE ...]` (defaults to ../shared/eval/dev). "
             "The incident with the best score stands for each event.", ""]
    for name, r in results.items():
        lines.append(f"## {name}")
        lines.append("")
        lines.append("| metric | value |")
        lines.append("|---|---|")
        lines += [f"| {k} | {v} |" for k, v in r.items()]
        lines.append("")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
