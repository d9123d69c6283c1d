"""What every store backend offers (the :class:`Store` protocol) and the places the spatial filters need.

The value types (Correction, Record, AddResult, ArticleSummary) and the article-identity error live in
:mod:`webmap.store.sqlite` beside the reference implementation, and are re-exported by the package.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable, NamedTuple, Protocol, Sequence, runtime_checkable

from ..filters import FilterError, Filters
from ..incidents.models import Article, Incident, SourceSpan


@runtime_checkable
class Store(Protocol):
    """The incident store contract; ``open_store(url)`` gives the backend the URL names.

    Writes are transactions (all or nothing); the same article text is stored once, an article id with a
    new text is an ``ArticleConflict`` unless replaced; corrections live apart from machine output and
    survive re-ingestion; every correction step is kept (``correction_history``), the latest wins for
    what it gives, and the last step can be undone. Reads apply corrections; filters (:class:`webmap.filters.Filters`) run in the
    backend's query language.
    """

    IntegrityError: type[Exception]

    def add(self, article: Article, incidents: Sequence[Incident], *, replace_existing: bool = False) -> Any: ...
    def add_many(self, items: Sequence[tuple[Article, Sequence[Incident]]], *,
                 replace_existing: bool | Sequence[bool] = False) -> list[Any]: ...
    def lookup(self, article: Article) -> Any: ...
    def correct(self, correction: Any) -> None: ...
    def remove_correction(self, incident_id: str, author: str = "", note: str = "") -> bool: ...
    def undo_correction(self, incident_id: str, author: str = "") -> bool: ...
    def correction_history(self, incident_id: str) -> list[Any]: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def articles(self) -> list[Any]: ...
    def get(self, incident_id: str) -> Any: ...
    def query(self, filters: Filters | None = None, limit: int | None = None) -> list[Any]: ...
    def count(self, filters: Filters | None = None) -> int: ...
    def feature_rows(self, filters: Filters | None = None) -> list[tuple[str, str | None, bool]]: ...
    def map_rows(self, filters: Filters | None = None) -> list[MapRow]: ...
    def stats(self) -> dict[str, int]: ...


@lru_cache(maxsize=64)
def _region(region_id: str) -> tuple[str, Any]:
    from gazetteer import Gazetteer

    geo = Gazetteer.default().geometry(region_id)
    if not geo:
        raise FilterError(f"within: unknown region {region_id!r} (expected the id of an area, e.g. 'ne1:UA-63')")
    from shapely.geometry import shape
    from shapely.prepared import prep

    g = shape(geo)
    return json.dumps(geo), (g, prep(g))


def region_geojson(region_id: str) -> str:
    """The GeoJSON text of an area of the gazetteer (a region, a country) by its place id.

    :raises FilterError: when the id names no area.
    """
    return _region(region_id)[0]


def region_shape(region_id: str) -> tuple[Any, Any]:
    """(shapely geometry, prepared geometry) of an area of the gazetteer; :raises FilterError: when unknown."""
    return _region(region_id)[1]


def absorbed(counts: Iterable[tuple[str, int]], sources: Iterable[tuple[str, int]],
             other: Incident, replace_counts: bool = False) -> tuple[tuple[tuple[str, int], ...], list[SourceSpan]]:
    """What another report adds to a stored incident (``Store.absorb``): the counts, each the larger of the
    two (different reports of one event), sorted by name, or the other's counts in their place when
    ``replace_counts`` (the counts told again after an edit, see webmap.feed); and the other's source spans not
    yet stored (by article and start offset)."""
    merged = {} if replace_counts else dict(counts)
    for k, v in other.counts:
        merged[k] = max(merged.get(k, 0), v)
    seen = set(sources)
    return tuple(sorted(merged.items())), [s for s in other.sources if (s.article_id, s.start) not in seen]


def article_from_row(r: Any) -> Article:
    """The :class:`Article` of an ``articles`` row (a ``sqlite3.Row`` or a dict row: both index by column name)."""
    return Article(article_id=r["article_id"], text=r["text"], title=r["title"], date=r["date"], url=r["url"],
                   source_name=r["source_name"])


def json_value(text: str | None) -> Any:
    """A stored JSON column decoded; None for NULL or ''.

    Area geometries (a region's polygon, tens of KB) repeat on every incident known only to that region:
    the same text is decoded once and the decoded value shared (callers must not mutate it). Short
    values (actors, counts) are decoded each time; the empty list, the commonest, is not decoded at all.
    """
    if not text:
        return None
    if text == "[]":
        return []
    if len(text) < _SHARED_MIN:
        return json.loads(text)
    return _shared_json(text)


_SHARED_MIN = 512               # characters: below this decoding is cheaper than keeping the cache


@lru_cache(maxsize=256)
def _shared_json(text: str) -> Any:
    return json.loads(text)


def bbox_parts(bbox: Iterable[float]) -> list[tuple[float, float, float, float]]:
    """The box w,s,e,n as one or two boxes that do not cross the antimeridian."""
    w, s, e, n = bbox
    return [(w, s, e, n)] if w <= e else [(w, s, 180.0, n), (-180.0, s, e, n)]


class MapRow(NamedTuple):
    """What the map draws of one incident, corrections applied (:meth:`Store.map_rows`): no sources, no
    sentence, no Incident object, so that ten thousand rows cost little. ``geometry`` is given only
    where the map uses it: an area for an incident known to its region (precision 3 or coarser) or an
    evacuation route's line; ``article_id`` and ``sentence_index`` are those of the first source."""

    incident_id: str
    category: str
    lat: float | None
    lon: float | None
    geo_precision: int | None
    date: str | None
    geometry: Any
    place_id: str | None
    location_name: str
    corrected: bool
    article_id: str | None
    sentence_index: int | None
    killed: int
    admin1: str | None
    country_code: str | None


# the columns map_rows selects (both backends), in this order; {line} is the backend's substring test
MAP_SELECT = (
    "SELECT i.incident_id, i.category, i.lat, i.lon, i.geo_precision, i.date, "
    "CASE WHEN i.geo_precision >= 3 OR {line} THEN i.geometry END, i.place_id, i.location_name, i.admin1, "
    "i.country_code, i.counts, s.article_id, s.sentence_index, c.incident_id, c.category, c.lat, c.lon, "
    "c.geo_precision, c.geometry, c.place_id, c.location_name, c.admin1, c.country_code"
    " FROM incidents i LEFT JOIN corrections c USING (incident_id) JOIN articles a USING (article_id)"
    " LEFT JOIN sources s ON s.incident_id = i.incident_id AND s.seq = 0")


def map_row(r: Sequence[Any]) -> MapRow:
    """A :data:`MAP_SELECT` row as the map shows it (the correction applied as ``Correction.apply`` does)."""
    (iid, cat, lat, lon, prec, date, geom, pid, name, admin1, cc, counts, art, sent,
     c_id, c_cat, c_lat, c_lon, c_prec, c_geom, c_pid, c_name, c_admin1, c_cc) = r
    geometry = json_value(geom)
    if c_id is not None:
        if c_cat:
            from ..incidents.categories import get_category
            cat = get_category(c_cat).key
        if c_lat is not None and c_lon is not None:
            lat, lon, prec, geometry, pid = c_lat, c_lon, c_prec or 1, json_value(c_geom), c_pid
            name, cc = c_name or name, c_cc or cc
            admin1 = c_admin1 if c_admin1 is not None else admin1
    killed = sum(int(v) for k, v in json_value(counts) or () if k == "killed")
    return MapRow(iid, cat, lat, lon, prec, date, geometry, pid, name, c_id is not None, art, sent, killed,
                  admin1, cc)
