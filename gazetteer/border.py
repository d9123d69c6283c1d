"""A place named with a region it does not lie in, but lies just across that region's border.

"Nyzhnie Lozove, Luhansk": the village is in Donetsk oblast, a few km from the Luhansk border. Writers (and
coders) put border villages in the neighbouring region often; the fronts run along oblast borders. When no place
of the name lies in the region the text names, a namesake within :data:`~gazetteer.tuning.BORDER_KM` of the
region's polygon is a far better answer than the region's centre, tens of km away.
"""
from __future__ import annotations

import math
import weakref
from typing import Any

from .index import Entry, Index
from .resolve import inside
from . import tuning as T

_RINGS: "weakref.WeakKeyDictionary[Index, dict[str, Any]]" = weakref.WeakKeyDictionary()
POINT_KINDS = ("city", "town", "village", "district")


def _rings(index: Index, place_id: str) -> list[tuple[tuple[float, float, float, float], list[list[float]]]]:
    """The region's rings, each with its bounding box (west, south, east, north); read once per index."""
    per_index = _RINGS.get(index)
    if per_index is None:
        per_index = _RINGS.setdefault(index, {})
    if place_id not in per_index:
        gj = index.geometry(place_id) or {}
        polys = gj.get("coordinates", []) if gj.get("type") == "MultiPolygon" else [gj.get("coordinates", [])]
        rings = [ring for poly in polys for ring in poly if len(ring) > 1]
        per_index[place_id] = [((min(x for x, _ in r), min(y for _, y in r), max(x for x, _ in r),
                                 max(y for _, y in r)), r) for r in rings]
    return per_index[place_id]


def km_outside(index: Index, region: Entry, place: Entry) -> float:
    """How far the place lies outside the region (0 inside; infinite when the region has no polygon).

    Pure Python over the polygon's rings (the query path does not load shapely): the distance to the nearest edge,
    in a local equirectangular projection, exact enough at the tens of km that matter here."""
    if inside(place, region):
        return 0.0
    rings = _rings(index, region.place.place_id)
    if not rings:
        return float("inf")
    lat, lon = place.place.lat, place.place.lon
    kx = math.cos(math.radians(lat)) * T.KM_PER_DEG
    best = float("inf")
    for (w, so, e, n), ring in rings:
        dx = max(w - lon, 0.0, lon - e) * kx                 # a ring whose box is farther than the best: skip
        dy = max(so - lat, 0.0, lat - n) * T.KM_PER_DEG
        if dx * dx + dy * dy >= best * best:
            continue
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            ax, ay = (x1 - lon) * kx, (y1 - lat) * T.KM_PER_DEG
            bx, by = (x2 - lon) * kx, (y2 - lat) * T.KM_PER_DEG
            vx, vy = bx - ax, by - ay
            t = 0.0 if vx == vy == 0 else max(0.0, min(1.0, -(ax * vx + ay * vy) / (vx * vx + vy * vy)))
            d = math.hypot(ax + t * vx, ay + t * vy)
            if d < best:
                best = d
    return best


def just_outside(index: Index, region: Entry, ranked: list[tuple[float, Entry, str]],
                 look: int = 10) -> list[tuple[float, Entry, str]] | None:
    """``ranked`` with the best settlement lying within ``BORDER_KM`` of the (first-level) region first, the reason
    saying so; None when the region is no first-level unit or no settlement lies that close."""
    if region.place.kind != "admin1":
        return None
    for s, e, _ in ranked[:look]:
        if e.place.kind in POINT_KINDS and km_outside(index, region, e) <= T.BORDER_KM:
            return [(s, e, f"just outside {region.place.name}")] + [t for t in ranked if t[1] is not e]
    return None
