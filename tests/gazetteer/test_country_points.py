"""Country points (issue 11): a country sits at GeoNames' own point (the reference gazetteer's), unless
that lies far off the centre of its mainland (Canada's, in Alberta), and the resolver places it there."""
from __future__ import annotations

import gzip
import json
from importlib.resources import files

import pytest
from shapely.geometry import Point, shape

from gazetteer.build.sources import country_points
from gazetteer.geometry import haversine_km

# a country point may lie this far from the centroid of the country's largest part (Chile, Norway,
# Indonesia are long)
MAX_OFF_CENTRE_KM = 1500.0
# island states whose largest island is smaller than this (square degrees) have no meaningful mainland
MIN_MAINLAND_DEG2 = 1.0


def _mainlands() -> dict[str, object]:
    raw = files("gazetteer").joinpath("data", "admin0.geojson.gz").read_bytes()
    out = {}
    for f in json.loads(gzip.decompress(raw))["features"]:
        geom = shape(f["geometry"])
        out[f["properties"].get("iso_a2") or ""] = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
    return out


def test_points_file_reads_every_country_with_its_source_column() -> None:
    pts = country_points()
    assert len(pts) > 230
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in pts.values())


def test_every_point_lies_near_the_centre_of_its_mainland() -> None:
    mains = _mainlands()
    far = []
    for cc, (lat, lon) in country_points().items():
        m = mains.get(cc)
        if m is None or m.area < MIN_MAINLAND_DEG2:
            continue
        c = m.centroid
        if haversine_km(lat, lon, c.y, c.x) > MAX_OFF_CENTRE_KM and not m.buffer(1.0).contains(Point(lon, lat)):
            far.append(cc)
    assert not far, far


@pytest.mark.parametrize("name, cc", [("India", "IN"), ("Australia", "AU"), ("Libya", "LY"), ("Canada", "CA"),
                                      ("Democratic Republic of the Congo", "CD"), ("Japan", "JP")])
def test_a_country_is_placed_at_its_point_on_its_mainland(gz, name: str, cc: str) -> None:
    r = gz.geocode_resolution(name)
    assert r is not None and r.place.country_code == cc
    lat, lon = country_points()[cc]
    assert haversine_km(r.lat, r.lon, lat, lon) < 1.0
    assert _mainlands()[cc].contains(Point(r.lon, r.lat))


def test_a_country_in_running_text_gets_the_same_point(gz) -> None:
    ms = [m for m in gz.geoparse("Floods hit eastern India and the monsoon reached Libya early.") if m.resolution]
    got = {m.text: (m.resolution.lat, m.resolution.lon) for m in ms}
    assert haversine_km(*got["India"], 22.0, 79.0) < 1.0          # GeoNames' point
    assert haversine_km(*got["Libya"], 28.0, 17.0) < 1.0


def test_canada_keeps_the_central_point_not_geonames_alberta_one(gz) -> None:
    r = gz.geocode_resolution("Canada")
    assert r is not None and haversine_km(r.lat, r.lon, 60.11, -113.64) > 500
