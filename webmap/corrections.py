"""Turn a user's correction request (form or JSON fields) into a stored Correction."""
from __future__ import annotations

import math
from typing import Any, Mapping

from .incidents.categories import BY_KEY
from .incidents.models import Incident
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


def _from_place(incident_id: str, place: Any, gazetteer: Any, **extra: Any) -> Correction:
    geometry = None
    if getattr(place, "is_area", False):
        geometry = gazetteer.geometry(place.place_id)
    return Correction(incident_id=incident_id, location_name=place.name, place_id=place.place_id,
                      country_code=place.country_code or None, admin1=place.admin1 or "", lat=place.lat,
                      lon=place.lon, geo_precision=KIND_PRECISION.get(place.kind, 1), geometry=geometry, **extra)


def build_correction(incident: Incident, fields: Mapping[str, Any], gazetteer: Any | None) -> Correction:
    """A Correction from fields ``category``, ``lat``+``lon``, ``place_id``, ``place_name``, ``note``.

    Coordinates win over a chosen candidate, which wins over a typed place name.

    :raises CorrectionError: naming the field at fault (or when nothing would change).
    """
    category = str(fields.get("category") or "").strip() or None
    if category is not None and category not in BY_KEY:
        raise CorrectionError(f"category: unknown category {category!r}")
    note = str(fields.get("note") or "").strip()[:500]
    extra = {"category": category, "note": note}
    lat = _float(fields, "lat", -90, 90)
    lon = _float(fields, "lon", -180, 180)
    if (lat is None) != (lon is None):
        raise CorrectionError("lat/lon: give both coordinates or neither")
    name = str(fields.get("place_name") or "").strip()[:200]
    place_id = str(fields.get("place_id") or "").strip()
    if lat is not None and lon is not None:
        raw = fields.get("geo_precision") or 1
        precision = int(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else (
            int(raw.strip()) if isinstance(raw, str) and raw.strip() in ("1", "2", "3") else 0)
        if precision not in (1, 2, 3):
            raise CorrectionError(f"geo_precision: bad value {precision!r}")
        return Correction(incident_id=incident.incident_id, location_name=name or None, lat=lat, lon=lon,
                          geo_precision=precision, place_id=None, **extra)
    if place_id:
        place = gazetteer.get(place_id) if gazetteer is not None else None
        if place is None:
            raise CorrectionError(f"place_id: unknown place {place_id!r}")
        return _from_place(incident.incident_id, place, gazetteer, **extra)
    if name:
        res = gazetteer.geocode(name) if gazetteer is not None else None
        if res is None:
            raise CorrectionError(f"place_name: no place called {name!r} in the gazetteer")
        return _from_place(incident.incident_id, res.place, gazetteer, **extra)
    if category is None:
        raise CorrectionError("nothing to correct: choose a category, a place or coordinates")
    return Correction(incident_id=incident.incident_id, **extra)
