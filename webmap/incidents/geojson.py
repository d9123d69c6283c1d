"""Incidents as RFC 7946 GeoJSON: the only place where (lat, lon) becomes [lon, lat]."""
from __future__ import annotations

from typing import Any, Iterable

from .categories import BY_KEY
from .models import Incident


def _point(lat: float, lon: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def line(points: Iterable[tuple[float, float]]) -> dict[str, Any]:
    """A LineString through (lat, lon) points, in their order (an evacuation route: origin to destination)."""
    return {"type": "LineString", "coordinates": [[round(lon, 6), round(lat, 6)] for lat, lon in points]}


def line_points(geometry: Any) -> list[tuple[float, float]]:
    """The (lat, lon) points of a GeoJSON LineString (an incident read back from a store keeps only this)."""
    if not geometry or geometry.get("type") != "LineString":
        return []
    return [(float(lat), float(lon)) for lon, lat, *_ in geometry.get("coordinates") or []]


def unlocated_reason(incident: Incident) -> str | None:
    """Why an incident has no coordinates (None when it has them): the place it names was not found in
    the gazetteer, or it names no place at all. Such incidents are exported with a null geometry."""
    if incident.lat is not None and incident.lon is not None:
        return None
    return unlocated_reason_for(incident.location_name)


def unlocated_reason_for(location_name: str | None) -> str:
    """The reason :func:`unlocated_reason` gives for an unlocated incident of this place text."""
    if location_name:
        return f"place not found in the gazetteer: {location_name}"
    return "no place named in the report"


def to_feature(incident: Incident) -> dict[str, Any]:
    """One incident as a GeoJSON Feature: the area's polygon when it has one, else its point (or null)."""
    i = incident
    if i.geometry:
        geometry: dict[str, Any] | None = dict(i.geometry)
    elif i.lat is not None and i.lon is not None:
        geometry = _point(i.lat, i.lon)
    else:
        geometry = None
    src = i.source
    cat = BY_KEY.get(i.category)
    props = {
        "id": i.incident_id, "category": i.category, "category_label": cat.label if cat else i.category,
        "event_type": i.event_type, "sub_event_type": i.sub_event_type, "date": i.date,
        "date_precision": i.date_precision, "location_name": i.location_name, "place_id": i.place_id,
        "country_code": i.country_code, "admin1": i.admin1,
        "lat": round(i.lat, 6) if i.lat is not None else None, "lon": round(i.lon, 6) if i.lon is not None else None,
        "geo_precision": i.geo_precision, "score": i.score,
        "actors": [{"role": r, "name": n} for r, n in i.actors], "weapons": list(i.weapons),
        "counts": dict(i.counts),
        "article_id": src.article_id if src else None, "sentence_index": src.sentence_index if src else None,
        "sentence": src.sentence if src else None, "start": src.start if src else None,
        "end": src.end if src else None, "sources": [s.as_dict() for s in i.sources], "corrected": False,
    }
    reason = unlocated_reason(i) if geometry is None else None
    if reason:                          # RFC 7946 3.2: an unlocated feature has a null geometry
        props["unlocated"] = True
        props["unlocated_reason"] = reason
    if i.notes:
        props["notes"] = i.notes
    if i.status:
        props["status"] = i.status
    if i.role:
        props["role"] = i.role
    if i.route:
        props["route"] = [{"role": r, "name": n, "lat": round(la, 6), "lon": round(lo, 6)} for r, n, la, lo in i.route]
    return {"type": "Feature", "id": i.incident_id, "geometry": geometry, "properties": props}


def to_feature_collection(incidents: Iterable[Incident]) -> dict[str, Any]:
    """A FeatureCollection of incidents."""
    return {"type": "FeatureCollection", "features": [to_feature(i) for i in incidents]}
