#!/usr/bin/env python3
"""Build benchmarks/data/cyrillic_dev.json from cyrillic_dev_source.tsv, checking every gold place against the
bundled gazetteer (each "English name|kind|country" must name exactly one place there).

The sentences are SELF-WRITTEN in the style of public Ukrainian and Russian reports (see the TSV's header):
no openly licensed corpus of such reports could be obtained offline in time.

usage: python benchmarks/make_cyrillic_dev.py   (also builds cyrillic_heldout.json from cyrillic_heldout_source.tsv)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
SETS = ((DATA / "cyrillic_dev_source.tsv", DATA / "cyrillic_dev.json"),
        (DATA / "cyrillic_heldout_source.tsv", DATA / "cyrillic_heldout.json"))


def gold_place(gz: Gazetteer, spec: str) -> dict:
    name, kind, cc = spec.split("|")
    points = ("city", "town", "village")
    found = [p for p in gz.search(name, country=cc, limit=50)
             if p.kind == kind or (kind in points and p.kind in points)]
    if not found:
        raise SystemExit(f"gold place {spec!r}: not in the gazetteer")
    p = max(found, key=lambda p: p.population)            # a town's namesake villages are smaller
    return {"place_id": p.place_id, "name": p.name, "kind": p.kind, "country_code": p.country_code,
            "admin1": p.admin1, "lat": p.lat, "lon": p.lon}


def build(gz: Gazetteer, src: Path, out: Path) -> None:
    items = []
    for n, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lang, cat, place, date, text = line.split("\t")
        items.append({"id": f"{lang}-{n:03d}", "lang": lang, "date": date, "text": text,
                      "category": None if cat == "-" else cat,
                      "place": None if place == "-" else gold_place(gz, place)})
    out.write_text(json.dumps({"source": f"self-written (benchmarks/data/{src.name})", "items": items},
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    pos = [i for i in items if i["category"]]
    print(f"{len(items)} items ({len(pos)} with a gold incident: "
          f"{sum(i['lang'] == 'uk' for i in pos)} uk, {sum(i['lang'] == 'ru' for i in pos)} ru) -> {out}")


def main() -> int:
    gz = Gazetteer.default()
    for src, out in SETS:
        if src.is_file():
            build(gz, src, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
