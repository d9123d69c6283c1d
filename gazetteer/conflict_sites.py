"""Settlements of Ukraine where the UCDP Georeferenced Event Dataset records organised violence, 2014-2023.

The bundled ``conflict_sites_ua.tsv`` (derived from UCDP GED, CC BY 4.0, by ``scripts/build_conflict_sites.py``)
lists each settlement UCDP located events at, with its point and how many events. Two uses:

* a village the other sources lack becomes a place of the gazetteer (when the index is built);
* of several namesake villages, the one at which fighting is on record under that very name is the likelier
  one for war reporting ("Opytne, Donetsk": the Opytne by Avdiivka, not the one by Bakhmut): see
  :func:`recorded_events`. A point near fighting is not enough; the name must be the same, so that the
  evidence is about this village and not its neighbourhood.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from .data import data_file, open_text
from .geometry import haversine_km

FILE = "conflict_sites_ua.tsv"
CELL_DEG = 0.1

# UCDP's first-level names -> GeoNames admin-1 keys
OBLASTS = {"cherkasy": "UA.01", "chernihiv": "UA.02", "chernivtsi": "UA.03", "dnipropetrovsk": "UA.04",
           "donetsk": "UA.05", "ivano-frankivsk": "UA.06", "kharkiv": "UA.07", "kherson": "UA.08",
           "khmelnytskyi": "UA.09", "kirovohrad": "UA.10", "crimea": "UA.11", "kiev special republican city": "UA.12",
           "kiev": "UA.13", "kyiv": "UA.13", "luhansk": "UA.14", "lviv": "UA.15", "mykolayiv": "UA.16",
           "mykolaiv": "UA.16", "odessa": "UA.17", "odesa": "UA.17", "poltava": "UA.18", "rivne": "UA.19",
           "sevastopol": "UA.20", "sumy": "UA.21", "ternopil": "UA.22", "vinnytsia": "UA.23", "volyn": "UA.24",
           "zakarpattia": "UA.25", "zaporizhzhya": "UA.26", "zaporizhzhia": "UA.26", "zhytomyr": "UA.27"}


@dataclass(frozen=True, slots=True)
class Site:
    name: str
    kind: str          # "village" or "town", as UCDP writes it
    admin1_code: str   # GeoNames key ("UA.05"), "" when UCDP names no oblast
    lat: float
    lon: float
    events: int
    first: int
    last: int


def admin1_code(oblast: str) -> str:
    """UCDP's ``adm_1`` ("Zaporizhzhya oblast", "Kharkiv Oblast") as a GeoNames admin-1 key; "" if unknown."""
    key = oblast.lower().removesuffix(" oblast").strip()
    return OBLASTS.get(key, "")


@lru_cache(maxsize=1)
def sites() -> tuple[Site, ...]:
    """Every site of the bundled file (none when it is not bundled)."""
    path = data_file(FILE)
    if not path.is_file():
        return ()
    with open_text(path) as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return tuple(Site(r["name"], r["kind"], admin1_code(r["oblast"]), float(r["lat"]), float(r["lon"]),
                          int(r["events"]), int(r["first"]), int(r["last"])) for r in rows)


@lru_cache(maxsize=1)
def _grid() -> dict[tuple[int, int], list[tuple[Site, str]]]:
    from .spelling import skeleton

    grid: dict[tuple[int, int], list[tuple[Site, str]]] = {}
    for s in sites():
        grid.setdefault((int(s.lat // CELL_DEG), int(s.lon // CELL_DEG)), []).append((s, skeleton(s.name)))
    return grid


def recorded_events(names: tuple[str, ...], lat: float, lon: float, km: float) -> int:
    """How many events UCDP records at a settlement within ``km`` of the point whose name is one of ``names``
    (in any romanisation: "Novomykhaylivka" is Novomykhailivka); 0 when none."""
    from .spelling import skeleton

    keys = {skeleton(n) for n in names if n}
    if not keys:
        return 0
    grid = _grid()
    ci, cj = int(lat // CELL_DEG), int(lon // CELL_DEG)
    reach = int(km / (111.0 * CELL_DEG * 0.6)) + 1       # cells of ~6.7 km (east-west at 50 N) to look through
    best = 0
    for di in range(-reach, reach + 1):
        for dj in range(-reach, reach + 1):
            for s, key in grid.get((ci + di, cj + dj), ()):
                if key in keys and s.events > best and haversine_km(lat, lon, s.lat, s.lon) <= km:
                    best = s.events
    return best
