"""Geocode place strings as analysts write them: "Chuhuiv, south of Kharkiv", "Pozniaky, Kyiv",
"Zolota Nyva, Donetsk", "Kursk oblast", "near Sudzha", "Kyiv suburbs".

The first part names the place; the later parts name what contains it or what it is near.
Spelling variants (transliteration systems, renamings) are tried, and fuzzy matching only
inside a container the string itself names.
"""
from __future__ import annotations

import math
import re
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

from .border import just_outside
from .geometry import haversine_km
from .index import Entry, Index
from .model import Precision, Resolution
from .names import DEMONYM
from .normalize import norm
from .resolve import POINT_KINDS, Context, direction_word, inside, make_resolution, score_candidates
from .theatre import FUZZY_COUNTRIES, HOME, THEATRE
from . import tuning as T

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

V = TypeVar("V")

_QUAL_BEFORE = re.compile(
    r"^(?:(?P<near>near|outside|around|outskirts of|suburbs of|vicinity of|close to)\s+"
    r"|(?P<dir>(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?)\s+(?:of\s+)?)"
    r"(?:the\s+)?", re.I)
_KIND_WORDS = re.compile(
    r"\b(?:oblast|region|province|raion|district|rayon|hromada|city|town|village|settlement|urban-type settlement|"
    r"city of|town of|village of|municipality|krai|republic|area)\b\.?", re.I)
_REGION_WORDS = re.compile(r"\b(?:oblast|region|province|krai|republic)\b", re.I)
_DISTRICT_WORDS = re.compile(r"\b(?:raion|district|rayon)\b", re.I)


def _clean(part: str) -> tuple[str, str]:
    """A part without its qualifier words, and the qualifier ('near', 'north of', 'region', ...)."""
    part = part.strip().strip(".;:()[]\"'?!*")
    qual = ""
    m = _QUAL_BEFORE.match(part)
    if m:
        if m.group("near"):
            qual = "suburbs" if m.group("near").lower() in ("outskirts of", "suburbs of") else "near"
        else:
            qual = m.group("dir").lower().replace("ern", "") + " of"
        part = part[m.end():]
    if _REGION_WORDS.search(part):
        qual = qual or "region"
    elif _DISTRICT_WORDS.search(part):
        qual = qual or "district"
    if re.search(r"\b(?:suburbs|outskirts)\b", part, re.I):
        qual = "suburbs"
        part = re.sub(r"\b(?:suburbs|outskirts)\b", " ", part, flags=re.I)
    name = _KIND_WORDS.sub(" ", part)
    name = re.sub(r"^\s*the\s+", "", name, flags=re.I)
    name = re.sub(r"['’]s\b", "", name)
    return re.sub(r"\s+", " ", name).strip(" -"), qual


def _variants(name: str) -> list[str]:
    try:
        from .translit import variants
    except ImportError:  # the module ships with the package; this only guards partial installs
        return [name]
    return [name] + sorted(v for v in variants(name) if v != name)


def _hits(gz: "Gazetteer", name: str) -> list[tuple[Entry, int]]:
    for v in _variants(name):
        hits = [(e, f) for e, f in gz.index.candidates(v) if f != DEMONYM]
        if hits:
            return hits
    # "Donetsk - Kirovskyi", "Kyiv-Sviatoshynskyi": the part before the dash
    m = re.match(r"^(.+?)\s*[-–—]\s+\S", name)
    if m:
        return _hits(gz, m.group(1))
    # "Sviatogorsk Lavra", "Kramatorsk railway station": a facility known by its town's name
    m = _FACILITY_TAIL.match(name.strip())
    if m:
        return _hits(gz, m.group(1))
    return []


_FACILITY_TAIL = re.compile(
    r"^(.+?)\s+(?:lavra|monastery|hospital|(?:railway |train |bus )?station|airport|airfield|air ?base|base"
    r"|factory|works|refinery|depot|bridge|market|school|university"
    r"|church|cathedral|dam|port|harbou?r|stadium|mall|shopping cent(?:re|er)|theat(?:re|er)|checkpoint)$", re.I)


class FuzzyTable(Generic[V]):
    """Normalised names with a value each, for close-spelling lookups (rapidfuzz, one C-level pass over
    the names whose length allows the cutoff)."""

    __slots__ = ("names", "values", "lengths")

    def __init__(self, pairs: dict[str, V]) -> None:
        items = sorted(pairs.items(), key=lambda kv: len(kv[0]))         # stable: equal lengths keep their order
        self.names = [k for k, _ in items]
        self.values = [v for _, v in items]
        self.lengths = [len(k) for k in self.names]

    def close(self, key: str, limit: int = T.FUZZY_LIMIT) -> list[tuple[str, V]]:
        """(name, value) of the names at least ``FUZZY_CUTOFF`` similar to ``key`` (rapidfuzz's ``fuzz.ratio``:
        twice the longest common subsequence over the total length), the ``limit`` best, best first; equal
        scores in reverse name order, as ``difflib.get_close_matches`` ranks them."""
        from rapidfuzz import fuzz, process

        r, n = T.FUZZY_CUTOFF / 100.0, len(key)
        lo = bisect_left(self.lengths, math.ceil(n * r / (2.0 - r)) - 1)     # shorter or longer names than
        hi = bisect_right(self.lengths, math.floor(n * (2.0 - r) / r) + 1)   # this cannot reach the cutoff
        found = process.extract(key, self.names[lo:hi], scorer=fuzz.ratio, score_cutoff=T.FUZZY_CUTOFF, limit=None)
        found.sort(key=lambda h: (h[1], h[0]), reverse=True)
        return [(name, self.values[lo + i]) for name, _, i in found[:limit]]


_FUZZY_TABLES: "weakref.WeakKeyDictionary[Index, dict[tuple[str, str], FuzzyTable[int]]]" = \
    weakref.WeakKeyDictionary()


def _fuzzy_table(index: Index, admin1_code: str, country: str) -> FuzzyTable[int]:
    """The settlements and districts of one admin-1 region (or else one country) by normalised name, each
    name once (its first place); built once per region and index."""
    per_region = _FUZZY_TABLES.get(index)
    if per_region is None:
        per_region = _FUZZY_TABLES.setdefault(index, {})
    table = per_region.get((admin1_code, country))
    if table is None:
        pids: dict[str, int] = {}
        for pid, nm, alt in index.settlement_names(admin1_code=admin1_code, country=country):
            for n in [nm] + (alt.split("|") if alt else []):
                pids.setdefault(norm(n), pid)
        table = per_region[(admin1_code, country)] = FuzzyTable(pids)
    return table


def fuzzy_within(index: Index, name: str, container: Entry) -> list[tuple[Entry, int]]:
    """Close spellings of ``name`` among the settlements of the container region only."""
    c = container.place
    if c.kind not in ("admin1", "country") or (c.kind == "country" and c.country_code not in FUZZY_COUNTRIES):
        return []
    table = _fuzzy_table(index, c.admin1_code, "") if c.kind == "admin1" else _fuzzy_table(index, "", c.country_code)
    close = [pid for _, pid in table.close(norm(name))]
    if not close:
        return []
    ents = index.entries(close)
    return [(ents[p], 2) for p in close if p in ents]


_CITY_DASH_DISTRICT = re.compile(r"^\s*([^,;/()]+?)\s+[-–—]\s+([^,;/()]+?)\s*(?:,|$)")


def _district_of(gz: "Gazetteer", city_name: str, district_name: str) -> Resolution | None:
    """"Donetsk - Kirovskyi", "Donetsk, Kirovskyi": a district (or suburb) of the city, if there is one."""
    city_hits = _hits(gz, city_name)
    if not city_hits:
        return None
    city = score_candidates(city_hits)[0][1]
    if city.place.kind not in ("city", "town"):
        return None
    name, _ = _clean(district_name)
    near = [(e, f) for e, f in _hits(gz, name) if e.pid != city.pid and e.place.kind in POINT_KINDS
            and e.prom < city.prom and _km(e, city) <= T.CITY_DISTRICT_KM]   # smaller, and within the city's reach
    if not near:
        return None
    ranked = sorted(((-_km(e, city), e, f"a district of {city.place.name}") for e, f in near), key=lambda t: -t[0])
    return make_resolution(gz.index, [(T.CITY_DISTRICT_BONUS + s, e, why) for s, e, why in ranked])


def _km(a: Entry, b: Entry) -> float:
    return haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)


_TYPO_TABLES: "weakref.WeakKeyDictionary[Index, FuzzyTable[list[int]]]" = weakref.WeakKeyDictionary()


def _typo_table(index: Index) -> FuzzyTable[list[int]]:
    """The war zone's towns (>= TYPO_MIN_POPULATION people) by name, for typo-tolerant geocoding (built once
    per index)."""
    table = _TYPO_TABLES.get(index)
    if table is None:
        by_name: dict[str, list[int]] = {}
        for pid, name, alt in index.town_names(THEATRE, T.TYPO_MIN_POPULATION):
            for n in [name] + [a for a in (alt.split("|") if alt else []) if a.isascii()]:
                pids = by_name.setdefault(norm(n), [])
                if pid not in pids:
                    pids.append(pid)
        table = _TYPO_TABLES[index] = FuzzyTable(by_name)
    return table


def _typo(gz: "Gazetteer", name: str) -> list[tuple[Entry, int]]:
    """A misspelt war-zone town ("Dontesk", "Adiivka"): the one close spelling, only among towns."""
    key = norm(name)
    if len(key) < T.TYPO_MIN_CHARS:
        return []
    close = _typo_table(gz.index).close(key)
    close = [c for c in close if c[0][:1] == key[:1]] or close[:2]   # a typo seldom changes the first letter:
    pids = list(dict.fromkeys(p for _, ps in close for p in ps))      # "Adiivka" is Avdiivka, not Kadiivka
    ents = gz.index.entries(pids)
    if len(pids) > 1:                     # namesakes: the Ukrainian one if there is exactly one
        pids = [p for p in pids if p in ents and ents[p].place.country_code == HOME]
    if len(pids) != 1:                    # none, or two different towns: do not guess
        return []
    return [(ents[pids[0]], 3)] if pids[0] in ents else []


def geocode_query(gz: "Gazetteer", query: str) -> Resolution | None:
    """Best resolution of a place string, or None."""
    dash = _CITY_DASH_DISTRICT.match(query)
    if dash:
        r = _district_of(gz, dash.group(1), dash.group(2))
        if r is not None:
            return r
    parts = [p for p in re.split(r"[,;/]|\s+\(|\)", query) if p and p.strip()]
    if not parts:
        return None
    if len(parts) == 2:
        r = _district_of(gz, parts[0], parts[1])
        if r is not None:
            return r
    cleaned = [_clean(p) for p in parts]
    target, qual = cleaned[0]
    whole = re.sub(r"^\s*the\s+", "", parts[0].strip(), flags=re.I)
    if whole != target and [h for h in gz.index.candidates(whole) if h[1] != DEMONYM]:
        target = whole                     # "Brovary raion" is a name of its own
    containers: list[Entry] = []
    direction = ""
    for name, q in cleaned[1:]:
        hits = _hits(gz, name)
        if hits and q.endswith(" of"):
            direction = direction or direction_word(q)      # "Vesele, north-west of Avdiivka"
        if hits:
            # "X, Donetsk": the regions the name can mean (the oblast); a town only when no region has it
            readings = [e for _, e, _ in score_candidates(hits, qualifier=q or "region")]
            regions = [e for e in readings if e.place.kind in ("admin1", "country")]      # best reading first
            for top in regions or [score_candidates(hits, qualifier=q)[0][1]]:
                if top not in containers:
                    containers.append(top)
    ctx = Context.empty()
    for c in containers:
        if c.place.country_code:
            ctx.add("", c.place.country_code, "", 1.0)
    container = containers[0] if containers else None
    hits = _hits(gz, target) if target else []
    if container is not None and target and not any(_contained(e, c) for e, _ in hits for c in containers) \
            and just_outside(gz.index, container, [(0.0, e, "") for e, _ in hits]) is None:
        hits = fuzzy_within(gz.index, target, container) or hits
    if not hits and container is None and target:
        typo = _typo(gz, target)
        if typo:
            r = make_resolution(gz.index, [(1.0, typo[0][0], f"closest spelling of {target!r}")], qualifier=qual)
            return replace(r, score=T.TYPO_SCORE)
    if not hits:
        return _container_only(gz, container) if container is not None else None
    ranked = score_candidates(hits, qualifier=qual, context=ctx, container=containers, key=target,
                              direction=direction)
    best = ranked[0][1]
    if container is not None and not any(inside(best, c) for c in containers):
        near = just_outside(gz.index, container, ranked)         # the name itself, just across the region's border
        fuzzy = fuzzy_within(gz.index, target, container) if near is None else []
        if near is not None:
            ranked = near
        elif fuzzy:
            ranked = score_candidates(fuzzy, qualifier=qual, context=ctx, container=containers)
        else:                      # a namesake far away is worse than the region the string names
            return _container_only(gz, container)
    return make_resolution(gz.index, ranked, qualifier=qual)


def _container_only(gz: "Gazetteer", container: Entry) -> Resolution:
    r = make_resolution(gz.index, [(1.0, container, "the place itself is unknown; its container")],
                        qualifier="within")
    return Resolution(place=r.place, lat=r.lat, lon=r.lon, precision=max(r.precision, int(Precision.NEAR)),
                      score=T.CONTAINER_ONLY_SCORE, reason=r.reason, qualifier="within", geometry=r.geometry)


def _contained(e: Entry, container: Entry) -> bool:
    return inside(e, container) or e.place.kind not in POINT_KINDS
