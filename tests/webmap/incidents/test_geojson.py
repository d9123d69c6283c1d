"""GeoJSON output: RFC 7946 order [lon, lat], polygons for areas, the properties the app reads."""
from __future__ import annotations

import json

from webmap.incidents.geojson import to_feature, to_feature_collection
from webmap.incidents.models import Incident, SourceSpan

SPAN = SourceSpan("art1", 3, "Missiles hit Kyiv.", 100, 118, 100, 108, 113, 117)


def _incident(**kw) -> Incident:  # noqa: ANN003
    base = dict(incident_id="i1", category="missile_strike", event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack", date="2024-08-11", date_precision="day",
                location_name="Kyiv", place_id="gn:703448", country_code="UA", admin1="Kyiv City", lat=50.45,
                lon=30.52, geo_precision=1, score=0.8, actors=(("actor1", "Russian forces"),),
                weapons=("ballistic missiles",), counts=(("killed", 2),), sources=(SPAN,))
    base.update(kw)
    return Incident(**base)


def test_point_is_lon_lat() -> None:
    f = to_feature(_incident())
    assert f["type"] == "Feature" and f["geometry"] == {"type": "Point", "coordinates": [30.52, 50.45]}
    p = f["properties"]
    assert (p["lat"], p["lon"]) == (50.45, 30.52)
    assert p["category_label"] == "Missile strike" and p["counts"] == {"killed": 2}
    assert p["actors"] == [{"role": "actor1", "name": "Russian forces"}] and p["weapons"] == ["ballistic missiles"]
    assert (p["article_id"], p["sentence_index"], p["start"], p["end"]) == ("art1", 3, 100, 118)
    assert p["sources"][0]["trigger_start"] == 100 and p["sources"][0]["place_end"] == 117
    assert p["corrected"] is False and p["sentence"] == "Missiles hit Kyiv."
    for key in ("id", "category", "event_type", "sub_event_type", "date", "date_precision", "location_name",
                "place_id", "country_code", "admin1", "geo_precision", "score"):
        assert key in p


def test_area_keeps_polygon() -> None:
    poly = {"type": "Polygon", "coordinates": [[[35.0, 51.0], [36.0, 51.0], [36.0, 52.0], [35.0, 51.0]]]}
    f = to_feature(_incident(geometry=poly, geo_precision=3, lat=51.5, lon=35.6))
    assert f["geometry"] == poly and f["properties"]["lon"] == 35.6


def test_unlocated_has_null_geometry_and_collection_is_json() -> None:
    fc = to_feature_collection([_incident(), _incident(incident_id="i2", lat=None, lon=None, place_id=None)])
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    assert fc["features"][1]["geometry"] is None
    assert json.loads(json.dumps(fc)) == fc
