"""A place named with a region it does not lie in, but lies just across that region's border.

"Nyzhnie Lozove, Luhansk": the village is in Donetsk oblast, a few km from the Luhansk border. Writers (and
coders) put border villages in the neighbouring region often; the fronts run along oblast borders. When no place
of the name lies in the region the text names, a namesake within :data:`~gazetteer.tuning.BORDER_KM` of the
region's polygon is a far better answer than the region's centre, tens of km away.
"""
from __future__ import annotations

import weakref
from typing import Any

from .geometry import haversine_km
from .index import Entry, Index
from . import tuning as T

_SHAPES: "weakref.WeakKeyDictionary[Index, dict[str, Any]]" = weakref.WeakKeyDictionary()
POINT_KINDS = ("city", "town", "village", "district")


def km_outside(index: Index, region: Entry, lat: float, lon: float) -> float:
    """How far the point lies outside the region's polygon (0 inside; very far when it has none)."""
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    per_index = _SHAPES.get(index)
    if per_index is None:
        per_index = _SHAPES.setdefault(index, {})
    pid = region.place.place_id
    if pid not in per_index:
        gj = index.geometry(pid)
        per_index[pid] = shape(gj) if gj else None
    poly = per_index[pid]
    if poly is None:
        return float("inf")
    point = Point(lon, lat)
    if poly.contains(point):
        return 0.0
    edge = nearest_points(poly, point)[0]
    return haversine_km(lat, lon, edge.y, edge.x)


def just_outside(index: Index, region: Entry, ranked: list[tuple[float, Entry, str]],
                 look: int = 10) -> list[tuple[float, Entry, str]] | None:
    """``ranked`` with the best settlement lying within ``BORDER_KM`` of the (first-level) region first, the reason
    saying so; None when the region is no first-level unit or no settlement lies that close."""
    if region.place.kind != "admin1":
        return None
    for s, e, _ in ranked[:look]:
        if e.place.kind in POINT_KINDS and km_outside(index, region, e.place.lat, e.place.lon) <= T.BORDER_KM:
            return [(s, e, f"just outside {region.place.name}")] + [t for t in ranked if t[1] is not e]
    return None
