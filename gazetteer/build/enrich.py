"""What the sources lack, added while the index is built: curated places and aliases, demonyms,
spelling variants, raions named after their towns, oblast points at their capitals, and the
merging of one settlement told by two sources.
"""
from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from ..exc import GazetteerDataError
from ..geometry import build_spec_geometry, haversine_km
from ..names import DEMONYM
from ..normalize import norm
from ..theatre import WAR_PARTIES
from . import sources
from .sources import Record

if TYPE_CHECKING:
    from .builder import Builder

logger = logging.getLogger(__name__)


CAPITAL_POINT_COUNTRIES = WAR_PARTIES


def regions_at_their_capitals(b: "Builder") -> None:
    """Oblasts of the war zone take the point of the city they are named after (Donetsk oblast ->
    Donetsk): conflict data codes a region-level event to the provincial capital (ACLED's
    geo_precision 3). Elsewhere a region keeps its centroid. The polygon is kept either way."""
    cities: dict[tuple[str, str], Record] = {}
    for rec in b.recs.values():
        if rec.kind == "city" and rec.country_code in CAPITAL_POINT_COUNTRIES:
            key = (rec.admin1_code, norm(rec.name))
            if key not in cities or rec.population > cities[key].population:
                cities[key] = rec
    for rec in b.recs.values():
        if rec.kind == "admin1" and rec.country_code in CAPITAL_POINT_COUNTRIES:
            city = cities.get((rec.admin1_code, norm(rec.name)))
            if city is not None:
                rec.lat, rec.lon = city.lat, city.lon


def name_raion_after_its_town(raion: Record, b: "Builder") -> None:
    """Add "Brovary raion" / "Brovary district" to Brovarskyi raion: people name raions after their towns."""
    base = norm(raion.strong_names[0] if raion.strong_names else raion.name)
    for suffix in ("skyi", "skyy", "skiy", "ckyi", "kyi", "yi", "ii"):
        if base.endswith(suffix):
            stem = base[: -len(suffix)]
            break
    else:
        return
    best = None
    for rec in b.recs.values():
        if rec.admin1_code != raion.admin1_code or rec.kind not in ("city", "town", "village"):
            continue
        key = norm(rec.name)
        if key.startswith(stem[:-1] if len(stem) > 4 else stem) and len(key) - len(stem) <= 3 \
                and (best is None or rec.population > best.population):
            best = rec
    if best is not None:
        raion.strong_names += [f"{best.name} raion", f"{best.name} district", f"{best.name} rayon"]


def spellings(r: Record) -> set[str]:
    """Transliteration and spelling variants of a Ukrainian place's own and Cyrillic names."""
    from ..translit import has_cyrillic, variants

    base = [r.name] + [n for n in r.names if has_cyrillic(n)][:4]
    out: set[str] = set()
    for n in base:
        out |= variants(n)
    from ..spelling import russian_style

    out |= russian_style(r.name)           # Novoselovka, Krasnoe, Alekseyevka, Blagodatnoye ...
    return out


def ukrainian_spellings(r: Record) -> set[str]:
    """The Ukrainian spellings of a Russian place's Cyrillic names (gazetteer.ukrainian_forms), and their
    romanisation by the Ukrainian national system (Тьоткіно -> Tiotkino, Глушкове -> Hlushkove)."""
    from ..translit import has_cyrillic, uk_to_latin
    from ..ukrainian_forms import ukrainian_forms

    out: set[str] = set()
    for n in [n for n in r.names if has_cyrillic(n)][:2]:
        for form in ukrainian_forms(n):
            out.add(form)
            out.add(uk_to_latin(form))
    return out


def russian_spellings(r: Record) -> set[str]:
    """The everyday Latin spellings of a Russian place's name beside its BGN/PCGN one: the simplified
    romanisations English reporting mixes (translit.latin_variants: ay/ai, -iy/-yi/-y, ya/ia, ye/e),
    from the Latin name and the Russian romanisation of its Cyrillic names (Grayvoron -> Graivoron)."""
    from ..translit import has_cyrillic, latin_variants, ru_to_latin

    out: set[str] = set()
    for n in [r.name] + [ru_to_latin(c) for c in r.names if has_cyrillic(c)][:2]:
        out |= latin_variants(n)
    out.discard(r.name)
    return out


def letter_respellings(r: Record) -> set[str]:
    """Other letterings of a place's Latin names (gazetteer.respell: kh/h, ts/tz/c, zh/j, shch/sc, Yu/Iu/U,
    doubled consonants, -che/-chye): Khorly -> Horly, Tsyrkuny -> Cyrkuny, Sudzha -> Sudja. The builder adds
    them only where no place in Ukraine already has the name."""
    from ..respell import respellings
    from ..translit import has_cyrillic, ru_to_latin, uk_to_latin

    latin = [r.name]
    cyr = [c for c in r.names if has_cyrillic(c)][:1]
    latin += [uk_to_latin(c) for c in cyr] if r.country_code == "UA" else [ru_to_latin(c) for c in cyr]
    out: set[str] = set()
    for n in dict.fromkeys(latin):
        out |= respellings(n)
    out.discard(r.name)
    return out


RESPELLING_MIN_RATIO = 80.0


def respelling(a: str, b: str) -> bool:
    """Whether b is another romanisation of a (not another name): Kryvyy Rih / Kryvyi Rih.

    Similarity is rapidfuzz's ``fuzz.ratio`` (twice the longest common subsequence over the total length);
    on the bundled data it decides each of the 6,699 merges as difflib's ratio did."""
    from rapidfuzz import fuzz

    ka, kb = norm(a), norm(b)
    return ka != kb and ka[:2] == kb[:2] and fuzz.ratio(ka, kb) >= RESPELLING_MIN_RATIO


class NameGrid:
    """Settlements by normalised name and 0.1-degree cell, to find one place told twice."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, int], list[int]] = {}

    @staticmethod
    def _keys(rec: Record) -> list[str]:
        # in a fixed order (the place's own name first): which twin is found must not depend on
        # the process's string hashing, or two builds of the same data would differ
        return list(dict.fromkeys(norm(n) for n in [rec.name, *rec.names[:12]] if n))

    def add(self, pid: int, rec: Record) -> None:
        cell = (int(rec.lat * 10), int(rec.lon * 10))
        for k in self._keys(rec):
            self.cells.setdefault((k, *cell), []).append(pid)

    def find(self, rec: Record, recs: dict[int, Record], km: float = 6.0) -> int | None:
        ci, cj = int(rec.lat * 10), int(rec.lon * 10)
        for k in self._keys(rec):
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    for pid in self.cells.get((k, ci + di, cj + dj), ()):
                        o = recs[pid]
                        if haversine_km(rec.lat, rec.lon, o.lat, o.lon) <= km:
                            return pid
        return None


def _resolve_target(b: "Builder", target: str) -> int | None:
    """A supplement target: a place id ("gn:703448"), or "Name@CC" (the most populous such place)."""
    if target in b.by_id:
        return b.by_id[target]
    if "@" in target:
        name, cc = target.split("@", 1)
        best = None
        for pid, r in b.recs.items():
            if r.name == name and r.country_code == cc and (best is None or r.population > b.recs[best].population):
                best = pid
        return best
    return None


def add_supplement(b: "Builder") -> None:
    pending = []
    for row in sources.supplement_rows():
        names = [n for n in (row.get("names") or "").split("|") if n]
        if row.get("target"):
            pid = _resolve_target(b, row["target"])
            if pid is None:
                logger.warning("supplement: alias target %s not found", row["target"])
                continue
            target = b.recs[pid]
            target.strong_names.extend(names)
            if row.get("name") and row["name"] != target.name:     # the current official spelling
                target.strong_names.append(target.name)
                target.name = row["name"]
            continue
        rec = Record(place_id=row["id"], name=row["name"], kind=row["kind"], lat=float(row["lat"]),
                     lon=float(row["lon"]), country_code=row.get("country_code") or "",
                     admin1_code=row.get("admin1_code") or "", population=int(row.get("population") or 0),
                     strong_names=names, geometry_spec=row.get("geometry") or "", source="supplement",
                     gn_id=int(row["id"][3:]) if row["id"].startswith("gn:") else None)
        if rec.kind in ("city", "town", "village") and rec.gn_id not in b.by_gn:
            twin = b.grid.find(rec, b.recs)
            if twin is not None:
                rec.place_id, rec.gn_id = b.recs[twin].place_id, None
        pid = b.add(rec)
        if pid < 0:
            continue
        if b.recs[pid] is not rec:            # merged into an existing record (e.g. a WOF village)
            b.recs[pid].strong_names.extend(names + [rec.name])
        pending.append(b.recs[pid] if b.recs[pid] is rec else rec)
    lookup = {r.place_id: r for r in b.recs.values()}
    for rec in pending:
        if rec.geometry_spec:
            try:
                rec.geometry = build_spec_geometry(rec.geometry_spec, lookup)
            except (KeyError, ValueError) as err:
                raise GazetteerDataError(f"supplement {rec.place_id}: bad geometry {rec.geometry_spec!r}: {err}") from err


def country_short_names(b: "Builder") -> None:
    """The short names people use for countries named as a pair or as a territory of the United States:
    "Bosnia" and "Herzegovina" for Bosnia and Herzegovina, "Trinidad" for Trinidad and Tobago, "Antigua",
    "Saint Kitts"; "U.S. Virgin Islands" and "US Virgin Islands" for United States Virgin Islands. They are
    alternate names: a town's own name still counts more, the document decides."""
    demonyms = {norm(form) for form, _ in sources.demonym_rows()}      # "Turks" stays the Turks
    for rec in b.recs.values():
        if rec.kind != "country":
            continue
        extra: list[str] = []
        name = rec.name                       # the short name: not the formal one ("... and Northern Ireland")
        if " and " in name:
            for part in name.split(" and "):
                part = part.strip().removeprefix("the ").strip()
                if len(part) >= 4 and norm(part) not in demonyms:
                    extra.append(part)
        if name.startswith("United States "):
            rest = name.removeprefix("United States ")
            extra += [f"U.S. {rest}", f"US {rest}"]
        known = {norm(n) for n in [rec.name, *rec.names, *rec.strong_names]}
        rec.names += [n for n in dict.fromkeys(extra) if norm(n) not in known]


def add_demonyms(b: "Builder", con: sqlite3.Connection) -> None:
    rows = []
    cc_to_pid = {r.country_code: pid for pid, r in b.recs.items() if r.kind == "country"}
    for form, target in sources.demonym_rows():
        pid = b.by_id.get(target) or cc_to_pid.get(target)
        if pid is None:
            logger.warning("demonym %s: target %s not found", form, target)
            continue
        rows.append((norm(form), pid, DEMONYM))
    con.executemany("INSERT OR REPLACE INTO name VALUES (?,?,?)", rows)


def drop_borrowed_populations(b: "Builder") -> None:
    """A Who's On First settlement that GeoNames does not know and that carries the population of a
    namesake city elsewhere (WOF's "Mikolayiv", a small town in Lviv oblast, with the 498,748 people of
    Mykolaiv) loses it: it would otherwise outrank the city it borrowed them from."""
    from ..spelling import skeleton

    cities: dict[str, list[Record]] = {}
    for r in b.recs.values():
        if r.source == "geonames" and r.population >= 20_000:
            cities.setdefault(skeleton(r.name), []).append(r)
    for r in b.recs.values():
        if r.source != "wof" or r.population < 20_000 or r.kind not in ("city", "town"):
            continue
        for c in cities.get(skeleton(r.name), ()):
            if abs(c.population - r.population) <= 0.1 * c.population \
                    and haversine_km(r.lat, r.lon, c.lat, c.lon) > 20:
                r.population, r.kind = 0, sources.populated_kind(0)
                break
