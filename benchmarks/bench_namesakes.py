#!/usr/bin/env python3
"""Namesakes (issue 11): how often the right place is the first candidate, and how often it is among the
first three, for ACLED place strings ("Vesele, Donetsk") and for the same places read in ACLED's notes
(where the rest of the note is context).

"Right" means within 25 km of ACLED's coded point. A result's candidates are its place followed by its
alternatives (best first, with the scores the resolver gave them).

usage: python benchmarks/bench_namesakes.py --acled PATH/acled_dev.json [--bellingcat PATH/bellingcat_dev.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer.geometry import haversine_km  # noqa: E402
from gazetteer.normalize import norm  # noqa: E402


def _rank(res, lat: float, lon: float, km: float = 25.0) -> int | None:  # noqa: ANN001
    """1-based rank of the first candidate within ``km`` of the point; None when none is."""
    if res is None:
        return None
    points = [(res.lat, res.lon)] + [(c.place.lat, c.place.lon) for c in res.alternatives]
    for i, (a, b) in enumerate(points, start=1):
        if haversine_km(lat, lon, a, b) <= km:
            return i
    return None


def _summary(ranks: list[int | None]) -> dict:
    n = len(ranks)
    return {"n": n, "first": round(sum(r == 1 for r in ranks) / n, 4),
            "top3": round(sum(r is not None and r <= 3 for r in ranks) / n, 4),
            "any": round(sum(r is not None for r in ranks) / n, 4)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--acled", required=True)
    ap.add_argument("--bellingcat")
    args = ap.parse_args()
    from gazetteer import Gazetteer

    gz = Gazetteer.default()
    acled = json.load(open(args.acled, encoding="utf-8"))
    strings, notes = [], []
    for e in acled:
        strings.append(_rank(gz.geocode_resolution(f"{e['location']}, {e['admin1']}"), e["lat"], e["lon"]))
        key = norm(e["location"].split(" - ")[0])
        ms = [m for m in gz.geoparse(e["text"]) if m.resolution and key in norm(m.text)]
        notes.append(_rank(ms[0].resolution, e["lat"], e["lon"]) if ms else None)
    out = {"acled_strings": _summary(strings), "acled_notes_mention": _summary(notes)}
    if args.bellingcat:
        bc = [e for e in json.load(open(args.bellingcat, encoding="utf-8"))
              if e.get("location") and e.get("latitude") not in (None, "")]
        out["bellingcat_strings"] = _summary([_rank(gz.geocode_resolution(e["location"]), float(e["latitude"]),
                                                    float(e["longitude"])) for e in bc])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
