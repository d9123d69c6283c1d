"""Turn a user's correction request (form or JSON fields) into a stored Correction."""
from __future__ import annotations

import math
from typing import Any, Mapping

from .incidents.categories import BY_KEY
from .incidents.models import Incident
from .placenames import display_name
from .store import Correction

# ACLED geo_precision by gazetteer place kind.
KIND_PRECISION = {"continent": 3, "country": 3, "area": 3, "admin1": 3, "admin2": 2, "district": 1,
                  "city": 1, "town": 1, "village": 1}


class CorrectionError(ValueError):
    """A correction request that cannot be applied; the message says which field is wrong."""


def _float(fields: Mapping[str, Any], name: str, lo: float, hi: float) -> float | None:
    raw = fields.get(name)
    if raw in (None, ""):
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise CorrectionError(f"{name}: not a number: {raw!r}") from None
    if not math.isfinite(value) or not lo <= value <= hi:
        raise CorrectionError(f"{name}: {value} is outside {lo}..{hi}")
    return value


def _from_place(incident_id: str, place: Any, gazetteer: Any, *, lat: float | None = None, lon: float | None = None,
                precision: int | None = None, geometry: Any = None, **extra: Any) -> Correction:
    if geometry is None and getattr(place, "is_area", False):
        geometry = gazetteer.geometry(place.place_id)
    return Correction(incident_id=incident_id, location_name=display_name(place), place_id=place.place_id,
                      country_code=place.country_code or None, admin1=place.admin1 or "",
                      lat=place.lat if lat is None else lat, lon=place.lon if lon is None else lon,
                      geo_precision=precision or KIND_PRECISION.get(place.kind, 1),
                      geometry=dict(geometry) if geometry else None, **extra)


# A moved point is named after the nearest settlement within this distance, else "near" one within
# NEAR_KM, else its admin-1 region.
AT_KM = 3.0
NEAR_KM = 15.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def name_point(lat: float, lon: float, gazetteer: Any | None) -> dict[str, Any]:
    """Reverse geocoding with the bundled gazetteer: the name, place id, country and region of a point.

    The nearest settlement within ``AT_KM`` names it ("Korenevo"), one within ``NEAR_KM`` names it
    as "near Korenevo"; otherwise the admin-1 region ("Kursk oblast") or the country does.
    """
    out: dict[str, Any] = {"location_name": f"{lat:.4f}, {lon:.4f}", "place_id": None, "country_code": None,
                           "admin1": ""}
    if gazetteer is None:
        return out
    regions = gazetteer.reverse(lat, lon)
    for p in regions:
        if p.kind == "country" or not out["country_code"]:
            out["country_code"] = p.country_code or out["country_code"]
        if p.kind == "admin1" and not out["admin1"]:
            out["admin1"] = p.name
    near = gazetteer.nearest(lat, lon, max_km=NEAR_KM)
    if near:
        p = near[0]
        d = _km(lat, lon, p.lat, p.lon)
        name = display_name(p)
        out.update(location_name=name if d <= AT_KM else f"near {name}", place_id=p.place_id if d <= AT_KM else None,
                   country_code=p.country_code or out["country_code"], admin1=p.admin1 or out["admin1"])
    elif regions:
        out["location_name"] = regions[0].name
    return out


def build_correction(incident: Incident, fields: Mapping[str, Any], gazetteer: Any | None) -> Correction:
    """A Correction from fields ``category``, ``lat``+``lon``, ``place_id``, ``place_name``, ``note``.

    Coordinates win over a chosen candidate, which wins over a typed place name. A point given by
    coordinates takes the name of its position (:func:`name_point`) unless ``place_name`` names it.

    :raises CorrectionError: naming the field at fault (or when nothing would change).
    """
    category = str(fields.get("category") or "").strip() or None
    if category is not None and category not in BY_KEY:
        raise CorrectionError(f"category: unknown category {category!r}")
    note = str(fields.get("note") or "").strip()[:500]
    extra: dict[str, Any] = {"category": category, "note": note}
    lat = _float(fields, "lat", -90, 90)
    lon = _float(fields, "lon", -180, 180)
    if (lat is None) != (lon is None):
        raise CorrectionError("lat/lon: give both coordinates or neither")
    name = str(fields.get("place_name") or "").strip()[:200]
    place_id = str(fields.get("place_id") or "").strip()
    if lat is not None and lon is not None:
        raw = fields.get("geo_precision") or 1
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw in (1, 2, 3):
            raw = int(raw)                                        # 2 and 2.0 from JSON read as "2"
        raw_precision = str(raw).strip()
        precision = int(raw_precision) if raw_precision in ("1", "2", "3") else 0
        if precision not in (1, 2, 3):
            raise CorrectionError(f"geo_precision: bad value {raw_precision!r} (expected 1, 2 or 3)")
        named = name_point(lat, lon, gazetteer)
        if name:
            named.update(location_name=name, place_id=None)
        return Correction(incident_id=incident.incident_id, lat=lat, lon=lon, geo_precision=precision, **named,
                          **extra)
    if place_id:
        place = gazetteer.get(place_id) if gazetteer is not None else None
        if place is None:
            raise CorrectionError(f"place_id: unknown place {place_id!r}")
        return _from_place(incident.incident_id, place, gazetteer, **extra)
    if name:
        try:
            res = gazetteer.geocode_resolution(name) if gazetteer is not None else None
        except ValueError as err:
            raise CorrectionError(f"place_name: {err}") from None
        if res is None:
            raise CorrectionError(f"place_name: no place called {name!r} in the gazetteer")
        return _from_place(incident.incident_id, res.place, gazetteer, lat=res.lat, lon=res.lon,
                           precision=int(res.precision), geometry=res.geometry, **extra)
    if category is None:
        raise CorrectionError("nothing to correct: choose a category, a place or coordinates")
    return Correction(incident_id=incident.incident_id, **extra)
