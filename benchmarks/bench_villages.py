#!/usr/bin/env python3
"""The village layer's effect (issue 7): ACLED and Bellingcat place strings, and ACLED notes,
geocoded with the full index and with an index built without Who's On First and the raions.

usage: python benchmarks/bench_villages.py --acled PATH/acled_dev.json --bellingcat PATH/bellingcat_dev.json
(builds a second index in a temporary directory; about 20 s)
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_gazetteer import km, score_locations  # noqa: E402


def notes_within(gz, events: list[dict]) -> dict:
    """Geoparse each ACLED note; take the first mention naming the coded place; distance to its point."""
    from gazetteer.normalize import norm

    ok5 = ok25 = 0
    for e in events:
        key = norm(e["location"].split(" - ")[0])
        ms = [m for m in gz.geoparse(e["text"]) if m.resolution and key in norm(m.text)]
        if ms:
            d = km(e["lat"], e["lon"], ms[0].lat, ms[0].lon)
            ok5 += d <= 5
            ok25 += d <= 25
    return {"within5": round(ok5 / len(events), 4), "within25": round(ok25 / len(events), 4)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--acled", required=True)
    ap.add_argument("--bellingcat", required=True)
    args = ap.parse_args()
    acled = json.load(open(args.acled))
    ac = [{"query": f"{e['location']}, {e['admin1']}", "lat": e["lat"], "lon": e["lon"]} for e in acled]
    bc = [{"query": e["location"], "lat": float(e["latitude"]), "lon": float(e["longitude"])}
          for e in json.load(open(args.bellingcat)) if e.get("location") and e.get("latitude") not in (None, "")]
    from gazetteer import Gazetteer
    import gazetteer.build.sources as src
    from gazetteer.build import build_index

    after = Gazetteer.default()
    result = {"after": {"acled_strings": score_locations(after, ac), "bellingcat_strings": score_locations(after, bc),
                        "acled_notes": notes_within(after, acled)}}
    src.wof_records = lambda: iter(())          # the same build without the village layer
    src.raion_records = lambda: iter(())
    with tempfile.TemporaryDirectory() as tmp:
        before = Gazetteer(build_index(Path(tmp) / "before.sqlite", progress=False))
        result["before"] = {"acled_strings": score_locations(before, ac),
                            "bellingcat_strings": score_locations(before, bc),
                            "acled_notes": notes_within(before, acled)}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
