"""The offline base map's data (no Flask): simplified outlines and labels, as gzipped JSON bytes.

* outlines: country (world-atlas, Natural Earth) and admin-1 (the gazetteer's Natural Earth polygons)
  outlines simplified with shapely to about a kilometre and rounded to 3 decimals, then gzipped;
* labels: settlements of the map area from the bundled gazetteer, most populous first, with the
  official English spelling of Ukrainian names; admin-1 (oblast) and country names at a point inside.

Everything is computed once per process and cached.
"""
from __future__ import annotations

import atexit
import gzip
import json
import logging
import threading
from typing import Any, Callable, Iterable, TypeVar

from .placenames import display_name

log = logging.getLogger(__name__)
_T = TypeVar("_T")

# The map's area for labels: Ukraine, Belarus, Moldova, western Russia and the neighbours' borderlands.
LABEL_BOX = (43.0, 21.0, 57.0, 45.0)      # south, west, north, east
LABEL_MIN_POPULATION = 500
LABEL_LIMIT = 6000


def simplify_features(features: Iterable[dict[str, Any]], tolerance: float = 0.01, nd: int = 3,
                      keep: tuple[str, ...] = ("name",)) -> dict[str, Any]:
    """A FeatureCollection of the features simplified (Douglas-Peucker) and rounded to ``nd`` decimals."""
    import numpy as np
    import shapely
    from shapely.geometry import mapping, shape

    out = []
    for f in features:
        geom = f.get("geometry")
        if not geom:
            continue
        g = shape(geom).simplify(tolerance, preserve_topology=False)
        if g.is_empty:
            continue
        g = shapely.transform(g, lambda xy: np.round(xy, nd))
        props = {k: (f.get("properties") or {}).get(k) for k in keep}
        out.append({"type": "Feature", "properties": props, "geometry": mapping(g)})
    return {"type": "FeatureCollection", "features": out}


def gzipped(obj: Any) -> bytes:
    """Compact JSON, gzipped (level 9; served with Content-Encoding: gzip)."""
    return gzip.compress(json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), 6, mtime=0)


_cache: dict[tuple[Any, ...], Any] = {}
_locks: dict[tuple[Any, ...], threading.Lock] = {}
_locks_lock = threading.Lock()


def _once(key: tuple[Any, ...], make: Callable[[], _T]) -> _T:
    """``make()`` computed once per process and key; concurrent callers of a key wait for the first one."""
    with _locks_lock:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        if key not in _cache:
            _cache[key] = make()
        return _cache[key]


def static_bytes(path: str) -> bytes:
    """A file's bytes, read once per process (an already gzipped base-map layer)."""
    def make() -> bytes:
        with open(path, "rb") as fh:
            return fh.read()
    return _once(("file", path), make)


def countries_gz(path: str) -> bytes:
    """The world's country outlines (static/geo/countries.geojson) simplified and gzipped."""
    def make() -> bytes:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        return gzipped(simplify_features(data.get("features", []), tolerance=0.04, nd=2))
    return _once(("countries", path), make)


def admin1_gz(path: str, countries: tuple[str, ...]) -> bytes:
    """Admin-1 outlines of these countries (the gazetteer's admin1.geojson.gz), simplified and gzipped."""
    return _admin1(path, countries)[1]


def admin1_names(path: str, countries: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(country code, region name) of the first-level regions of these countries, sorted (the region picker)."""
    return _admin1(path, countries)[0]


def _admin1(path: str, countries: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], bytes]:
    """The region names and the gzipped outlines from one reading of the file (parsing it takes seconds)."""
    def make() -> tuple[tuple[tuple[str, str], ...], bytes]:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        feats, names = [], set()
        for f in data.get("features", []):
            props = f.get("properties") or {}
            cc = props.get("country_code") or props.get("iso_a2") or props.get("cc") or ""
            if not countries or cc in countries:
                feats.append(f)
                if props.get("name"):
                    names.add((cc, props["name"]))
        return tuple(sorted(names)), gzipped(simplify_features(feats, tolerance=0.01))
    return _once(("admin1", path, countries), make)


SEARCH_ZOOM = {"continent": 3, "country": 5, "admin1": 7, "area": 7, "admin2": 9, "district": 11, "city": 11,
               "town": 12, "village": 13}


def search_places(gazetteer: Any, query: str, limit: int = 8) -> list[dict[str, Any]]:
    """Places for the map's search box (Latin or Cyrillic): the gazetteer's reading first, then namesakes."""
    res = gazetteer.geocode_resolution(query)
    places = []
    if res is not None:
        places.append((res.place, res.lat, res.lon))
        places += [(c.place, c.place.lat, c.place.lon) for c in res.alternatives]
    places += [(p, p.lat, p.lon) for p in gazetteer.search(query, limit=limit)]
    out, seen = [], set()
    for p, lat, lon in places:
        if p.place_id in seen:
            continue
        seen.add(p.place_id)
        out.append({"name": display_name(p), "admin1": p.admin1, "country": p.country_code, "kind": p.kind,
                    "lat": round(lat, 5), "lon": round(lon, 5), "zoom": SEARCH_ZOOM.get(p.kind, 10),
                    "place_id": p.place_id})
    return out[:limit]


def labels(gazetteer: Any, box: tuple[float, float, float, float] = LABEL_BOX,
           min_population: int = LABEL_MIN_POPULATION, limit: int = LABEL_LIMIT) -> dict[str, Any]:
    """Label data: places [name, lat, lon, population] most populous first; regions and countries [name, lat, lon]."""
    s, w, n, e = box
    places = []
    seen: set[tuple[str, float, float]] = set()
    for p in gazetteer.places_in(s, w, n, e, min_population=min_population, limit=limit):
        key = (p.name, round(p.lat, 2), round(p.lon, 2))
        if key in seen:
            continue
        seen.add(key)
        places.append([display_name(p), round(p.lat, 4), round(p.lon, 4), int(p.population)])
    regions = []
    per_country: dict[str, list[tuple[float, float]]] = {}
    for p in gazetteer.places_in(s, w, n, e, kinds=("admin1",), limit=2000):
        if p.source != "naturalearth":
            continue
        regions.append([p.name, round(p.lat, 3), round(p.lon, 3), p.country_code])
        per_country.setdefault(p.country_code, []).append((p.lat, p.lon))
    countries = []
    for p in gazetteer.places_in(-90, -180, 90, 180, kinds=("country",), limit=400):
        if p.country_code not in per_country:
            continue
        lat, lon = p.lat, p.lon
        if not (s <= lat <= n and w <= lon <= e):          # e.g. Russia: the middle of its regions in the box
            pts = per_country[p.country_code]
            lat, lon = sum(a for a, _ in pts) / len(pts), sum(b for _, b in pts) / len(pts)
        countries.append([p.name, round(lat, 3), round(lon, 3)])
    return {"places": places, "regions": regions, "countries": countries}


def labels_gz(gazetteer: Any) -> bytes:
    """:func:`labels` as gzipped JSON (cached per gazetteer)."""
    return _once(("labels", id(gazetteer)), lambda: gzipped(labels(gazetteer)))



_warm_lock = threading.Lock()
_warmed: set[str] = set()
_warmers: list[threading.Thread] = []
_stopping = threading.Event()
WARM_EXIT_WAIT_S = 60.0
"""How long the interpreter's exit waits for a warm-up job that is under way (the longest, the admin-1
outlines, takes a few seconds)."""


def warm(key: str, *jobs: Callable[[], Any]) -> None:
    """Run these cache-filling jobs once per process in a background thread (the map page starts it,
    so outlines and labels are ready by the time the browser asks for them).

    The thread is a daemon, so it never keeps a server from stopping; but the interpreter must not tear
    down while it is inside shapely or gzip (that crashed processes that exited right after serving the
    map page: "corrupted double-linked list", segfaults). At exit :func:`finish_warming` lets the job
    under way end, skips the rest, and waits for the thread."""
    with _warm_lock:
        if key in _warmed or _stopping.is_set():
            return
        _warmed.add(key)

    def run() -> None:
        for job in jobs:
            if _stopping.is_set():
                return
            try:
                job()
            except Exception as err:  # noqa: BLE001 - a failed warm-up only means the request computes it
                log.info("base-map warm-up %s: %s", key, err)
    thread = threading.Thread(target=run, name=f"basemap-warm-{key}", daemon=True)
    with _warm_lock:
        _warmers.append(thread)
    thread.start()


def finish_warming(timeout: float = WARM_EXIT_WAIT_S) -> bool:
    """Stop starting warm-up jobs and wait for the ones under way; True when no warm-up thread is left.
    Registered with :mod:`atexit`."""
    _stopping.set()
    with _warm_lock:
        threads = list(_warmers)
    for t in threads:
        t.join(timeout)
    return not any(t.is_alive() for t in threads)


atexit.register(finish_warming)
