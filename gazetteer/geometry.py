"""Geometry helpers: areas around points (buffers, rings), unions, point-in-polygon.

All geometries are GeoJSON mappings (lon, lat), handled with shapely. Distances are made
in km with a local equirectangular scale, which is accurate enough for areas of tens of km.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

KM_PER_DEG_LAT = 111.32
EARTH_RADIUS_KM = 6371.0088
# shapely is imported inside the functions: a process that only geoparses never pays for it.


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _circle(lat: float, lon: float, radius_km: float, segments: int = 48) -> Any:
    """A circle of radius_km around (lat, lon), as a shapely polygon in lon/lat degrees."""
    kx = KM_PER_DEG_LAT * max(0.05, math.cos(math.radians(lat)))
    ring = []
    for i in range(segments):
        a = 2 * math.pi * i / segments
        ring.append((lon + radius_km * math.cos(a) / kx, lat + radius_km * math.sin(a) / KM_PER_DEG_LAT))
    from shapely.geometry import Polygon
    return Polygon(ring)


def circle(lat: float, lon: float, radius_km: float) -> dict[str, Any]:
    """GeoJSON polygon approximating a circle of radius_km around a point."""
    from shapely.geometry import mapping

    return _rounded(mapping(_circle(lat, lon, radius_km)))


def ring(lat: float, lon: float, inner_km: float, outer_km: float,
         within: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """GeoJSON polygon of the band between two circles, optionally clipped to an area."""
    from shapely.geometry import mapping, shape

    geom = _circle(lat, lon, outer_km).difference(_circle(lat, lon, inner_km))
    if within:
        clipped = geom.intersection(shape(within))
        if not clipped.is_empty:
            geom = clipped
    return _rounded(mapping(geom))


def union(geometries: list[Mapping[str, Any]]) -> dict[str, Any]:
    """GeoJSON union of several geometries."""
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    return _rounded(mapping(unary_union([shape(g).buffer(0) for g in geometries])))


def contains(geometry: Mapping[str, Any], lat: float, lon: float) -> bool:
    """Whether the geometry contains the point (lat, lon)."""
    from shapely.geometry import Point, shape

    return shape(geometry).contains(Point(lon, lat))


def _rounded(geo: Mapping[str, Any], nd: int = 4) -> dict[str, Any]:
    def r(c: Any) -> Any:
        if isinstance(c, (int, float)):
            return round(c, nd)
        return [r(x) for x in c]
    out = dict(geo)
    if "coordinates" in out:
        out["coordinates"] = r(out["coordinates"])
    return out


def extent_deg(geometry: Mapping[str, Any]) -> float:
    """The larger side, in degrees, of the geometry's bounding box."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(c: Any) -> None:
        if c and isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for x in c:
                walk(x)
    walk(geometry.get("coordinates") or [])
    return max(max(xs) - min(xs), max(ys) - min(ys)) if xs else 0.0


def city_radius_km(population: int) -> float:
    """A rough built-up radius for a settlement of this size (Kyiv ~ 17 km, a village ~ 1 km)."""
    return max(1.0, min(25.0, 0.01 * math.sqrt(max(population, 1))))


def build_spec_geometry(spec: str, lookup: Mapping[str, Any]) -> dict[str, Any] | None:
    """Build a supplement geometry from its recipe.

    Recipes: ``union ID ID ...``; ``buffer ID KM``; ``ring ID INNER_KM OUTER_KM [within ID ...]``.
    ``lookup`` maps place ids to records with ``lat``, ``lon`` and ``geometry``.

    :raises KeyError: for an unknown place id. :raises ValueError: for a malformed recipe.
    """
    parts = spec.split()
    if not parts:
        return None
    op, args = parts[0], parts[1:]
    if op == "union":
        geoms = [lookup[a].geometry for a in args]
        if any(g is None for g in geoms):
            raise ValueError("union of a place without geometry")
        return union(geoms)
    if op == "buffer":
        rec = lookup[args[0]]
        return circle(rec.lat, rec.lon, float(args[1]))
    if op == "ring":
        rec = lookup[args[0]]
        within = None
        if len(args) >= 5 and args[3] == "within":
            areas = [lookup[a].geometry for a in args[4:]]
            within = areas[0] if len(areas) == 1 else union(areas)
        return ring(rec.lat, rec.lon, float(args[1]), float(args[2]), within)
    raise ValueError(f"unknown geometry recipe {op!r}")
