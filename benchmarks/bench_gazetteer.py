#!/usr/bin/env python3
"""Benchmark the geoparser: accuracy on evaluation corpora (if given), speed, start-up, memory.

usage:
  python benchmarks/bench_gazetteer.py                       # speed/start-up/memory on the bundled seeds
  python benchmarks/bench_gazetteer.py --gwn PATH/GWN.xml --geovirus PATH/GeoVirus.xml \
        --bellingcat PATH/bellingcat_dev.json --acled PATH/acled_dev.json [--out docs/BENCHMARKS-gazetteer.md]

Metrics follow the evaluation README of the project's development sets: recognition P/R/F1
(one-to-one matching, largest overlap first; exact-span F1 too), resolution acc@161, AUC,
median error (end to end and on gold spans), location strings within 5/25/161 km.
Speed is measured in this process after start-up, on one core.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EARTH = 20039.0
GWN_TYPES = {"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal", "Metonymic",
             "Non_Literal_Modifier", "Demonym", "Embedded_Non_Lit", "Homonym", "Language"}


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _f(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def load_corpus(path: str) -> list[dict]:
    docs = []
    root = ET.parse(path).getroot()
    gwn = "gwn" in os.path.basename(path).lower()
    for i, a in enumerate(root):
        gold = []
        if gwn:
            for t in a.find("toponyms"):
                if t.findtext("type") in GWN_TYPES:
                    gold.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                                 "name": (t.findtext("extractedName") or "").strip(),
                                 "lat": _f(t.findtext("latitude")), "lon": _f(t.findtext("longitude"))})
        else:
            for t in a.find("locations"):
                gold.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                             "name": (t.findtext("name") or "").strip(),
                             "lat": _f(t.findtext("lat")), "lon": _f(t.findtext("lon"))})
        text = a.findtext("text")
        for g in gold:               # realign spans a few characters off, as the official scorer does
            if text[g["start"]:g["end"]] != g["name"] and g["name"]:
                hits = [k for k in range(max(0, g["start"] - 40), g["start"] + 41) if text.startswith(g["name"], k)]
                if hits:
                    k = min(hits, key=lambda k: abs(k - g["start"]))
                    g["start"], g["end"] = k, k + len(g["name"])
        docs.append({"id": a.get("file") or str(i), "text": text, "gold": gold})
    return docs


def err_stats(errs: list[float]) -> dict:
    if not errs:
        return {}
    ok = sum(e <= 161 for e in errs)
    return {"acc161": round(ok / len(errs), 4),
            "auc": round(sum(math.log(1 + e) / math.log(1 + EARTH) for e in errs) / len(errs), 4),
            "median_km": round(statistics.median(errs), 1), "mean_km": round(sum(errs) / len(errs), 1)}


def match_spans(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> dict[int, int]:
    """One-to-one matching, largest overlap first: gold index -> prediction index."""
    pairs = sorted(((min(pe, ge) - max(ps, gs), i, j) for i, (ps, pe) in enumerate(pred)
                    for j, (gs, ge) in enumerate(gold) if ps < ge and gs < pe), reverse=True)
    used, match = set(), {}
    for _, i, j in pairs:
        if i not in used and j not in match:
            used.add(i)
            match[j] = i
    return match


def score_corpus(gz, docs: list[dict]) -> dict:
    tp = npred = ngold = exact = 0
    errs_e2e, errs_gold = [], []
    t0 = time.perf_counter()
    parsed = [gz.geoparse(d["text"]) for d in docs]
    wall = time.perf_counter() - t0
    for d, ms in zip(docs, parsed):
        npred += len(ms)
        ngold += len(d["gold"])
        match = {j: ms[i] for j, i in match_spans([(m.start, m.end) for m in ms],
                                                  [(g["start"], g["end"]) for g in d["gold"]]).items()}
        tp += len(match)
        exact += sum(1 for j, m in match.items() if (m.start, m.end) == (d["gold"][j]["start"], d["gold"][j]["end"]))
        for j, g in enumerate(d["gold"]):
            if g["lat"] is not None and j in match and match[j].lat is not None:
                errs_e2e.append(km(g["lat"], g["lon"], match[j].lat, match[j].lon))
        res = gz.resolve_spans(d["text"], [(g["start"], g["end"]) for g in d["gold"]])
        for g, r in zip(d["gold"], res):
            if g["lat"] is not None:
                errs_gold.append(EARTH if r is None else km(g["lat"], g["lon"], r.lat, r.lon))
    P, R = tp / max(1, npred), tp / max(1, ngold)
    Pe, Re = exact / max(1, npred), exact / max(1, ngold)
    chars = sum(len(d["text"]) for d in docs)
    return {"docs": len(docs), "gold": ngold, "P": round(P, 4), "R": round(R, 4),
            "F1": round(2 * P * R / max(1e-9, P + R), 4), "F1_exact": round(2 * Pe * Re / max(1e-9, Pe + Re), 4),
            "end_to_end": err_stats(errs_e2e), "gold_spans": err_stats(errs_gold),
            "docs_per_s": round(len(docs) / wall, 1), "chars_per_s": round(chars / wall)}


def score_locations(gz, items: list[dict]) -> dict:
    errs = []
    for it in items:
        r = gz.geocode_resolution(it["query"])
        errs.append(EARTH if r is None else km(it["lat"], it["lon"], r.lat, r.lon))
    n = len(errs)
    return {"n": n, "within5": round(sum(e <= 5 for e in errs) / n, 4), "within25": round(sum(e <= 25 for e in errs) / n, 4),
            "within161": round(sum(e <= 161 for e in errs) / n, 4), "median_km": round(statistics.median(errs), 1)}


def startup_seconds() -> float:
    code = ("import time; t=time.perf_counter(); from gazetteer import Gazetteer; gz=Gazetteer.default(); "
            "gz.geoparse('Shelling in Kharkiv.'); print(time.perf_counter()-t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                 check=True).stdout) for _ in range(5)]
    return round(statistics.median(runs), 3)


def throughput(gz, texts: list[str], seconds: float = 5.0) -> dict:
    n, chars, t0 = 0, 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for t in texts:
            gz.geoparse(t)
            n += 1
            chars += len(t)
    wall = time.perf_counter() - t0
    return {"docs_per_s": round(n / wall, 1), "chars_per_s": round(chars / wall), "avg_doc_chars": round(chars / n)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gwn")
    ap.add_argument("--geovirus")
    ap.add_argument("--bellingcat")
    ap.add_argument("--acled")
    ap.add_argument("--out", help="write a Markdown report here")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})      # one core
    from gazetteer import Gazetteer

    t = time.perf_counter()
    gz = Gazetteer.default()
    result: dict = {"machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
                    "date": time.strftime("%Y-%m-%d"), "open_s": round(time.perf_counter() - t, 3),
                    "startup_s_fresh_process": startup_seconds()}
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    result["seed_throughput"] = throughput(gz, seeds)
    if args.gwn:
        docs = load_corpus(args.gwn)
        result["GeoWebNews"] = score_corpus(gz, docs)
        result["GeoWebNews_throughput"] = throughput(gz, [d["text"] for d in docs])
    if args.geovirus:
        result["GeoVirus"] = score_corpus(gz, load_corpus(args.geovirus))
    if args.bellingcat:
        items = [{"query": e["location"], "lat": float(e["latitude"]), "lon": float(e["longitude"])}
                 for e in json.load(open(args.bellingcat)) if e.get("location") and _f(e.get("latitude")) is not None]
        result["Bellingcat_locations"] = score_locations(gz, items)
    if args.acled:
        items = [{"query": f"{e['location']}, {e['admin1']}", "lat": e["lat"], "lon": e["lon"]}
                 for e in json.load(open(args.acled))]
        result["ACLED_locations"] = score_locations(gz, items)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, indent=1))
    if args.out:
        Path(args.out).write_text("```json\n" + json.dumps(result, indent=1) + "\n```\n", encoding="utf-8")


if __name__ == "__main__":
    main()
