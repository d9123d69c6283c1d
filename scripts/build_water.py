#!/usr/bin/env python3
"""Regenerate static/geo/water.geojson.gz: rivers and lakes of the theatre for the offline base map.

Source: Natural Earth 1:10m physical vectors (public domain, https://www.naturalearthdata.com/about/terms-of-use/):
``ne_10m_rivers_lake_centerlines``, its European supplement ``ne_10m_rivers_europe`` (the Siverskyi Donets,
Oskil, Seim, Teteriv, Ros and the other rivers of the front that the global file lacks) and ``ne_10m_lakes``,
as GeoJSON. The copies used are the 7z-compressed GeoJSON exports in the public repository
martynafford/natural-earth-geojson (CC0) at commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e, under
``10m/physical/``, unpacked with py7zr (Natural Earth's own repository, nvkelso/natural-earth-vector, holds
the same layers but is too large to fetch here). An earlier version of this file used the 1:50m layers, which
lack most rivers of the front.

What is kept: every river centre line and lake that touches the theatre's box (Ukraine, Belarus, Moldova,
western Russia and the neighbours' borderlands, the box of the base map's labels), clipped to it, simplified
(Douglas-Peucker, about 1 km) and rounded to 3 decimals; properties: ``kind`` ("river" or "lake"), ``name``
(English) and ``rank`` (Natural Earth's scalerank: 0 is the largest). The output is gzipped GeoJSON that the
app serves as is (Content-Encoding: gzip).

Run from the repository root (no network):
    .venv/bin/python scripts/build_water.py --rivers ne_10m_rivers_lake_centerlines.json ne_10m_rivers_europe.json \
        --lakes ne_10m_lakes.json
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "geo" / "water.geojson.gz"
BOX = (21.0, 43.0, 45.0, 57.0)            # west, south, east, north: webmap.basemap.LABEL_BOX's area
TOLERANCE = 0.01                           # degrees (~1 km)
DECIMALS = 3
# water Natural Earth still draws that is gone: the Kakhovka reservoir drained after the dam was destroyed
# on 6 June 2023 (the Dnieper's centre line through it is kept)
GONE = {("lake", "Kakhovka"), ("lake", "Kakhovka Reservoir")}
RIVERS = ("ne_10m_rivers_lake_centerlines.json", "ne_10m_rivers_europe.json")
LAKES = "ne_10m_lakes.json"


def _read(path: str | None, git_dir: str | None, name: str) -> dict[str, Any]:
    if git_dir:
        text = subprocess.run(["git", "--git-dir", git_dir, "show", f"HEAD:{name}"], check=True,
                              capture_output=True).stdout.decode("utf-8")
        return json.loads(text)
    if not path:
        raise SystemExit(f"give --{name.split('_')[2].split('.')[0]} or --git-dir")
    return json.loads(Path(path).read_text(encoding="utf-8"))


def derive(rivers: dict[str, Any], lakes: dict[str, Any]) -> dict[str, Any]:
    """The clipped, simplified, rounded FeatureCollection (rivers first, then lakes; largest first)."""
    import numpy as np
    import shapely
    from shapely.geometry import box, mapping, shape

    clip = box(*BOX)
    out = []
    for kind, fc in (("river", rivers), ("lake", lakes)):
        for f in fc.get("features", []):
            props = f.get("properties") or {}
            name = props.get("name_en") or props.get("name") or ""
            if not f.get("geometry") or (kind, name) in GONE:
                continue
            g = shape(f["geometry"])
            if not g.intersects(clip):
                continue
            g = g.intersection(clip).simplify(TOLERANCE, preserve_topology=kind == "lake")
            g = shapely.transform(g, lambda xy: np.round(xy, DECIMALS))
            if g.is_empty or (kind == "lake" and g.area < 1e-4):
                continue
            out.append({"type": "Feature",
                        "properties": {"kind": kind, "name": name,
                                       "rank": int(props.get("scalerank") or 0)},
                        "geometry": mapping(g)})
    out.sort(key=lambda f: (f["properties"]["kind"] != "river", f["properties"]["rank"]))
    return {"type": "FeatureCollection", "features": out}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rivers", nargs="+", help=f"paths of {' and '.join(RIVERS)}")
    ap.add_argument("--lakes", help=f"path of {LAKES}")
    ap.add_argument("--git-dir", help="a git directory whose HEAD holds the files at its root")
    ap.add_argument("--out", default=str(OUT))
    ns = ap.parse_args()
    river_files = ns.rivers or [None] * len(RIVERS)
    rivers = {"type": "FeatureCollection", "features": [
        f for path, name in zip(river_files, RIVERS) for f in _read(path, ns.git_dir, name).get("features", [])]}
    fc = derive(rivers, _read(ns.lakes, ns.git_dir, LAKES))
    body = json.dumps(fc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    Path(ns.out).write_bytes(gzip.compress(body, 9, mtime=0))
    kinds = {k: sum(1 for f in fc["features"] if f["properties"]["kind"] == k) for k in ("river", "lake")}
    print(f"{ns.out}: {kinds['river']} rivers, {kinds['lake']} lakes, {len(body):,} bytes, "
          f"{Path(ns.out).stat().st_size:,} gzipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
