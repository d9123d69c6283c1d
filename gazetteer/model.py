"""Value objects of the gazetteer: places, candidate scores, resolutions and mentions.

Coordinates are always named ``lat``/``lon``. Geometries are GeoJSON geometry mappings
(which are lon, lat by definition); they come from GeoJSON data and are never built by
flipping a (lat, lon) pair here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any, Callable, Mapping


class PlaceKind(StrEnum):
    """Kinds of place, from the largest to the smallest (each equal to its plain string)."""

    CONTINENT = "continent"   # Europe, Africa ...
    COUNTRY = "country"       # admin-0
    AREA = "area"             # composite or colloquial region: Donbas, the Kyiv suburbs, the Middle East
    ADMIN1 = "admin1"         # oblast, province, state, region
    ADMIN2 = "admin2"         # raion, district, county
    CITY = "city"             # populated place, population >= 100,000 or a capital
    TOWN = "town"             # populated place, population >= 5,000
    VILLAGE = "village"       # smaller populated place
    DISTRICT = "district"     # part of a city (Kirovskyi district of Donetsk)


PLACE_KINDS = tuple(PlaceKind)


class Precision(IntEnum):
    """ACLED's geo_precision: how exactly a coordinate places what the text says."""

    TOWN = 1      # the source names a particular town or village
    NEAR = 2      # near a town, part of a region, a small area
    REGION = 3    # a larger region (oblast, country-level areas)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record: a populated place, a region, a country or an area."""

    place_id: str                 # "gn:703448", "ne1:UA-32", "ne0:UA", "sup:donbas", "wof:..."
    name: str                     # preferred English name
    lat: float                    # representative point
    lon: float
    kind: PlaceKind               # a plain string of PLACE_KINDS is turned into its PlaceKind
    country_code: str = ""        # ISO 3166-1 alpha-2; "" for multi-country areas and continents
    admin1: str = ""              # English name of the first-level region holding it
    admin1_code: str = ""         # GeoNames admin-1 key, e.g. "UA.13" (Kyiv oblast), "RU.41" (Kursk)
    population: int = 0
    alt_names: tuple[str, ...] = ()
    source: str = ""              # geonames | naturalearth | supplement | wof | user

    def __post_init__(self) -> None:
        if type(self.kind) is not PlaceKind:
            object.__setattr__(self, "kind", PlaceKind(self.kind))

    def location(self) -> Any:
        """This place as a :class:`geopy.location.Location` (raw holds the record)."""
        from geopy.location import Location

        raw = {k: getattr(self, k) for k in self.__slots__}
        raw["alt_names"] = list(self.alt_names)
        return Location(self.name, (self.lat, self.lon), raw)

    @property
    def is_area(self) -> bool:
        """True for places that cover an area rather than mark a settlement."""
        return self.kind in ("continent", "country", "area", "admin1", "admin2")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place considered for a mention, with the score the resolver gave it (0..1)."""

    place: Place
    score: float


class Deferred:
    """A value computed when first read: ``Deferred(index.geometry, place_id)``. Geoparsing decodes no
    polygon and draws no circle that nothing reads (the command line prints no geometry)."""

    __slots__ = ("fn", "args")

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self.fn, self.args = fn, args

    def __call__(self) -> Any:
        return self.fn(*self.args)

    def __reduce__(self) -> tuple[Callable[[Any], Any], tuple[Any]]:
        return _same, (self(),)                 # pickled as the value itself


def _same(value: Any) -> Any:
    return value


class _OnFirstRead:
    """Data descriptor of :attr:`Resolution.geometry`: holds a mapping or a :class:`Deferred`, and
    replaces the Deferred by its value on first read."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self                         # the dataclass default: see __set__
        value = obj.__dict__.get(self.slot)
        if type(value) is Deferred:
            value = value()
            obj.__dict__[self.slot] = value
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.slot] = None if value is self else value


@dataclass(frozen=True)
class Resolution:
    """Where a mention was placed, how precisely, and how sure we are.

    ``geometry`` may be given as a :class:`Deferred`: it is computed when first read.
    """

    place: Place
    lat: float                               # representative point of what the text means
    lon: float
    precision: int                           # Precision value (1 town, 2 near/small area, 3 region)
    score: float                             # 0..1
    reason: str = ""                         # short human-readable why
    qualifier: str = ""                      # "", "near", "suburbs", "outskirts", "north of", "region" ...
    geometry: Mapping[str, Any] | None = field(default=_OnFirstRead(), compare=False,  # type: ignore[assignment]
                                               hash=False)
    alternatives: tuple[Candidate, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The flat JSON shape used by the CLI batch formats."""
        p = self.place
        return {
            "name": p.name,
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "country_code": p.country_code,
            "admin1": p.admin1,
            "kind": p.kind,
            "precision": int(self.precision),
            "score": round(self.score, 4),
            "place_id": p.place_id,
            "qualifier": self.qualifier,
            "alternatives": [
                {"place_id": c.place.place_id, "name": c.place.name, "country_code": c.place.country_code,
                 "admin1": c.place.admin1, "lat": c.place.lat, "lon": c.place.lon, "score": round(c.score, 4)}
                for c in self.alternatives
            ],
        }


class MentionRole(StrEnum):
    """The role a mention plays in its sentence (each equal to its plain string)."""

    PLACE = "place"           # names a place ("shelling in Kharkiv")
    DEMONYM = "demonym"       # an adjective or people of a place ("Russian", "North Korean")
    EMBEDDED = "embedded"     # a place name inside another name ("Washington Post", "Kyiv Independent")


ROLES = tuple(MentionRole)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text, with exact character offsets and its resolution (or None)."""

    start: int
    end: int
    text: str                                # text[start:end] of the source
    role: MentionRole = MentionRole.PLACE    # a plain string of ROLES is turned into its MentionRole
    resolution: Resolution | None = None

    def __post_init__(self) -> None:
        if type(self.role) is not MentionRole:
            object.__setattr__(self, "role", MentionRole(self.role))

    @property
    def lat(self) -> float | None:
        return self.resolution.lat if self.resolution else None

    @property
    def lon(self) -> float | None:
        return self.resolution.lon if self.resolution else None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``gazetteer geoparse --jsonl`` (lat/lon null when unresolved)."""
        base: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text, "role": self.role}
        if self.resolution is None:
            base.update(name=None, lat=None, lon=None, country_code=None, admin1=None, kind=None,
                        precision=None, score=0.0, place_id=None, qualifier="", alternatives=[])
        else:
            base.update(self.resolution.as_dict())
        return base
