"""What every store backend offers (the :class:`Store` protocol) and the places the spatial filters need.

The value types (Correction, Record, AddResult, ArticleSummary) and the article-identity error live in
:mod:`webmap.store.sqlite` beside the reference implementation, and are re-exported by the package.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Protocol, Sequence, runtime_checkable

from ..filters import FilterError, Filters
from ..incidents.models import Article, Incident


@runtime_checkable
class Store(Protocol):
    """The incident store contract; ``open_store(url)`` gives the backend the URL names.

    Writes are transactions (all or nothing); the same article text is stored once, an article id with a
    new text is an ``ArticleConflict`` unless replaced; corrections live apart from machine output and
    survive re-ingestion. Reads apply corrections; filters (:class:`webmap.filters.Filters`) run in the
    backend's query language.
    """

    IntegrityError: type[Exception]

    def add(self, article: Article, incidents: Sequence[Incident], *, replace_existing: bool = False) -> Any: ...
    def add_many(self, items: Sequence[tuple[Article, Sequence[Incident]]], *,
                 replace_existing: bool | Sequence[bool] = False) -> list[Any]: ...
    def lookup(self, article: Article) -> Any: ...
    def correct(self, correction: Any) -> None: ...
    def remove_correction(self, incident_id: str) -> bool: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def articles(self) -> list[Any]: ...
    def get(self, incident_id: str) -> Any: ...
    def query(self, filters: Filters | None = None, limit: int | None = None) -> list[Any]: ...
    def count(self, filters: Filters | None = None) -> int: ...
    def feature_rows(self, filters: Filters | None = None) -> list[tuple[str, str | None, bool]]: ...
    def stats(self) -> dict[str, int]: ...


@lru_cache(maxsize=64)
def _region(region_id: str) -> tuple[str, Any]:
    from gazetteer import Gazetteer

    geo = Gazetteer.default().geometry(region_id)
    if not geo:
        raise FilterError(f"within: unknown region {region_id!r} (expected the id of an area, e.g. 'ne1:UA-63')")
    from shapely.geometry import shape
    from shapely.prepared import prep

    import json
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


def bbox_parts(bbox: Iterable[float]) -> list[tuple[float, float, float, float]]:
    """The box w,s,e,n as one or two boxes that do not cross the antimeridian."""
    w, s, e, n = bbox
    return [(w, s, e, n)] if w <= e else [(w, s, 180.0, n), (-180.0, s, e, n)]
