"""Choose the place each span means, using what a human reader would use.

Evidence, strongest first: an explicit container ("Heorhiivka, Donetsk"; "Rozhivka in the
Kiev region"), a qualifier ("Kursk region" is the oblast), the regions and countries of the
rest of the document, distance to the other places named, whether the name is the place's
own name or only an alternate one, and prominence (kind, population, capital).
"""
from __future__ import annotations

import math
from itertools import islice
from functools import lru_cache
from dataclasses import dataclass, field

from . import geometry as geo
from .data import data_file, open_text
from .geometry import haversine_km
from .index import Entry, Index
from .lists import same_kind
from .model import Candidate, Deferred, Place, Precision, Resolution
from .names import ALTERNATE, CURATED, DEMONYM, PRIMARY
from . import tuning as T
from .normalize import norm
from .conflict_sites import recorded_events
from .spelling import skeleton
from .theatre import BELLIGERENTS, HOME, in_war_zone
from .translit import has_cyrillic, ru_to_latin, uk_to_latin

ADMIN2_KM = T.ADMIN2_REACH_KM                 # a district (raion, county) holds what lies this close to its point
ADMIN2_CENTRE_BONUS = T.ADMIN2_CENTRE_BONUS   # at most this much for lying at the district's point, not its edge
AREA_KINDS = {"country", "continent", "area", "admin1", "admin2"}
POINT_KINDS = {"city", "town", "village", "district"}


@dataclass(slots=True)
class Context:
    """What the document says about where it is: weighted countries, regions and points.

    Contributions are kept per name, so that a name repeated ten times does not become its
    own evidence ("Liverpool" must not vote for the Indiana town that has it as an alias).
    """

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[str, float] = field(default_factory=dict)
    points: list[tuple[float, float, str]] = field(default_factory=list)   # (lat, lon, name key)
    by_key: dict[str, tuple[dict[str, float], dict[str, float]]] = field(default_factory=dict)
    totals: list[float] = field(default_factory=lambda: [0.0, 0.0])

    @classmethod
    def empty(cls) -> "Context":
        return cls()

    def add(self, key: str, cc: str, admin1: str, weight: float) -> None:
        own = self.by_key.setdefault(key, ({}, {}))
        if cc:
            self.countries[cc] = self.countries.get(cc, 0.0) + weight
            own[0][cc] = own[0].get(cc, 0.0) + weight
            self.totals[0] += weight
        if admin1:
            self.admin1[admin1] = self.admin1.get(admin1, 0.0) + weight
            own[1][admin1] = own[1].get(admin1, 0.0) + weight
            self.totals[1] += weight

    def _share(self, which: int, value: str, key: str) -> float:
        if not value:
            return 0.0
        counts = self.countries if which == 0 else self.admin1
        here = counts.get(value, 0.0)
        if not here:
            return 0.0
        denom = self.totals[which]
        own = self.by_key.get(key) if key else None
        if own is not None:
            mine = own[which]
            here -= mine.get(value, 0.0)
            denom -= sum(mine.values())
        return here / denom if denom > 0 else 0.0

    def share_country(self, cc: str, key: str = "") -> float:
        return self._share(0, cc, key)

    def share_admin1(self, code: str, key: str = "") -> float:
        return self._share(1, code, key)


def inside(e: Entry, container: Entry) -> bool:
    """Whether the place ``e`` lies in ``container`` (same place, same country or region, or close by)."""
    if e.pid == container.pid:
        return True
    c = container.place
    if c.kind == "country":
        return e.place.country_code == c.country_code
    if c.kind == "admin1":
        if c.admin1_code and e.place.admin1_code == c.admin1_code:
            return True
        # GeoNames and Natural Earth split some countries differently (England vs Hampshire): ask the polygon
        # (whether it holds the place was decided when the index was built)
        return e.place.country_code == c.country_code and container.index is not None \
            and container.index.within(e, container)
    if c.kind == "admin2":
        return haversine_km(e.place.lat, e.place.lon, c.lat, c.lon) <= ADMIN2_KM
    if c.kind == "area":
        return haversine_km(e.place.lat, e.place.lon, c.lat, c.lon) <= T.AREA_REACH_KM
    return haversine_km(e.place.lat, e.place.lon, c.lat, c.lon) <= T.PLACE_REACH_KM


@lru_cache(maxsize=1)
def _front() -> list[tuple[float, float, str]]:
    path = data_file("conflict_zone.tsv")
    if not path.is_file():
        return []
    with open_text(path) as fh:
        rows = [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]
    return [(float(r[1]), float(r[2]), r[0]) for r in rows]


def front_km(lat: float, lon: float) -> float:
    """Distance to the nearest point of the line of contact (1e9 beyond about 330 km)."""
    return _nearest_km(lat, lon, _front(), "-")


@lru_cache(maxsize=65536)
def _near_front(lat: float, lon: float) -> bool:
    """Whether a point lies within ``FRONT_KM`` of the line of contact (asked again of the same villages in
    every context round and document: kept per point)."""
    return _nearest_km(lat, lon, _front(), "-") <= T.FRONT_KM


def _cyrillic_own_name(key: str, p: Place) -> bool:
    """Whether a Cyrillic name is a war-zone place's own name written in Cyrillic: "Слов'янськ" romanises to
    Sloviansk, so it is Sloviansk's own name and only an old alternate of Nikopol. Only places of the war
    zone (Ukraine, Russia's front and border regions): elsewhere a Russian spelling of a Ukrainian town is
    often a Russian namesake's own name ("Волчанск" is Volchansk in the Urals and Vovchansk's Russian name)."""
    if not key or key.isascii() or not in_war_zone(p.country_code, p.admin1, p.name) or not has_cyrillic(key):
        return False
    own = skeleton(p.name)
    return skeleton(uk_to_latin(key)) == own or skeleton(ru_to_latin(key)) == own


# abbreviations of a name's first word that leave it the same name ("St. Petersburg" is Saint Petersburg)
NAME_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def _abbreviated(key: str, name: str) -> bool:
    """Whether the looked-up key is the place's own name with its first word abbreviated:
    "St. Petersburg" for Saint Petersburg, "Ft. Worth" for Fort Worth."""
    head, _, rest = key.partition(" ")
    full = NAME_ABBREVIATIONS.get(head)
    return bool(full and rest) and f"{full} {rest}" == norm(name)


def _nearest_km(lat: float, lon: float, points: list[tuple[float, float, str]], key: str) -> float:
    """Approximate distance to the nearest point of another name (equirectangular; fine below 300 km)."""
    kx = math.cos(math.radians(lat))
    best = T.NEAREST_SEARCH_DEG2  # squared degrees: beyond ~330 km nothing counts
    for la, lo, k in points:
        dy = la - lat
        if dy * dy >= best or k == key:
            continue
        dx = (lo - lon) * kx
        d2 = dx * dx + dy * dy
        if d2 < best:
            best = d2
    return T.KM_PER_DEG * math.sqrt(best) if best < T.NEAREST_SEARCH_DEG2 else 1e9


def _main_city_of(city: Place, region: Place) -> bool:
    """Whether a city named like a region is that region's city (Donetsk, Kursk, Kyiv beside its oblast)."""
    if city.country_code != region.country_code:
        return False
    if city.admin1_code and city.admin1_code == region.admin1_code:
        return True
    return city.population >= T.MAIN_CITY_MIN_POPULATION and \
        haversine_km(city.lat, city.lon, region.lat, region.lon) < T.MAIN_CITY_KM


_BEARINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
             "southwest": 225.0, "west": 270.0, "northwest": 315.0}
DIRECTION_KM = T.DIRECTION_KM        # "north-west of Avdiivka": within this distance of the anchor


def direction_word(text: str) -> str:
    """'north-west of' / 'Northwestern' -> 'northwest'; '' when the text is no compass direction."""
    w = text.lower().replace("-", "").replace(" ", "").removesuffix("of").removesuffix("ern")
    return w if w in _BEARINGS else ""


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing from the first point to the second, degrees clockwise from north."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360.0


def direction_fit(e: Entry, anchor: Entry, direction: str) -> float:
    """+1 when ``e`` lies in the named direction of the anchor town and near it, -1 when it lies the other way."""
    if direction not in _BEARINGS or anchor.place.kind not in POINT_KINDS or e.pid == anchor.pid:
        return 0.0
    a, p = anchor.place, e.place
    if haversine_km(a.lat, a.lon, p.lat, p.lon) > DIRECTION_KM:
        return 0.0
    diff = abs((_bearing(a.lat, a.lon, p.lat, p.lon) - _BEARINGS[direction] + 180.0) % 360.0 - 180.0)
    return 1.0 if diff <= T.DIRECTION_FIT_DEGREES else (-1.0 if diff >= T.DIRECTION_MISFIT_DEGREES else 0.0)


# kinds a candidate of which is scored by its distance to the other places named
_NEAR_OTHERS_KINDS = frozenset(POINT_KINDS | {"admin2"})


def score_candidates(hits: list[tuple[Entry, int]], *, qualifier: str = "", context: Context | None = None,
                     container: Entry | list[Entry] | None = None,
                     key: str = "", contained: list[Entry] | None = None,
                     direction: str = "", mates: list[Entry] | None = None) -> list[tuple[float, Entry, str]]:
    """Score each candidate; returns (score, entry, reason) sorted best first.

    ``container`` is the place (or places, any of which may hold it) the text says contains it;
    ``contained`` the candidates of a name the text places inside this one; ``mates`` the places of the
    names listed with it ("Alaska, Hawaii, Florida and Washington").
    """
    ctx = context or _NO_CONTEXT        # read only here
    containers = [container] if isinstance(container, Entry) else list(container or [])
    # the cities of this name a region named like one gives way to: built when a region is met (most names have none)
    same_name_cities: list[Place] | None = None
    has_primary = any(f in (PRIMARY, CURATED) for _, f in hits)
    # whether a major city of this name (by its own name) dwarfs its minor namesakes, and whether a country
    # has the name: asked only of a name with several candidates
    dwarfing = country_namesake = False
    if len(hits) > 1:
        for e, f in hits:
            kind = e.place.kind
            if kind == "country":
                country_namesake = True
            elif e.prom >= T.MAJOR_CITY_PROMINENCE and kind in POINT_KINDS and (f == PRIMARY or f == CURATED):
                dwarfing = True
    countries, admin1 = ctx.countries, ctx.admin1
    own = ctx.by_key.get(key) if key else None
    denom_c, denom_a = ctx.totals
    if own is not None:
        denom_c -= sum(own[0].values())
        denom_a -= sum(own[1].values())
    points = ctx.points
    # what the own-name tests of an alternate name ask of the key, once a call: whether its first word is an
    # abbreviation (``_abbreviated`` is False otherwise), whether it is Cyrillic (``_cyrillic_own_name`` likewise)
    abbreviable = bool(key) and key.partition(" ")[0] in NAME_ABBREVIATIONS
    non_ascii_key = bool(key) and not key.isascii()
    key_skeleton = ""                                # made when an alternate village or town first asks for it
    area_qualified = qualifier in ("region", "district")
    minor_prominence = T.FRONT_MAX_PROMINENCE
    out = []
    for e, flag in hits:
        p = e.place
        kind = p.kind
        s = e.prom
        why = []
        respelt = False
        if flag == ALTERNATE:
            # the place's own name in another romanisation (not another name): "Novomykhaylivka" for
            # Novomikhaylovka, "Blagodatnoye" for Blahodatne; not "Slavyansk" for Slavyanka
            if key and kind in ("village", "town"):
                key_skeleton = key_skeleton or skeleton(key)
                respelt = key_skeleton == skeleton(p.name)
            respelt = respelt or (abbreviable and _abbreviated(key, p.name)) \
                or (non_ascii_key and _cyrillic_own_name(key, p))
        if flag in (PRIMARY, CURATED, DEMONYM) or respelt:
            s += T.OWN_NAME_BONUS            # "Novomykhaylivka" is Novomykhailivka's own name, respelt
        elif has_primary and e.prom < T.ALTERNATE_PENALTY_MAX_PROMINENCE:
            s -= T.ALTERNATE_NAME_PENALTY    # "Oleksandrivka" is a village's own name before it is Donetsk's old one
        if area_qualified:
            if kind in ("admin1", "admin2"):
                s += T.QUALIFIED_AREA_BONUS + (
                    T.QUALIFIED_LEVEL_BONUS if (qualifier == "district") == (kind == "admin2") else 0.0)
                if "city" in p.name.lower():
                    s -= T.QUALIFIED_CITY_AREA_PENALTY
            elif kind in POINT_KINDS:
                s -= T.QUALIFIED_POINT_PENALTY
        elif kind == "admin1":
            if same_name_cities is None:
                same_name_cities = [c.place for c, _ in hits if c.place.kind in POINT_KINDS
                                    and c.prom >= T.SAME_NAME_CITY_MIN_PROMINENCE]
            if any(_main_city_of(c, p) for c in same_name_cities):
                s -= T.REGION_NAMED_LIKE_CITY_PENALTY    # "Kursk" alone is the city, "Kursk region" the oblast
        if containers:
            holder = next((c for c in containers if inside(e, c)), None)
            if holder is not None:
                s += T.INSIDE_CONTAINER_BONUS
                why.append(f"inside {holder.place.name}")
                if holder.place.kind == "admin2" and holder.pid != e.pid:
                    # a district is known by a point only: of two namesakes in it, the nearer its middle
                    d = haversine_km(p.lat, p.lon, holder.place.lat, holder.place.lon)
                    s += ADMIN2_CENTRE_BONUS * max(0.0, 1.0 - d / ADMIN2_KM)
            else:
                s -= T.OUTSIDE_CONTAINER_PENALTY
        if direction and containers:        # "Vesele, north-west of Avdiivka": the namesake that lies there
            fit = max(direction_fit(e, c, direction) for c in containers)
            if fit:
                s += T.DIRECTION_WEIGHT * fit
                if fit > 0:
                    why.append(f"{direction} of {containers[0].place.name}")
        if contained and kind in AREA_KINDS and any(inside(c, e) for c in contained):
            s += T.CONTAINS_NAMED_PLACE_BONUS
            why.append("contains the place named with it")
        if mates:
            if same_kind(e, mates) >= T.LIST_MAJORITY:
                s += T.LIST_BONUS
                why.append("listed with places of its kind")
        # the document's shares of the place's country and region, as ``Context.share_country`` and
        # ``share_admin1`` count them (without this name's own mentions), their sums taken once a call
        cc, a1 = p.country_code, p.admin1_code
        sc = sa = 0.0
        if cc and (here := countries.get(cc, 0.0)):
            if own is not None:
                here -= own[0].get(cc, 0.0)
            sc = here / denom_c if denom_c > 0 else 0.0
        if a1 and (here := admin1.get(a1, 0.0)):
            if own is not None:
                here -= own[1].get(a1, 0.0)
            sa = here / denom_a if denom_a > 0 else 0.0
        near_km = _nearest_km(p.lat, p.lon, points, key) if points and kind in _NEAR_OTHERS_KINDS else 1e9
        # a minor namesake of a major city with no place named close to it (closer evidence keeps it whole)
        dwarfed = dwarfing and kind in POINT_KINDS and e.prom < T.MINOR_NAMESAKE_PROMINENCE \
            and near_km >= T.NEAR_OTHERS_KM[1][0]
        if dwarfed:                # Paris, Texas beside Paris: the document's regions are weak evidence
            sc *= T.DWARFED_SHARE_FACTOR
            sa *= T.DWARFED_SHARE_FACTOR
        if sc:
            s += T.COUNTRY_SHARE_WEIGHT * sc * (
                T.REGION_BESIDE_COUNTRY_FACTOR if kind == "admin1" and country_namesake else 1.0)
        if sa and kind != "country":
            s += T.ADMIN1_SHARE_WEIGHT * sa
            if sa > T.ADMIN1_SHARE_REASON:
                why.append(f"document mentions {p.admin1 or p.admin1_code}")
        if near_km < 1e9 and not dwarfed:
            d = near_km
            for km, bonus in T.NEAR_OTHERS_KM:
                if d < km:
                    s += bonus
                    break
            if d < T.NEAR_OTHERS_REASON_KM:
                why.append(f"{d:.0f} km from other places named")
        if kind in ("village", "town") and e.prom < minor_prominence:
            if cc in BELLIGERENTS and _near_front(p.lat, p.lon):
                s += T.FRONT_BONUS    # namesake villages: war reporting names the ones near the front
                why.append("near the line of contact")
            if cc == HOME and recorded_events((p.name, key), p.lat, p.lon, T.CONFLICT_SITE_KM):
                s += T.CONFLICT_SITE_BONUS   # fighting is on record at a village of this very name here (UCDP GED)
                why.append("fighting on record here")
        if flag == ALTERNATE:
            why.append("alternate name")
        out.append((s, e, "; ".join(why) or ("prominence" if flag != ALTERNATE else "alternate name")))
    # ties: the more prominent, then the more populous; the place id only when nothing else tells them apart.
    # The id is not arbitrary: between Who's On First villages it puts the older record first (ids 1018...,
    # imported with GeoPlanet, before the later 12.../13... imports), and measured on the ACLED strings the older
    # record is the better guess (the reverse order loses 11 of 308; nearest the line of contact loses 3)
    if len(out) > 1:
        out.sort(key=_rank_key)
    return out


_NO_CONTEXT = Context()        # what score_candidates reads when it is given no context (never written)


def _rank_key(t: tuple[float, Entry, str]) -> tuple:
    e = t[1]
    return -t[0], -e.prom, -e.place.population, e.place.place_id


def _softmax(scores: list[float]) -> list[float]:
    m = max(scores)
    ex = [math.exp(min(0.0, x - m)) for x in scores]
    total = sum(ex)
    return [x / total for x in ex]


def make_resolution(index: Index, ranked: list[tuple[float, Entry, str]], *, qualifier: str = "",
                    strength: float = 1.0, max_alternatives: int = T.MAX_ALTERNATIVES) -> Resolution:
    """Turn a ranked candidate list into a Resolution with geometry and precision."""
    probs = _softmax([s for s, _, _ in ranked])
    best_score, best, why = ranked[0]
    place = best.place
    lat, lon = place.lat, place.lon
    # geometries are Deferred: decoded (a polygon) or drawn (a circle, a ring) only when read
    geometry: Deferred | None = None
    if place.kind in ("country", "admin1", "area", "continent"):
        precision = Precision.REGION
        geometry = Deferred(index.geometry, place.place_id)
        if place.kind == "area":
            area_geometry = index.geometry(place.place_id)
            if area_geometry is not None and geo.extent_deg(area_geometry) < T.SMALL_AREA_DEG:
                precision = Precision.NEAR          # a small area: "the Kyiv suburbs", "the Kursk border area"
    elif place.kind == "admin2":
        precision = Precision.NEAR
        geometry = Deferred(index.geometry, place.place_id)
    else:
        precision = Precision.TOWN
    if qualifier == "suburbs" and place.kind in POINT_KINDS:
        special = index.candidates(f"{place.name} suburbs")
        if special and special[0][0].place.kind == "area":
            area = special[0][0]
            place, geometry = area.place, Deferred(index.geometry, area.place.place_id)
        else:
            r = geo.city_radius_km(place.population)
            geometry = Deferred(geo.ring, lat, lon, r, r + T.SUBURB_RING_KM)
        precision = Precision.NEAR
    elif qualifier in ("region", "district", "area") and place.kind in POINT_KINDS:
        precision = Precision.NEAR          # "Brovary district": the area around the town
        geometry = Deferred(geo.circle, lat, lon, T.QUALIFIED_POINT_RADIUS_KM)
    elif qualifier in ("near",) or qualifier.endswith(" of"):
        if place.kind in POINT_KINDS:
            precision = Precision.NEAR
            geometry = Deferred(geo.circle, lat, lon, T.NEAR_RADIUS_KM)
    # only the alternatives that are kept are built
    alts = tuple(islice((Candidate(e.place, round(pr, 4)) for (_, e, _), pr in zip(ranked[1:], probs[1:])
                         if e.place.place_id != place.place_id), max_alternatives))
    confidence = probs[0] * strength
    return Resolution(place=place, lat=lat, lon=lon, precision=int(precision), score=round(confidence, 4),
                      reason=why, qualifier=qualifier, geometry=geometry, alternatives=alts)  # type: ignore[arg-type]
